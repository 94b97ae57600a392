#pragma once
// What `run` and `test` share: loading a scenario with the engine's list of supported calls, and
// exploring it into a canonical Report (with progress on stderr when wanted).

#include "checker/cli/Options.hpp"
#include "checker/program/Program.hpp"
#include "checker/scenario/ScenarioLoader.hpp"
#include "reports/Report.hpp"

#include <string>
#include <utility>
#include <vector>

namespace checker::cli {

// LoadOptions with `params` as overrides and the engine's isCallSupported.
LoadOptions loadOptions(std::vector<std::pair<std::string, int64_t>> params);

// Explores `program` under `args` and returns its canonical report. Ctrl-C stops exploration
// (the report then says complete: false, stopped_by "interrupt"). Progress goes to stderr as
// args.progress and the environment decide. With `traces`, each finding's witness is replayed
// and its trace attached (for the text summary, the interleaving DOT and SARIF).
report::Report exploreScenario(const Program& program, const ExploreArgs& args, bool traces = false);

}  // namespace checker::cli
