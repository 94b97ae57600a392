#include "checker/cli/ExitCode.hpp"
#include "checker/cli/Help.hpp"
#include "checker/cli/Options.hpp"
#include "checker/cli/ReportBuilder.hpp"
#include "checker/cli/UsageError.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <type_traits>

namespace checker::cli {
namespace {

CommandLine parse(std::vector<std::string> args)
{
    return parseCommandLine(args);
}

// The UsageError message of parsing `args`, prefixed with its command ("run: ...").
std::string errorOf(std::vector<std::string> args)
{
    try {
        parseCommandLine(args);
    } catch (const UsageError& error) {
        return error.command() + ": " + error.what();
    }
    return "no error";
}

class OptionsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(OptionsTest);
    CPPUNIT_TEST(exitCodesAreFixed);
    CPPUNIT_TEST(usageErrorsAreInputErrors);
    CPPUNIT_TEST(helpAndVersion);
    CPPUNIT_TEST(runDefaults);
    CPPUNIT_TEST(runEveryOption);
    CPPUNIT_TEST(inlineValuesAndDoubleDash);
    CPPUNIT_TEST(paramValues);
    CPPUNIT_TEST(badNumbers);
    CPPUNIT_TEST(strategySpecificOptions);
    CPPUNIT_TEST(formats);
    CPPUNIT_TEST(unknownCommandsAndOptions);
    CPPUNIT_TEST(missingArguments);
    CPPUNIT_TEST(testReplayValidate);
    CPPUNIT_TEST(testBaselines);
    CPPUNIT_TEST(renderOptions);
    CPPUNIT_TEST(exploreOptionsTakeEngineDefaults);
    CPPUNIT_TEST(reportOptionsRecordEffectiveValues);
    CPPUNIT_TEST_SUITE_END();

public:
    void exitCodesAreFixed()
    {
        CPPUNIT_ASSERT_EQUAL(0, int(ExitCode::Clean));
        CPPUNIT_ASSERT_EQUAL(1, int(ExitCode::Findings));
        CPPUNIT_ASSERT_EQUAL(2, int(ExitCode::Usage));
        CPPUNIT_ASSERT_EQUAL(3, int(ExitCode::Internal));
    }

    void usageErrorsAreInputErrors()
    {
        static_assert(std::is_base_of_v<InputError, UsageError>);
        CPPUNIT_ASSERT_THROW(parse({"run"}), InputError);
    }

    void helpAndVersion()
    {
        CPPUNIT_ASSERT(parse({"--help"}).command == Command::Help);
        CPPUNIT_ASSERT(parse({"-h"}).helpTopic.empty());
        CPPUNIT_ASSERT(parse({"--version"}).command == Command::Version);
        CPPUNIT_ASSERT_EQUAL(std::string("checker 0.1.0\n"), versionText());
        for (const std::string command : {"run", "test", "replay", "render", "validate"}) {
            const CommandLine line = parse({command, "--help"});
            CPPUNIT_ASSERT(line.command == Command::Help);
            CPPUNIT_ASSERT_EQUAL(command, line.helpTopic);
            CPPUNIT_ASSERT(helpText(command).find("usage: checker " + command) == 0);
            CPPUNIT_ASSERT_EQUAL(command, parse({"help", command}).helpTopic);
        }
        CPPUNIT_ASSERT(parse({"run", "x.json", "--seed", "1", "-h"}).command == Command::Help);
        CPPUNIT_ASSERT(helpText("run").find("--param NAME=VALUE") != std::string::npos);
        CPPUNIT_ASSERT(helpText("test").find("--junit FILE") != std::string::npos);
        CPPUNIT_ASSERT(helpText("").find("commands:") != std::string::npos);
        CPPUNIT_ASSERT_THROW(helpText("bogus"), UsageError);
    }

    void runDefaults()
    {
        const CommandLine line = parse({"run", "scenarios/a.json"});
        CPPUNIT_ASSERT(line.command == Command::Run);
        CPPUNIT_ASSERT_EQUAL(std::string("scenarios/a.json"), line.run.scenario);
        CPPUNIT_ASSERT(!line.run.outDir);
        CPPUNIT_ASSERT(line.run.format == OutputFormat::Text);
        CPPUNIT_ASSERT(line.run.explore.strategy == Strategy::Dpor);
        CPPUNIT_ASSERT(line.run.explore.progress == ProgressMode::Auto);
        CPPUNIT_ASSERT_EQUAL(1u, line.run.explore.jobs);
        CPPUNIT_ASSERT(!line.run.explore.stopOnFirst);
    }

    void runEveryOption()
    {
        const CommandLine line = parse({"run", "--param", "N=3", "a.json", "--param", "M=-4", "--out", "o/x",
                                        "--strategy", "random", "--max-executions", "10", "--time-limit", "2.5",
                                        "--seed", "42", "--runs", "7", "--jobs", "4", "--stop-on-first", "--format",
                                        "json", "--max-steps", "1000", "--progress"});
        const RunArgs& run = line.run;
        CPPUNIT_ASSERT_EQUAL(std::string("a.json"), run.scenario);
        CPPUNIT_ASSERT(run.params == (std::vector<std::pair<std::string, int64_t>>{{"N", 3}, {"M", -4}}));
        CPPUNIT_ASSERT(run.outDir == std::string("o/x"));
        CPPUNIT_ASSERT(run.explore.strategy == Strategy::Random);
        CPPUNIT_ASSERT(run.explore.maxExecutions == uint64_t(10));
        CPPUNIT_ASSERT(run.explore.timeLimitSeconds == 2.5);
        CPPUNIT_ASSERT(run.explore.seed == uint64_t(42));
        CPPUNIT_ASSERT(run.explore.runs == uint64_t(7));
        CPPUNIT_ASSERT_EQUAL(4u, run.explore.jobs);
        CPPUNIT_ASSERT(run.explore.stopOnFirst);
        CPPUNIT_ASSERT(run.format == OutputFormat::Json);
        CPPUNIT_ASSERT(run.explore.maxSteps == uint64_t(1000));
        CPPUNIT_ASSERT(run.explore.progress == ProgressMode::Always);
        CPPUNIT_ASSERT(parse({"run", "a.json", "--quiet"}).run.explore.progress == ProgressMode::Quiet);
        const CommandLine bounded = parse({"run", "a.json", "--strategy", "bounded", "--preemption-bound", "0"});
        CPPUNIT_ASSERT(bounded.run.explore.strategy == Strategy::Bounded);
        CPPUNIT_ASSERT(bounded.run.explore.preemptionBound == int64_t(0));
        CPPUNIT_ASSERT(parse({"run", "a.json", "--strategy", "pct", "--seed", "0"}).run.explore.strategy == Strategy::Pct);
    }

    void inlineValuesAndDoubleDash()
    {
        const CommandLine line = parse({"run", "--max-executions=5", "--param=N=2", "--", "--odd.json"});
        CPPUNIT_ASSERT(line.run.explore.maxExecutions == uint64_t(5));
        CPPUNIT_ASSERT(line.run.params.at(0) == (std::pair<std::string, int64_t>{"N", 2}));
        CPPUNIT_ASSERT_EQUAL(std::string("--odd.json"), line.run.scenario);
        CPPUNIT_ASSERT_EQUAL(std::string("run: --quiet takes no value"), errorOf({"run", "a.json", "--quiet=1"}));
    }

    void paramValues()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("run: --param N=abc: the value must be an integer"),
                             errorOf({"run", "a.json", "--param", "N=abc"}));
        CPPUNIT_ASSERT_EQUAL(std::string("run: --param N=: the value must be an integer"),
                             errorOf({"run", "a.json", "--param", "N="}));
        CPPUNIT_ASSERT_EQUAL(std::string("run: --param N=1.5: the value must be an integer"),
                             errorOf({"run", "a.json", "--param", "N=1.5"}));
        CPPUNIT_ASSERT_EQUAL(std::string("run: --param N=99999999999999999999: the value must be an integer"),
                             errorOf({"run", "a.json", "--param", "N=99999999999999999999"}));
        CPPUNIT_ASSERT_EQUAL(std::string("run: --param: expected NAME=VALUE with NAME a parameter name, got 'N'"),
                             errorOf({"run", "a.json", "--param", "N"}));
        CPPUNIT_ASSERT(errorOf({"run", "a.json", "--param", "1N=2"}).find("expected NAME=VALUE") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(std::string("run: --param needs a value"), errorOf({"run", "a.json", "--param"}));
    }

    void badNumbers()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("run: --max-executions: expected a positive integer, got 'abc'"),
                             errorOf({"run", "a.json", "--max-executions", "abc"}));
        CPPUNIT_ASSERT(errorOf({"run", "a.json", "--max-executions", "0"}).find("positive integer") != std::string::npos);
        CPPUNIT_ASSERT(errorOf({"run", "a.json", "--max-executions", "-1"}).find("positive integer") != std::string::npos);
        CPPUNIT_ASSERT(errorOf({"run", "a.json", "--jobs", "0"}).find("--jobs: expected a positive") != std::string::npos);
        CPPUNIT_ASSERT(errorOf({"run", "a.json", "--jobs", "5000"}).find("--jobs: at most 1024") != std::string::npos);
        CPPUNIT_ASSERT(errorOf({"run", "a.json", "--max-steps", "1e3"}).find("--max-steps") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(std::string("run: --time-limit: expected a positive number of seconds, got '0'"),
                             errorOf({"run", "a.json", "--time-limit", "0"}));
        CPPUNIT_ASSERT(errorOf({"run", "a.json", "--time-limit", "inf"}).find("--time-limit") != std::string::npos);
        CPPUNIT_ASSERT(errorOf({"run", "a.json", "--time-limit", "nan"}).find("--time-limit") != std::string::npos);
        CPPUNIT_ASSERT(errorOf({"run", "a.json", "--strategy", "random", "--seed", "-3"}).find("--seed") != std::string::npos);
        CPPUNIT_ASSERT(errorOf({"run", "a.json", "--strategy", "random", "--runs", "0"}).find("--runs") != std::string::npos);
        CPPUNIT_ASSERT(errorOf({"run", "a.json", "--strategy", "bounded", "--preemption-bound", "-1"})
                           .find("--preemption-bound: expected an integer >= 0") != std::string::npos);
    }

    void strategySpecificOptions()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("run: --strategy: expected dpor, bounded, random or pct, got 'dfs'"),
                             errorOf({"run", "a.json", "--strategy", "dfs"}));
        CPPUNIT_ASSERT_EQUAL(std::string("run: --preemption-bound applies only to --strategy bounded or pct"),
                             errorOf({"run", "a.json", "--preemption-bound", "2"}));
        CPPUNIT_ASSERT_EQUAL(std::string("run: --seed applies only to --strategy random or pct"),
                             errorOf({"run", "a.json", "--seed", "2"}));
        CPPUNIT_ASSERT_EQUAL(std::string("test: --runs applies only to --strategy random or pct"),
                             errorOf({"test", "s", "--runs", "2", "--strategy", "bounded"}));
    }

    void formats()
    {
        CPPUNIT_ASSERT(parse({"run", "a.json", "--format", "text"}).run.format == OutputFormat::Text);
        CPPUNIT_ASSERT(parse({"run", "a.json", "--format", "sarif"}).run.format == OutputFormat::Sarif);
        CPPUNIT_ASSERT_EQUAL(std::string("run: --format: expected text, json or sarif, got 'xml'"),
                             errorOf({"run", "a.json", "--format", "xml"}));
    }

    void unknownCommandsAndOptions()
    {
        CPPUNIT_ASSERT_EQUAL(std::string(": unknown command 'frobnicate' (commands: run, test, replay, render, validate, bench)"),
                             errorOf({"frobnicate"}));
        CPPUNIT_ASSERT_EQUAL(std::string(": unknown option '--verbose'"), errorOf({"--verbose"}));
        CPPUNIT_ASSERT_EQUAL(std::string("run: unknown option '--fast'"), errorOf({"run", "a.json", "--fast"}));
        CPPUNIT_ASSERT_EQUAL(std::string("run: unknown option '-x'"), errorOf({"run", "a.json", "-x"}));
        CPPUNIT_ASSERT_EQUAL(std::string("test: unknown option '--param'"), errorOf({"test", "s", "--param", "N=1"}));
        CPPUNIT_ASSERT_EQUAL(std::string("replay: unknown option '--seed'"), errorOf({"replay", "r.json", "--seed", "1"}));
        CPPUNIT_ASSERT_EQUAL(std::string("render: unknown option '--seed'"), errorOf({"render", "r.json", "--seed", "1"}));
    }

    void missingArguments()
    {
        CPPUNIT_ASSERT_EQUAL(std::string(": missing command"), errorOf({}));
        CPPUNIT_ASSERT_EQUAL(std::string("run: missing SCENARIO.json"), errorOf({"run"}));
        CPPUNIT_ASSERT(errorOf({"run", "a.json", "b.json"}).find("run takes one scenario") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(std::string("test: missing PATH (a scenario file or a folder of them)"), errorOf({"test"}));
        CPPUNIT_ASSERT_EQUAL(std::string("replay: missing REPORT.json"), errorOf({"replay", "--finding", "F1"}));
        CPPUNIT_ASSERT_EQUAL(std::string("replay: replay takes one REPORT.json"), errorOf({"replay", "a", "b"}));
        CPPUNIT_ASSERT_EQUAL(std::string("validate: missing SCENARIO.json"), errorOf({"validate"}));
        CPPUNIT_ASSERT_EQUAL(std::string("run: --out needs a value"), errorOf({"run", "a.json", "--out"}));
    }

    void testReplayValidate()
    {
        const CommandLine test = parse({"test", "scenarios", "x.json", "--junit", "out/junit.xml", "--jobs", "2", "--quiet"});
        CPPUNIT_ASSERT(test.command == Command::Test);
        CPPUNIT_ASSERT(test.test.paths == (std::vector<std::string>{"scenarios", "x.json"}));
        CPPUNIT_ASSERT(test.test.junit == std::string("out/junit.xml"));
        CPPUNIT_ASSERT_EQUAL(2u, test.test.explore.jobs);
        const CommandLine replay = parse({"replay", "out/a/report.json", "--finding", "F2"});
        CPPUNIT_ASSERT(replay.command == Command::Replay);
        CPPUNIT_ASSERT_EQUAL(std::string("out/a/report.json"), replay.replay.report);
        CPPUNIT_ASSERT(replay.replay.finding == std::string("F2"));
        CPPUNIT_ASSERT(!parse({"replay", "r.json"}).replay.finding);
        const CommandLine validate = parse({"validate", "a.json", "b.json"});
        CPPUNIT_ASSERT(validate.validate.files == (std::vector<std::string>{"a.json", "b.json"}));
        const CommandLine bench = parse({"bench", "suite.json", "--jobs", "2", "--json", "b.json"});
        CPPUNIT_ASSERT(bench.command == Command::Bench);
        CPPUNIT_ASSERT_EQUAL(2u, bench.bench.jobs);
        CPPUNIT_ASSERT_EQUAL(1u, parse({"bench", "suite.json"}).bench.jobs);
        CPPUNIT_ASSERT(errorOf({"bench", "suite.json", "--jobs", "0"}).find("bench: --jobs: expected a positive") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(3u, parse({"bench", "suite.json", "--repeat", "3"}).bench.repeat);
        CPPUNIT_ASSERT_EQUAL(1u, parse({"bench", "suite.json"}).bench.repeat);
        CPPUNIT_ASSERT(errorOf({"bench", "suite.json", "--repeat", "0"}).find("bench: --repeat: expected a positive") != std::string::npos);
        CPPUNIT_ASSERT(errorOf({"bench", "suite.json", "--repeat", "101"}).find("bench: --repeat: at most 100") != std::string::npos);
    }

    void testBaselines()
    {
        const CommandLine line = parse({"test", "scenarios", "--baseline", "b.json", "--write-baseline=c.json"});
        CPPUNIT_ASSERT(line.test.baseline == std::string("b.json"));
        CPPUNIT_ASSERT(line.test.writeBaseline == std::string("c.json"));
        CPPUNIT_ASSERT(!parse({"test", "s"}).test.baseline);
        CPPUNIT_ASSERT_EQUAL(std::string("test: --baseline: expected a file name"), errorOf({"test", "s", "--baseline="}));
    }

    void renderOptions()
    {
        const CommandLine line = parse({"render", "out/a/report.json"});
        CPPUNIT_ASSERT(line.command == Command::Render);
        CPPUNIT_ASSERT_EQUAL(std::string("out/a/report.json"), line.render.report);
        CPPUNIT_ASSERT(line.render.format == RenderFormat::Svg);
        CPPUNIT_ASSERT(!line.render.finding && !line.render.output && !line.render.interleaving);
        const CommandLine all = parse({"render", "r.json", "--finding", "F2", "-T", "png", "-o", "x.png", "--interleaving"});
        CPPUNIT_ASSERT(all.render.finding == std::string("F2"));
        CPPUNIT_ASSERT(all.render.format == RenderFormat::Png);
        CPPUNIT_ASSERT(all.render.output == std::string("x.png"));
        CPPUNIT_ASSERT(all.render.interleaving);
        const CommandLine attached = parse({"render", "r.json", "-Tdot", "-o-"});
        CPPUNIT_ASSERT(attached.render.format == RenderFormat::Dot);
        CPPUNIT_ASSERT(attached.render.output == std::string("-"));
        CPPUNIT_ASSERT(parse({"render", "r.json", "-o", "-"}).render.output == std::string("-"));
        CPPUNIT_ASSERT_EQUAL(std::string("render: -T: expected svg, png or dot, got 'pdf'"), errorOf({"render", "r.json", "-Tpdf"}));
        CPPUNIT_ASSERT_EQUAL(std::string("render: missing REPORT.json"), errorOf({"render", "-Tsvg"}));
        CPPUNIT_ASSERT_EQUAL(std::string("render: render takes one REPORT.json"), errorOf({"render", "a.json", "b.json"}));
    }

    void exploreOptionsTakeEngineDefaults()
    {
        const ExploreOptions defaults;
        const std::atomic<bool> flag{false};
        const ExploreOptions options = toExploreOptions(ExploreArgs{}, &flag);
        CPPUNIT_ASSERT(options.strategy == Strategy::Dpor);
        CPPUNIT_ASSERT_EQUAL(defaults.maxSteps, options.maxSteps);
        CPPUNIT_ASSERT_EQUAL(defaults.runs, options.runs);
        CPPUNIT_ASSERT_EQUAL(defaults.preemptionBound, options.preemptionBound);
        CPPUNIT_ASSERT(!options.maxExecutions && !options.timeLimitSeconds);
        CPPUNIT_ASSERT(options.interrupt == &flag);
        const CommandLine line = parse({"run", "a.json", "--strategy", "bounded", "--preemption-bound", "3",
                                        "--max-steps", "99", "--time-limit", "1", "--stop-on-first", "--jobs", "3"});
        const ExploreOptions set = toExploreOptions(line.run.explore, nullptr);
        CPPUNIT_ASSERT(set.strategy == Strategy::Bounded);
        CPPUNIT_ASSERT_EQUAL(int64_t(3), set.preemptionBound);
        CPPUNIT_ASSERT_EQUAL(uint64_t(99), set.maxSteps);
        CPPUNIT_ASSERT(set.timeLimitSeconds == 1.0);
        CPPUNIT_ASSERT(set.stopOnFirst);
        CPPUNIT_ASSERT_EQUAL(3u, set.jobs);
    }

    void reportOptionsRecordEffectiveValues()
    {
        const report::RunOptions dpor = reportOptions(parse({"run", "a.json", "--max-executions", "5"}).run.explore);
        CPPUNIT_ASSERT_EQUAL(std::string("dpor"), dpor.strategy);
        CPPUNIT_ASSERT(dpor.maxExecutions == uint64_t(5));
        CPPUNIT_ASSERT(dpor.maxSteps == ExploreOptions().maxSteps);
        CPPUNIT_ASSERT(!dpor.seed && !dpor.runs && !dpor.preemptionBound && !dpor.timeLimitSeconds);
        const report::RunOptions random = reportOptions(parse({"run", "a.json", "--strategy", "random"}).run.explore);
        CPPUNIT_ASSERT(random.seed == ExploreOptions().seed);
        CPPUNIT_ASSERT(random.runs == ExploreOptions().runs);
        const report::RunOptions bounded = reportOptions(parse({"run", "a.json", "--strategy", "bounded"}).run.explore);
        CPPUNIT_ASSERT(bounded.preemptionBound == ExploreOptions().preemptionBound);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(OptionsTest);

}  // namespace
}  // namespace checker::cli
