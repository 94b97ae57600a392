#pragma once
// Graphviz DOT for a finding's graph (REPORTS_AND_CLI.md "DOT"): threads are ellipses, kernel
// objects boxes labelled with name, type and detail, files notes; "held by" edges go object ->
// thread and "waits" edges thread -> object, each labelled with its mode. Edges around the cycle
// are bold red, other edges grey, nodes black. Nodes and edges keep the graph's own order, so the
// same finding always gives the same text.

#include "reports/Report.hpp"

#include <string>

namespace checker::report {

class DotWriter {
public:
    // The DOT text of `finding.graph`, ending with a newline. Requires finding.graph.
    std::string render(const Finding& finding) const;
};

// `text` as the inside of a DOT double-quoted string: backslash, quote and line breaks escaped.
std::string dotQuoted(const std::string& text);

}  // namespace checker::report
