// Checkpoints are an optimization only: restoring one must be the same as replaying its prefix.
// Each bundled scenario here is explored without checkpoints and with one at (nearly) every
// step — thinned and reused many times over — and the two results must agree on everything:
// counts, every finding with its count and witness, every outcome with its count and witness.

#include "checker/explore/ExecutionRunner.hpp"
#include "checker/explore/Explorer.hpp"
#include "checker/scenario/ScenarioLoader.hpp"
#include "tests/ResultDigest.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <optional>
#include <string>
#include <vector>

using namespace checker;
using namespace checker::test;

namespace {

// `spacing` unset: the default (spacing from the state's size, and a checkpoint wherever a
// backtrack replayed a long way).
ExploreResult exploreWith(const std::string& path, const Params& params, std::optional<uint64_t> spacing)
{
    LoadOptions load;
    load.paramOverrides = params;
    Program program = loadScenarioFile(std::string(CHECKER_SOURCE_ROOT) + "/" + path, load);
    ExploreOptions options;
    options.checkpointSpacing = spacing;
    return explore(program, options);
}

void checkSame(const std::string& path, const Params& params = {})
{
    std::string replayed = resultDigest(exploreWith(path, params, 0));
    for (std::optional<uint64_t> spacing : {std::optional<uint64_t>(1), std::optional<uint64_t>(3), std::optional<uint64_t>()}) {
        std::string restored = resultDigest(exploreWith(path, params, spacing));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(path + " with checkpoints every " + (spacing ? std::to_string(*spacing) : "default") +
                                         " steps", replayed, restored);
    }
}

}  // namespace

class CheckpointTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CheckpointTest);
    CPPUNIT_TEST(fileSystemSeeds);
    CPPUNIT_TEST(lockOrderAndUnload);
    CPPUNIT_TEST(apcDeliveries);
    CPPUNIT_TEST(racesAndRuntimeErrors);
    CPPUNIT_TEST(benchmarks);
    CPPUNIT_TEST(longExecutionsWithDefaultSpacing);
    CPPUNIT_TEST(restoredRunnerNamesPathsAsTheOriginal);
    CPPUNIT_TEST(restoringTheDepthGoesOnAsRestoringTheSchedule);
    CPPUNIT_TEST_SUITE_END();

public:
    void fileSystemSeeds()
    {
        checkSame("scenarios/seeds/race.json", {{"N", 2}, {"WRITES", 2}});
        checkSame("scenarios/seeds/eresource_shared_reader.json", {{"N", 2}, {"WRITES", 2}});
    }

    // Bug checks that stop executions, a deadlock, and an inversion found across executions
    // (its count must not grow when a checkpoint taken after it is restored).
    void lockOrderAndUnload()
    {
        checkSame("scenarios/lock_order.json", {{"N", 3}, {"WRITES", 3}});
        checkSame("scenarios/sync/unload_delete_resource_in_use.json");
        checkSame("scenarios/sync/three_cycle_kmutex.json");
    }

    void apcDeliveries()
    {
        checkSame("scenarios/demos/apc_interleaving.json");
        checkSame("scenarios/sync/apc_pushlock_deadlock.json");
        checkSame("scenarios/sync/apc_requeues_waiter.json");
    }

    void racesAndRuntimeErrors()
    {
        checkSame("scenarios/demos/lost_update.json");
        checkSame("scenarios/demos/bad_index.json");
        checkSame("scenarios/demos/assume_filter.json");
        checkSame("scenarios/demos/create_and_wait.json");
    }

    void benchmarks()
    {
        checkSame("scenarios/benchmarks/readers.json", {{"N", 5}});
        checkSame("scenarios/benchmarks/lastzero.json", {{"N", 4}});
    }
    // Executions over a thousand steps long: the default spacing takes checkpoints on the way,
    // where backtracks replayed far and a few steps above (there in later executions too: both
    // scenarios have thirty-odd replays of 64 steps or more), and restores them between stops
    // and deadlocks.
    void longExecutionsWithDefaultSpacing()
    {
        checkSame("scenarios/lock_order.json", {{"N", 10}, {"WRITES", 150}});
        checkSame("scenarios/seeds/eresource_shared_reader.json", {{"N", 8}, {"WRITES", 150}});
    }

    // Paths and files are numbered in the order a runner first meets them. DPOR's probe compares
    // its footprints with the runner's events, so it starts from the runner's initial state (a
    // copy shares the numbering), never from one of its own: here the runner met C:\a first, the
    // other runner meets C:\b first, and only the restored one names C:\b as the runner does.
    void restoredRunnerNamesPathsAsTheOriginal()
    {
        const Program program = loadScenarioText(R"({
          "scenario": "two_files",
          "threads": [
            {"name": "A", "body": [{"call": "ZwCreateFile", "path": "C:\\a", "access": "GENERIC_WRITE",
              "share": 0, "disposition": "FILE_CREATE", "options": 0, "handle": "h", "status": "s"}]},
            {"name": "B", "body": [{"call": "ZwCreateFile", "path": "C:\\b", "access": "GENERIC_WRITE",
              "share": 0, "disposition": "FILE_CREATE", "options": 0, "handle": "h", "status": "s"}]}
          ]
        })", "two_files.json", LoadOptions{});
        ExploreOptions options;
        FindingCollector findings[3];
        OutcomeTracker outcomes[3];
        ExecutionRunner runner(program, options, findings[0], outcomes[0]);
        runner.begin();
        ExecutionRunner::Checkpoint initial;
        runner.save(initial);
        runner.step(0);   // A creates C:\a: numbered first
        const std::vector<Touch> bByRunner = runner.nextFootprint(1).touches;

        ExecutionRunner restored(program, options, findings[1], outcomes[1]);
        restored.restore(initial, &runner.schedule());
        ExecutionRunner fresh(program, options, findings[2], outcomes[2]);
        fresh.begin();
        auto locations = [](const std::vector<Touch>& touches) {
            std::vector<Location> out;
            for (const Touch& t : touches) out.push_back(t.location);
            return out;
        };
        CPPUNIT_ASSERT(locations(restored.nextFootprint(1).touches) == locations(bByRunner));
        CPPUNIT_ASSERT(locations(fresh.nextFootprint(1).touches) != locations(bByRunner));
    }

    // A probe restored to a checkpoint's depth only (its schedule's entries are not the steps
    // taken) goes on like one restored with the schedule: same depth, same states and footprints
    // after the same steps, also when its previous execution went deeper and another way.
    void restoringTheDepthGoesOnAsRestoringTheSchedule()
    {
        LoadOptions load;
        load.paramOverrides = {{"N", 3}};
        const Program program = loadScenarioFile(std::string(CHECKER_SOURCE_ROOT) + "/scenarios/benchmarks/readers.json", load);
        ExploreOptions options;
        FindingCollector findings[3];
        OutcomeTracker outcomes[3];
        ExecutionRunner runner(program, options, findings[0], outcomes[0]);
        runner.begin();
        runner.step(1);
        ExecutionRunner::Checkpoint saved;
        runner.save(saved);
        runner.step(2);
        runner.step(0);
        ExecutionRunner byDepth(program, options, findings[1], outcomes[1]);
        ExecutionRunner bySchedule(program, options, findings[2], outcomes[2]);
        for (ExecutionRunner* probe : {&byDepth, &bySchedule}) {
            probe->setRecordFindings(false);
            probe->setDetect(false);
            probe->restore(saved, &runner.schedule());
            for (uint32_t a : {0u, 0u, 2u}) probe->step(a);   // a deeper execution, another way
        }
        byDepth.restoreDepth(saved);
        bySchedule.restore(saved, &runner.schedule());
        for (uint32_t a : {2u, 0u}) {
            CPPUNIT_ASSERT_EQUAL(bySchedule.depth(), byDepth.depth());
            CPPUNIT_ASSERT(bySchedule.world().threads == byDepth.world().threads);
            CPPUNIT_ASSERT(bySchedule.world().globals == byDepth.world().globals);
            CPPUNIT_ASSERT(bySchedule.nextFootprint(a).touches == byDepth.nextFootprint(a).touches);
            bySchedule.step(a);
            byDepth.step(a);
        }
        CPPUNIT_ASSERT(bySchedule.world().threads == byDepth.world().threads);
        CPPUNIT_ASSERT_EQUAL(uint64_t(3), byDepth.depth());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CheckpointTest);
