#pragma once
// Progress of an exploration on stderr (REPORTS_AND_CLI.md): executions, executions/s, depth,
// findings. On a terminal one line is redrawn in place; otherwise a new line every few seconds.
// Progress never goes to stdout and never changes a result.

#include "checker/cli/Options.hpp"
#include "checker/explore/Explorer.hpp"

#include <mutex>
#include <ostream>
#include <string>

namespace checker::cli {

// Whether to show progress: Always and Quiet decide; Auto shows it only on a terminal and not
// when the CI environment variable is "true".
bool progressWanted(ProgressMode mode, bool stderrIsTerminal, const char* ciVariable);

class ProgressPrinter {
public:
    // `redraw`: overwrite one line (terminal) instead of printing a line per update.
    ProgressPrinter(std::ostream& out, bool redraw, std::string label);

    // Prints `progress` if the run has lasted a second and enough time passed since the last
    // print (0.2 s redrawn, 5 s as lines). Safe to call from several threads.
    void update(const Progress& progress);

    // Clears the redrawn line; call once exploration has returned.
    void finish();

    // One progress line, without line end: "lock_order: 1200 executions (600/s), depth 40, 0 findings, 2.0 s".
    static std::string format(const std::string& label, const Progress& progress);

private:
    std::ostream& out_;
    bool redraw_;
    std::string label_;
    std::mutex mutex_;
    double lastPrint_ = -1;
    bool drawn_ = false;
};

}  // namespace checker::cli
