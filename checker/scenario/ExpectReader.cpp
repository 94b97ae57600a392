#include "checker/scenario/ExpectReader.hpp"

#include <algorithm>
#include <charconv>

namespace checker {

namespace {

CountConstraint readCount(const LoadContext& context, const Json& value, const std::string& pointer)
{
    constexpr const char* kAllowed = "expected an integer >= 0, \">=K\", \"<=K\" or \"any\"";
    if (value.is_number()) {
        const int64_t count = context.check.integer(value, pointer);
        if (count < 0) context.fail(pointer, std::string(kAllowed) + ", got " + std::to_string(count));
        return {CountConstraint::Kind::Exact, count};
    }
    if (!value.is_string()) context.fail(pointer, std::string(kAllowed) + ", got " + describe(value));
    const std::string& text = value.get_ref<const std::string&>();
    if (text == "any") return {CountConstraint::Kind::Any, 0};
    if (text.size() > 2 && (text.starts_with(">=") || text.starts_with("<="))) {
        const size_t digits = text.find_first_not_of(' ', 2);
        int64_t bound = -1;
        const char* end = text.data() + text.size();
        auto [at, error] = std::from_chars(text.data() + std::min(digits, text.size()), end, bound);
        if (error == std::errc() && at == end && bound >= 0)
            return {text[0] == '>' ? CountConstraint::Kind::AtLeast : CountConstraint::Kind::AtMost, bound};
    }
    context.fail(pointer, std::string(kAllowed) + ", got " + inQuotes(text));
}

void readFindings(LoadContext& context, const Json& findings, const std::string& pointer)
{
    if (!findings.is_object())
        context.fail(pointer, "expected an object finding kind -> count, got " + describe(findings));
    context.check.object(findings, pointer, findingKinds(), "an object");
    for (const auto& [kind, value] : findings.items())
        context.program.expect.findings.emplace(kind, readCount(context, value, pointerTo(pointer, kind)));
    context.program.expect.hasFindings = true;
}

NameResolver finalNames(const LoadContext& context, const std::string& forVar)
{
    return [&context, forVar](std::string_view name) {
        if (!forVar.empty() && name == forVar) return NameBinding::local(0);
        if (name == "self") return NameBinding::invalid("\"self\" is not available in expect");
        return bindDeclaredName(context, name);
    };
}

void readRange(LoadContext& context, const Json& predicate, const std::string& pointer, FinalPredicate& final)
{
    const std::string varPointer = pointerTo(pointer, "for");
    final.forVar = context.check.name(*JsonCheck::find(predicate, "for"), varPointer, "loop variable");
    if (std::string taken = nameTakenBy(context, final.forVar); !taken.empty())
        context.fail(varPointer, "loop variable " + inQuotes(final.forVar) + " would hide " + taken);
    final.from = readConstant(context, context.check.member(predicate, pointer, "from"), pointerTo(pointer, "from"));
    final.below =
        readConstant(context, context.check.member(predicate, pointer, "below"), pointerTo(pointer, "below"));
    if (final.below > final.from && final.below - final.from > kMaxFinalRange)
        context.fail(pointerTo(pointer, "below"), "more than " + std::to_string(kMaxFinalRange) + " iterations");
}

void readFinal(LoadContext& context, const Json& predicate, const std::string& pointer)
{
    context.check.object(predicate, pointer, {"for", "from", "below", "path", "exists", "size", "content"},
                         "a final-state predicate (a JSON object)");
    FinalPredicate final;
    final.pointer = pointer;
    if (JsonCheck::find(predicate, "for")) {
        readRange(context, predicate, pointer, final);
    } else {
        for (std::string_view key : {"from", "below"})
            if (JsonCheck::find(predicate, key))
                context.fail(pointerTo(pointer, key), "\"" + std::string(key) + "\" needs \"for\"");
    }
    const NameResolver names = finalNames(context, final.forVar);
    final.path =
        readTemplate(context, context.check.member(predicate, pointer, "path"), pointerTo(pointer, "path"), names);
    if (const Json* exists = JsonCheck::find(predicate, "exists"))
        final.exists = context.check.boolean(*exists, pointerTo(pointer, "exists")) ? FinalPredicate::Exists::Yes
                                                                                    : FinalPredicate::Exists::No;
    for (std::string_view key : {"size", "content"})
        if (JsonCheck::find(predicate, key) && final.exists == FinalPredicate::Exists::No)
            context.fail(pointerTo(pointer, key),
                         "\"" + std::string(key) + "\" cannot hold for a file expected absent");
    if (const Json* size = JsonCheck::find(predicate, "size"))
        final.size = readExpr(context, *size, pointerTo(pointer, "size"), names);
    if (const Json* content = JsonCheck::find(predicate, "content"))
        final.content = readTemplate(context, *content, pointerTo(pointer, "content"), names);
    context.program.expect.final.push_back(std::move(final));
}

}  // namespace

const std::vector<std::string_view>& findingKinds()
{
    static const std::vector<std::string_view> kinds{
        "deadlock",     "lock_order_inversion", "data_race",         "file_race",  "lost_file", "unexpected_file",
        "file_content", "outcome_divergence",   "assertion_failure", "api_misuse", "livelock",  "runtime_error",
    };
    return kinds;
}

void readExpect(LoadContext& context, const Json* expect)
{
    if (!expect) return;
    context.check.object(*expect, "/expect", {"findings", "final", "executions"}, "an object");
    context.program.expect.present = true;
    if (const Json* findings = JsonCheck::find(*expect, "findings"))
        readFindings(context, *findings, "/expect/findings");
    if (const Json* final = JsonCheck::find(*expect, "final")) {
        context.check.array(*final, "/expect/final");
        for (size_t i = 0; i < final->size(); ++i) readFinal(context, (*final)[i], pointerTo("/expect/final", i));
    }
    if (const Json* executions = JsonCheck::find(*expect, "executions")) {
        const int64_t count = context.check.integer(*executions, "/expect/executions");
        if (count < 0) context.fail("/expect/executions", "expected an integer >= 0, got " + std::to_string(count));
        context.program.expect.hasExecutions = true;
        context.program.expect.executions = count;
    }
}

}  // namespace checker
