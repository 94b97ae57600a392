#pragma once
// The command line of `checker` as values (REPORTS_AND_CLI.md "Commands"): parsing only, no I/O.
// Every mistake is a UsageError naming the option and what is allowed.

#include "checker/explore/Explorer.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace checker::cli {

enum class Command : uint8_t { Help, Version, Run, Test, Replay, Render, Validate, Bench };
enum class OutputFormat : uint8_t { Text, Json, Sarif };

// Whether progress goes to stderr: Auto = on a TTY unless CI=true; Quiet = never (--quiet);
// Always = also when not a TTY, as a line every few seconds (--progress).
enum class ProgressMode : uint8_t { Auto, Quiet, Always };

// Exploration settings shared by `run` and `test`. Unset values take ExploreOptions' defaults.
struct ExploreArgs {
    Strategy strategy = Strategy::Dpor;
    std::optional<int64_t> preemptionBound;    // only with Strategy::Bounded
    std::optional<uint64_t> maxExecutions;
    std::optional<double> timeLimitSeconds;
    std::optional<uint64_t> seed;              // only with Random / Pct
    std::optional<uint64_t> runs;              // only with Random / Pct
    unsigned jobs = 1;
    bool stopOnFirst = false;
    std::optional<uint64_t> maxSteps;
    std::optional<uint64_t> maxMemoryMb;       // --max-memory MB
    ProgressMode progress = ProgressMode::Auto;
};

struct RunArgs {
    std::string scenario;
    std::vector<std::pair<std::string, int64_t>> params;   // --param NAME=VALUE, in order
    std::optional<std::string> outDir;                     // default out/<scenario name>/
    OutputFormat format = OutputFormat::Text;
    ExploreArgs explore;
};

struct TestArgs {
    std::vector<std::string> paths;      // scenario files or folders, as given
    std::optional<std::string> junit;
    std::optional<std::string> baseline;       // --baseline FILE: accepted findings
    std::optional<std::string> writeBaseline;  // --write-baseline FILE: accept the current findings
    ExploreArgs explore;
};

struct ReplayArgs {
    std::string report;
    std::optional<std::string> finding;  // default: the report's first finding
};

enum class RenderFormat : uint8_t { Svg, Png, Dot };

struct RenderArgs {
    std::string report;
    std::optional<std::string> finding;  // default: the report's first finding with a graph
    RenderFormat format = RenderFormat::Svg;
    std::optional<std::string> output;   // -o FILE ("-" = stdout); default next to the report
    bool interleaving = false;           // draw the witness interleaving instead of the graph
};

struct ValidateArgs {
    std::vector<std::string> files;
};

struct BenchArgs {
    std::vector<std::string> paths;      // suite files or scenario files
    std::optional<std::string> json;     // --json FILE: the figures as JSON
    unsigned jobs = 1;                   // --jobs N: threads exploring each benchmark
    unsigned repeat = 1;                 // --repeat K: runs of each, the median reported
};

struct CommandLine {
    Command command = Command::Help;
    std::string helpTopic;  // with Command::Help: "" for the overview, else the command's name
    RunArgs run;
    TestArgs test;
    ReplayArgs replay;
    RenderArgs render;
    ValidateArgs validate;
    BenchArgs bench;
};

// Parses the arguments after the program name. Throws UsageError.
CommandLine parseCommandLine(const std::vector<std::string>& args);

// "svg", "png", "dot".
const char* renderFormatId(RenderFormat format);

// "dpor", "bounded", "random", "pct".
const char* strategyId(Strategy strategy);

// The ExploreOptions for `args`: ExploreOptions' defaults where `args` leaves a value unset.
ExploreOptions toExploreOptions(const ExploreArgs& args, const std::atomic<bool>* interrupt);

}  // namespace checker::cli
