#include "checker/cli/ReportBuilder.hpp"

#include "checker/cli/ExpectationCheck.hpp"

#include <utility>

namespace checker::cli {

report::RunOptions reportOptions(const ExploreArgs& args)
{
    const ExploreOptions effective = toExploreOptions(args, nullptr);
    report::RunOptions out;
    out.strategy = strategyId(args.strategy);
    out.jobs = args.jobs;
    out.maxExecutions = args.maxExecutions;
    out.timeLimitSeconds = args.timeLimitSeconds;
    out.maxSteps = effective.maxSteps;
    if (args.strategy == Strategy::Bounded) out.preemptionBound = effective.preemptionBound;
    if (args.strategy == Strategy::Random || args.strategy == Strategy::Pct) {
        out.seed = effective.seed;
        out.runs = effective.runs;
    }
    out.stopOnFirst = args.stopOnFirst;
    return out;
}

report::Report buildReport(const Program& program, const report::RunOptions& options,
                           ExploreResult result, const std::string& checkerVersion)
{
    report::Report out;
    out.checkerVersion = checkerVersion;
    out.scenarioName = program.name;
    out.scenarioFile = program.file;
    out.scenarioDescription = program.description;
    out.params = program.params;
    out.options = options;
    out.exploration = result.stats;
    out.expectations = checkExpectations(program.expect, result.findings, result.stats);
    out.findings = std::move(result.findings);
    out.outcomes = std::move(result.outcomes);
    report::canonicalize(out);
    return out;
}

}  // namespace checker::cli
