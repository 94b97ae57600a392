#include "checker/cli/Commands.hpp"

#include "checker/cli/Graphviz.hpp"
#include "checker/cli/ReportInput.hpp"
#include "reports/AtomicFile.hpp"
#include "reports/ReportError.hpp"
#include "reports/ReportReader.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <unistd.h>

namespace checker::cli {

namespace {

namespace fs = std::filesystem;

ExitCode fail(ExitCode code, const std::string& message)
{
    std::cout.flush();
    std::cerr << "checker render: " << message << "\n";
    return code;
}

// The DOT file to draw: the finding's graph, or its interleaving.
fs::path inputOf(const RenderArgs& args)
{
    const nlohmann::json report = readReportJson(args.report);
    const report::FindingDrawings drawings = report::readFindingDrawings(report, args.finding, args.interleaving, args.report);
    const std::string& name = args.interleaving ? drawings.interleavingDot : drawings.graphDot;
    if (name.empty()) {
        const std::string what = std::string(report::findingKindId(drawings.kind));
        throw report::ReportError(args.report + ": " + drawings.id + " (" + what + ") has no " +
                                  (args.interleaving ? "interleaving drawing (its witness did not replay when the report was written)"
                                                     : "graph; --interleaving draws its witness instead"));
    }
    const fs::path input = fs::path(args.report).parent_path() / name;
    std::error_code ec;
    if (!fs::is_regular_file(input, ec))
        throw report::ReportError(input.string() + ": missing; `checker run` writes it next to the report (run it again)");
    return input;
}

std::string readText(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Runs dot into a temporary file next to `target` and renames it over `target`.
DotRun renderInto(const std::string& format, const fs::path& input, const fs::path& target)
{
    const fs::path temporary = target.parent_path() / ("." + target.filename().string() + ".tmp" + std::to_string(::getpid()));
    DotRun run = runDot(format, input, temporary);
    std::error_code ec;
    if (run.status == DotRun::Status::Ok) {
        fs::rename(temporary, target, ec);
        if (ec) run = {DotRun::Status::Failed, target.string() + ": cannot write: " + ec.message()};
    }
    if (run.status != DotRun::Status::Ok) fs::remove(temporary, ec);
    return run;
}

}  // namespace

ExitCode renderCommand(const RenderArgs& args)
{
    const fs::path input = inputOf(args);
    const std::string format = renderFormatId(args.format);
    if (args.output && *args.output == "-") {
        std::cout.flush();
        if (args.format == RenderFormat::Dot) {
            std::cout << readText(input) << std::flush;
            return ExitCode::Clean;
        }
        const DotRun run = runDot(format, input, std::nullopt);
        if (run.status == DotRun::Status::Missing) return fail(ExitCode::Usage, run.problem);
        return run.status == DotRun::Status::Ok ? ExitCode::Clean : fail(ExitCode::Internal, run.problem);
    }

    fs::path target = args.output ? fs::path(*args.output) : input.parent_path() / (input.stem().string() + "." + format);
    if (args.output) report::ensureFolder(fs::absolute(target).parent_path());
    std::error_code ec;
    if (args.format == RenderFormat::Dot) {
        if (!fs::equivalent(input, target, ec)) report::writeFileAtomically(target, readText(input));
    } else {
        const DotRun run = renderInto(format, input, target);
        if (run.status == DotRun::Status::Missing) return fail(ExitCode::Usage, run.problem);
        if (run.status == DotRun::Status::Failed) return fail(ExitCode::Internal, run.problem);
    }
    std::cout << target.string() << "\n" << std::flush;
    return ExitCode::Clean;
}

}  // namespace checker::cli
