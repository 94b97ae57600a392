#pragma once
// Comparing what a run found with the scenario's `expect` block (SCENARIO_FORMAT.md
// "Expectations"). `final` predicates are not checked here: the engine evaluates them and reports
// lost_file / unexpected_file / file_content findings, which this check then counts.

#include "checker/program/Program.hpp"
#include "reports/Report.hpp"

#include <vector>

namespace checker::cli {

// The expectations result for a run that produced `findings` (distinct findings, any order) with
// exploration `stats`:
// - with an `expect` block that has `findings`: each named kind's count meets its constraint
//   (exact, >=K, <=K, any) and every kind not named has 0 findings;
// - with an `expect` block without `findings`, and without an `expect` block at all: every kind
//   except outcome_divergence has 0 (several final states are a fact to show, not a bug, unless
//   the author says otherwise); without the block, checked = false;
// - `executions`, when given, must equal stats.executions, checked only if stats.complete.
// Report::verdict() is "pass" iff the result is met.
// Mismatches read "lost_file: expected 0, found 1", in finding-kind order, executions last.
report::Expectations checkExpectations(const Expectations& expect,
                                       const std::vector<report::Finding>& findings,
                                       const report::ExplorationStats& stats);

}  // namespace checker::cli
