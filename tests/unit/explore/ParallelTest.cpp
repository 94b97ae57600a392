// Parallel exploration (--jobs N, Speculation.hpp) must give exactly the one-thread result:
// every count, every finding with its count and witness, every outcome with its count and
// witness. Bundled scenarios of every kind (lock orders, file systems with location ids given
// out as they are met, APCs, bug checks that stop executions, the classic benchmarks whose wakeup
// trees fill in while workers explore them) are explored with 1, 2 and 3 threads and compared.
// With waitForWorkers every branch offered is explored by a worker, so the comparisons do cover
// workers' subtrees taken (the counts say how many) and subtrees explored again.

#include "checker/explore/Explorer.hpp"
#include "checker/scenario/ScenarioLoader.hpp"
#include "tests/ResultDigest.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace checker;
using namespace checker::test;

namespace {

Program load(const std::string& path, const Params& params)
{
    LoadOptions options;
    options.paramOverrides = params;
    return loadScenarioFile(std::string(CHECKER_SOURCE_ROOT) + "/" + path, options);
}

ExploreResult exploreWith(const Program& program, unsigned jobs, ExploreOptions options = {})
{
    options.jobs = jobs;
    options.waitForWorkers = true;
    options.warmUpExecutions = 0;   // offer from the first execution on: while the lock-order
                                    // graph and the location ids still grow
    return explore(program, options);
}

// The subtrees workers explored that were taken, over the runs compared.
uint64_t checkSame(const std::string& path, const Params& params = {}, ExploreOptions options = {})
{
    Program program = load(path, params);
    std::string one = resultDigest(exploreWith(program, 1, options));
    uint64_t taken = 0;
    for (unsigned jobs : {2u, 3u}) {
        ExploreResult parallel = exploreWith(program, jobs, options);
        taken += parallel.parallel.taken;
        CPPUNIT_ASSERT_EQUAL_MESSAGE(path + " with " + std::to_string(jobs) + " jobs", one, resultDigest(parallel));
    }
    return taken;
}

}  // namespace

class ParallelTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ParallelTest);
    CPPUNIT_TEST(benchmarksTakeWorkersSubtrees);
    CPPUNIT_TEST(workersDropWhatTheExplorerWouldNotInsert);
    CPPUNIT_TEST(fileSystemSeeds);
    CPPUNIT_TEST(lockOrdersAcrossExecutions);
    CPPUNIT_TEST(bugChecksApcsAndRuntimeErrors);
    CPPUNIT_TEST(budgetsExploreOnOneThread);
    CPPUNIT_TEST(withoutAMemoryBudgetWorkersStillWork);
    CPPUNIT_TEST(interruptStopsEveryThread);
    CPPUNIT_TEST(timeLimitStopsEveryThread);
    CPPUNIT_TEST_SUITE_END();

public:
    void benchmarksTakeWorkersSubtrees()
    {
        uint64_t taken = checkSame("scenarios/benchmarks/indexer.json", {{"N", 14}});
        taken += checkSame("scenarios/benchmarks/lastzero.json", {{"N", 9}});
        // Wakeup trees filled in while workers explore them: subtrees explored again.
        taken += checkSame("scenarios/benchmarks/readers.json", {{"N", 12}});
        taken += checkSame("scenarios/benchmarks/filesystem.json", {{"N", 20}});
        CPPUNIT_ASSERT_MESSAGE("no worker's subtree was taken", taken > 0);
    }

    // Workers leave out of their results the insertions at their branch's node that the
    // explorer would find covered there (a sleeping actor, or the node's later branches, start
    // them): readers' are mostly such. The result stays the one-thread one. Which branches are
    // offered depends on when the worker is idle, so on a loaded machine one run may take no
    // subtree with such insertions: the runs go on (each compared) until one has dropped some.
    void workersDropWhatTheExplorerWouldNotInsert()
    {
        Program program = load("scenarios/benchmarks/readers.json", {{"N", 10}});
        const std::string one = resultDigest(exploreWith(program, 1));
        uint64_t dropped = 0;
        for (int run = 0; run < 50 && dropped == 0; ++run) {
            ExploreResult parallel = exploreWith(program, 2);
            CPPUNIT_ASSERT_EQUAL(one, resultDigest(parallel));
            dropped = parallel.parallel.insertionsDropped;
        }
        CPPUNIT_ASSERT_MESSAGE("no run dropped an insertion", dropped > 0);
    }

    void fileSystemSeeds()
    {
        checkSame("scenarios/seeds/race.json", {{"N", 2}, {"WRITES", 2}});
        checkSame("tests/data/parallel/late_file_ids.json");
        checkSame("scenarios/seeds/pushlock_fix.json", {{"N", 4}, {"WRITES", 3}});
        checkSame("scenarios/seeds/eresource_shared_reader.json", {{"N", 6}, {"WRITES", 2}});
    }

    void lockOrdersAcrossExecutions()
    {
        checkSame("scenarios/lock_order.json", {{"N", 8}, {"WRITES", 2}});
        checkSame("scenarios/demos/abba_fast_mutex.json");
        checkSame("scenarios/sync/three_cycle_kmutex.json");
        checkSame("tests/data/parallel/late_lock_orders.json");
    }

    void bugChecksApcsAndRuntimeErrors()
    {
        checkSame("scenarios/demos/apc_interleaving.json");
        checkSame("scenarios/sync/apc_pushlock_deadlock.json");
        checkSame("scenarios/sync/unload_delete_resource_in_use.json");
        checkSame("scenarios/demos/bad_index.json");
        checkSame("scenarios/seeds/event_deadlock.json", {{"N", 3}, {"WRITES", 2}});
    }

    // A budget stops part-way through a subtree: explored on one thread, whatever jobs says.
    void budgetsExploreOnOneThread()
    {
        ExploreOptions budget;
        budget.maxExecutions = 100;
        checkSame("scenarios/benchmarks/readers.json", {{"N", 10}}, budget);
        ExploreOptions first;
        first.stopOnFirst = true;
        checkSame("scenarios/lock_order.json", {{"N", 8}, {"WRITES", 2}}, first);
    }

    // Workers stop at half the memory budget (the rest is the explorer's); no budget, no stop.
    void withoutAMemoryBudgetWorkersStillWork()
    {
        ExploreOptions unlimited;
        unlimited.maxMemoryMb = 0;
        CPPUNIT_ASSERT(checkSame("scenarios/benchmarks/indexer.json", {{"N", 14}}, unlimited) > 0);
    }

    void interruptStopsEveryThread()
    {
        Program program = load("scenarios/benchmarks/readers.json", {{"N", 20}});
        std::atomic<bool> interrupt{false};
        ExploreOptions options;
        options.interrupt = &interrupt;
        std::thread stopper([&interrupt] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            interrupt = true;
        });
        ExploreResult r = exploreWith(program, 3, options);
        stopper.join();
        CPPUNIT_ASSERT(!r.stats.complete);
        CPPUNIT_ASSERT_EQUAL(std::string("interrupt"), r.stats.stoppedBy);
    }

    void timeLimitStopsEveryThread()
    {
        Program program = load("scenarios/benchmarks/readers.json", {{"N", 20}});
        ExploreOptions options;
        options.timeLimitSeconds = 0.1;
        ExploreResult r = exploreWith(program, 3, options);
        CPPUNIT_ASSERT(!r.stats.complete);
        CPPUNIT_ASSERT_EQUAL(std::string("time_limit"), r.stats.stoppedBy);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ParallelTest);
