#pragma once
// Helpers for the detector tests: explore an inline scenario (or a bundled one, with params) and
// look at its findings and outcomes.

#include "checker/explore/Explorer.hpp"
#include "checker/scenario/ScenarioLoader.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <string>
#include <vector>

namespace checker::test {

inline ExploreResult exploreText(const std::string& json, ExploreOptions options = {})
{
    Program program = loadScenarioText(json, "test.json", LoadOptions{});
    return explore(program, options);
}

inline ExploreResult exploreFile(const std::string& path, const std::vector<std::pair<std::string, int64_t>>& params,
                                 ExploreOptions options = {})
{
    LoadOptions load;
    load.paramOverrides = params;
    Program program = loadScenarioFile(std::string(CHECKER_SOURCE_ROOT) + "/" + path, load);
    return explore(program, options);
}

inline size_t countKind(const ExploreResult& r, report::FindingKind kind)
{
    return size_t(std::count_if(r.findings.begin(), r.findings.end(),
                                [&](const report::Finding& f) { return f.kind == kind; }));
}

inline size_t countRule(const ExploreResult& r, const std::string& rule)
{
    return size_t(std::count_if(r.findings.begin(), r.findings.end(),
                                [&](const report::Finding& f) { return f.rule == rule; }));
}

inline const report::Finding* firstOf(const ExploreResult& r, report::FindingKind kind)
{
    for (const auto& f : r.findings)
        if (f.kind == kind) return &f;
    return nullptr;
}

inline bool hasOutcome(const ExploreResult& r, const std::string& summary)
{
    return std::any_of(r.outcomes.begin(), r.outcomes.end(),
                       [&](const report::Outcome& o) { return o.summary == summary; });
}

// Every finding's text, for assertion messages.
inline std::string describe(const ExploreResult& r)
{
    std::string out;
    for (const auto& f : r.findings) out += std::string(report::findingKindId(f.kind)) + " " + f.rule + ": " + f.message + "\n";
    for (const auto& o : r.outcomes) out += "outcome x" + std::to_string(o.executions) + ": " + o.summary + "\n";
    return out;
}

}  // namespace checker::test
