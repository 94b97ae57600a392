#pragma once
// From an exploration result to the canonical Report every writer renders: scenario, options,
// stats, findings, outcomes and the expectations check, canonicalized (sorted, numbered).

#include "checker/cli/Options.hpp"
#include "checker/explore/Explorer.hpp"
#include "checker/program/Program.hpp"
#include "reports/Report.hpp"

#include <string>

namespace checker::cli {

// The options as the report records them: the effective values of every option that shapes the
// result (max_steps always; preemption_bound only for bounded; seed and runs only for
// random/pct) and null for budgets that were not set.
report::RunOptions reportOptions(const ExploreArgs& args);

// The canonical report of exploring `program` with `options`, which gave `result`.
report::Report buildReport(const Program& program, const report::RunOptions& options,
                           ExploreResult result, const std::string& checkerVersion);

}  // namespace checker::cli
