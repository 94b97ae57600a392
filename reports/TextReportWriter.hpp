#pragma once
// The summary `checker run` prints: the scenario, how far exploration got (complete or what stopped
// it, executions, blocked executions, time), then every finding in the lockdep-like shape of
// FindingText.hpp, then the verdict and any expectation mismatches.

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
    std::string reportPath_;
};

}  // namespace checker::report
