#include "checker/cli/Commands.hpp"

#include "checker/cli/ScenarioRunner.hpp"
#include "checker/explore/Explorer.hpp"
#include "reports/ReportError.hpp"
#include "reports/ReportReader.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

namespace checker::cli {

namespace {

std::string readReportFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw report::ReportError(path + ": cannot read the report");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string padded(const std::string& text, size_t width)
{
    return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

void printSteps(const ReplayResult& result)
{
    size_t threadWidth = 0;
    for (const ReplayStep& step : result.steps) threadWidth = std::max(threadWidth, step.thread.size());
    for (const ReplayStep& step : result.steps) {
        std::string index = std::to_string(step.index);
        std::cout << std::string(index.size() < 5 ? 5 - index.size() : 0, ' ') << index << "  "
                  << padded(step.thread, threadWidth) << "  " << step.statement;
        if (!step.result.empty()) std::cout << "  -> " << step.result;
        std::cout << "\n       " << std::string(threadWidth, ' ') << step.pointer;
        if (step.line > 0) std::cout << "  line " << step.line;
        std::cout << "\n";
        for (const std::string& state : step.objectStates)
            std::cout << "       " << std::string(threadWidth, ' ') << state << "\n";
    }
}

bool reproduced(const ReplayResult& result, const report::ReportedFinding& finding)
{
    return std::any_of(result.findings.begin(), result.findings.end(), [&](const report::Finding& f) {
        return f.kind == finding.kind && f.fingerprint == finding.fingerprint;
    });
}

}  // namespace

ExitCode replayCommand(const ReplayArgs& args)
{
    const nlohmann::json json = report::parseReportText(readReportFile(args.report), args.report);
    const report::ReplayTarget target = report::readReplayTarget(json, args.finding, args.report);
    const report::ReportedFinding& finding = target.finding;
    const Program program = loadScenarioFile(
        target.scenarioFile, loadOptions({target.params.begin(), target.params.end()}));
    ExploreOptions options;
    options.maxSteps = target.maxSteps.value_or(options.maxSteps);

    std::cout << "replaying " << finding.id << " " << report::findingKindId(finding.kind)
              << (finding.rule.empty() ? "" : " " + finding.rule) << " of " << target.scenarioName << " ("
              << target.scenarioFile << "): " << finding.witness.steps() << " steps\n"
              << "    " << finding.message << "\n\n";
    const ReplayResult result = replay(program, finding.witness, options);
    printSteps(result);
    if (!result.blockedThreads.empty()) std::cout << "\nblocked threads\n";
    for (const std::string& blocked : result.blockedThreads) std::cout << "    " << blocked << "\n";

    if (!result.scheduleValid) {
        std::cout.flush();
        std::cerr << "checker replay: the witness of " << finding.id << " does not replay: " << result.problem << "\n";
        return ExitCode::Findings;
    }
    if (!reproduced(result, finding)) {
        std::cout.flush();
        std::cerr << "checker replay: " << finding.id << " did not reproduce: no " << report::findingKindId(finding.kind)
                  << " finding with fingerprint " << finding.fingerprint << " (the scenario or the checker changed?)\n";
        return ExitCode::Findings;
    }
    std::cout << "\nreproduced " << finding.id << " " << report::findingKindId(finding.kind) << ": "
              << finding.fingerprint << "\n" << std::flush;
    return ExitCode::Clean;
}

}  // namespace checker::cli
