#include "checker/scenario/BodyScope.hpp"

#include "checker/program/Api.hpp"
#include "checker/program/Invariant.hpp"

namespace checker {

BodyScope::BodyScope(const LoadContext& context, const Json& statements) : context_(context), names_{"self"}
{
    collect(statements, 0);
}

void BodyScope::collect(const Json& statements, size_t depth)
{
    if (!statements.is_array() || depth > kMaxJsonDepth) return;
    for (const Json& statement : statements) {
        if (!statement.is_object()) continue;
        for (std::string_view key : {"let", "load", "for"}) declare(JsonCheck::find(statement, key));
        const Json* call = JsonCheck::find(statement, "call");
        if (std::optional<Api> api = call && call->is_string() ? apiByName(call->get<std::string>()) : std::nullopt) {
            for (const ArgSpec& arg : apiSpec(*api).args)
                if (arg.kind == ArgKind::OutLocal) declare(JsonCheck::find(statement, arg.key));
        }
        for (std::string_view key : {"then", "else", "do"})
            if (const Json* nested = JsonCheck::find(statement, key)) collect(*nested, depth + 1);
    }
}

bool BodyScope::mayDeclare(std::string_view name) const
{
    return name.size() <= kMaxNameLength && isIdentifier(name) && nameTakenBy(context_, name).empty() &&
           !context_.objects.count(name);
}

void BodyScope::declare(const Json* value)
{
    if (!value || !value->is_string()) return;
    const std::string& name = value->get_ref<const std::string&>();
    if (!mayDeclare(name) || slots_.count(name)) return;
    slots_.emplace(name, int32_t(names_.size()));
    names_.push_back(name);
}

NameResolver BodyScope::resolver() const
{
    return [this](std::string_view name) {
        if (name == "self") return NameBinding::local(0);
        if (auto it = slots_.find(name); it != slots_.end()) return NameBinding::local(it->second);
        return bindDeclaredName(context_, name);
    };
}

int32_t BodyScope::assigned(const Json& value, const std::string& pointer) const
{
    const std::string& name = context_.check.name(value, pointer, "local name");
    if (name == "self") context_.fail(pointer, "\"self\" cannot be assigned: it is the thread's instance number");
    if (std::string taken = nameTakenBy(context_, name); !taken.empty())
        context_.fail(pointer, "local " + inQuotes(name) + " would hide " + taken);
    if (context_.objects.count(name))
        context_.fail(pointer, "local " + inQuotes(name) + " would hide the object " + inQuotes(name));
    auto it = slots_.find(name);
    CHECKER_INVARIANT(it != slots_.end());
    return it->second;
}

}  // namespace checker
