#include "checker/cli/ScenarioRunner.hpp"

#include "checker/cli/Interrupt.hpp"
#include "checker/cli/ProgressPrinter.hpp"
#include "checker/cli/ReportBuilder.hpp"
#include "checker/cli/TraceBuilder.hpp"
#include "checker/cli/Version.hpp"
#include "checker/exec/CallModel.hpp"
#include "checker/explore/Explorer.hpp"

#include <cstdlib>
#include <iostream>

#include <unistd.h>

namespace checker::cli {

LoadOptions loadOptions(std::vector<std::pair<std::string, int64_t>> params)
{
    LoadOptions options;
    options.paramOverrides = std::move(params);
    options.isSupported = [](Api api) { return isCallSupported(api); };
    return options;
}

report::Report exploreScenario(const Program& program, const ExploreArgs& args, bool traces)
{
    const std::atomic<bool>& interrupt = installInterruptHandler();
    const bool terminal = ::isatty(STDERR_FILENO) == 1;
    const bool showProgress = progressWanted(args.progress, terminal, std::getenv("CI"));
    ProgressPrinter printer(std::cerr, terminal, program.name);
    std::function<void(const Progress&)> onProgress;
    if (showProgress) onProgress = [&printer](const Progress& progress) { printer.update(progress); };

    const ExploreOptions options = toExploreOptions(args, &interrupt);
    ExploreResult result = explore(program, options, onProgress);
    printer.finish();
    report::Report report = buildReport(program, reportOptions(args), std::move(result), kCheckerVersion);
    if (traces) {
        attachTraces(program, options, report.findings);
        report::canonicalize(report);  // names the interleaving DOT files; the order stays
    }
    return report;
}

}  // namespace checker::cli
