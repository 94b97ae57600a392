#include "reports/SarifWriter.hpp"

#include "reports/InterleavingTable.hpp"
#include "reports/JsonFormat.hpp"
#include "reports/RuleCatalog.hpp"
#include "reports/ScheduleCodec.hpp"

#include <algorithm>
#include <cstdio>

namespace checker::report {

namespace {

using Json = nlohmann::ordered_json;

Json text(const std::string& value)
{
    return {{"text", value}};
}

const char* levelOf(Severity severity)
{
    switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
    }
    return "error";
}

Json ruleJson(const std::string& id, const RuleInfo& info)
{
    return {{"id", id},
            {"name", std::string(info.name)},
            {"shortDescription", text(std::string(info.title))},
            {"fullDescription", text(std::string(info.summary))},
            {"help", text(std::string(info.fix))},
            {"defaultConfiguration", {{"level", "error"}}},
            {"properties", {{"tags", {"concurrency", "windows-kernel"}}}}};
}

// The rule ids in driver order: kinds, catalog misuse rules, then other rules findings name.
std::vector<std::string> ruleIds(const Report& report)
{
    std::vector<std::string> ids;
    for (size_t k = 0; k < size_t(FindingKind::Count_); ++k) ids.push_back(findingKindId(FindingKind(k)));
    for (const RuleInfo& rule : misuseRules()) ids.push_back("api_misuse/" + std::string(rule.id));
    std::vector<std::string> extra;
    for (const Finding& finding : report.findings) {
        const std::string id = sarifRuleId(finding);
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) extra.push_back(id);
    }
    std::sort(extra.begin(), extra.end());
    extra.erase(std::unique(extra.begin(), extra.end()), extra.end());
    ids.insert(ids.end(), extra.begin(), extra.end());
    return ids;
}

Json rulesJson(const std::vector<std::string>& ids)
{
    Json rules = Json::array();
    for (const std::string& id : ids) {
        const size_t slash = id.find('/');
        const auto kind = findingKindFromId(id.substr(0, slash));
        const RuleInfo* misuse = slash == std::string::npos ? nullptr : misuseRule(id.substr(slash + 1));
        RuleInfo info = misuse ? *misuse : kindInfo(kind.value_or(FindingKind::ApiMisuse));
        if (slash != std::string::npos && !misuse) info.name = "ApiMisuse";
        rules.push_back(ruleJson(id, info));
    }
    return rules;
}

Json physicalLocation(const std::string& uri, int32_t line)
{
    Json artifact = objectWithRoom(2);
    artifact["uri"] = uri;
    artifact["index"] = 0;
    Json out = objectWithRoom(2);
    out["artifactLocation"] = std::move(artifact);
    out["region"] = {{"startLine", line > 0 ? line : 1}};
    return out;
}

std::string describe(const Location& location)
{
    std::string out = location.thread.empty() ? std::string() : location.thread + " at ";
    out += location.pointer.empty() ? std::string("(no statement)") : location.pointer;
    if (!location.label.empty()) out += " [" + location.label + "]";
    if (!location.text.empty()) out += ": " + location.text;
    return out;
}

Json locationJson(const std::string& uri, int32_t line, const std::string& message)
{
    Json out = objectWithRoom(2);
    out["physicalLocation"] = physicalLocation(uri, line);
    out["message"] = text(message);
    return out;
}

Json locationJson(const std::string& uri, const Location& location)
{
    return locationJson(uri, location.line, describe(location));
}

// Per thread, in order of first step: the steps of the trace (or, without a trace, the finding's
// statements) as threadFlowLocations with global executionOrder.
Json threadFlowsJson(const Finding& finding, const std::string& uri)
{
    Trace trace;
    if (finding.trace) {
        trace = *finding.trace;
    } else {
        for (size_t i = 0; i < finding.locations.size(); ++i) {
            const Location& l = finding.locations[i];
            trace.steps.push_back({i + 1, l.thread, l.text, l.pointer, l.label, l.line, "", {}, false});
        }
    }
    Json flows = Json::array();
    for (const std::string& thread : traceThreads(trace)) {
        Json locations = Json::array();
        for (const TraceStep& step : trace.steps) {
            if (step.thread != thread) continue;
            const bool essential = step.blocked || std::any_of(finding.locations.begin(), finding.locations.end(),
                                                               [&](const Location& l) { return l.pointer == step.pointer; });
            std::string message = (step.blocked ? "blocked at " : "") + cellText(step);
            if (!step.pointer.empty()) message += " (" + step.pointer + ")";
            Json item = objectWithRoom(3);
            item["location"] = locationJson(uri, step.line, message);
            item["executionOrder"] = step.index;
            item["importance"] = essential ? "essential" : "important";
            locations.push_back(std::move(item));
        }
        flows.push_back({{"id", thread}, {"message", text(thread)}, {"locations", std::move(locations)}});
    }
    return flows;
}

Json resultJson(const Finding& finding, const std::vector<std::string>& ids, const std::string& uri)
{
    const std::string ruleId = sarifRuleId(finding);
    Json related = Json::array();
    for (size_t i = 1; i < finding.locations.size(); ++i) {
        Json item = locationJson(uri, finding.locations[i]);
        item["id"] = i;
        related.push_back(std::move(item));
    }
    const Location primary = finding.locations.empty() ? Location{} : finding.locations.front();
    Json result = objectWithRoom(9);
    result["ruleId"] = ruleId;
    result["ruleIndex"] = size_t(std::find(ids.begin(), ids.end(), ruleId) - ids.begin());
    result["level"] = levelOf(finding.severity);
    result["message"] = text(finding.id + ": " + finding.message);
    result["locations"] = Json::array({locationJson(uri, primary)});
    if (!related.empty()) result["relatedLocations"] = std::move(related);
    result["partialFingerprints"] = {{kSarifFingerprintKey, finding.fingerprint}};
    Json flows = threadFlowsJson(finding, uri);
    if (!flows.empty()) {
        const uint64_t steps = finding.witness.steps();
        result["codeFlows"] = Json::array({{{"message", text("witness interleaving, " + std::to_string(steps) +
                                                                 (steps == 1 ? " step" : " steps"))},
                                            {"threadFlows", std::move(flows)}}});
    }
    result["properties"] = {{"id", finding.id},
                            {"executions", finding.executions},
                            {"threads", finding.threads},
                            {"objects", finding.objects},
                            {"notes", finding.notes},
                            {"witness", {{"schedule", encodeSchedule(finding.witness.schedule)},
                                         {"steps", finding.witness.steps()}}}};
    return result;
}

Json runProperties(const Report& report)
{
    const ExplorationStats& stats = report.exploration;
    return {{"scenario", report.scenarioName},
            {"verdict", report.verdict()},
            {"exploration", {{"complete", stats.complete},
                             {"stopped_by", stats.stoppedBy.empty() ? Json(nullptr) : Json(stats.stoppedBy)},
                             {"strategy", report.options.strategy},
                             {"executions", stats.executions},
                             {"distinct_outcomes", stats.distinctOutcomes}}},
            {"expectations", {{"checked", report.expectations.checked},
                              {"met", report.expectations.met},
                              {"mismatches", report.expectations.mismatches}}}};
}

}  // namespace

std::string uriOfPath(const std::string& path)
{
    std::string out = !path.empty() && path.front() == '/' ? "file://" : "";
    for (const char raw : path) {
        const auto c = static_cast<unsigned char>(raw == '\\' ? '/' : raw);
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        if (unreserved) {
            out += char(c);
        } else {
            char buffer[4];
            std::snprintf(buffer, sizeof buffer, "%%%02X", unsigned(c));
            out += buffer;
        }
    }
    return out;
}

nlohmann::ordered_json reportToSarif(const Report& report)
{
    const std::vector<std::string> ids = ruleIds(report);
    const std::string uri = uriOfPath(report.scenarioFile);
    Json results = Json::array();
    for (const Finding& finding : report.findings) results.push_back(resultJson(finding, ids, uri));
    Json driver = {{"name", "checker"},
                   {"version", report.checkerVersion},
                   {"semanticVersion", report.checkerVersion},
                   {"rules", rulesJson(ids)}};
    Json run = objectWithRoom(5);
    run["tool"] = {{"driver", std::move(driver)}};
    run["invocations"] = Json::array({{{"executionSuccessful", true}}});
    run["artifacts"] = Json::array({{{"location", {{"uri", uri}}}, {"roles", {"analysisTarget"}}}});
    run["results"] = std::move(results);
    run["properties"] = runProperties(report);
    return {{"$schema", kSarifSchema}, {"version", "2.1.0"}, {"runs", Json::array({std::move(run)})}};
}

std::string SarifWriter::render(const Report& report) const
{
    return formatJson(reportToSarif(report)) + "\n";
}

}  // namespace checker::report
