#pragma once
// Running Graphviz `dot` for `checker render`: a child process started from an argument vector
// with posix_spawnp (never through a shell, so no file name is ever interpreted), searched on
// PATH. Its diagnostics go to our stderr.

#include <filesystem>
#include <optional>
#include <string>

namespace checker::cli {

struct DotRun {
    enum class Status { Ok, Missing, Failed } status = Status::Ok;
    std::string problem;  // for Missing and Failed: what to tell the user
};

// Runs `dot -T<format> [-o output] input`; without `output`, dot writes to our stdout.
DotRun runDot(const std::string& format, const std::filesystem::path& input,
              const std::optional<std::filesystem::path>& output);

}  // namespace checker::cli
