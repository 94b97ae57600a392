#pragma once
// From a finding's witness to the steps its reports show (report::Trace): the command line
// replays the witness with checker::replay, because reports/ cannot run anything (ARCHITECTURE.md).

#include "checker/explore/Explorer.hpp"
#include "checker/program/Program.hpp"
#include "reports/Report.hpp"

#include <cstddef>
#include <vector>

namespace checker::cli {

// A witness of at most this many steps is shown whole.
inline constexpr size_t kShortWitness = 40;
// Of a longer one, the last this many steps are always shown...
inline constexpr size_t kTailSteps = 8;
// ...with the steps that touch the finding's objects or run its statements, at most this many in
// all (the last ones).
inline constexpr size_t kMaxTraceSteps = 400;
// Findings past this many (in canonical order) get no trace, to bound the time a run spends
// replaying.
inline constexpr size_t kMaxTracedFindings = 100;

// The steps of `replayed` worth showing for `finding`, then its blocked threads as blocked steps.
report::Trace traceOf(const ReplayResult& replayed, const report::Finding& finding, const Program& program);

// Replays the witness of each of the first kMaxTracedFindings `findings` under `options`
// (maxSteps matters) and sets its trace. A witness that does not replay gets no trace.
void attachTraces(const Program& program, const ExploreOptions& options, std::vector<report::Finding>& findings);

}  // namespace checker::cli
