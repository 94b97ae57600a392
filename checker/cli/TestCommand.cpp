#include "checker/cli/Commands.hpp"

#include "checker/cli/Interrupt.hpp"
#include "checker/cli/ScenarioRunner.hpp"
#include "checker/cli/UsageError.hpp"
#include "checker/program/Invariant.hpp"
#include "reports/AtomicFile.hpp"
#include "reports/JUnitWriter.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

namespace checker::cli {

namespace {

namespace fs = std::filesystem;

// Every scenario named by `paths`: files as given, folders searched recursively for *.json;
// sorted, without duplicates. Throws UsageError for a path that does not exist.
std::vector<std::string> collectScenarios(const std::vector<std::string>& paths)
{
    std::vector<std::string> files;
    for (const std::string& path : paths) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            for (const auto& entry : fs::recursive_directory_iterator(path, ec))
                if (entry.is_regular_file(ec) && entry.path().extension() == ".json")
                    files.push_back(entry.path().generic_string());
            if (ec) throw UsageError("test", path + ": cannot list the folder: " + ec.message());
        } else if (fs::exists(path, ec)) {
            files.push_back(path);
        } else {
            throw UsageError("test", path + ": no such file or folder");
        }
    }
    if (files.empty()) throw UsageError("test", "no *.json scenario found");
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

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
    std::string note;  // e.g. "incomplete: time_limit"
};

ScenarioResult runScenario(const std::string& file, const ExploreArgs& args)
{
    ScenarioResult out;
    out.testCase.file = file;
    out.testCase.name = fs::path(file).stem().string();
    const auto start = std::chrono::steady_clock::now();
    try {
        const Program program = loadScenarioFile(file, loadOptions({}));
        out.testCase.name = program.name;
        const report::Report report = exploreScenario(program, args);
        out.testCase.passed = report.verdict() == "pass";
        out.testCase.mismatches = report.expectations.mismatches;
        out.testCase.executions = report.exploration.executions;
        if (!report.exploration.complete) out.note = "incomplete: " + report.exploration.stoppedBy;
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
        std::cout << "PASS " << c.name << " (" << c.executions << " executions"
                  << (result.note.empty() ? "" : ", " + result.note) << ")\n";
    } else {
        std::cout << "FAIL " << c.name << ": " << joined(c.mismatches) << "\n";
    }
    std::cout.flush();
}

}  // namespace

ExitCode testCommand(const TestArgs& args)
{
    const std::vector<std::string> files = collectScenarios(args.paths);
    if (args.junit) report::ensureFolder(fs::absolute(*args.junit).parent_path());
    std::vector<report::TestCaseResult> cases;
    ExitCode worst = ExitCode::Clean;
    size_t passed = 0;
    for (const std::string& file : files) {
        if (interrupted()) break;
        ScenarioResult result = runScenario(file, args.explore);
        printResult(result);
        passed += result.testCase.passed ? 1 : 0;
        worst = std::max(worst, result.severity);
        cases.push_back(std::move(result.testCase));
    }
    const size_t failed = cases.size() - passed;
    std::cout << passed << " passed, " << failed << " failed\n" << std::flush;
    if (interrupted()) std::cerr << "checker test: interrupted; " << files.size() - cases.size() << " scenarios not run\n";
    if (args.junit) report::writeFileAtomically(*args.junit, report::JUnitWriter().render(cases));
    if (interrupted() && worst == ExitCode::Clean) worst = ExitCode::Findings;
    return worst;
}

}  // namespace checker::cli
