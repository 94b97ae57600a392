#pragma once
// The locals of one body (SCENARIO_FORMAT.md "Threads", "Statements"). Slot 0 is `self`. Every
// name assigned anywhere in the body — by let, load, for, or a call's out-argument (status,
// result, previous, information, and handle of ZwCreateFile/ZwOpenFile) — is a local of the whole
// body, whatever the statement's position; slots follow the document order of first assignment;
// every local is 0 until set. A local may not reuse the name of a param, object, global, built-in
// constant, `self` or NT_SUCCESS.

#include "checker/scenario/LoadContext.hpp"

#include <vector>

namespace checker {

class BodyScope {
public:
    // Collects the locals assigned in `statements` (a statement list, possibly malformed: what
    // cannot be a local is skipped here and reported when the statement is read).
    BodyScope(const LoadContext& context, const Json& statements);

    // Slot -> name, starting with "self".
    const std::vector<std::string>& localNames() const { return names_; }

    // Binds the names of this body's expressions: locals and self, then params; a global, object or
    // thread is an error that says why.
    NameResolver resolver() const;

    // The slot of the local that `value` (at `pointer`) assigns; fails for a bad or forbidden name.
    int32_t assigned(const Json& value, const std::string& pointer) const;

private:
    void collect(const Json& statements, size_t depth);
    void declare(const Json* value);
    bool mayDeclare(std::string_view name) const;

    const LoadContext& context_;
    NameIndex slots_;
    std::vector<std::string> names_;
};

}  // namespace checker
