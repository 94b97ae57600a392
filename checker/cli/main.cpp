// `checker`: parses the command line, runs one subcommand and maps its result, or the error it
// raised, to an exit code (STYLE.md 6: the three error channels meet only here).

#include "checker/cli/Commands.hpp"
#include "checker/cli/Help.hpp"
#include "checker/cli/UsageError.hpp"
#include "checker/program/Invariant.hpp"
#include "checker/scenario/InputError.hpp"
#include "reports/ReportError.hpp"

#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace checker::cli {

namespace {

ExitCode dispatch(const CommandLine& line)
{
    switch (line.command) {
    case Command::Help: std::cout << helpText(line.helpTopic); return ExitCode::Clean;
    case Command::Version: std::cout << versionText(); return ExitCode::Clean;
    case Command::Run: return runCommand(line.run);
    case Command::Test: return testCommand(line.test);
    case Command::Replay: return replayCommand(line.replay);
    case Command::Render: return renderCommand(line.render);
    case Command::Validate: return validateCommand(line.validate);
    case Command::Bench: return benchCommand(line.bench);
    }
    return ExitCode::Internal;
}

ExitCode fail(ExitCode code, const std::string& message)
{
    std::cout.flush();
    std::cerr << message << "\n";
    return code;
}

ExitCode runMain(const std::vector<std::string>& args)
{
    try {
        return dispatch(parseCommandLine(args));
    } catch (const UsageError& error) {
        const std::string where = error.command().empty() ? "checker" : "checker " + error.command();
        return fail(ExitCode::Usage, where + ": " + error.what() + "\nTry '" + where + " --help'.");
    } catch (const InputError& error) {
        return fail(ExitCode::Usage, error.what());
    } catch (const report::ReportError& error) {
        return fail(ExitCode::Usage, error.what());
    } catch (const InternalError& error) {
        return fail(ExitCode::Internal, std::string("checker: ") + error.what());
    } catch (const std::exception& error) {
        return fail(ExitCode::Internal, std::string("checker: internal error: ") + error.what());
    } catch (...) {
        return fail(ExitCode::Internal, "checker: internal error: unknown exception");
    }
}

}  // namespace

}  // namespace checker::cli

int main(int argc, char** argv)
{
    const std::vector<std::string> args(argv + 1, argv + argc);
    return int(checker::cli::runMain(args));
}
