#pragma once
// The summary `checker run` prints: the scenario, how far exploration got (complete or what stopped
// it, executions, blocked executions, time), then every finding with its message, threads,
// statements (pointer, label, line) and the command that replays it; deadlocks and lock-order
// inversions show their cycle the way lockdep does (`T1 -> B -> T2 -> A -> T1`) with the graph's
// hold/wait edges. It ends with the verdict and any expectation mismatches.

#include "reports/ReportWriter.hpp"

#include <string>

namespace checker::report {

class TextReportWriter : public ReportWriter {
public:
    // `reportPath` is where report.json was written (e.g. "out/lock_order/report.json"); replay
    // commands name it and DOT files are shown next to it.
    explicit TextReportWriter(std::string reportPath);

    std::string render(const Report& report) const override;

private:
    std::string findingText(const Finding& finding) const;

    std::string reportPath_;
};

// `word` as one shell word: unchanged when it holds only [A-Za-z0-9_./:=+-], else single-quoted.
std::string shellWord(const std::string& word);

}  // namespace checker::report
