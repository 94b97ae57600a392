#include "reports/Report.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <tuple>

namespace checker::report {

namespace {

constexpr std::array<const char*, size_t(FindingKind::Count_)> kKindIds = {
    "deadlock",     "lock_order_inversion", "data_race",          "file_race",
    "lost_file",    "unexpected_file",      "file_content",       "outcome_divergence",
    "assertion_failure", "api_misuse",      "livelock",           "runtime_error",
};

bool findingLess(const Finding& a, const Finding& b)
{
    return std::tie(a.kind, a.fingerprint, a.rule, a.message) <
           std::tie(b.kind, b.fingerprint, b.rule, b.message);
}

bool outcomeLess(const Outcome& a, const Outcome& b)
{
    if (a.executions != b.executions) return a.executions > b.executions;
    return std::tie(a.digest, a.summary) < std::tie(b.digest, b.summary);
}

}  // namespace

const char* findingKindId(FindingKind kind)
{
    const auto index = size_t(kind);
    if (index >= kKindIds.size()) throw std::out_of_range("findingKindId: not a finding kind");
    return kKindIds[index];
}

std::optional<FindingKind> findingKindFromId(const std::string& id)
{
    for (size_t i = 0; i < kKindIds.size(); ++i)
        if (id == kKindIds[i]) return FindingKind(i);
    return std::nullopt;
}

const char* severityId(Severity s)
{
    switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
    }
    throw std::out_of_range("severityId: not a severity");
}

std::string Report::verdict() const
{
    if (expectations.checked) return expectations.met ? "pass" : "fail";
    const bool unexpected = std::any_of(findings.begin(), findings.end(), [](const Finding& finding) {
        return finding.kind != FindingKind::OutcomeDivergence;
    });
    return unexpected ? "fail" : "pass";
}

void canonicalize(Report& report)
{
    std::stable_sort(report.findings.begin(), report.findings.end(), findingLess);
    for (size_t i = 0; i < report.findings.size(); ++i) {
        Finding& finding = report.findings[i];
        finding.id = 'F' + std::to_string(i + 1);
        finding.dotFile = finding.graph ? finding.id + "-" + findingKindId(finding.kind) + ".dot" : "";
        finding.interleavingDotFile = finding.trace ? finding.id + "-interleaving.dot" : "";
    }

    auto& outcomes = report.outcomes;
    report.exploration.distinctOutcomes =
        std::max<uint64_t>(report.exploration.distinctOutcomes, outcomes.size());
    std::stable_sort(outcomes.begin(), outcomes.end(), outcomeLess);
    if (outcomes.size() > kMaxListedOutcomes) outcomes.resize(kMaxListedOutcomes);
}

}  // namespace checker::report
