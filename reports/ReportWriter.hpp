#pragma once
// The writer plug-in interface (STYLE.md 8): one implementation per whole-report format (JSON,
// text, later SARIF). A writer is a pure function of the Report: the same Report always renders to
// the same bytes. Writers never touch the file system; callers decide where the text goes.

#include "reports/Report.hpp"

#include <string>

namespace checker::report {

class ReportWriter {
public:
    virtual ~ReportWriter() = default;

    // The complete rendering of `report`, ending with a newline.
    virtual std::string render(const Report& report) const = 0;
};

}  // namespace checker::report
