#include "reports/JsonReportWriter.hpp"

#include "reports/JsonFormat.hpp"
#include "reports/ScheduleCodec.hpp"

#include <cmath>

namespace checker::report {

namespace {

using Json = nlohmann::ordered_json;

template <typename T>
Json orNull(const std::optional<T>& value)
{
    return value ? Json(*value) : Json(nullptr);
}

Json stringOrNull(const std::string& value)
{
    return value.empty() ? Json(nullptr) : Json(value);
}

double roundToMilliseconds(double seconds)
{
    return std::isfinite(seconds) ? std::round(seconds * 1000.0) / 1000.0 : 0.0;
}

Json scenarioJson(const Report& report)
{
    Json params = Json::object();
    for (const auto& [name, value] : report.params) params[name] = value;
    return {{"name", report.scenarioName}, {"file", report.scenarioFile}, {"params", std::move(params)}};
}

Json optionsJson(const RunOptions& options)
{
    return {{"strategy", options.strategy},
            {"jobs", options.jobs},
            {"max_executions", orNull(options.maxExecutions)},
            {"time_limit_s", orNull(options.timeLimitSeconds)},
            {"max_steps", orNull(options.maxSteps)},
            {"preemption_bound", orNull(options.preemptionBound)},
            {"seed", orNull(options.seed)},
            {"runs", orNull(options.runs)},
            {"stop_on_first", options.stopOnFirst}};
}

Json explorationJson(const ExplorationStats& stats)
{
    return {{"complete", stats.complete},
            {"stopped_by", stringOrNull(stats.stoppedBy)},
            {"executions", stats.executions},
            {"blocked_executions", stats.blockedExecutions},
            {"assume_discarded", stats.assumeDiscarded},
            {"distinct_outcomes", stats.distinctOutcomes},
            {"steps", stats.steps},
            {"max_depth", stats.maxDepth},
            {"elapsed_s", roundToMilliseconds(stats.elapsedSeconds)}};
}

Json locationJson(const Location& location)
{
    return {{"thread", location.thread},
            {"pointer", location.pointer},
            {"label", stringOrNull(location.label)},
            {"line", location.line > 0 ? Json(location.line) : Json(nullptr)},
            {"text", stringOrNull(location.text)}};
}

Json graphJson(const Graph& graph)
{
    Json nodes = Json::array();
    for (const GraphNode& node : graph.nodes) {
        Json item = {{"id", node.id}, {"type", node.type}};
        if (!node.detail.empty()) item["detail"] = node.detail;
        nodes.push_back(std::move(item));
    }
    Json edges = Json::array();
    for (const GraphEdge& edge : graph.edges)
        edges.push_back({{"from", edge.from}, {"to", edge.to}, {"label", edge.label}});
    Json out = objectWithRoom(3);
    out["nodes"] = std::move(nodes);
    out["edges"] = std::move(edges);
    out["cycle"] = graph.cycle;
    return out;
}

Json findingJson(const Finding& finding)
{
    Json locations = Json::array();
    for (const Location& location : finding.locations) locations.push_back(locationJson(location));
    Json item = {{"id", finding.id},
                 {"kind", findingKindId(finding.kind)},
                 {"rule", stringOrNull(finding.rule)},
                 {"severity", severityId(finding.severity)},
                 {"fingerprint", finding.fingerprint},
                 {"message", finding.message},
                 {"executions", finding.executions},
                 {"threads", finding.threads},
                 {"objects", finding.objects},
                 {"locations", std::move(locations)}};
    item["notes"] = finding.notes;
    if (finding.graph) item["graph"] = graphJson(*finding.graph);
    item["dot"] = stringOrNull(finding.dotFile);
    item["interleaving_dot"] = stringOrNull(finding.interleavingDotFile);
    item["witness"] = {{"schedule", encodeSchedule(finding.witness.schedule)},
                       {"steps", finding.witness.steps()}};
    return item;
}

Json outcomeJson(const Outcome& outcome)
{
    return {{"digest", outcome.digest},
            {"executions", outcome.executions},
            {"summary", outcome.summary},
            {"witness", {{"schedule", encodeSchedule(outcome.witness.schedule)}}}};
}

Json expectationsJson(const Expectations& expectations)
{
    return {{"checked", expectations.checked},
            {"met", expectations.met},
            {"mismatches", expectations.mismatches}};
}

}  // namespace

nlohmann::ordered_json reportToJson(const Report& report)
{
    Json findings = Json::array();
    for (const Finding& finding : report.findings) findings.push_back(findingJson(finding));
    Json outcomes = Json::array();
    for (const Outcome& outcome : report.outcomes) outcomes.push_back(outcomeJson(outcome));
    Json out = objectWithRoom(9);
    out["schema"] = Report::kSchema;
    out["checker"] = {{"version", report.checkerVersion}};
    out["scenario"] = scenarioJson(report);
    out["options"] = optionsJson(report.options);
    out["exploration"] = explorationJson(report.exploration);
    out["verdict"] = report.verdict();
    out["findings"] = std::move(findings);
    out["outcomes"] = std::move(outcomes);
    out["expectations"] = expectationsJson(report.expectations);
    return out;
}

std::string JsonReportWriter::render(const Report& report) const
{
    return formatJson(reportToJson(report)) + "\n";
}

}  // namespace checker::report
