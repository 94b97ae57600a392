#include "checker/cli/Options.hpp"

#include "checker/cli/UsageError.hpp"

#include <charconv>
#include <cmath>
#include <functional>
#include <limits>
#include <string_view>

namespace checker::cli {

namespace {

// One option of a command: `--name` alone, or `--name VALUE` / `--name=VALUE`.
struct OptionSpec {
    std::string_view name;
    bool takesValue;
    std::function<void(const std::string& value)> apply;
};

// A parser for one command: its options and what to do with the other arguments.
struct CommandSpec {
    std::string name;
    std::vector<OptionSpec> options;
    std::function<void(const std::string& argument)> positional;
};

[[noreturn]] void usage(const std::string& command, const std::string& message)
{
    throw UsageError(command, message);
}

template <typename T>
std::optional<T> parseInteger(const std::string& text)
{
    T value{};
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

uint64_t positiveInteger(const std::string& command, const std::string& option, const std::string& text)
{
    const auto value = parseInteger<uint64_t>(text);
    if (!value || *value == 0) usage(command, option + ": expected a positive integer, got '" + text + "'");
    return *value;
}

double positiveSeconds(const std::string& command, const std::string& option, const std::string& text)
{
    double value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value) || value <= 0)
        usage(command, option + ": expected a positive number of seconds, got '" + text + "'");
    return value;
}

bool isIdentifier(std::string_view name)
{
    if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
    for (const char c : name)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

std::pair<std::string, int64_t> paramOverride(const std::string& text)
{
    const size_t eq = text.find('=');
    const std::string name = text.substr(0, eq);
    if (eq == std::string::npos || !isIdentifier(name))
        usage("run", "--param: expected NAME=VALUE with NAME a parameter name, got '" + text + "'");
    const auto value = parseInteger<int64_t>(text.substr(eq + 1));
    if (!value) usage("run", "--param " + text + ": the value must be an integer");
    return {name, *value};
}

Strategy strategyFromId(const std::string& command, const std::string& text)
{
    for (const Strategy s : {Strategy::Dpor, Strategy::Bounded, Strategy::Random, Strategy::Pct})
        if (text == strategyId(s)) return s;
    usage(command, "--strategy: expected dpor, bounded, random or pct, got '" + text + "'");
}

OutputFormat formatFromId(const std::string& text)
{
    if (text == "text") return OutputFormat::Text;
    if (text == "json") return OutputFormat::Json;
    if (text == "sarif") return OutputFormat::Sarif;
    usage("run", "--format: expected text, json or sarif, got '" + text + "'");
}

// The exploration options of `run` and `test`; `run` adds --stop-on-first.
std::vector<OptionSpec> exploreOptions(const std::string& command, ExploreArgs& args)
{
    return {
        {"--strategy", true, [&args, command](const std::string& v) { args.strategy = strategyFromId(command, v); }},
        {"--preemption-bound", true,
         [&args, command](const std::string& v) {
             const auto bound = parseInteger<int64_t>(v);
             if (!bound || *bound < 0) usage(command, "--preemption-bound: expected an integer >= 0, got '" + v + "'");
             args.preemptionBound = *bound;
         }},
        {"--max-executions", true,
         [&args, command](const std::string& v) { args.maxExecutions = positiveInteger(command, "--max-executions", v); }},
        {"--time-limit", true,
         [&args, command](const std::string& v) { args.timeLimitSeconds = positiveSeconds(command, "--time-limit", v); }},
        {"--seed", true,
         [&args, command](const std::string& v) {
             const auto seed = parseInteger<uint64_t>(v);
             if (!seed) usage(command, "--seed: expected an integer from 0 to 18446744073709551615, got '" + v + "'");
             args.seed = *seed;
         }},
        {"--runs", true, [&args, command](const std::string& v) { args.runs = positiveInteger(command, "--runs", v); }},
        {"--jobs", true,
         [&args, command](const std::string& v) {
             const uint64_t jobs = positiveInteger(command, "--jobs", v);
             if (jobs > 1024) usage(command, "--jobs: at most 1024, got '" + v + "'");
             args.jobs = unsigned(jobs);
         }},
        {"--max-steps", true, [&args, command](const std::string& v) { args.maxSteps = positiveInteger(command, "--max-steps", v); }},
        {"--max-memory", true,
         [&args, command](const std::string& v) {
             const uint64_t mb = positiveInteger(command, "--max-memory", v);
             if (mb > (uint64_t(1) << 30)) usage(command, "--max-memory: at most 1073741824 (MiB), got '" + v + "'");
             args.maxMemoryMb = mb;
         }},
        {"--quiet", false, [&args](const std::string&) { args.progress = ProgressMode::Quiet; }},
        {"--progress", false, [&args](const std::string&) { args.progress = ProgressMode::Always; }},
    };
}

// Splits "--name=value"; returns false when `arg` has no '='.
bool splitInline(const std::string& arg, std::string& name, std::string& value)
{
    const size_t eq = arg.find('=');
    if (eq == std::string::npos) return false;
    name = arg.substr(0, eq);
    value = arg.substr(eq + 1);
    return true;
}

// `args` with attached short options split off their value, as Graphviz spells them: "-Tsvg"
// becomes "-T", "svg".
std::vector<std::string> splitShortOptions(const std::vector<std::string>& args, const std::vector<std::string>& shorts)
{
    std::vector<std::string> out;
    for (const std::string& arg : args) {
        bool split = false;
        for (const std::string& option : shorts) {
            if (arg.size() > option.size() && arg.compare(0, option.size(), option) == 0) {
                out.push_back(option);
                out.push_back(arg.substr(option.size()));
                split = true;
                break;
            }
        }
        if (!split) out.push_back(arg);
    }
    return out;
}

// Runs `spec` over `args` from index 1 (0 is the command). Returns false when --help was given.
bool parseWith(const CommandSpec& spec, const std::vector<std::string>& args)
{
    bool optionsEnded = false;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (optionsEnded || arg.size() < 2 || arg[0] != '-') {
            spec.positional(arg);
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        if (arg == "--help" || arg == "-h") return false;
        std::string name = arg, value;
        const bool hasInline = splitInline(arg, name, value);
        const OptionSpec* option = nullptr;
        for (const OptionSpec& candidate : spec.options)
            if (candidate.name == name) option = &candidate;
        if (!option) usage(spec.name, "unknown option '" + name + "'");
        if (!option->takesValue && hasInline) usage(spec.name, name + " takes no value");
        if (option->takesValue && !hasInline) {
            if (i + 1 >= args.size()) usage(spec.name, name + " needs a value");
            value = args[++i];
        }
        option->apply(value);
    }
    return true;
}

void checkExploreArgs(const std::string& command, const ExploreArgs& args)
{
    if (args.preemptionBound && args.strategy != Strategy::Bounded && args.strategy != Strategy::Pct)
        usage(command, "--preemption-bound applies only to --strategy bounded or pct");
    const bool randomized = args.strategy == Strategy::Random || args.strategy == Strategy::Pct;
    if (args.seed && !randomized) usage(command, "--seed applies only to --strategy random or pct");
    if (args.runs && !randomized) usage(command, "--runs applies only to --strategy random or pct");
}

}  // namespace

namespace {

bool parseRun(const std::vector<std::string>& args, RunArgs& run)
{
    CommandSpec spec{"run", exploreOptions("run", run.explore), [&run](const std::string& arg) {
                         if (!run.scenario.empty())
                             usage("run", "run takes one scenario (got '" + run.scenario + "' and '" + arg +
                                              "'); use checker test for several");
                         run.scenario = arg;
                     }};
    spec.options.push_back({"--param", true, [&run](const std::string& v) { run.params.push_back(paramOverride(v)); }});
    spec.options.push_back({"--out", true, [&run](const std::string& v) {
                                if (v.empty()) usage("run", "--out: expected a folder");
                                run.outDir = v;
                            }});
    spec.options.push_back({"--format", true, [&run](const std::string& v) { run.format = formatFromId(v); }});
    spec.options.push_back({"--stop-on-first", false, [&run](const std::string&) { run.explore.stopOnFirst = true; }});
    if (!parseWith(spec, args)) return false;
    if (run.scenario.empty()) usage("run", "missing SCENARIO.json");
    checkExploreArgs("run", run.explore);
    return true;
}

bool parseTest(const std::vector<std::string>& args, TestArgs& test)
{
    CommandSpec spec{"test", exploreOptions("test", test.explore),
                     [&test](const std::string& arg) { test.paths.push_back(arg); }};
    spec.options.push_back({"--junit", true, [&test](const std::string& v) {
                                if (v.empty()) usage("test", "--junit: expected a file name");
                                test.junit = v;
                            }});
    spec.options.push_back({"--baseline", true, [&test](const std::string& v) {
                                if (v.empty()) usage("test", "--baseline: expected a file name");
                                test.baseline = v;
                            }});
    spec.options.push_back({"--write-baseline", true, [&test](const std::string& v) {
                                if (v.empty()) usage("test", "--write-baseline: expected a file name");
                                test.writeBaseline = v;
                            }});
    if (!parseWith(spec, args)) return false;
    if (test.paths.empty()) usage("test", "missing PATH (a scenario file or a folder of them)");
    checkExploreArgs("test", test.explore);
    return true;
}

bool parseReplay(const std::vector<std::string>& args, ReplayArgs& replay)
{
    CommandSpec spec{"replay",
                     {{"--finding", true,
                       [&replay](const std::string& v) {
                           if (v.empty()) usage("replay", "--finding: expected a finding id such as F1");
                           replay.finding = v;
                       }}},
                     [&replay](const std::string& arg) {
                         if (!replay.report.empty()) usage("replay", "replay takes one REPORT.json");
                         replay.report = arg;
                     }};
    if (!parseWith(spec, args)) return false;
    if (replay.report.empty()) usage("replay", "missing REPORT.json");
    return true;
}

RenderFormat renderFormatFromId(const std::string& text)
{
    for (const RenderFormat f : {RenderFormat::Svg, RenderFormat::Png, RenderFormat::Dot})
        if (text == renderFormatId(f)) return f;
    usage("render", "-T: expected svg, png or dot, got '" + text + "'");
}

bool parseRender(const std::vector<std::string>& args, RenderArgs& render)
{
    auto output = [&render](const std::string& v) {
        if (v.empty()) usage("render", "-o: expected a file name (or - for standard output)");
        render.output = v;
    };
    auto format = [&render](const std::string& v) { render.format = renderFormatFromId(v); };
    CommandSpec spec{"render",
                     {{"--finding", true,
                       [&render](const std::string& v) {
                           if (v.empty()) usage("render", "--finding: expected a finding id such as F1");
                           render.finding = v;
                       }},
                      {"-T", true, format},
                      {"--format", true, format},
                      {"-o", true, output},
                      {"--output", true, output},
                      {"--interleaving", false, [&render](const std::string&) { render.interleaving = true; }}},
                     [&render](const std::string& arg) {
                         if (!render.report.empty()) usage("render", "render takes one REPORT.json");
                         render.report = arg;
                     }};
    if (!parseWith(spec, splitShortOptions(args, {"-T", "-o"}))) return false;
    if (render.report.empty()) usage("render", "missing REPORT.json");
    return true;
}

bool parseValidate(const std::vector<std::string>& args, ValidateArgs& validate)
{
    CommandSpec spec{"validate", {}, [&validate](const std::string& arg) { validate.files.push_back(arg); }};
    if (!parseWith(spec, args)) return false;
    if (validate.files.empty()) usage("validate", "missing SCENARIO.json");
    return true;
}

bool parseBench(const std::vector<std::string>& args, BenchArgs& bench)
{
    CommandSpec spec{"bench",
                     {{"--json", true,
                       [&bench](const std::string& v) {
                           if (v.empty()) usage("bench", "--json: expected a file name");
                           bench.json = v;
                       }},
                      {"--jobs", true,
                       [&bench](const std::string& v) {
                           const uint64_t jobs = positiveInteger("bench", "--jobs", v);
                           if (jobs > 1024) usage("bench", "--jobs: at most 1024, got '" + v + "'");
                           bench.jobs = unsigned(jobs);
                       }},
                      {"--repeat", true,
                       [&bench](const std::string& v) {
                           const uint64_t repeat = positiveInteger("bench", "--repeat", v);
                           if (repeat > 100) usage("bench", "--repeat: at most 100, got '" + v + "'");
                           bench.repeat = unsigned(repeat);
                       }}},
                     [&bench](const std::string& arg) { bench.paths.push_back(arg); }};
    if (!parseWith(spec, args)) return false;
    if (bench.paths.empty()) usage("bench", "missing SUITE.json (e.g. scenarios/benchmarks/suite.json)");
    return true;
}

CommandLine helpFor(const std::string& topic)
{
    CommandLine line;
    line.command = Command::Help;
    line.helpTopic = topic;
    return line;
}

}  // namespace

const char* renderFormatId(RenderFormat format)
{
    switch (format) {
    case RenderFormat::Svg: return "svg";
    case RenderFormat::Png: return "png";
    case RenderFormat::Dot: return "dot";
    }
    return "svg";
}

const char* strategyId(Strategy strategy)
{
    switch (strategy) {
    case Strategy::Dpor: return "dpor";
    case Strategy::Bounded: return "bounded";
    case Strategy::Random: return "random";
    case Strategy::Pct: return "pct";
    }
    return "dpor";
}

CommandLine parseCommandLine(const std::vector<std::string>& args)
{
    if (args.empty()) usage("", "missing command");
    const std::string& first = args[0];
    if (first == "--help" || first == "-h") return helpFor("");
    if (first == "--version") {
        CommandLine line;
        line.command = Command::Version;
        return line;
    }
    if (first == "help") {
        if (args.size() > 2) usage("", "help takes at most one command name");
        return helpFor(args.size() == 2 ? args[1] : "");
    }
    CommandLine line;
    bool parsed = false;
    if (first == "run") {
        line.command = Command::Run;
        parsed = parseRun(args, line.run);
    } else if (first == "test") {
        line.command = Command::Test;
        parsed = parseTest(args, line.test);
    } else if (first == "replay") {
        line.command = Command::Replay;
        parsed = parseReplay(args, line.replay);
    } else if (first == "validate") {
        line.command = Command::Validate;
        parsed = parseValidate(args, line.validate);
    } else if (first == "bench") {
        line.command = Command::Bench;
        parsed = parseBench(args, line.bench);
    } else if (first == "render") {
        line.command = Command::Render;
        parsed = parseRender(args, line.render);
    } else if (!first.empty() && first[0] == '-') {
        usage("", "unknown option '" + first + "'");
    } else {
        usage("", "unknown command '" + first + "' (commands: run, test, replay, render, validate, bench)");
    }
    return parsed ? line : helpFor(first);
}

ExploreOptions toExploreOptions(const ExploreArgs& args, const std::atomic<bool>* interrupt)
{
    ExploreOptions options;
    options.strategy = args.strategy;
    options.maxExecutions = args.maxExecutions;
    options.timeLimitSeconds = args.timeLimitSeconds;
    options.stopOnFirst = args.stopOnFirst;
    options.maxSteps = args.maxSteps.value_or(options.maxSteps);
    options.maxMemoryMb = args.maxMemoryMb.value_or(options.maxMemoryMb);
    options.jobs = args.jobs;
    options.seed = args.seed.value_or(options.seed);
    options.runs = args.runs.value_or(options.runs);
    options.preemptionBound = args.preemptionBound.value_or(options.preemptionBound);
    options.interrupt = interrupt;
    return options;
}

}  // namespace checker::cli
