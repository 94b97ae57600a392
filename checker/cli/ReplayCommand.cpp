#include "checker/cli/Commands.hpp"

#include "checker/cli/ReportInput.hpp"
#include "checker/cli/ScenarioRunner.hpp"
#include "checker/detect/LockOrder.hpp"
#include "checker/explore/Explorer.hpp"
#include "reports/ReportReader.hpp"
#include "reports/RuleCatalog.hpp"

#include <algorithm>
#include <iostream>
#include <map>

namespace checker::cli {

namespace {

std::string padded(const std::string& text, size_t width)
{
    return text.size() >= width ? text : text + std::string(width - text.size(), ' ');
}

// "line 13  /threads/0/body/0  [T1 takes A]"
std::string whereOf(const ReplayStep& step, const std::map<std::string, std::string>& labels)
{
    std::string out = step.line > 0 ? "line " + std::to_string(step.line) + "  " : "";
    out += step.pointer;
    const auto label = labels.find(step.pointer);
    if (label != labels.end()) out += "  [" + label->second + "]";
    return out;
}

void printSteps(const ReplayResult& result, const std::map<std::string, std::string>& labels)
{
    size_t threadWidth = 0;
    for (const ReplayStep& step : result.steps) threadWidth = std::max(threadWidth, step.thread.size());
    const std::string indent(7 + threadWidth + 2, ' ');
    for (const ReplayStep& step : result.steps) {
        const std::string index = std::to_string(step.index);
        std::cout << std::string(index.size() < 5 ? 5 - index.size() : 0, ' ') << index << "  "
                  << padded(step.thread, threadWidth) << "  " << step.statement;
        if (!step.result.empty()) std::cout << "  -> " << step.result;
        std::cout << "\n";
        if (!step.pointer.empty()) std::cout << indent << whereOf(step, labels) << "\n";
        for (const std::string& state : step.objectStates) std::cout << indent << state << "\n";
    }
}

// Each blocked thread the way a debugger lists a waiting thread: thread, wait reason (object,
// mode, holders, other waiters), and where it waits.
void printBlocked(const ReplayResult& result, const std::map<std::string, std::string>& labels)
{
    if (result.blockedSteps.empty()) return;
    std::cout << "\nblocked threads at the end of the witness:\n";
    for (const ReplayStep& step : result.blockedSteps) {
        std::cout << "    THREAD " << step.thread << "  WAIT  " << step.statement << "\n";
        std::cout << "        " << step.result << "\n";
        if (!step.pointer.empty()) std::cout << "        at " << whereOf(step, labels) << "\n";
    }
}

// A lock-order inversion whose orders no explored execution took all of (the report says so in a
// note): its witness, the execution that closed the cycle, cannot show it alone.
bool ordersOfSeveralExecutions(const report::ReportedFinding& finding)
{
    return finding.kind == report::FindingKind::LockOrderInversion &&
           std::find(finding.notes.begin(), finding.notes.end(), kOrdersOfSeveralExecutions) != finding.notes.end();
}

// Findings that need several executions (outcome_divergence: states of different executions; an
// inversion of orders from several executions) reproduce when the witness runs (to its end); every
// other kind when the replayed execution raises the same kind and fingerprint.
bool reproduced(const ReplayResult& result, const report::ReportedFinding& finding)
{
    if (finding.kind == report::FindingKind::OutcomeDivergence) return result.scheduleValid && !result.finalState.empty();
    if (ordersOfSeveralExecutions(finding)) return result.scheduleValid;
    return std::any_of(result.findings.begin(), result.findings.end(), [&](const report::Finding& f) {
        return f.kind == finding.kind && f.fingerprint == finding.fingerprint;
    });
}

std::string titleOf(const report::ReportedFinding& finding)
{
    report::Finding probe;
    probe.kind = finding.kind;
    probe.rule = finding.rule;
    return std::string(report::ruleOf(probe).title);
}

}  // namespace

ExitCode replayCommand(const ReplayArgs& args)
{
    const report::ReplayTarget target = report::readReplayTarget(readReportJson(args.report), args.finding, args.report);
    const report::ReportedFinding& finding = target.finding;
    const Program program = loadScenarioFile(
        target.scenarioFile, loadOptions({target.params.begin(), target.params.end()}));
    std::map<std::string, std::string> labels;
    for (const StatementInfo& info : program.statements)
        if (!info.label.empty()) labels[info.pointer] = info.label;
    ExploreOptions options;
    options.maxSteps = target.maxSteps.value_or(options.maxSteps);

    std::cout << "replaying " << finding.id << " " << report::findingKindId(finding.kind)
              << (finding.rule.empty() ? "" : " " + finding.rule) << " of " << target.scenarioName << " ("
              << target.scenarioFile << "): " << finding.witness.steps() << " steps\n"
              << "    " << finding.message << "\n\n";
    const ReplayResult result = replay(program, finding.witness, options);
    printSteps(result, labels);
    printBlocked(result, labels);
    if (!result.finalState.empty()) std::cout << "\nfinal state: " << result.finalState << "\n";

    if (!result.scheduleValid) {
        std::cout.flush();
        std::cerr << "checker replay: the witness of " << finding.id << " does not replay: " << result.problem
                  << " (the scenario or the checker changed since the report was written?)\n";
        return ExitCode::Findings;
    }
    if (!reproduced(result, finding)) {
        std::cout.flush();
        std::cerr << "checker replay: " << finding.id << " did not reproduce: no " << report::findingKindId(finding.kind)
                  << " finding with fingerprint " << finding.fingerprint << " (the scenario or the checker changed?)\n";
        return ExitCode::Findings;
    }
    std::cout << "\n *** " << titleOf(finding) << " ***\nreproduced " << finding.id << " "
              << report::findingKindId(finding.kind) << ": " << finding.fingerprint << "\n";
    if (ordersOfSeveralExecutions(finding)) std::cout << "note: " << kOrdersOfSeveralExecutions << "\n";
    std::cout << std::flush;
    return ExitCode::Clean;
}

}  // namespace checker::cli
