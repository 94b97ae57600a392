// A suite's targets and peers as `checker bench` reads and judges them: each target compared the
// way it points, only where the row measured its figure, and bad suites rejected at their pointer.

#include "checker/cli/BenchSuite.hpp"
#include "checker/cli/BenchTargets.hpp"
#include "checker/scenario/InputError.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace checker::cli {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using ordered = nlohmann::ordered_json;

// The message of the InputError `read` throws, or "" when it throws none.
template <typename F>
std::string errorOf(F read)
{
    try {
        read();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

ordered rowWith(double wall, double stepsPerSecond, double rssKb)
{
    return {{"wall_s", wall}, {"steps_per_s", stepsPerSecond}, {"peak_rss_kb", rssKb}};
}

class BenchTargetsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(BenchTargetsTest);
    CPPUNIT_TEST(everyTargetIsRead);
    CPPUNIT_TEST(badTargetsAreNamedAtTheirPointer);
    CPPUNIT_TEST(aMinimumIsMetAtItsValueAMaximumIsNot);
    CPPUNIT_TEST(onlyMeasuredFiguresAreJudged);
    CPPUNIT_TEST(theFastestPeerIsTheOneWithTheLeastTime);
    CPPUNIT_TEST(aSuiteGivesEachCaseItsTargetsAndPeers);
    CPPUNIT_TEST(badSuitesAreNamedAtTheirPointer);
    CPPUNIT_TEST_SUITE_END();

    fs::path root_;

    std::string write(const std::string& name, const std::string& text)
    {
        std::ofstream(root_ / name) << text;
        return (root_ / name).string();
    }

public:
    void setUp() override
    {
        root_ = fs::temp_directory_path() / ("checker-bench-targets-" + std::to_string(::getpid()));
        fs::remove_all(root_);
        fs::create_directories(root_);
    }

    void tearDown() override { fs::remove_all(root_); }

    void everyTargetIsRead()
    {
        const BenchTargets t = readBenchTargets(
            "s.json", "/targets",
            json{{"vs_fastest_peer", 10}, {"steps_per_s", 2e7}, {"peak_rss_mb", 100}, {"jobs_speedup", 1.8}});
        CPPUNIT_ASSERT_EQUAL(10.0, t.vsFastestPeer.value());
        CPPUNIT_ASSERT_EQUAL(2e7, t.stepsPerSecond.value());
        CPPUNIT_ASSERT_EQUAL(100.0, t.peakRssMb.value());
        CPPUNIT_ASSERT_EQUAL(1.8, t.jobsSpeedup.value());
        const BenchTargets none = readBenchTargets("s.json", "/targets", json::object());
        CPPUNIT_ASSERT(!none.vsFastestPeer && !none.stepsPerSecond && !none.peakRssMb && !none.jobsSpeedup);
    }

    void badTargetsAreNamedAtTheirPointer()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("s.json: /targets/speed: unknown target (allowed: vs_fastest_peer, "
                                         "steps_per_s, peak_rss_mb, jobs_speedup)"),
                             errorOf([] { readBenchTargets("s.json", "/targets", json{{"speed", 2}}); }));
        CPPUNIT_ASSERT_EQUAL(std::string("s.json: /targets/peak_rss_mb: expected a positive number"),
                             errorOf([] { readBenchTargets("s.json", "/targets", json{{"peak_rss_mb", 0}}); }));
        CPPUNIT_ASSERT_EQUAL(std::string("s.json: /targets/jobs_speedup: expected a positive number"),
                             errorOf([] { readBenchTargets("s.json", "/targets", json{{"jobs_speedup", "2"}}); }));
        CPPUNIT_ASSERT_EQUAL(std::string("s.json: /targets: expected an object of targets"),
                             errorOf([] { readBenchTargets("s.json", "/targets", json::array()); }));
        CPPUNIT_ASSERT_EQUAL(std::string("s.json: /p/GenMC: expected a positive number"),
                             errorOf([] { readPeerTimes("s.json", "/p", json{{"GenMC", -1}}); }));
    }

    // "At least" targets are met at their value; "below" (peak RSS) is missed at it. RSS is read
    // from the row's kB.
    void aMinimumIsMetAtItsValueAMaximumIsNot()
    {
        BenchTargets t;
        t.stepsPerSecond = 2e7;
        t.peakRssMb = 100;
        const ordered atBoth = evaluateTargets(t, rowWith(0.5, 2e7, 100 * 1024));
        CPPUNIT_ASSERT_EQUAL(size_t(2), atBoth.size());
        CPPUNIT_ASSERT_EQUAL(std::string("steps_per_s"), atBoth[0]["target"].get<std::string>());
        CPPUNIT_ASSERT(atBoth[0]["met"].get<bool>());
        CPPUNIT_ASSERT_EQUAL(std::string("peak_rss_mb"), atBoth[1]["target"].get<std::string>());
        CPPUNIT_ASSERT_EQUAL(100.0, atBoth[1]["measured"].get<double>());
        CPPUNIT_ASSERT(!atBoth[1]["met"].get<bool>());
        const ordered inside = evaluateTargets(t, rowWith(0.5, 2.1e7, 99 * 1024));
        CPPUNIT_ASSERT(inside[0]["met"].get<bool>() && inside[1]["met"].get<bool>());
        const ordered outside = evaluateTargets(t, rowWith(0.5, 6.5e6, 120 * 1024));
        CPPUNIT_ASSERT(!outside[0]["met"].get<bool>() && !outside[1]["met"].get<bool>());
        CPPUNIT_ASSERT_EQUAL(std::string("steps_per_s 6.5e+06 (>= 2e+07): MISSED; peak_rss_mb 120 (< 100): MISSED"),
                             describeTargets(outside));
    }

    // A row without peers or without a one-thread run has nothing to judge those targets by.
    void onlyMeasuredFiguresAreJudged()
    {
        BenchTargets t;
        t.vsFastestPeer = 10;
        t.jobsSpeedup = 1.8;
        ordered row = rowWith(0.06, 1e6, 8 * 1024);
        CPPUNIT_ASSERT(evaluateTargets(t, row).empty());
        CPPUNIT_ASSERT_EQUAL(std::string(""), describeTargets(evaluateTargets(t, row)));
        row["vs_fastest_peer"] = 6.8;
        row["jobs_speedup"] = 1.93;
        const ordered judged = evaluateTargets(t, row);
        CPPUNIT_ASSERT_EQUAL(size_t(2), judged.size());
        CPPUNIT_ASSERT_EQUAL(std::string("vs_fastest_peer 6.8 (>= 10): MISSED; jobs_speedup 1.93 (>= 1.8): met"),
                             describeTargets(judged));
    }

    void theFastestPeerIsTheOneWithTheLeastTime()
    {
        CPPUNIT_ASSERT(fastestPeer({}) == nullptr);
        const std::vector<PeerTime> peers = readPeerTimes("s.json", "/p", json{{"Nidhugg", 0.60}, {"GenMC", 1.26}});
        CPPUNIT_ASSERT_EQUAL(std::string("Nidhugg"), fastestPeer(peers)->tool);
        const std::vector<PeerTime> other = readPeerTimes("s.json", "/p", json{{"Nidhugg", 3.43}, {"GenMC", 0.41}});
        CPPUNIT_ASSERT_EQUAL(std::string("GenMC"), fastestPeer(other)->tool);
    }

    void aSuiteGivesEachCaseItsTargetsAndPeers()
    {
        const std::string suite = write("suite.json", R"({"description": "d", "targets": {"vs_fastest_peer": 10},
            "benchmarks": [{"scenario": "readers.json", "params": {"N": 14}, "peers": {"Nidhugg": 3.43, "GenMC": 0.41}},
                           {"scenario": "lastzero.json"}]})");
        const std::vector<BenchCase> cases = readBenchCases(suite);
        CPPUNIT_ASSERT_EQUAL(size_t(2), cases.size());
        CPPUNIT_ASSERT_EQUAL(size_t(2), cases[0].peers.size());
        CPPUNIT_ASSERT_EQUAL(std::string("GenMC"), fastestPeer(cases[0].peers)->tool);
        CPPUNIT_ASSERT(cases[1].peers.empty());
        for (const BenchCase& c : cases) CPPUNIT_ASSERT_EQUAL(10.0, c.targets.vsFastestPeer.value());
    }

    void badSuitesAreNamedAtTheirPointer()
    {
        const std::string typo = write("typo.json", R"({"target": {}, "benchmarks": []})");
        CPPUNIT_ASSERT_EQUAL(typo + ": /target: unknown key (allowed: description, targets, benchmarks)",
                             errorOf([&] { readBenchCases(typo); }));
        const std::string peer = write("peer.json", R"({"benchmarks": [{"scenario": "a.json", "peers": {"GenMC": 0}}]})");
        CPPUNIT_ASSERT_EQUAL(peer + ": /benchmarks/0/peers/GenMC: expected a positive number",
                             errorOf([&] { readBenchCases(peer); }));
        const std::string target = write("target.json", R"({"targets": {"steps_per_s": null}, "benchmarks": []})");
        CPPUNIT_ASSERT_EQUAL(target + ": /targets/steps_per_s: expected a positive number",
                             errorOf([&] { readBenchCases(target); }));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(BenchTargetsTest);

}  // namespace
}  // namespace checker::cli
