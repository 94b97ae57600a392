#include "checker/cli/ProgressPrinter.hpp"

#include <cstdio>
#include <string_view>
#include <utility>

namespace checker::cli {

namespace {

constexpr double kRedrawInterval = 0.2;
constexpr double kLineInterval = 5.0;
constexpr double kQuietStart = 1.0;  // runs shorter than this show no progress at all

}  // namespace

bool progressWanted(ProgressMode mode, bool stderrIsTerminal, const char* ciVariable)
{
    if (mode != ProgressMode::Auto) return mode == ProgressMode::Always;
    return stderrIsTerminal && !(ciVariable && std::string_view(ciVariable) == "true");
}

ProgressPrinter::ProgressPrinter(std::ostream& out, bool redraw, std::string label)
    : out_(out), redraw_(redraw), label_(std::move(label))
{
}

std::string ProgressPrinter::format(const std::string& label, const Progress& progress)
{
    const double rate = progress.elapsedSeconds > 0 ? double(progress.executions) / progress.elapsedSeconds : 0;
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, ": %llu executions (%.0f/s), depth %llu, %llu findings, %.1f s",
                  static_cast<unsigned long long>(progress.executions), rate,
                  static_cast<unsigned long long>(progress.depth),
                  static_cast<unsigned long long>(progress.findings), progress.elapsedSeconds);
    return label + buffer;
}

void ProgressPrinter::update(const Progress& progress)
{
    const std::lock_guard lock(mutex_);
    if (progress.elapsedSeconds < kQuietStart) return;
    const double interval = redraw_ ? kRedrawInterval : kLineInterval;
    if (lastPrint_ >= 0 && progress.elapsedSeconds - lastPrint_ < interval) return;
    lastPrint_ = progress.elapsedSeconds;
    if (redraw_) {
        out_ << "\r\x1b[K" << format(label_, progress) << std::flush;
        drawn_ = true;
    } else {
        out_ << format(label_, progress) << "\n" << std::flush;
    }
}

void ProgressPrinter::finish()
{
    const std::lock_guard lock(mutex_);
    if (drawn_) out_ << "\r\x1b[K" << std::flush;
    drawn_ = false;
}

}  // namespace checker::cli
