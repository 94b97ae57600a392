#pragma once
// What every part of the loader shares while one scenario is read: the file's checks, its source
// map, the options, the Program being built and the names declared so far.

#include "checker/program/ExprCompiler.hpp"
#include "checker/program/Program.hpp"
#include "checker/scenario/JsonCheck.hpp"
#include "checker/scenario/ScenarioLoader.hpp"
#include "checker/scenario/SourceMap.hpp"

#include <functional>
#include <map>
#include <string>

namespace checker {

using NameIndex = std::map<std::string, int32_t, std::less<>>;

struct LoadContext {
    JsonCheck check;
    const SourceMap& sourceMap;
    const LoadOptions& options;
    Program& program;
    std::map<std::string, int64_t, std::less<>> params;
    NameIndex objects;  // -> index into program.objects
    NameIndex globals;  // -> index into program.globals
    NameIndex threads;  // -> index into program.threadDecls
    NameIndex apcs;     // -> index into program.apcs

    [[noreturn]] void fail(const std::string& pointer, const std::string& problem) const
    {
        check.fail(pointer, problem);
    }
};

// The names of `index`, in order (for "declared: ..." messages).
std::vector<std::string_view> namesOf(const NameIndex& index);

// Binds a name outside any body: a param is its value; a global, object or thread is an error that
// says why; anything else is Unknown (left to the built-in constants).
NameBinding bindDeclaredName(const LoadContext& context, std::string_view name);

// The resolver for constant expressions: params and built-in constants only.
NameResolver constantNames(const LoadContext& context);

// Whether `name` is taken by a param, global, built-in constant, `self` or NT_SUCCESS — the names
// an expression could mean; a param, global or local may not reuse one. Returns what takes it.
std::string nameTakenBy(const LoadContext& context, std::string_view name);

// Compiles an expression given as a JSON integer, boolean or string.
CompiledExpr compileValue(const LoadContext& context, const Json& value, const std::string& pointer,
                          const NameResolver& names);

// compileValue, placed in the Program.
ExprRef readExpr(LoadContext& context, const Json& value, const std::string& pointer, const NameResolver& names);

// The value of a constant expression over params.
int64_t readConstant(const LoadContext& context, const Json& value, const std::string& pointer);

// A template (a JSON string), placed in the Program.
TemplateId readTemplate(LoadContext& context, const Json& value, const std::string& pointer,
                        const NameResolver& names);

// A template over params only, expanded now.
std::string expandConstantTemplate(const LoadContext& context, const Json& value, const std::string& pointer);

// A short rendering of a JSON value for statement texts: strings bare, others as JSON.
std::string renderValue(const Json& value);

}  // namespace checker
