#include "checker/cli/Help.hpp"

#include "checker/cli/UsageError.hpp"
#include "checker/cli/Version.hpp"  // generated into the build folder

namespace checker::cli {

namespace {

constexpr const char* kOverview = R"(usage: checker COMMAND [options]

A deterministic concurrency model checker for Windows-kernel-style code.

commands:
  run SCENARIO.json [options]        explore, write the report, print a summary
  test PATH... [--junit FILE] [--baseline FILE]
                                     regression gate: run every scenario (files, or scenario
                                     files under folders) and compare its findings with its `expect`
  replay REPORT.json [--finding ID]  re-execute a finding's witness and print it step by step
  render REPORT.json [--finding ID] [-T svg|png|dot] [-o FILE]
                                     draw a finding's graph (or --interleaving) with Graphviz
  validate SCENARIO.json...          check scenarios without exploring
  bench SUITE.json... [--jobs N] [--repeat K] [--json FILE]
                                     measure speed and memory against the suite's targets

  checker --help, checker COMMAND --help, checker --version

exit status: 0 nothing unexpected, 1 unexpected findings or failed expectations,
2 bad usage or invalid input (or Graphviz missing for render), 3 internal error.

A user guide: docs/guide.md.
)";

constexpr const char* kExploreOptions = R"(  --strategy dpor|bounded|random|pct
                          exploration strategy (default dpor: exhaustive)
  --preemption-bound K    with bounded: at most K preemptions (default 2);
                          with pct: K priority change points (PCT depth K+1)
  --max-executions N      stop after N executions (the report says complete: false)
  --time-limit SECONDS    stop after this much time (the report says complete: false)
  --seed S, --runs N      with random/pct: the seed (default 0) and number of runs (default 1000)
  --jobs N                threads exploring (dpor; default 1; at most the machine's cores).
                          The report is the same for any N: workers explore later branches
                          ahead of time, and their work is taken only where it is what one
                          thread would have explored (with --max-executions or --stop-on-first,
                          one thread explores)
  --max-steps N           per-execution step bound; reaching it is a livelock finding
  --max-memory MB         stop when the checker uses more than MB MiB (default 4096; the report
                          says complete: false, stopped_by "memory")
  --quiet                 no progress on stderr
  --progress              progress on stderr even when it is not a terminal (or CI=true)
)";

constexpr const char* kRun = R"(usage: checker run SCENARIO.json [options]

Explores the scenario's interleavings, writes report.json, report.sarif, one .dot per finding
graph and one F<n>-interleaving.dot per finding into the output folder, and prints a summary on
stdout: each finding with who holds and waits for what, the cycle, the interleaving one column per
thread, a legend of objects and statements, and the replay command. Exit 0 when there is no finding or every finding
is expected by the scenario's `expect`, 1 otherwise. Ctrl-C stops and still writes the report.

options:
  --param NAME=VALUE      override a declared param with an integer (repeatable)
  --out DIR               output folder (default out/<scenario>/); nothing is written elsewhere
  --format text|json|sarif
                          what goes to stdout (files are always written)
  --stop-on-first         stop at the first finding
)";

constexpr const char* kTest = R"(usage: checker test PATH... [--junit FILE] [options]

Runs every scenario given, or every scenario file under the given folders (in sorted order), and
compares its findings and execution count with its `expect` block. In folders, a scenario file is
a *.json file whose top level has a "scenario" name (a string); other JSON files (reports, SARIF,
benchmark suites, baselines) and folders named `out` or starting with '.' are skipped. Prints one
line per scenario, `PASS name (N executions)` or `FAIL name: mismatches`, then
`N passed, N failed`. Exit 0 when every scenario passed, 1 when one failed, 2 when one is not a
valid scenario. With --jobs N, N scenarios run at a time (each explored on one thread); the
output is the same for any N.

options:
  --junit FILE            also write a JUnit XML file, one testcase per scenario
  --baseline FILE         accepted findings: a scenario then fails only on a finding whose
                          fingerprint is not in FILE (or a failed `executions` expectation);
                          baseline entries that no longer occur are listed as gone
  --write-baseline FILE   write every finding of this run to FILE as the new baseline (the run
                          is then judged against it)
)";

constexpr const char* kReplay = R"(usage: checker replay REPORT.json [--finding ID]

Loads the scenario the report was made from (its file and params, as recorded), re-executes the
witness of finding ID (default: the first) and prints every step: thread, statement, result and
the state of the objects it touched, then the blocked threads. Exit 0 when the same finding
(kind and fingerprint) happens again, 1 when it does not.

options:
  --finding ID            the finding to replay, e.g. F2
)";

constexpr const char* kRender = R"(usage: checker render REPORT.json [--finding ID] [-T svg|png|dot] [-o FILE]

Draws the graph of finding ID (default: the first finding that has one; deadlocks, lock-order
inversions and races have one) by running Graphviz `dot` on the DOT file `checker run` wrote next
to the report. With --interleaving, draws the finding's witness instead: one column per thread,
one row per step. Prints the path of the file written. Exit 2 when Graphviz is not installed.

options:
  --finding ID            the finding to draw, e.g. F2
  -T svg|png|dot          output format (default svg); dot copies the DOT text
  -o FILE                 where to write (default: next to the report, F1-deadlock.svg);
                          - writes to standard output
  --interleaving          draw the witness interleaving (F1-interleaving.dot)
)";

constexpr const char* kBench = R"(usage: checker bench SUITE.json... [--jobs N] [--repeat K] [--json FILE]

Explores each benchmark of a suite (or a single scenario) exhaustively with dpor, each in a
process of its own, and prints per benchmark: executions, sleep-set-blocked executions, whether
the count matches the suite's oracle, wall time of the process (fork to exit), exploration time,
executions/s, interpreter steps/s and peak RSS; then, where the suite has them, how many times
faster than the fastest peer's published wall time, and the suite's targets, each met or MISSED
with the measured figure. A measurement, not a test of speed: the exit status is 1 only when an
execution count differs from the oracle.

  --jobs N      explore each with N threads, and also with one, for the speedup (default 1)
  --repeat K    run each K times and report the run with the median wall time (default 1)
  --json FILE   also write the figures as JSON

Suite: {"targets": {...}, "benchmarks": [{"scenario": "readers.json", "params": {"N": 14},
  "executions": 16384, "peers": {"Nidhugg": 3.43, "GenMC": 0.41}}]}
(scenario paths relative to the suite file; "executions" and "peers" are optional). Targets, all
optional: "vs_fastest_peer" (at least, wall time), "steps_per_s" (at least), "peak_rss_mb"
(below), "jobs_speedup" (at least, wall time, with --jobs). Example:
  checker bench scenarios/benchmarks/suite.json --repeat 3
)";

constexpr const char* kValidate = R"(usage: checker validate SCENARIO.json...

Loads and checks each scenario without exploring it and prints `OK file` or the problem
(`file: /json/pointer: problem`). Exit 2 when any scenario is invalid.
)";

}  // namespace

std::string helpText(const std::string& topic)
{
    if (topic.empty()) return kOverview;
    if (topic == "run") return std::string(kRun) + kExploreOptions;
    if (topic == "test") return std::string(kTest) + kExploreOptions;
    if (topic == "replay") return kReplay;
    if (topic == "render") return kRender;
    if (topic == "validate") return kValidate;
    if (topic == "bench") return kBench;
    throw UsageError("", "no help for '" + topic + "' (commands: run, test, replay, render, validate, bench)");
}

std::string versionText()
{
    return std::string("checker ") + kCheckerVersion + "\n";
}

}  // namespace checker::cli
