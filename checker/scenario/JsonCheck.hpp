#pragma once
// Checks on the JSON of one scenario file. Each check returns the value in the shape asked for or
// throws InputError(file, pointer, problem): one line saying what is wrong and what is allowed.

#include "checker/scenario/JsonText.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace checker {

// The longest name (param, object, global, thread, APC, local) accepted.
constexpr size_t kMaxNameLength = 128;

// parent + "/" + key (escaped), and parent + "/" + index.
std::string pointerTo(const std::string& parent, std::string_view key);
std::string pointerTo(const std::string& parent, size_t index);

// "an object", "an array", "a string", "an integer", "a number", "a boolean", "null".
std::string describe(const Json& value);

// `text` in double quotes, control characters escaped, cut to `max` characters with "...".
std::string inQuotes(std::string_view text, size_t max = 60);

// "a, b, c"; past `max` names, the rest become ", ... (N more)".
std::string joined(const std::vector<std::string_view>& names, size_t max = 40);

// Whether `name` matches [A-Za-z_][A-Za-z0-9_]*.
bool isIdentifier(std::string_view name);

class JsonCheck {
public:
    explicit JsonCheck(std::string file) : file_(std::move(file)) {}

    const std::string& file() const { return file_; }

    [[noreturn]] void fail(const std::string& pointer, const std::string& problem) const;

    // `value` must be an object whose keys are all in `allowed`; `what` names it ("an object
    // declaration"). An unknown key is reported at its own pointer with the allowed keys.
    void object(const Json& value, const std::string& pointer, const std::vector<std::string_view>& allowed,
                std::string_view what) const;

    // The member `key` of object `object`, which must be there.
    const Json& member(const Json& object, const std::string& pointer, std::string_view key) const;
    // The member `key`, or null if absent.
    static const Json* find(const Json& object, std::string_view key);

    const Json& array(const Json& value, const std::string& pointer) const;
    const std::string& string(const Json& value, const std::string& pointer) const;
    bool boolean(const Json& value, const std::string& pointer) const;
    int64_t integer(const Json& value, const std::string& pointer) const;
    // `true` (break, continue, return, yield).
    void isTrue(const Json& value, const std::string& pointer) const;
    // A string naming something: an identifier of at most kMaxNameLength characters.
    const std::string& name(const Json& value, const std::string& pointer, std::string_view what) const;

private:
    [[noreturn]] void wrongType(const Json& value, const std::string& pointer, std::string_view expected) const;

    std::string file_;
};

}  // namespace checker
