#include "checker/cli/Commands.hpp"

#include "checker/cli/ScenarioRunner.hpp"
#include "checker/scenario/InputError.hpp"
#include "reports/AtomicFile.hpp"
#include "reports/JsonReportWriter.hpp"
#include "reports/ReportFiles.hpp"
#include "reports/SarifWriter.hpp"
#include "reports/TextReportWriter.hpp"

#include <filesystem>
#include <iostream>

namespace checker::cli {

namespace {

// The output folder: --out, or out/<scenario name>/.
std::filesystem::path outputFolder(const RunArgs& args, const Program& program)
{
    if (args.outDir) return *args.outDir;
    if (program.name.empty() || program.name == "." || program.name == "..")
        throw InputError(program.file, "/scenario",
                         "the name '" + program.name + "' cannot name an output folder; give --out DIR");
    return std::filesystem::path("out") / program.name;
}

}  // namespace

ExitCode runCommand(const RunArgs& args)
{
    const Program program = loadScenarioFile(args.scenario, loadOptions(args.params));
    const std::filesystem::path folder = outputFolder(args, program);
    report::ensureFolder(folder);

    const report::Report report = exploreScenario(program, args.explore, true);
    const std::filesystem::path reportPath = report::writeReportFiles(report, folder);

    switch (args.format) {
    case OutputFormat::Json: std::cout << report::JsonReportWriter().render(report); break;
    case OutputFormat::Sarif: std::cout << report::SarifWriter().render(report); break;
    case OutputFormat::Text: std::cout << report::TextReportWriter(reportPath.string()).render(report); break;
    }
    std::cout.flush();
    return report.verdict() == "pass" ? ExitCode::Clean : ExitCode::Findings;
}

}  // namespace checker::cli
