// The command line's outputs end to end, with the real binary ($CHECKER_BIN) on the bundled
// scenarios: every finding of every demo and sync scenario replays to the same finding; the run
// writes report.sarif and one interleaving DOT per finding; `render` draws SVG with the real
// Graphviz and says clearly when it is missing; Ctrl-C still leaves a valid, incomplete report;
// the gate skips output folders and honours baselines.

#include "../../e2e/Binary.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using e2e::runChecker;
using e2e::TempDir;
using json = nlohmann::json;

std::string readText(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// Runs `checker run SCENARIO --out DIR --quiet extra...` and returns the report.
json runInto(const std::string& scenario, const std::string& out, const std::vector<std::string>& extra = {})
{
    std::vector<std::string> args = {"run", scenario, "--out", out, "--quiet"};
    args.insert(args.end(), extra.begin(), extra.end());
    const e2e::Result r = runChecker(args);
    CPPUNIT_ASSERT_MESSAGE(scenario + ": " + r.err, r.exitCode == 0 || r.exitCode == 1);
    return e2e::readJsonFile(out + "/report.json");
}

// Sets an environment variable for the life of the object.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name)
    {
        if (const char* old = std::getenv(name)) old_ = old;
        ::setenv(name, value, 1);
    }
    ~ScopedEnv()
    {
        if (old_.empty()) ::unsetenv(name_);
        else ::setenv(name_, old_.c_str(), 1);
    }

private:
    const char* name_;
    std::string old_;
};

class CliE2ETest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CliE2ETest);
    CPPUNIT_TEST(everyFindingOfEveryScenarioReplays);
    CPPUNIT_TEST(runWritesSarifAndInterleavings);
    CPPUNIT_TEST(textSummaryIsLockdepShaped);
    CPPUNIT_TEST(sarifOnStandardOutput);
    CPPUNIT_TEST(renderDrawsTheCycleWithGraphviz);
    CPPUNIT_TEST(renderSaysWhenGraphvizIsMissing);
    CPPUNIT_TEST(renderWithoutGraphSuggestsInterleaving);
    CPPUNIT_TEST(replayOfAStaleWitnessFailsClearly);
    CPPUNIT_TEST(interruptLeavesAValidIncompleteReport);
    CPPUNIT_TEST(outcomeDivergenceWithoutExpectIsNotAFailure);
    CPPUNIT_TEST(gateSkipsOutputFoldersAndUsesBaselines);
    CPPUNIT_TEST_SUITE_END();

public:
    void everyFindingOfEveryScenarioReplays()
    {
        size_t replayed = 0;
        for (const char* folder : {"scenarios/demos", "scenarios/sync", "scenarios/guide", "scenarios/seeds"}) {
            if (!fs::is_directory(folder)) continue;
            for (const auto& entry : fs::directory_iterator(folder)) {
                if (entry.path().extension() != ".json") continue;
                TempDir dir;
                const std::string scenario = entry.path().generic_string();
                const json report = runInto(scenario, dir / "out", {"--max-steps", "20000", "--time-limit", "30"});
                for (const json& finding : report["findings"]) {
                    const std::string id = finding["id"];
                    const e2e::Result r = runChecker({"replay", dir / "out/report.json", "--finding", id});
                    CPPUNIT_ASSERT_EQUAL_MESSAGE(scenario + " " + id + ":\n" + r.out + r.err, 0, r.exitCode);
                    CPPUNIT_ASSERT_MESSAGE(scenario, contains(r.out, "reproduced " + id + " " + finding["kind"].get<std::string>()));
                    ++replayed;
                }
            }
        }
        CPPUNIT_ASSERT(replayed >= 20);
    }

    void runWritesSarifAndInterleavings()
    {
        TempDir dir;
        const json report = runInto("scenarios/demos/abba_fast_mutex.json", dir / "out");
        for (const json& finding : report["findings"]) {
            const std::string id = finding["id"];
            CPPUNIT_ASSERT_EQUAL(id + "-interleaving.dot", finding["interleaving_dot"].get<std::string>());
            CPPUNIT_ASSERT(fs::exists(dir / ("out/" + id + "-interleaving.dot")));
        }
        const json sarif = e2e::readJsonFile(dir / "out/report.sarif");
        CPPUNIT_ASSERT_EQUAL(std::string("2.1.0"), sarif["version"].get<std::string>());
        const json& result = sarif["runs"][0]["results"][0];
        CPPUNIT_ASSERT_EQUAL(std::string("deadlock"), result["ruleId"].get<std::string>());
        CPPUNIT_ASSERT_EQUAL(std::string("scenarios/demos/abba_fast_mutex.json"),
                             result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>());
        CPPUNIT_ASSERT(result["codeFlows"][0]["threadFlows"].size() == 2);
    }

    void textSummaryIsLockdepShaped()
    {
        TempDir dir;
        const e2e::Result r = runChecker({"run", "scenarios/demos/abba_fast_mutex.json", "--out", dir / "out", "--quiet"});
        CPPUNIT_ASSERT_EQUAL(0, r.exitCode);
        for (const std::string part : {"F1  DEADLOCK  (deadlock, error)", "T2 is trying to acquire A (FAST_MUTEX, exclusive)",
                                       "but already holds B (exclusive)", "T2 -> A -> T1 -> B -> T2", "unsafe interleaving",
                                       "  wait    ExAcquireFastMutex(B)", " *** DEADLOCK ***", "legend:",
                                       "[T1 takes A]  ExAcquireFastMutex(A)", "replay: checker replay "})
            CPPUNIT_ASSERT_MESSAGE(part + "\n" + r.out, contains(r.out, part));
    }

    void sarifOnStandardOutput()
    {
        TempDir dir;
        const e2e::Result r = runChecker({"run", "scenarios/demos/release_not_owned.json", "--out", dir / "out", "--quiet",
                                          "--format", "sarif"});
        CPPUNIT_ASSERT_EQUAL(0, r.exitCode);
        const json sarif = json::parse(r.out);
        CPPUNIT_ASSERT_EQUAL(std::string("api_misuse/RELEASE_NOT_OWNED"), sarif["runs"][0]["results"][0]["ruleId"].get<std::string>());
        CPPUNIT_ASSERT_EQUAL(readText(dir / "out/report.sarif"), r.out);
    }

    void renderDrawsTheCycleWithGraphviz()
    {
        TempDir dir;
        runInto("scenarios/demos/abba_fast_mutex.json", dir / "out");
        const e2e::Result r = runChecker({"render", dir / "out/report.json", "--finding", "F1"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err, 0, r.exitCode);
        CPPUNIT_ASSERT_EQUAL(dir / "out/F1-deadlock.svg", r.out.substr(0, r.out.size() - 1));
        const std::string svg = readText(dir / "out/F1-deadlock.svg");
        CPPUNIT_ASSERT(contains(svg, "<svg"));
        for (const std::string node : {"<title>T1</title>", "<title>T2</title>", "<title>A</title>", "<title>B</title>"})
            CPPUNIT_ASSERT_MESSAGE(node, contains(svg, node));
        CPPUNIT_ASSERT(contains(svg, "stroke=\"red\""));
        const e2e::Result png = runChecker({"render", dir / "out/report.json", "-Tpng", "-o", dir / "pics/f1.png", "--interleaving"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(png.err, 0, png.exitCode);
        CPPUNIT_ASSERT_EQUAL(std::string("\x89PNG"), readText(dir / "pics/f1.png").substr(0, 4));
        const e2e::Result dot = runChecker({"render", dir / "out/report.json", "-T", "dot", "-o", "-"});
        CPPUNIT_ASSERT_EQUAL(readText(dir / "out/F1-deadlock.dot"), dot.out);
    }

    void renderSaysWhenGraphvizIsMissing()
    {
        TempDir dir;
        runInto("scenarios/demos/abba_fast_mutex.json", dir / "out");
        const ScopedEnv path("PATH", "/nonexistent");
        const e2e::Result r = runChecker({"render", dir / "out/report.json"});
        CPPUNIT_ASSERT_EQUAL(2, r.exitCode);
        CPPUNIT_ASSERT_MESSAGE(r.err, contains(r.err, "checker render: Graphviz is not installed"));
        CPPUNIT_ASSERT(!fs::exists(dir / "out/F1-deadlock.svg"));
    }

    void renderWithoutGraphSuggestsInterleaving()
    {
        TempDir dir;
        runInto("scenarios/demos/release_not_owned.json", dir / "out");
        const e2e::Result r = runChecker({"render", dir / "out/report.json", "--finding", "F1"});
        CPPUNIT_ASSERT_EQUAL(2, r.exitCode);
        CPPUNIT_ASSERT_MESSAGE(r.err, contains(r.err, "F1 (api_misuse) has no graph; --interleaving draws its witness instead"));
    }

    void replayOfAStaleWitnessFailsClearly()
    {
        TempDir dir;
        runInto("scenarios/demos/abba_fast_mutex.json", dir / "out");
        json report = e2e::readJsonFile(dir / "out/report.json");
        report["findings"][0]["witness"] = {{"schedule", {1, 1, 1, 1, 1, 1}}, {"steps", 6}};
        std::ofstream(dir / "out/report.json") << report.dump();
        const e2e::Result r = runChecker({"replay", dir / "out/report.json"});
        CPPUNIT_ASSERT_EQUAL(1, r.exitCode);
        CPPUNIT_ASSERT_MESSAGE(r.err, contains(r.err, "does not replay") || contains(r.err, "did not reproduce"));
    }

    void interruptLeavesAValidIncompleteReport()
    {
        TempDir dir;
        const std::string exe = std::getenv("CHECKER_BIN");
        std::vector<std::string> args = {exe, "run", "scenarios/demos/spin_forever.json", "--out", dir / "out",
                                         "--max-steps", "100000000", "--quiet"};
        std::vector<char*> argv;
        for (std::string& arg : args) argv.push_back(arg.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        pid_t pid = 0;
        CPPUNIT_ASSERT_EQUAL(0, posix_spawn(&pid, exe.c_str(), &actions, nullptr, argv.data(), environ));
        posix_spawn_file_actions_destroy(&actions);
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        ::kill(pid, SIGINT);
        int status = 0;
        ::waitpid(pid, &status, 0);
        CPPUNIT_ASSERT(WIFEXITED(status));
        CPPUNIT_ASSERT_EQUAL(1, WEXITSTATUS(status));  // the livelock spin_forever expects was not reached
        const json report = e2e::readJsonFile(dir / "out/report.json");
        CPPUNIT_ASSERT_EQUAL(false, report["exploration"]["complete"].get<bool>());
        CPPUNIT_ASSERT_EQUAL(std::string("interrupt"), report["exploration"]["stopped_by"].get<std::string>());
        CPPUNIT_ASSERT(e2e::readJsonFile(dir / "out/report.sarif")["version"] == "2.1.0");
    }

    void outcomeDivergenceWithoutExpectIsNotAFailure()
    {
        TempDir dir;
        json scenario = json::parse(readText("scenarios/demos/apc_interleaving.json"), nullptr, true, true);
        scenario.erase("expect");
        std::ofstream(dir / "s.json") << scenario.dump(2);
        const e2e::Result r = runChecker({"run", dir / "s.json", "--out", dir / "out", "--quiet"});
        const json report = e2e::readJsonFile(dir / "out/report.json");
        bool onlyDivergence = !report["findings"].empty();
        for (const json& finding : report["findings"]) onlyDivergence = onlyDivergence && finding["kind"] == "outcome_divergence";
        if (onlyDivergence) {
            CPPUNIT_ASSERT_EQUAL_MESSAGE(r.out, 0, r.exitCode);
            CPPUNIT_ASSERT_EQUAL(std::string("pass"), report["verdict"].get<std::string>());
        } else {
            CPPUNIT_ASSERT_EQUAL(1, r.exitCode);  // other kinds still count without an expect block
        }
    }

    void gateSkipsOutputFoldersAndUsesBaselines()
    {
        TempDir dir;
        fs::create_directories(dir / "suite");
        fs::copy_file("scenarios/demos/abba_fast_mutex.json", dir / "suite/abba.json");
        json scenario = json::parse(readText("scenarios/demos/abba_fast_mutex.json"), nullptr, true, true);
        scenario.erase("expect");
        std::ofstream(dir / "suite/abba_unexpected.json") << scenario.dump(2);
        runInto(dir / "suite/abba.json", dir / "suite/out/abba");  // report.json inside the tree

        const e2e::Result plain = runChecker({"test", dir / "suite", "--quiet"});
        CPPUNIT_ASSERT_EQUAL(1, plain.exitCode);
        CPPUNIT_ASSERT_MESSAGE(plain.out, contains(plain.out, "1 passed, 1 failed\n"));

        const e2e::Result write = runChecker({"test", dir / "suite", "--quiet", "--write-baseline", dir / "baseline.json"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(write.out, 0, write.exitCode);
        const e2e::Result gated = runChecker({"test", dir / "suite", "--quiet", "--baseline", dir / "baseline.json",
                                              "--junit", dir / "junit.xml"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(gated.out, 0, gated.exitCode);
        CPPUNIT_ASSERT(contains(gated.out, "2 in baseline"));
        CPPUNIT_ASSERT(contains(readText(dir / "junit.xml"), "<testcase"));

        json baseline = e2e::readJsonFile(dir / "baseline.json");
        baseline["findings"].erase(0);
        std::ofstream(dir / "baseline.json") << baseline.dump();
        const e2e::Result fresh = runChecker({"test", dir / "suite", "--quiet", "--baseline", dir / "baseline.json"});
        CPPUNIT_ASSERT_EQUAL(1, fresh.exitCode);
        CPPUNIT_ASSERT_MESSAGE(fresh.out, contains(fresh.out, ": new deadlock: deadlock:A,B:"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CliE2ETest);

}  // namespace
