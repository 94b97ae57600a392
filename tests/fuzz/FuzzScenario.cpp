// libFuzzer target over the whole path a scenario takes: JSON text -> parse, validate, compile ->
// a bounded exploration -> the canonical report and every writer -> replay of the first findings.
// Built with -Dfuzz=true (clang, -fsanitize=fuzzer,address,undefined); run by tests/fuzz/run_fuzz.sh.
//
// What counts as a bug, besides a crash, a sanitizer report, a timeout or running out of memory:
// an exception other than InputError escaping, an InputError whose message is not one line
// "fuzz.json: ...", a finding whose witness does not replay to the same finding, and a
// complete exploration that two threads do differently (--jobs must not change the result).

#include "checker/cli/ReportBuilder.hpp"
#include "checker/exec/CallModel.hpp"
#include "checker/explore/Explorer.hpp"
#include "checker/scenario/InputError.hpp"
#include "checker/scenario/ScenarioLoader.hpp"
#include "reports/DotWriter.hpp"
#include "reports/JsonReportWriter.hpp"
#include "reports/SarifWriter.hpp"
#include "reports/TextReportWriter.hpp"
#include "tests/ResultDigest.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

using namespace checker;

constexpr const char* kFile = "fuzz.json";
// The bounds of one input's exploration: small enough for thousands of inputs a second.
constexpr uint64_t kMaxExecutions = 50;
constexpr uint64_t kMaxSteps = 2000;
// Below run_fuzz.sh's -rss_limit_mb=2048: the checker must stop on its own budget first.
constexpr uint64_t kMaxMemoryMb = 1024;
// A big scenario may be slow, within its bounds, under the sanitizers; it stops itself after this
// long. run_fuzz.sh's -timeout=10 then catches only code that never looks at the clock (a hang).
constexpr double kTimeLimitSeconds = 3;
// Findings whose witness is replayed per input.
constexpr size_t kReplayed = 3;

[[noreturn]] void bug(const std::string& what)
{
    std::fprintf(stderr, "fuzz_scenario: %s\n", what.c_str());
    std::abort();
}

void checkInputError(const InputError& error)
{
    const std::string what = error.what();
    if (what.rfind(std::string(kFile) + ":", 0) != 0) bug("an input error that does not name the file: " + what);
    if (what.find('\n') != std::string::npos) bug("an input error of several lines: " + what);
}

// A finding of a single execution must come back when its witness is replayed (the same rule as
// `checker replay`); findings that span executions are left out.
void checkReplays(const Program& program, const ExploreOptions& options, const ExploreResult& result)
{
    size_t replayed = 0;
    for (const report::Finding& finding : result.findings) {
        if (replayed == kReplayed) break;
        if (finding.kind == report::FindingKind::OutcomeDivergence ||
            finding.kind == report::FindingKind::LockOrderInversion)
            continue;
        ++replayed;
        const ReplayResult again = replay(program, finding.witness, options);
        if (!again.scheduleValid) bug("the witness of " + finding.fingerprint + " does not replay: " + again.problem);
        const bool same = std::any_of(again.findings.begin(), again.findings.end(), [&](const report::Finding& f) {
            return f.kind == finding.kind && f.fingerprint == finding.fingerprint;
        });
        if (!same) bug("the witness of " + finding.fingerprint + " replays without the finding");
    }
}

// A complete exploration (its tree within the execution bound) again with two threads, every
// branch offered to the worker from the first execution on and explored by it: the same result.
void checkParallel(const Program& program, ExploreOptions options, const ExploreResult& one)
{
    // (One execution: no branch to share.)
    if (!one.stats.complete || one.stats.executions + one.stats.assumeDiscarded < 2) return;
    options.maxExecutions.reset();
    options.jobs = 2;
    options.waitForWorkers = true;
    options.warmUpExecutions = 0;
    const ExploreResult two = explore(program, options);
    if (!two.stats.complete) return;   // out of time or memory this time
    const std::string expected = test::resultDigest(one), found = test::resultDigest(two);
    if (expected != found) bug("two threads explore differently:\n" + expected + "--- with two:\n" + found);
}

void renderEverything(const Program& program, ExploreResult result)
{
    cli::ExploreArgs args;
    args.maxExecutions = kMaxExecutions;
    args.maxSteps = kMaxSteps;
    args.timeLimitSeconds = kTimeLimitSeconds;
    const report::Report report = cli::buildReport(program, cli::reportOptions(args), std::move(result), "fuzz");
    (void)report::JsonReportWriter().render(report);
    (void)report::SarifWriter().render(report);
    (void)report::TextReportWriter("report.json").render(report);
    for (const report::Finding& finding : report.findings)
        if (finding.graph) (void)report::DotWriter().render(finding);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    LoadOptions load;
    load.isSupported = [](Api api) { return isCallSupported(api); };
    ExploreOptions options;
    options.maxExecutions = kMaxExecutions;
    options.maxSteps = kMaxSteps;
    options.maxMemoryMb = kMaxMemoryMb;
    options.timeLimitSeconds = kTimeLimitSeconds;
    try {
        const Program program = loadScenarioText(text, kFile, load);
        ExploreResult result = explore(program, options);
        checkReplays(program, options, result);
        checkParallel(program, options, result);
        renderEverything(program, std::move(result));
    } catch (const InputError& error) {
        checkInputError(error);
    }
    return 0;
}
