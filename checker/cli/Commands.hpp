#pragma once
// The subcommands of `checker`, one file each. Each returns its exit code; bad input throws
// InputError / report::ReportError and broken invariants InternalError, which main maps to exit
// codes once. Results go to stdout, everything else to stderr.

#include "checker/cli/ExitCode.hpp"
#include "checker/cli/Options.hpp"

namespace checker::cli {

// Explores one scenario, writes report.json and the DOT files into the output folder, prints the
// summary (or the JSON report). Clean when the verdict is "pass", else Findings.
ExitCode runCommand(const RunArgs& args);

// Runs every scenario under args.paths against its expectations; prints PASS/FAIL lines and
// "N passed, N failed". Clean iff all passed; Usage if a scenario is invalid or a path missing.
ExitCode testCommand(const TestArgs& args);

// Re-executes a finding's witness and prints it step by step. Clean iff the finding reproduced.
ExitCode replayCommand(const ReplayArgs& args);

// Draws a finding's graph (or interleaving) with Graphviz `dot`. Usage when the report is bad or
// Graphviz is missing; Internal when dot fails on our DOT.
ExitCode renderCommand(const RenderArgs& args);

// Explores each benchmark in its own process and prints executions, blocked executions, times,
// executions/s, steps/s and peak RSS. Findings (exit 1) iff an execution count differs from the
// suite's oracle or a benchmark failed to run.
ExitCode benchCommand(const BenchArgs& args);

// Loads each scenario and prints "OK file" or the problem. Usage if any is invalid.
ExitCode validateCommand(const ValidateArgs& args);

}  // namespace checker::cli
