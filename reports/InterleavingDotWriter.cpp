#include "reports/InterleavingDotWriter.hpp"

#include "reports/DotWriter.hpp"
#include "reports/InterleavingTable.hpp"
#include "reports/RuleCatalog.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace checker::report {

namespace {

constexpr const char* kHeaderColor = "grey90";
constexpr const char* kBlockedColor = "red";
constexpr const char* kSkippedColor = "grey40";

std::string cell(const std::string& content, const std::string& attributes = "")
{
    return "<TD" + (attributes.empty() ? "" : " " + attributes) + ">" + content + "</TD>";
}

std::string colored(const std::string& content, const std::string& color)
{
    return "<FONT COLOR=\"" + color + "\">" + content + "</FONT>";
}

// The statement, result and line of `step`, as cell content.
std::string stepContent(const TraceStep& step, bool ofFinding)
{
    std::string text = htmlEscaped(cellText(step));
    if (ofFinding) text = "<B>" + text + "</B>";
    if (step.line > 0)
        text += "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"grey40\">line " + std::to_string(step.line) + "</FONT>";
    return step.blocked ? colored(text, kBlockedColor) : text;
}

std::string stepRow(const TraceStep& step, const std::vector<std::string>& threads, bool ofFinding)
{
    const std::string number = step.blocked ? colored("wait", kBlockedColor) : std::to_string(step.index);
    std::string row = "<TR>" + cell(number, "ALIGN=\"RIGHT\"");
    for (const std::string& thread : threads)
        row += thread == step.thread ? cell(stepContent(step, ofFinding), "ALIGN=\"LEFT\"") : cell("");
    return row + "</TR>";
}

std::string skippedRow(uint64_t count, size_t columns)
{
    const std::string text = std::to_string(count) + (count == 1 ? " step" : " steps") + " not shown";
    return "<TR>" + cell(colored("...", kSkippedColor), "ALIGN=\"RIGHT\"") +
           cell(colored(text, kSkippedColor), "COLSPAN=\"" + std::to_string(columns) + "\"") + "</TR>";
}

std::string tableOf(const Finding& finding)
{
    const Trace& trace = *finding.trace;
    const std::vector<std::string> threads = traceThreads(trace);
    const size_t columns = std::max<size_t>(threads.size(), 1);
    std::set<std::string> findingPointers;
    for (const Location& location : finding.locations) findingPointers.insert(location.pointer);

    std::string bg = "BGCOLOR=\"" + std::string(kHeaderColor) + "\"";
    std::string out = "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">\n";
    out += "    <TR>" + cell("<B>step</B>", bg);
    for (const std::string& thread : threads) out += cell("<B>" + htmlEscaped(thread) + "</B>", bg);
    out += "</TR>\n";
    uint64_t previous = 0;
    for (const TraceStep& step : trace.steps) {
        if (!step.blocked && step.index > previous + 1) out += "    " + skippedRow(step.index - previous - 1, columns) + "\n";
        if (!step.blocked) previous = step.index;
        const bool ofFinding = !step.pointer.empty() && findingPointers.count(step.pointer) > 0;
        out += "    " + stepRow(step, threads, ofFinding) + "\n";
    }
    if (trace.witnessSteps > previous) out += "    " + skippedRow(trace.witnessSteps - previous, columns) + "\n";
    const std::string ending = "*** " + std::string(ruleOf(finding).title) + " ***";
    out += "    <TR>" + cell(colored("<B>" + htmlEscaped(ending) + "</B>", kBlockedColor),
                         "COLSPAN=\"" + std::to_string(columns + 1) + "\"") + "</TR>\n";
    return out + "  </TABLE>";
}

}  // namespace

std::string htmlEscaped(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\n': out += "<BR/>"; break;
        case '\r': break;
        default: out += c;
        }
    }
    return out;
}

std::string InterleavingDotWriter::render(const Finding& finding) const
{
    if (!finding.trace) throw std::invalid_argument("InterleavingDotWriter::render: finding has no trace");
    const std::string title = finding.id + " " + findingKindId(finding.kind) +
                              (finding.rule.empty() ? "" : " (" + finding.rule + ")") + ": witness interleaving, " +
                              std::to_string(finding.trace->witnessSteps) + " steps";
    std::string out = "digraph " + dotQuoted(finding.id + "-interleaving") + " {\n";
    out += "  graph [label=" + dotQuoted(title) + ", labelloc=\"t\", fontname=\"Helvetica\"];\n";
    out += "  node [shape=plaintext, fontname=\"Helvetica\"];\n";
    out += "  \"steps\" [label=<\n  " + tableOf(finding) + ">];\n";
    return out + "}\n";
}

}  // namespace checker::report
