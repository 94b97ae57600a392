#include "checker/scenario/LoadContext.hpp"

#include "checker/program/Constants.hpp"
#include "checker/program/Eval.hpp"
#include "checker/program/TemplateCompiler.hpp"

#include <algorithm>

namespace checker {

namespace {

constexpr size_t kMaxRendered = 80;

[[noreturn]] void badText(const LoadContext& context, const std::string& pointer, std::string_view kind,
                          std::string_view text, const CompileError& error)
{
    context.fail(pointer, "bad " + std::string(kind) + " " + inQuotes(text) + ": " + error.what());
}

}  // namespace

std::vector<std::string_view> namesOf(const NameIndex& index)
{
    std::vector<std::pair<int32_t, std::string_view>> ordered;
    for (const auto& [name, at] : index) ordered.emplace_back(at, name);
    std::sort(ordered.begin(), ordered.end());
    std::vector<std::string_view> names;
    for (const auto& entry : ordered) names.push_back(entry.second);
    return names;
}

NameBinding bindDeclaredName(const LoadContext& context, std::string_view name)
{
    if (auto it = context.params.find(name); it != context.params.end()) return NameBinding::constant(it->second);
    const std::string shown = inQuotes(name);
    if (context.globals.count(name)) return NameBinding::invalid(shown + " is a global: load it into a local first");
    if (context.objects.count(name)) return NameBinding::invalid(shown + " is a kernel object, not an integer");
    if (context.threads.count(name)) return NameBinding::invalid(shown + " is a thread, not an integer");
    return {};
}

NameResolver constantNames(const LoadContext& context)
{
    return [&context](std::string_view name) {
        NameBinding binding = bindDeclaredName(context, name);
        if (binding.kind == NameBinding::Kind::Unknown && name == "self")
            binding = NameBinding::invalid("\"self\" is not available here: this must be a constant");
        return binding;
    };
}

std::string nameTakenBy(const LoadContext& context, std::string_view name)
{
    if (name == "self") return "the instance number \"self\"";
    if (name == "NT_SUCCESS") return "the function NT_SUCCESS";
    if (namedConstant(name)) return "the built-in constant " + inQuotes(name);
    if (context.params.count(name)) return "the param " + inQuotes(name);
    if (context.globals.count(name)) return "the global " + inQuotes(name);
    return {};
}

CompiledExpr compileValue(const LoadContext& context, const Json& value, const std::string& pointer,
                          const NameResolver& names)
{
    if (value.is_boolean()) return constantExpr(value.get<bool>() ? 1 : 0);
    if (value.is_number()) return constantExpr(context.check.integer(value, pointer));
    if (!value.is_string())
        context.fail(pointer, "expected an expression (an integer, a boolean or a string), got " + describe(value));
    const std::string& text = value.get_ref<const std::string&>();
    try {
        return compileExpr(text, names);
    } catch (const CompileError& error) {
        badText(context, pointer, "expression", text, error);
    }
}

ExprRef readExpr(LoadContext& context, const Json& value, const std::string& pointer, const NameResolver& names)
{
    return appendExpr(context.program, compileValue(context, value, pointer, names));
}

int64_t readConstant(const LoadContext& context, const Json& value, const std::string& pointer)
{
    const CompiledExpr expr = compileValue(context, value, pointer, constantNames(context));
    if (std::optional<int64_t> constant = expr.constant()) return *constant;
    int64_t result = 0;
    const EvalError error = evalCode(expr.code.data(), uint32_t(expr.code.size()), nullptr, result);
    if (error != EvalError::None)
        context.fail(pointer,
                     "constant expression " + inQuotes(renderValue(value)) + " fails: " + evalErrorMessage(error));
    return result;
}

TemplateId readTemplate(LoadContext& context, const Json& value, const std::string& pointer,
                        const NameResolver& names)
{
    const std::string& text = context.check.string(value, pointer);
    try {
        return compileTemplate(context.program, text, names);
    } catch (const CompileError& error) {
        badText(context, pointer, "template", text, error);
    }
}

std::string expandConstantTemplate(const LoadContext& context, const Json& value, const std::string& pointer)
{
    const std::string& text = context.check.string(value, pointer);
    Program scratch;
    try {
        const TemplateId id = compileTemplate(scratch, text, constantNames(context));
        std::string expanded;
        const EvalError error = expandTemplate(scratch, id, nullptr, expanded);
        if (error != EvalError::None)
            context.fail(pointer, "template " + inQuotes(text) + " fails: " + evalErrorMessage(error));
        return expanded;
    } catch (const CompileError& error) {
        badText(context, pointer, "template", text, error);
    }
}

std::string renderValue(const Json& value)
{
    std::string text = value.is_string() ? value.get<std::string>() : value.dump();
    if (text.size() > kMaxRendered) text = text.substr(0, kMaxRendered) + "...";
    return text;
}

}  // namespace checker
