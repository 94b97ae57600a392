#include "checker/cli/ExpectationCheck.hpp"

#include <array>

namespace checker::cli {

namespace {

using report::FindingKind;

std::string constraintText(const CountConstraint& constraint)
{
    switch (constraint.kind) {
    case CountConstraint::Kind::Exact: return std::to_string(constraint.value);
    case CountConstraint::Kind::AtLeast: return ">=" + std::to_string(constraint.value);
    case CountConstraint::Kind::AtMost: return "<=" + std::to_string(constraint.value);
    case CountConstraint::Kind::Any: return "any";
    }
    return "?";
}

bool satisfies(const CountConstraint& constraint, int64_t count)
{
    switch (constraint.kind) {
    case CountConstraint::Kind::Exact: return count == constraint.value;
    case CountConstraint::Kind::AtLeast: return count >= constraint.value;
    case CountConstraint::Kind::AtMost: return count <= constraint.value;
    case CountConstraint::Kind::Any: return true;
    }
    return false;
}

// The constraint that applies to `kind` under `expect`.
CountConstraint constraintFor(const Expectations& expect, FindingKind kind)
{
    const std::string id = report::findingKindId(kind);
    if (expect.present && expect.hasFindings) {
        const auto it = expect.findings.find(id);
        return it != expect.findings.end() ? it->second : CountConstraint{};
    }
    if (kind == FindingKind::OutcomeDivergence) return {CountConstraint::Kind::Any, 0};
    return CountConstraint{};
}

}  // namespace

report::Expectations checkExpectations(const Expectations& expect,
                                       const std::vector<report::Finding>& findings,
                                       const report::ExplorationStats& stats)
{
    std::array<int64_t, size_t(FindingKind::Count_)> counts{};
    for (const report::Finding& finding : findings) ++counts.at(size_t(finding.kind));

    report::Expectations out;
    out.checked = expect.present;
    for (const auto& [id, constraint] : expect.findings)
        if (!report::findingKindFromId(id)) out.mismatches.push_back(id + ": not a finding kind");
    for (size_t i = 0; i < counts.size(); ++i) {
        const auto kind = FindingKind(i);
        const CountConstraint constraint = constraintFor(expect, kind);
        if (!satisfies(constraint, counts[i]))
            out.mismatches.push_back(std::string(report::findingKindId(kind)) + ": expected " +
                                     constraintText(constraint) + ", found " + std::to_string(counts[i]));
    }
    if (expect.present && expect.hasExecutions && stats.complete &&
        stats.executions != uint64_t(expect.executions))
        out.mismatches.push_back("executions: expected " + std::to_string(expect.executions) + ", found " +
                                 std::to_string(stats.executions));
    out.met = out.mismatches.empty();
    return out;
}

}  // namespace checker::cli
