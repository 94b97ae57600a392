#include "reports/FindingText.hpp"

#include "reports/InterleavingTable.hpp"
#include "reports/RuleCatalog.hpp"

#include <algorithm>
#include <filesystem>
#include <string_view>

namespace checker::report {

namespace {

constexpr size_t kRuleWidth = 70;

std::string joined(const std::vector<std::string>& items, const std::string& separator)
{
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
    return out;
}

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

// "at line 19  /threads/1/body/1  [T2 takes A]  ExAcquireFastMutex(A)"
std::string whereText(const Location& location)
{
    std::string out = location.line > 0 ? "at line " + std::to_string(location.line) + "  " : "at ";
    out += location.pointer.empty() ? std::string("(no statement)") : location.pointer;
    if (!location.label.empty()) out += "  [" + location.label + "]";
    if (!location.text.empty()) out += "  " + location.text;
    return out;
}

// The mode in a hold/wait edge label: "waits exclusive" and "held exclusive by" give "exclusive";
// "waits for" and "held by" give "".
std::string modeOf(const std::string& label)
{
    std::vector<std::string> words;
    size_t at = 0;
    while (at < label.size()) {
        const size_t end = std::min(label.find(' ', at), label.size());
        const std::string word = label.substr(at, end - at);
        if (!word.empty() && word != "waits" && word != "held" && word != "by" && word != "for") words.push_back(word);
        at = end + 1;
    }
    return joined(words, " ");
}

// "B (exclusive)", or "B" when the edge has no mode.
std::string withMode(const std::string& object, const std::string& label)
{
    const std::string mode = modeOf(label);
    return mode.empty() ? object : object + " (" + mode + ")";
}

const GraphNode* nodeOf(const Graph& graph, const std::string& id)
{
    for (const GraphNode& node : graph.nodes)
        if (node.id == id) return &node;
    return nullptr;
}

bool isLockType(const std::string& type)
{
    return type != "KEVENT" && type != "KSEMAPHORE" && type != "thread" && type != "file";
}

// "A (FAST_MUTEX, exclusive)"
std::string objectWithMode(const Graph& graph, const std::string& object, const std::string& mode)
{
    const GraphNode* node = nodeOf(graph, object);
    std::vector<std::string> parts;
    if (node && !node->type.empty()) parts.push_back(node->type);
    if (!mode.empty()) parts.push_back(mode);
    return parts.empty() ? object : object + " (" + joined(parts, ", ") + ")";
}

// Lockdep's "X is trying to acquire lock ... but task is already holding lock ...", per thread.
std::string waitsText(const Finding& finding, const Graph& graph)
{
    std::string out;
    for (const std::string& thread : finding.threads) {
        std::vector<std::string> holds;
        for (const GraphEdge& edge : graph.edges)
            if (edge.to == thread && startsWith(edge.label, "held")) holds.push_back(withMode(edge.from, edge.label));
        for (const GraphEdge& edge : graph.edges) {
            if (edge.from != thread || !startsWith(edge.label, "waits")) continue;
            const GraphNode* node = nodeOf(graph, edge.to);
            const bool lock = !node || isLockType(node->type);
            out += thread + (lock ? " is trying to acquire " : " is waiting for ") +
                   objectWithMode(graph, edge.to, modeOf(edge.label)) + "\n";
        }
        for (const Location& location : finding.locations)
            if (location.thread == thread) out += "    " + whereText(location) + "\n";
        out += holds.empty() ? std::string("  and holds nothing\n") : "  but already holds " + joined(holds, ", ") + "\n";
    }
    return out;
}

// The statements involved, for kinds without a hold/wait story (races: both accesses).
std::string involvedText(const Finding& finding)
{
    if (finding.locations.empty()) return "";
    size_t width = 0;
    for (const Location& location : finding.locations) width = std::max(width, location.thread.size());
    std::string out = finding.locations.size() == 1 ? "statement:\n" : "statements:\n";
    for (const Location& location : finding.locations)
        out += "    " + location.thread + std::string(width - location.thread.size() + 2, ' ') + whereText(location) + "\n";
    return out;
}

// Graph edges that are not hold/wait edges (e.g. a lock-order graph's "A -> B, taken by T1 at ...").
std::string dependencyText(const Graph& graph)
{
    std::string out;
    for (const GraphEdge& edge : graph.edges) {
        if (startsWith(edge.label, "held") || startsWith(edge.label, "waits")) continue;
        out += "    " + edge.from + " -> " + edge.to + (edge.label.empty() ? "" : "   " + edge.label) + "\n";
    }
    return out.empty() ? out : "dependencies:\n" + out;
}

std::string cycleText(const Graph& graph)
{
    if (graph.cycle.empty()) return "";
    return "\ncycle:\n    " + joined(graph.cycle, " -> ") + " -> " + graph.cycle.front() + "\n";
}

std::string headingOf(const Finding& finding)
{
    if (finding.kind == FindingKind::Deadlock) return "unsafe interleaving";
    if (finding.kind == FindingKind::LockOrderInversion) return "possible unsafe locking scenario, as the witness ran it";
    return "interleaving";
}

std::string endingOf(const Finding& finding)
{
    if (finding.kind == FindingKind::LockOrderInversion) return " *** POSSIBLE DEADLOCK ***\n";
    return " *** " + std::string(ruleOf(finding).title) + " ***\n";
}

std::string interleavingText(const Finding& finding)
{
    if (!finding.trace) return "";
    const Trace& trace = *finding.trace;
    std::string out = "\n" + headingOf(finding) + " (witness of " + std::to_string(trace.witnessSteps) +
                      (trace.witnessSteps == 1 ? " step" : " steps") + "):\n\n";
    if (!trace.steps.empty()) out += interleavingTable(trace, 0) + "\n";
    return out + endingOf(finding);
}

std::string legendText(const Finding& finding)
{
    std::vector<std::string> objects;
    for (const std::string& object : finding.objects)
        if (std::find(objects.begin(), objects.end(), object) == objects.end()) objects.push_back(object);
    std::vector<Location> statements;
    auto addStatement = [&statements](const Location& location) {
        if (location.pointer.empty()) return;
        for (const Location& known : statements)
            if (known.pointer == location.pointer) return;
        statements.push_back(location);
    };
    if (finding.trace) {
        for (const TraceStep& step : finding.trace->steps) {
            addStatement({step.thread, step.pointer, step.label, step.line, step.statement});
            for (const std::string& object : step.objects)
                if (std::find(objects.begin(), objects.end(), object) == objects.end()) objects.push_back(object);
        }
    }
    for (const Location& location : finding.locations) addStatement(location);
    if (objects.empty() && statements.empty()) return "";

    std::string out = "\nlegend:\n";
    for (const std::string& object : objects) {
        const GraphNode* node = finding.graph ? nodeOf(*finding.graph, object) : nullptr;
        std::string what = node ? node->type + (node->detail.empty() ? "" : ", " + node->detail) : "";
        out += "    " + object + (what.empty() ? "" : "  " + what) + "\n";
    }
    for (const Location& location : statements) {
        std::string where = whereText(location);
        out += "    " + where.substr(3) + "\n";  // without "at "
    }
    return out;
}

std::string footerText(const Finding& finding, const std::string& reportPath)
{
    const std::filesystem::path folder = std::filesystem::path(reportPath).parent_path();
    const std::string report = shellWord(reportPath);
    std::string out = "\nseen in " + std::to_string(finding.executions) +
                      (finding.executions == 1 ? " execution" : " executions") + "; fingerprint " +
                      finding.fingerprint + "\n";
    if (!finding.dotFile.empty())
        out += "graph:  " + (folder / finding.dotFile).string() + "   (checker render " + report + " --finding " +
               finding.id + ")\n";
    if (!finding.interleavingDotFile.empty())
        out += "steps:  " + (folder / finding.interleavingDotFile).string() + "\n";
    out += "replay: checker replay " + report + " --finding " + finding.id + "\n";
    return out;
}

std::string titleText(const Finding& finding)
{
    const RuleInfo& rule = ruleOf(finding);
    std::string kind = findingKindId(finding.kind);
    if (!finding.rule.empty()) kind += " " + finding.rule;
    std::string out = "\n" + std::string(kRuleWidth, '=') + "\n";
    out += finding.id + "  " + std::string(rule.title) + "  (" + kind + ", " + severityId(finding.severity) + ")\n";
    out += finding.message + "\n";
    for (const std::string& note : finding.notes) out += "  " + note + "\n";
    out += std::string(kRuleWidth, '-') + "\n";
    if (finding.kind == FindingKind::ApiMisuse)
        out += std::string(rule.summary) + "\nfix: " + std::string(rule.fix) + "\n\n";
    return out;
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

std::string findingText(const Finding& finding, const std::string& reportPath)
{
    std::string out = titleText(finding);
    const bool holdWait = finding.kind == FindingKind::Deadlock && finding.graph;
    out += holdWait ? waitsText(finding, *finding.graph) : involvedText(finding);
    if (finding.graph) out += dependencyText(*finding.graph) + cycleText(*finding.graph);
    out += interleavingText(finding);
    out += legendText(finding);
    return out + footerText(finding, reportPath);
}

}  // namespace checker::report
