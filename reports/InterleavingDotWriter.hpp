#pragma once
// A picture of a finding's witness interleaving (REPORTS_AND_CLI.md "DOT"): one Graphviz node
// holding an HTML-like table with one column per thread (in order of first step) and one row per
// step, each cell giving the statement, its result and its line. Blocked attempts are red, the
// finding's own statements bold, steps left out of an abridged trace one grey row, and the last
// row names the finding ("*** DEADLOCK ***"). The same finding always gives the same text.

#include "reports/Report.hpp"

#include <string>

namespace checker::report {

class InterleavingDotWriter {
public:
    // The DOT text of `finding.trace`, ending with a newline. Requires finding.trace.
    std::string render(const Finding& finding) const;
};

// `text` with &, <, > and " replaced by entities, for Graphviz HTML-like labels.
std::string htmlEscaped(const std::string& text);

}  // namespace checker::report
