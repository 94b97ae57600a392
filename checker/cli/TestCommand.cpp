#include "checker/cli/Commands.hpp"

#include "checker/cli/Interrupt.hpp"
#include "checker/cli/ScenarioFiles.hpp"
#include "checker/cli/ScenarioRunner.hpp"
#include "checker/program/Invariant.hpp"
#include "checker/scenario/InputError.hpp"
#include "reports/AtomicFile.hpp"
#include "reports/Baseline.hpp"
#include "reports/JUnitWriter.hpp"
#include "reports/ReportError.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

namespace checker::cli {

namespace {

namespace fs = std::filesystem;

std::string joined(const std::vector<std::string>& items)
{
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : "; ") + item;
    return out;
}

// What one scenario gave, and how bad its failure is for the exit code.
struct ScenarioResult {
    report::TestCaseResult testCase;
    ExitCode severity = ExitCode::Clean;
    std::vector<std::string> notes;              // e.g. "incomplete: time_limit", "2 findings in baseline"
    std::vector<report::BaselineEntry> findings; // every finding, as baseline entries
};

// Judges `report` against the baseline instead of the expected counts: a finding not in the
// baseline fails; baseline entries that did not occur are noted as gone; an `executions`
// mismatch still fails.
void judgeAgainstBaseline(const report::Report& report, const report::Baseline& baseline, ScenarioResult& out)
{
    std::vector<std::string> mismatches;
    for (const std::string& mismatch : report.expectations.mismatches)
        if (mismatch.rfind("executions:", 0) == 0) mismatches.push_back(mismatch);
    size_t accepted = 0;
    for (const report::Finding& finding : report.findings) {
        if (baseline.contains(report.scenarioName, finding.fingerprint)) ++accepted;
        else mismatches.push_back(std::string("new ") + report::findingKindId(finding.kind) + ": " + finding.fingerprint);
    }
    if (accepted) out.notes.push_back(std::to_string(accepted) + " in baseline");
    for (const report::BaselineEntry& entry : baseline.entriesOf(report.scenarioName)) {
        const bool occurred = std::any_of(report.findings.begin(), report.findings.end(),
                                          [&](const report::Finding& f) { return f.fingerprint == entry.fingerprint; });
        if (!occurred) out.notes.push_back("gone from baseline: " + entry.fingerprint);
    }
    out.testCase.passed = mismatches.empty();
    out.testCase.mismatches = mismatches;
}

// Runs one scenario and judges it: against `baseline` when given, against its own findings when
// `acceptAll` (--write-baseline), else against its `expect`.
ScenarioResult runScenario(const std::string& file, const ExploreArgs& args, const report::Baseline* baseline,
                           bool acceptAll)
{
    ScenarioResult out;
    out.testCase.file = file;
    out.testCase.name = fs::path(file).stem().string();
    const auto start = std::chrono::steady_clock::now();
    try {
        const Program program = loadScenarioFile(file, loadOptions({}));
        out.testCase.name = program.name;
        const report::Report report = exploreScenario(program, args);
        out.testCase.executions = report.exploration.executions;
        if (!report.exploration.complete) out.notes.push_back("incomplete: " + report.exploration.stoppedBy);
        for (const report::Finding& finding : report.findings)
            out.findings.push_back({report.scenarioName, report::findingKindId(finding.kind), finding.fingerprint, finding.message});
        if (acceptAll) {
            judgeAgainstBaseline(report, report::Baseline(out.findings), out);
        } else if (baseline) {
            judgeAgainstBaseline(report, *baseline, out);
        } else {
            out.testCase.passed = report.verdict() == "pass";
            out.testCase.mismatches = report.expectations.mismatches;
        }
        out.severity = out.testCase.passed ? ExitCode::Clean : ExitCode::Findings;
    } catch (const InputError& error) {
        out.testCase.mismatches = {error.what()};
        out.severity = ExitCode::Usage;
    } catch (const InternalError& error) {
        out.testCase.mismatches = {error.what()};
        out.severity = ExitCode::Internal;
    }
    out.testCase.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
}

void printResult(const ScenarioResult& result)
{
    const report::TestCaseResult& c = result.testCase;
    if (c.passed) {
        std::vector<std::string> notes = {std::to_string(c.executions) + (c.executions == 1 ? " execution" : " executions")};
        notes.insert(notes.end(), result.notes.begin(), result.notes.end());
        std::string text;
        for (const std::string& note : notes) text += (text.empty() ? "" : ", ") + note;
        std::cout << "PASS " << c.name << " (" << text << ")\n";
    } else {
        std::cout << "FAIL " << c.name << ": " << joined(c.mismatches) << "\n";
    }
    std::cout.flush();
}

report::Baseline readBaseline(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw report::ReportError(path + ": cannot read the baseline");
    std::ostringstream text;
    text << in.rdbuf();
    return report::parseBaseline(text.str(), path);
}

// Runs every file's scenario on up to `jobs` worker threads — each exploration is
// single-threaded, so a gate over many scenarios uses the cores this way — and hands the results
// to `done` in file order, each as soon as it and every one before it have finished. After an
// interrupt no new scenario starts.
void runAll(const std::vector<std::string>& files, unsigned jobs,
            const std::function<ScenarioResult(const std::string&)>& run,
            const std::function<void(ScenarioResult&)>& done)
{
    std::vector<std::optional<ScenarioResult>> results(files.size());
    std::mutex mutex;
    std::condition_variable finished;
    size_t next = 0;        // the next file to start
    bool stopped = false;   // interrupted: files from `next` on never start
    auto worker = [&] {
        std::unique_lock<std::mutex> lock(mutex);
        while (next < files.size() && !stopped) {
            if (interrupted()) {
                stopped = true;
                break;
            }
            size_t i = next++;
            lock.unlock();
            ScenarioResult result = run(files[i]);
            lock.lock();
            results[i] = std::move(result);
            finished.notify_all();
        }
        finished.notify_all();
    };
    std::vector<std::thread> workers;
    unsigned count = std::max(1u, std::min(jobs, unsigned(files.size())));
    for (unsigned j = 0; j < count; ++j) workers.emplace_back(worker);
    std::unique_lock<std::mutex> lock(mutex);
    for (size_t i = 0; i < files.size(); ++i) {
        finished.wait(lock, [&] { return results[i].has_value() || (stopped && i >= next); });
        if (!results[i]) break;
        ScenarioResult result = std::move(*results[i]);
        lock.unlock();
        done(result);
        lock.lock();
    }
    lock.unlock();
    for (std::thread& w : workers) w.join();
}

}  // namespace

ExitCode testCommand(const TestArgs& args)
{
    const std::vector<std::string> files = collectScenarioFiles(args.paths, "test");
    if (args.junit) report::ensureFolder(fs::absolute(*args.junit).parent_path());
    std::optional<report::Baseline> baseline;
    if (args.baseline) baseline = readBaseline(*args.baseline);
    if (args.writeBaseline) report::ensureFolder(fs::absolute(*args.writeBaseline).parent_path());
    std::vector<report::BaselineEntry> accepted;
    std::vector<report::TestCaseResult> cases;
    ExitCode worst = ExitCode::Clean;
    size_t passed = 0;
    // Each scenario's exploration runs on one thread, whatever --jobs says: the jobs run
    // scenarios side by side, and the output is the same for any number of them.
    ExploreArgs explore = args.explore;
    explore.jobs = 1;
    auto run = [&](const std::string& file) {
        return runScenario(file, explore, baseline ? &*baseline : nullptr, bool(args.writeBaseline));
    };
    runAll(files, args.explore.jobs, run, [&](ScenarioResult& result) {
        accepted.insert(accepted.end(), result.findings.begin(), result.findings.end());
        printResult(result);
        passed += result.testCase.passed ? 1 : 0;
        worst = std::max(worst, result.severity);
        cases.push_back(std::move(result.testCase));
    });
    const size_t failed = cases.size() - passed;
    std::cout << passed << " passed, " << failed << " failed\n" << std::flush;
    if (interrupted()) std::cerr << "checker test: interrupted; " << files.size() - cases.size() << " scenarios not run\n";
    if (args.junit) report::writeFileAtomically(*args.junit, report::JUnitWriter().render(cases));
    if (args.writeBaseline && !interrupted())
        report::writeFileAtomically(*args.writeBaseline, report::renderBaseline(report::Baseline(std::move(accepted))));
    if (interrupted() && worst == ExitCode::Clean) worst = ExitCode::Findings;
    return worst;
}

}  // namespace checker::cli
