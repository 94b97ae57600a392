#include "reports/TextReportWriter.hpp"

#include "reports/FindingText.hpp"

#include <cstdio>
#include <utility>

namespace checker::report {

namespace {

// Width of the left column of "name  value" lines.
constexpr size_t kColumn = 13;

std::string field(const std::string& name, const std::string& value, size_t indent = 0)
{
    std::string line(indent, ' ');
    line += name;
    line += std::string(name.size() < kColumn ? kColumn - name.size() : 1, ' ');
    return line + value + "\n";
}

std::string joined(const std::vector<std::string>& items, const std::string& separator)
{
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
    return out;
}

std::string plural(uint64_t count, const std::string& word)
{
    return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}

std::string seconds(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f s", value);
    return buffer;
}

std::string explorationLine(const Report& report)
{
    const ExplorationStats& stats = report.exploration;
    std::string state = stats.complete ? "complete" : "INCOMPLETE";
    if (!stats.stoppedBy.empty()) state += " (stopped by " + stats.stoppedBy + ")";
    return state + ", " + report.options.strategy + ": " + plural(stats.executions, "execution") +
           ", " + std::to_string(stats.blockedExecutions) + " blocked, " +
           plural(stats.steps, "step") + ", max depth " + std::to_string(stats.maxDepth) + ", " +
           seconds(stats.elapsedSeconds);
}

std::string headerText(const Report& report)
{
    std::string out = field("scenario", report.scenarioName + " (" + report.scenarioFile + ")");
    if (!report.scenarioDescription.empty()) out += field("", report.scenarioDescription);
    if (!report.params.empty()) {
        std::vector<std::string> params;
        for (const auto& [name, value] : report.params) params.push_back(name + "=" + std::to_string(value));
        out += field("params", joined(params, " "));
    }
    out += field("exploration", explorationLine(report));
    out += field("outcomes", plural(report.exploration.distinctOutcomes, "distinct final state"));
    return out;
}

}  // namespace

TextReportWriter::TextReportWriter(std::string reportPath) : reportPath_(std::move(reportPath)) {}

std::string TextReportWriter::render(const Report& report) const
{
    std::string out = headerText(report);
    out += '\n';
    out += report.findings.empty() ? std::string("no findings") : plural(report.findings.size(), "finding");
    out += '\n';
    for (const Finding& finding : report.findings) out += findingText(finding, reportPath_);
    out += '\n';
    out += field("verdict", report.verdict() == "pass" ? "PASS" : "FAIL");
    const Expectations& expectations = report.expectations;
    if (expectations.checked)
        out += field("expectations", expectations.met ? "met" : "not met");
    else if (!expectations.mismatches.empty())
        out += field("expectations", "none declared: every finding except outcome_divergence is unexpected");
    for (const std::string& mismatch : expectations.mismatches) out += field("", mismatch);
    return out;
}

}  // namespace checker::report
