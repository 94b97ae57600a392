// End-to-end tests of the engine through the real binary: exact benchmark counts, witnesses that
// replay, determinism, budgets, strategies, and bad input.

#include "Binary.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <filesystem>
#include <fstream>

using e2e::readJsonFile;
using e2e::runChecker;
using e2e::TempDir;
using nlohmann::json;

namespace {

// Runs a scenario with --format json and returns the report printed on stdout.
json runJson(const std::string& scenario, std::vector<std::string> extra, const TempDir& dir, int expectExit = -1)
{
    std::vector<std::string> args{"run", scenario, "--quiet", "--format", "json", "--out", dir / "out"};
    args.insert(args.end(), extra.begin(), extra.end());
    e2e::Result r = runChecker(args);
    if (expectExit >= 0) CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err, expectExit, r.exitCode);
    CPPUNIT_ASSERT_MESSAGE(r.err, r.exitCode == 0 || r.exitCode == 1);
    return json::parse(r.out);
}

std::string findingOfKind(const json& report, const std::string& kind)
{
    for (const auto& f : report["findings"])
        if (f["kind"] == kind) return f["id"];
    return "";
}

}  // namespace

class EngineE2ETest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(EngineE2ETest);
    CPPUNIT_TEST(benchmarkCountsMatchThePublishedTables);
    CPPUNIT_TEST(benchMeasuresEachCaseWithTheJobsAsked);
    CPPUNIT_TEST(deadlockWitnessReplays);
    CPPUNIT_TEST(assertionWitnessReplays);
    CPPUNIT_TEST(misuseWitnessReplays);
    CPPUNIT_TEST(runtimeErrorWitnessReplays);
    CPPUNIT_TEST(livelockWitnessReplays);
    CPPUNIT_TEST(apcWitnessReplays);
    CPPUNIT_TEST(replayOfAChangedScenarioFails);
    CPPUNIT_TEST(inversionsReplayWithTheirOrders);
    CPPUNIT_TEST(twoRunsGiveTheSameReport);
    CPPUNIT_TEST(maxExecutionsStopsAndSaysSo);
    CPPUNIT_TEST(stopOnFirstStopsAtTheFirstFinding);
    CPPUNIT_TEST(randomWalksAreReproducible);
    CPPUNIT_TEST(preemptionBoundZeroMissesTheAbbaDeadlockAndSaysSo);
    CPPUNIT_TEST(preemptionBoundOneFindsTheAbbaDeadlock);
    CPPUNIT_TEST(pctFindsTheAbbaDeadlockReproducibly);
    CPPUNIT_TEST(invalidScenarioExits2AndWritesNothing);
    CPPUNIT_TEST(badParamExits2);
    CPPUNIT_TEST(paramOverrideChangesTheProgram);
    CPPUNIT_TEST(validateChecksWithoutExploring);
    CPPUNIT_TEST_SUITE_END();

public:
    void benchmarkCountsMatchThePublishedTables()
    {
        std::vector<json> benchmarks;
        for (const char* file : {"scenarios/benchmarks/suite.json", "scenarios/benchmarks/beyond.json"}) {
            const json suite = readJsonFile(file);
            for (const auto& b : suite["benchmarks"]) benchmarks.push_back(b);
        }
        for (const auto& b : benchmarks) {
            TempDir dir;
            std::vector<std::string> extra;
            for (const auto& [name, value] : b["params"].items())
                extra.insert(extra.end(), {"--param", name + "=" + std::to_string(value.get<int64_t>())});
            json report = runJson("scenarios/benchmarks/" + b["scenario"].get<std::string>(), extra, dir);
            std::string what = b.dump();
            CPPUNIT_ASSERT_EQUAL_MESSAGE(what, b["executions"].get<uint64_t>(),
                                         report["exploration"]["executions"].get<uint64_t>());
            CPPUNIT_ASSERT_EQUAL_MESSAGE(what, uint64_t(0), report["exploration"]["blocked_executions"].get<uint64_t>());
            CPPUNIT_ASSERT_MESSAGE(what, report["exploration"]["complete"].get<bool>());
        }
    }

    // `checker bench` explores each case in a process of its own and checks its count against
    // the suite's oracle: exit 0 when every count matches, 1 when one does not. With --jobs it
    // also measures one thread, with --repeat it reports the median run, and it judges the suite's
    // targets on the figures it measured.
    void benchMeasuresEachCaseWithTheJobsAsked()
    {
        TempDir dir;
        const std::string root = std::filesystem::current_path().string();
        std::ofstream(dir / "suite.json") << R"({"targets": {"vs_fastest_peer": 10, "jobs_speedup": 1.8, "peak_rss_mb": 100},
          "benchmarks": [
            {"scenario": ")" << root << R"(/scenarios/benchmarks/indexer.json", "params": {"N": 14}, "executions": 512,
             "peers": {"Nidhugg": 0.60, "GenMC": 1.26}},
            {"scenario": ")" << root << R"(/scenarios/benchmarks/readers.json", "params": {"N": 8}, "executions": 256}]})";
        const e2e::Result r =
            runChecker({"bench", dir / "suite.json", "--jobs", "2", "--repeat", "3", "--json", dir / "bench.json"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.out + r.err, 0, r.exitCode);
        for (const char* text : {"indexer(N=14)", "each explored with 2 threads, and with one for the speedup",
                                 "each run 3 times", "vs Nidhugg (0.600 s): ", "vs one thread (", "targets: "})
            CPPUNIT_ASSERT_MESSAGE(std::string(text) + " in\n" + r.out, r.out.find(text) != std::string::npos);
        const json rows = readJsonFile(dir / "bench.json")["benchmarks"];
        CPPUNIT_ASSERT_EQUAL(size_t(2), rows.size());
        for (const json& row : rows) {
            CPPUNIT_ASSERT_EQUAL(row["oracle"].get<uint64_t>(), row["executions"].get<uint64_t>());
            CPPUNIT_ASSERT_EQUAL(uint64_t(0), row["blocked_executions"].get<uint64_t>());
            CPPUNIT_ASSERT_EQUAL(2u, row["jobs"].get<unsigned>());
            CPPUNIT_ASSERT_EQUAL(3u, row["runs"].get<unsigned>());
            for (const char* key : {"explore_s", "wall_s", "executions_per_s", "steps_per_s", "peak_rss_kb",
                                    "subtrees_from_workers", "one_thread_wall_s", "jobs_speedup"})
                CPPUNIT_ASSERT_MESSAGE(key, row.contains(key));
            CPPUNIT_ASSERT_DOUBLES_EQUAL(row["one_thread_wall_s"].get<double>() / row["wall_s"].get<double>(),
                                         row["jobs_speedup"].get<double>(), 1e-9);
            expectTargetsJudged(row);
        }
        CPPUNIT_ASSERT_EQUAL(std::string("Nidhugg"), rows[0]["fastest_peer"].get<std::string>());
        CPPUNIT_ASSERT_DOUBLES_EQUAL(0.60 / rows[0]["wall_s"].get<double>(), rows[0]["vs_fastest_peer"].get<double>(), 1e-9);
        CPPUNIT_ASSERT_EQUAL(size_t(3), rows[0]["targets"].size());  // the readers row has no peers
        CPPUNIT_ASSERT_EQUAL(size_t(2), rows[1]["targets"].size());
        CPPUNIT_ASSERT(!rows[1].contains("vs_fastest_peer"));

        std::ofstream(dir / "wrong.json") << R"({"benchmarks": [{"scenario": ")" << root
                                          << R"(/scenarios/benchmarks/readers.json", "params": {"N": 8}, "executions": 255}]})";
        const e2e::Result wrong = runChecker({"bench", dir / "wrong.json"});
        CPPUNIT_ASSERT_EQUAL(1, wrong.exitCode);
        CPPUNIT_ASSERT(wrong.out.find("WRONG") != std::string::npos);
        std::ofstream(dir / "bad.json") << R"({"targets": {"steps": 1}, "benchmarks": []})";
        const e2e::Result bad = runChecker({"bench", dir / "bad.json"});
        CPPUNIT_ASSERT_EQUAL(2, bad.exitCode);
        CPPUNIT_ASSERT_MESSAGE(bad.err, bad.err.find("bad.json: /targets/steps: unknown target") != std::string::npos);
    }

    // Each judged target holds the row's own figure and is met exactly when that figure is on the
    // target's side.
    static void expectTargetsJudged(const json& row)
    {
        for (const json& t : row["targets"]) {
            const std::string name = t["target"].get<std::string>();
            const double measured = t["measured"].get<double>();
            const double wanted = t["wanted"].get<double>();
            const bool rss = name == "peak_rss_mb";
            CPPUNIT_ASSERT_DOUBLES_EQUAL(rss ? row["peak_rss_kb"].get<double>() / 1024.0 : row[name].get<double>(),
                                         measured, 1e-9);
            CPPUNIT_ASSERT_EQUAL(std::string(rss ? "<" : ">="), t["comparison"].get<std::string>());
            CPPUNIT_ASSERT_EQUAL(rss ? measured < wanted : measured >= wanted, t["met"].get<bool>());
        }
    }

    void deadlockWitnessReplays() { roundTrip("scenarios/demos/abba_fast_mutex.json", "deadlock"); }
    void assertionWitnessReplays() { roundTrip("scenarios/demos/lost_update.json", "assertion_failure"); }
    void misuseWitnessReplays() { roundTrip("scenarios/demos/release_not_owned.json", "api_misuse"); }
    void runtimeErrorWitnessReplays() { roundTrip("scenarios/demos/bad_index.json", "runtime_error"); }
    void livelockWitnessReplays() { roundTrip("scenarios/demos/spin_forever.json", "livelock", {"--max-steps", "500"}); }
    void apcWitnessReplays() { roundTrip("scenarios/demos/apc_interleaving.json", "assertion_failure"); }

    void replayOfAChangedScenarioFails()
    {
        TempDir dir;
        std::ifstream in("scenarios/demos/abba_fast_mutex.json");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::string copy = dir / "abba.json";
        std::ofstream(copy) << text;
        runJson(copy, {}, dir);
        // Now T2 takes A then B like T1: the recorded schedule no longer reaches a deadlock.
        std::string fixed = text;
        fixed.replace(fixed.find("\"mutex\": \"B\", \"label\": \"T2 takes B\""), 35, "\"mutex\": \"A\", \"label\": \"T2 takes B\"");
        fixed.replace(fixed.find("\"mutex\": \"A\", \"label\": \"T2 takes A\""), 35, "\"mutex\": \"B\", \"label\": \"T2 takes A\"");
        std::ofstream(copy) << fixed;
        e2e::Result r = runChecker({"replay", dir / "out/report.json", "--finding", "F1"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.out + r.err, 1, r.exitCode);
    }

    // T takes A then B, or B then A, depending on whether it reads g before W sets it: no
    // execution takes both orders. The inversion's witness is the execution that closed the
    // cycle; the report notes it, and replay says so and succeeds. With the orders in two threads
    // racing on two flags, an execution takes both: that is the witness, and it replays the
    // inversion itself.
    void inversionsReplayWithTheirOrders()
    {
        auto locked = [](const char* first, const char* second) {
            return std::string(R"({"call": "ExAcquireFastMutex", "mutex": ")") + first +
                   R"("}, {"call": "ExAcquireFastMutex", "mutex": ")" + second +
                   R"("}, {"call": "ExReleaseFastMutex", "mutex": ")" + second +
                   R"("}, {"call": "ExReleaseFastMutex", "mutex": ")" + first + R"("})";
        };
        const std::string head = R"({"scenario": "orders", "globals": {"g": 0, "h": 0},
          "objects": [{"name": "A", "type": "FAST_MUTEX"}, {"name": "B", "type": "FAST_MUTEX"}], "threads": [)";
        const std::string oneThread = head + R"({"name": "W", "body": [{"store": "g", "value": "1"}]},
          {"name": "T", "body": [{"load": "x", "from": "g"}, {"if": "x == 0", "then": [)" + locked("A", "B") +
                                      R"(], "else": [)" + locked("B", "A") + "]}]}]}";
        const std::string twoThreads = head + R"({"name": "W", "body": [{"store": "g", "value": "1"}, {"store": "h", "value": "1"}]},
          {"name": "T0", "body": [{"load": "x", "from": "g"}, {"if": "x == 0", "then": [)" + locked("A", "B") + R"(]}]},
          {"name": "T1", "body": [{"load": "y", "from": "h"}, {"if": "y == 0", "then": [)" + locked("B", "A") + "]}]}]}";
        for (const auto& [text, noted] : {std::pair{oneThread, true}, std::pair{twoThreads, false}}) {
            TempDir dir;
            const std::string file = dir / "orders.json";
            std::ofstream(file) << text;
            json report = runJson(file, {}, dir);
            const std::string id = findingOfKind(report, "lock_order_inversion");
            CPPUNIT_ASSERT(!id.empty());
            json finding;
            for (const json& f : report["findings"])
                if (f["id"] == id) finding = f;
            const bool hasNote = finding.contains("notes") && !finding["notes"].empty();
            CPPUNIT_ASSERT_EQUAL(noted, hasNote);
            e2e::Result r = runChecker({"replay", dir / "out/report.json", "--finding", id});
            CPPUNIT_ASSERT_EQUAL_MESSAGE(r.out + r.err, 0, r.exitCode);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(r.out, noted, r.out.find("note: no explored execution") != std::string::npos);
        }
    }

    void twoRunsGiveTheSameReport()
    {
        for (std::string scenario : {"scenarios/demos/abba_fast_mutex.json", "scenarios/benchmarks/lastzero.json",
                                     "scenarios/demos/apc_interleaving.json"}) {
            TempDir a, b;
            json first = runJson(scenario, {}, a);
            json second = runJson(scenario, {}, b);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(scenario, e2e::withoutTiming(first).dump(), e2e::withoutTiming(second).dump());
        }
    }

    void maxExecutionsStopsAndSaysSo()
    {
        TempDir dir;
        json report = runJson("scenarios/benchmarks/readers.json", {"--max-executions", "10"}, dir);
        CPPUNIT_ASSERT_EQUAL(uint64_t(10), report["exploration"]["executions"].get<uint64_t>());
        CPPUNIT_ASSERT(!report["exploration"]["complete"].get<bool>());
        CPPUNIT_ASSERT_EQUAL(std::string("max_executions"), report["exploration"]["stopped_by"].get<std::string>());
    }

    void stopOnFirstStopsAtTheFirstFinding()
    {
        TempDir dir;
        json report = runJson("scenarios/demos/lost_update.json", {"--stop-on-first"}, dir);
        CPPUNIT_ASSERT_EQUAL(size_t(1), report["findings"].size());
        CPPUNIT_ASSERT(!report["exploration"]["complete"].get<bool>());
        CPPUNIT_ASSERT_EQUAL(std::string("first_finding"), report["exploration"]["stopped_by"].get<std::string>());
    }

    void randomWalksAreReproducible()
    {
        TempDir a, b, c;
        std::vector<std::string> args{"--strategy", "random", "--runs", "40", "--seed", "7"};
        json first = runJson("scenarios/demos/lost_update.json", args, a);
        json second = runJson("scenarios/demos/lost_update.json", args, b);
        CPPUNIT_ASSERT_EQUAL(e2e::withoutTiming(first).dump(), e2e::withoutTiming(second).dump());
        CPPUNIT_ASSERT_EQUAL(uint64_t(40), first["exploration"]["executions"].get<uint64_t>());
        CPPUNIT_ASSERT(!first["exploration"]["complete"].get<bool>());
        CPPUNIT_ASSERT(!findingOfKind(first, "assertion_failure").empty());
        json other = runJson("scenarios/demos/lost_update.json", {"--strategy", "random", "--runs", "40", "--seed", "8"}, c);
        CPPUNIT_ASSERT(other["findings"][0]["witness"] != first["findings"][0]["witness"] ||
                       other["outcomes"] != first["outcomes"]);
    }

    void preemptionBoundZeroMissesTheAbbaDeadlockAndSaysSo()
    {
        TempDir dir;
        json report = runJson("scenarios/demos/abba_fast_mutex.json", {"--strategy", "bounded", "--preemption-bound", "0"}, dir);
        CPPUNIT_ASSERT(findingOfKind(report, "deadlock").empty());
        CPPUNIT_ASSERT_EQUAL(uint64_t(2), report["exploration"]["executions"].get<uint64_t>());  // T1 first, T2 first
        CPPUNIT_ASSERT(!report["exploration"]["complete"].get<bool>());
        CPPUNIT_ASSERT_EQUAL(std::string("preemption_bound"), report["exploration"]["stopped_by"].get<std::string>());
    }

    void preemptionBoundOneFindsTheAbbaDeadlock()
    {
        TempDir dir;
        json report = runJson("scenarios/demos/abba_fast_mutex.json", {"--strategy", "bounded", "--preemption-bound", "1"}, dir);
        std::string id = findingOfKind(report, "deadlock");
        CPPUNIT_ASSERT(!id.empty());
        e2e::Result r = runChecker({"replay", dir / "out/report.json", "--finding", id});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.out + r.err, 0, r.exitCode);
    }

    void pctFindsTheAbbaDeadlockReproducibly()
    {
        TempDir a, b;
        std::vector<std::string> args{"--strategy", "pct", "--runs", "100", "--seed", "11", "--preemption-bound", "1"};
        json first = runJson("scenarios/demos/abba_fast_mutex.json", args, a);
        json second = runJson("scenarios/demos/abba_fast_mutex.json", args, b);
        CPPUNIT_ASSERT_EQUAL(e2e::withoutTiming(first).dump(), e2e::withoutTiming(second).dump());
        CPPUNIT_ASSERT(!findingOfKind(first, "deadlock").empty());
        CPPUNIT_ASSERT_EQUAL(std::string("runs"), first["exploration"]["stopped_by"].get<std::string>());
    }

    void invalidScenarioExits2AndWritesNothing()
    {
        TempDir dir;
        std::string bad = dir / "bad.json";
        std::ofstream(bad) << R"({"scenario": "bad", "threads": [{"name": "T", "body": [{"let": "x", "value": "y + 1"}]}]})";
        e2e::Result r = runChecker({"run", bad, "--out", dir / "out"});
        CPPUNIT_ASSERT_EQUAL(2, r.exitCode);
        CPPUNIT_ASSERT_MESSAGE(r.err, r.err.find(bad + ": /threads/0/body/0/value: ") == 0);
        CPPUNIT_ASSERT(!std::filesystem::exists(dir / "out"));
    }

    void badParamExits2()
    {
        TempDir dir;
        e2e::Result notInt = runChecker({"run", "scenarios/benchmarks/readers.json", "--param", "N=ten", "--out", dir / "o"});
        CPPUNIT_ASSERT_EQUAL(2, notInt.exitCode);
        e2e::Result undeclared = runChecker({"run", "scenarios/benchmarks/readers.json", "--param", "M=3", "--out", dir / "o"});
        CPPUNIT_ASSERT_EQUAL(2, undeclared.exitCode);
        CPPUNIT_ASSERT_MESSAGE(undeclared.err, undeclared.err.find("M") != std::string::npos);
    }

    void paramOverrideChangesTheProgram()
    {
        TempDir dir;
        json report = runJson("scenarios/benchmarks/readers.json", {"--param", "N=3"}, dir);
        CPPUNIT_ASSERT_EQUAL(uint64_t(8), report["exploration"]["executions"].get<uint64_t>());
        CPPUNIT_ASSERT_EQUAL(int64_t(3), report["scenario"]["params"]["N"].get<int64_t>());
    }

    void validateChecksWithoutExploring()
    {
        e2e::Result ok = runChecker({"validate", "scenarios/benchmarks/readers.json", "scenarios/demos/abba_fast_mutex.json"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(ok.err, 0, ok.exitCode);
        TempDir dir;
        std::string bad = dir / "bad.json";
        std::ofstream(bad) << R"({"scenario": "bad", "threads": [{"name": "T", "body": [{"break": true}]}]})";
        e2e::Result r = runChecker({"validate", bad});
        CPPUNIT_ASSERT_EQUAL(2, r.exitCode);
    }

private:
    // run -> take the witness of the first finding of `kind` -> replay -> the same finding.
    void roundTrip(const std::string& scenario, const std::string& kind, std::vector<std::string> extra = {})
    {
        TempDir dir;
        json report = runJson(scenario, extra, dir);
        std::string id = findingOfKind(report, kind);
        CPPUNIT_ASSERT_MESSAGE(scenario + " has no " + kind, !id.empty());
        std::vector<std::string> args{"replay", dir / "out/report.json", "--finding", id};
        e2e::Result r = runChecker(args);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.out + r.err, 0, r.exitCode);
        CPPUNIT_ASSERT_MESSAGE(r.out, r.out.find(kind) != std::string::npos);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(EngineE2ETest);
