#include "checker/cli/Graphviz.hpp"

#include <cerrno>
#include <cstring>
#include <vector>

#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace checker::cli {

DotRun runDot(const std::string& format, const std::filesystem::path& input,
              const std::optional<std::filesystem::path>& output)
{
    std::vector<std::string> args = {"dot", "-T" + format};
    if (output) {
        args.push_back("-o");
        args.push_back(output->string());
    }
    args.push_back(input.string());
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);

    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, "dot", nullptr, nullptr, argv.data(), environ);
    if (spawned == ENOENT)
        return {DotRun::Status::Missing,
                "Graphviz is not installed: no `dot` program on PATH. Install it (Debian: apt-get install graphviz), "
                "or use -T dot and draw the file elsewhere"};
    if (spawned != 0) return {DotRun::Status::Failed, std::string("cannot start dot: ") + std::strerror(spawned)};

    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return {DotRun::Status::Failed, std::string("waiting for dot: ") + std::strerror(errno)};
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return {};
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
        return {DotRun::Status::Missing, "Graphviz `dot` could not be run (exit 127); is Graphviz installed?"};
    const std::string how = WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                                              : "signal " + std::to_string(WTERMSIG(status));
    return {DotRun::Status::Failed, "dot failed (" + how + ") on " + input.string()};
}

}  // namespace checker::cli
