#include "reports/ReportReader.hpp"

#include "reports/ReportError.hpp"
#include "reports/ScheduleCodec.hpp"

#include <regex>

namespace checker::report {

namespace {

using Json = nlohmann::json;

// RFC 6901: "~" and "/" inside a key are escaped.
std::string childPointer(const std::string& parent, const std::string& key)
{
    std::string out = parent + "/";
    for (const char c : key) out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
    return out;
}

// A JSON value of the report with its pointer, for checked access and precise messages.
struct Node {
    const Json& value;
    std::string pointer;
    const std::string& file;

    [[noreturn]] void fail(const std::string& problem) const { throw ReportError(file, pointer, problem); }

    Node at(const std::string& key) const
    {
        if (!value.is_object()) fail("expected an object");
        const auto it = value.find(key);
        if (it == value.end()) Node{value, childPointer(pointer, key), file}.fail("missing");
        return Node{*it, childPointer(pointer, key), file};
    }

    bool has(const std::string& key) const { return value.is_object() && value.contains(key); }

    std::string string() const
    {
        if (!value.is_string()) fail("expected a string");
        return value.get<std::string>();
    }

    std::string stringOrNull() const { return value.is_null() ? std::string() : string(); }
};

void checkSchema(const Node& root)
{
    const Node schema = root.at("schema");
    if (!schema.value.is_number_integer() || schema.value.get<int64_t>() != Report::kSchema)
        schema.fail("unsupported report schema (this checker reads schema " +
                    std::to_string(Report::kSchema) + ")");
}

Node findingNode(const Node& root, const std::optional<std::string>& findingId)
{
    const Node findings = root.at("findings");
    if (!findings.value.is_array()) findings.fail("expected an array");
    if (findings.value.empty()) findings.fail("the report has no findings to replay");
    if (!findingId) return Node{findings.value[0], findings.pointer + "/0", root.file};
    std::string known;
    for (size_t i = 0; i < findings.value.size(); ++i) {
        const Node finding{findings.value[i], findings.pointer + "/" + std::to_string(i), root.file};
        const std::string id = finding.at("id").string();
        if (id == *findingId) return finding;
        known += (known.empty() ? "" : ", ") + id;
    }
    findings.fail("no finding with id " + *findingId + " (the report has: " + known + ")");
}

Witness readWitness(const Node& finding)
{
    const Node witness = finding.at("witness");
    const Node schedule = witness.at("schedule");
    Witness out{decodeSchedule(schedule.value, schedule.file, schedule.pointer)};
    if (witness.has("steps")) {
        const Node steps = witness.at("steps");
        if (!steps.value.is_number_unsigned() || steps.value.get<uint64_t>() != out.steps())
            steps.fail("expected the schedule's length, " + std::to_string(out.steps()));
    }
    return out;
}

ReportedFinding readFinding(const Node& finding)
{
    ReportedFinding out;
    out.id = finding.at("id").string();
    const Node kind = finding.at("kind");
    const auto parsed = findingKindFromId(kind.string());
    if (!parsed) kind.fail("unknown finding kind \"" + kind.string() + "\"");
    out.kind = *parsed;
    out.rule = finding.has("rule") ? finding.at("rule").stringOrNull() : std::string();
    out.fingerprint = finding.at("fingerprint").string();
    out.message = finding.has("message") ? finding.at("message").string() : std::string();
    out.witness = readWitness(finding);
    if (finding.has("notes")) {
        const Node notes = finding.at("notes");
        if (!notes.value.is_array()) notes.fail("expected an array of strings");
        for (size_t i = 0; i < notes.value.size(); ++i)
            out.notes.push_back(Node{notes.value[i], notes.pointer + "/" + std::to_string(i), notes.file}.string());
    }
    return out;
}

std::map<std::string, int64_t> readParams(const Node& scenario)
{
    const Node params = scenario.at("params");
    if (!params.value.is_object()) params.fail("expected an object of integers");
    std::map<std::string, int64_t> out;
    for (const auto& [name, value] : params.value.items()) {
        if (!value.is_number_integer())
            Node{value, childPointer(params.pointer, name), params.file}.fail("expected an integer");
        out[name] = value.get<int64_t>();
    }
    return out;
}

std::optional<uint64_t> readMaxSteps(const Node& root)
{
    if (!root.has("options") || !root.at("options").has("max_steps")) return std::nullopt;
    const Node maxSteps = root.at("options").at("max_steps");
    if (maxSteps.value.is_null()) return std::nullopt;
    if (!maxSteps.value.is_number_unsigned() || maxSteps.value.get<uint64_t>() == 0)
        maxSteps.fail("expected a positive integer or null");
    return maxSteps.value.get<uint64_t>();
}

// A DOT file name as canonicalize() makes them, or "" for null / absent.
std::string dotName(const Node& finding, const std::string& key)
{
    if (!finding.has(key)) return "";
    const Node name = finding.at(key);
    const std::string value = name.stringOrNull();
    static const std::regex kDotName("F[0-9]+-[a-z_]+\\.dot");
    if (!value.empty() && !std::regex_match(value, kDotName)) name.fail("expected a file name such as F1-deadlock.dot");
    return value;
}

FindingDrawings readDrawings(const Node& finding)
{
    FindingDrawings out;
    out.id = finding.at("id").string();
    const Node kind = finding.at("kind");
    const auto parsed = findingKindFromId(kind.string());
    if (!parsed) kind.fail("unknown finding kind \"" + kind.string() + "\"");
    out.kind = *parsed;
    out.graphDot = dotName(finding, "dot");
    out.interleavingDot = dotName(finding, "interleaving_dot");
    return out;
}

}  // namespace

nlohmann::json parseReportText(const std::string& text, const std::string& file)
{
    try {
        return Json::parse(text);
    } catch (const Json::parse_error& error) {
        throw ReportError(file + ": not a JSON report: " + error.what());
    }
}

Witness readWitnessFromReport(const nlohmann::json& report, const std::string& findingId,
                              const std::string& file)
{
    const Node root{report, "", file};
    checkSchema(root);
    return readWitness(findingNode(root, findingId));
}

ReplayTarget readReplayTarget(const nlohmann::json& report, const std::optional<std::string>& findingId,
                              const std::string& file)
{
    const Node root{report, "", file};
    checkSchema(root);
    const Node scenario = root.at("scenario");
    ReplayTarget out;
    out.scenarioName = scenario.at("name").string();
    out.scenarioFile = scenario.at("file").string();
    out.params = readParams(scenario);
    out.maxSteps = readMaxSteps(root);
    out.finding = readFinding(findingNode(root, findingId));
    return out;
}

FindingDrawings readFindingDrawings(const nlohmann::json& report, const std::optional<std::string>& findingId,
                                    bool interleaving, const std::string& file)
{
    const Node root{report, "", file};
    checkSchema(root);
    if (findingId) return readDrawings(findingNode(root, findingId));
    const Node findings = root.at("findings");
    if (!findings.value.is_array()) findings.fail("expected an array");
    for (size_t i = 0; i < findings.value.size(); ++i) {
        const FindingDrawings drawings = readDrawings(Node{findings.value[i], findings.pointer + "/" + std::to_string(i), file});
        if (!(interleaving ? drawings.interleavingDot : drawings.graphDot).empty()) return drawings;
    }
    findings.fail(interleaving ? "no finding has an interleaving drawing"
                               : "no finding has a graph (deadlocks, lock-order inversions and races have one); "
                                 "--interleaving draws a finding's witness instead");
}

}  // namespace checker::report
