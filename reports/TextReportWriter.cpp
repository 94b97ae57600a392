#include "reports/TextReportWriter.hpp"

#include <cstdio>
#include <filesystem>
#include <string_view>
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

std::string bannerOf(const Finding& finding)
{
    switch (finding.kind) {
    case FindingKind::Deadlock: return "*** DEADLOCK ***";
    case FindingKind::LockOrderInversion: return "possible circular locking dependency detected";
    default: return "";
    }
}

std::string cycleText(const Graph& graph)
{
    std::vector<std::string> nodes = graph.cycle;
    nodes.push_back(graph.cycle.front());
    return joined(nodes, " -> ");
}

std::string graphText(const Graph& graph)
{
    std::string out;
    if (!graph.cycle.empty()) out += field("cycle", cycleText(graph), 4);
    for (const GraphEdge& edge : graph.edges)
        out += "      " + edge.from + "  " + edge.label + "  " + edge.to + "\n";
    return out;
}

std::string locationText(const Location& location)
{
    std::string out = "      " + location.thread + "  " + location.pointer;
    if (location.line > 0) out += "  line " + std::to_string(location.line);
    if (!location.label.empty()) out += "  [" + location.label + "]";
    if (!location.text.empty()) out += "  " + location.text;
    return out + "\n";
}

}  // namespace

std::string shellWord(const std::string& word)
{
    bool plain = !word.empty();
    for (const char c : word) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        std::string_view("_./:=+-").find(c) != std::string_view::npos;
        plain = plain && ok;
    }
    if (plain) return word;
    std::string out = "'";
    for (const char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

TextReportWriter::TextReportWriter(std::string reportPath) : reportPath_(std::move(reportPath)) {}

std::string TextReportWriter::render(const Report& report) const
{
    std::string out = headerText(report);
    out += '\n';
    out += report.findings.empty() ? std::string("no findings") : plural(report.findings.size(), "finding");
    out += '\n';
    for (const Finding& finding : report.findings) out += findingText(finding);
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

std::string TextReportWriter::findingText(const Finding& finding) const
{
    std::string out = "\n";
    out += finding.id;
    out += "  ";
    out += findingKindId(finding.kind);
    if (!finding.rule.empty()) out += " " + finding.rule;
    out += "  [" + std::string(severityId(finding.severity)) + "]";
    if (!bannerOf(finding).empty()) out += "  " + bannerOf(finding);
    out += "\n    ";
    out += finding.message;
    out += '\n';
    if (finding.graph) out += graphText(*finding.graph);
    if (!finding.threads.empty()) out += field("threads", joined(finding.threads, ", "), 4);
    if (!finding.objects.empty()) out += field("objects", joined(finding.objects, ", "), 4);
    if (!finding.locations.empty()) out += "    statements\n";
    for (const Location& location : finding.locations) out += locationText(location);
    out += field("seen in", plural(finding.executions, "execution") + "; witness of " +
                                plural(finding.witness.steps(), "step"), 4);
    const std::filesystem::path folder = std::filesystem::path(reportPath_).parent_path();
    if (!finding.dotFile.empty()) out += field("graph", (folder / finding.dotFile).string(), 4);
    out += field("replay", "checker replay " + shellWord(reportPath_) + " --finding " + finding.id, 4);
    return out;
}

}  // namespace checker::report
