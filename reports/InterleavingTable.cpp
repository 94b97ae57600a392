#include "reports/InterleavingTable.hpp"

#include <algorithm>

namespace checker::report {

namespace {

constexpr size_t kNumberWidth = 6;  // "  wait", "123456"
constexpr size_t kGap = 4;          // between the number and the first column, and between columns

// `text` padded to `width`, or shortened so that the arguments stay whole where they can: the
// call's name is cut ("ExAcquireResourc...(FileResource1, true)"), else the middle of the text.
std::string fitted(const std::string& text, size_t width)
{
    if (text.size() <= width) return text + std::string(width - text.size(), ' ');
    const size_t paren = text.find('(');
    if (paren != std::string::npos && text.size() - paren + 8 <= width)
        return text.substr(0, width - (text.size() - paren) - 3) + "..." + text.substr(paren);
    const size_t tail = (width - 3) / 2;
    return text.substr(0, width - 3 - tail) + "..." + text.substr(text.size() - tail);
}

std::string rightAligned(const std::string& text, size_t width)
{
    return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

// One row: `number`, then `text` in column `column` of `widths`.
std::string row(const std::string& number, size_t column, const std::string& text,
                const std::vector<size_t>& widths, size_t indent)
{
    std::string line(indent, ' ');
    line += rightAligned(number, kNumberWidth);
    for (size_t c = 0; c <= column && c < widths.size(); ++c) {
        line += std::string(kGap, ' ');
        line += c == column ? fitted(text, widths[c]) : std::string(widths[c], ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line + "\n";
}

// The row that stands for `count` steps left out of an abridged trace.
std::string skippedRow(uint64_t count, size_t indent)
{
    return std::string(indent, ' ') + rightAligned("...", kNumberWidth) + std::string(kGap, ' ') + "(" +
           std::to_string(count) + (count == 1 ? " step" : " steps") + " not shown)\n";
}

// The cell of `step` in the table: with its result when that fits, else the statement alone.
std::string shownText(const TraceStep& step)
{
    const std::string full = cellText(step);
    return full.size() <= kMaxCellWidth ? full : step.statement;
}

}  // namespace

std::vector<std::string> traceThreads(const Trace& trace)
{
    std::vector<std::string> threads;
    for (const TraceStep& step : trace.steps)
        if (std::find(threads.begin(), threads.end(), step.thread) == threads.end())
            threads.push_back(step.thread);
    return threads;
}

std::string cellText(const TraceStep& step)
{
    if (step.blocked || step.result.empty()) return step.statement;
    return step.statement + " -> " + step.result;
}

std::string interleavingTable(const Trace& trace, size_t indent)
{
    const std::vector<std::string> threads = traceThreads(trace);
    std::vector<size_t> widths;
    for (const std::string& thread : threads) widths.push_back(std::min(thread.size(), kMaxCellWidth));
    auto columnOf = [&threads](const std::string& thread) {
        return size_t(std::find(threads.begin(), threads.end(), thread) - threads.begin());
    };
    for (const TraceStep& step : trace.steps) {
        size_t& width = widths[columnOf(step.thread)];
        width = std::max(width, std::min(shownText(step).size(), kMaxCellWidth));
    }

    std::string out;
    for (const bool underline : {false, true}) {
        std::string line(indent + kNumberWidth, ' ');
        for (size_t c = 0; c < threads.size(); ++c)
            line += std::string(kGap, ' ') + fitted(underline ? std::string(threads[c].size(), '-') : threads[c], widths[c]);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    uint64_t previous = 0;
    for (const TraceStep& step : trace.steps) {
        if (!step.blocked && step.index > previous + 1) out += skippedRow(step.index - previous - 1, indent);
        if (!step.blocked) previous = step.index;
        out += row(step.blocked ? "wait" : std::to_string(step.index), columnOf(step.thread), shownText(step), widths, indent);
    }
    if (trace.witnessSteps > previous) out += skippedRow(trace.witnessSteps - previous, indent);
    return out;
}

}  // namespace checker::report
