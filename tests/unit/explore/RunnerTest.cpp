// The runner's cheap answers must agree with its full ones: endedPrefix() counts only actors
// that cannot run and could not have run, in every state a few schedules of bundled scenarios reach — threads that
// ended, threads queued in a wait, APCs; anyEnabled() and finish(), which look past the ended
// threads only, answer as a look at every actor and thread.

#include "checker/explore/ExecutionRunner.hpp"
#include "checker/scenario/ScenarioLoader.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <string>

using namespace checker;

namespace {

Program loadBundled(const std::string& path)
{
    return loadScenarioFile(std::string(CHECKER_SOURCE_ROOT) + "/" + path, LoadOptions{});
}

// Runs schedules that take the `pick`-th enabled actor (modulo their number) at each step,
// checking every actor in every state; returns how many ended actors endedPrefix() counted.
int checkSchedules(const std::string& path)
{
    Program program = loadBundled(path);
    ExploreOptions options;
    FindingCollector findings;
    OutcomeTracker outcomes;
    ExecutionRunner runner(program, options, findings, outcomes);
    int excluded = 0;
    for (uint32_t pick = 0; pick < 4; ++pick) {
        runner.begin();
        while (!runner.stopped()) {
            std::vector<uint32_t> enabled;
            size_t ended = runner.endedPrefix();
            for (size_t k = 0; k < ended; ++k) {
                CPPUNIT_ASSERT_MESSAGE(path + ": a thread that can run counted as ended", !runner.enabled(runner.actors()[k]));
                CPPUNIT_ASSERT(!runner.couldHaveRun(runner.actors()[k]));
            }
            excluded += int(ended);
            for (uint32_t a : runner.actors())
                if (runner.enabled(a)) enabled.push_back(a);
            CPPUNIT_ASSERT_EQUAL(!enabled.empty(), runner.anyEnabled());
            if (enabled.empty()) break;
            runner.step(enabled[(pick + runner.depth()) % enabled.size()]);
        }
        bool alive = false;
        for (uint32_t t = 0; t < runner.threadCount(); ++t) alive = alive || runner.interpreter().alive(runner.world(), t);
        const bool stopped = runner.stopped();
        const ExecutionRunner::End end = runner.finish();
        if (!stopped) CPPUNIT_ASSERT_EQUAL(alive, end == ExecutionRunner::End::Deadlocked);
    }
    return excluded;
}

}  // namespace

class RunnerTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RunnerTest);
    CPPUNIT_TEST(cheapAnswersAgreeWithFullOnes);
    CPPUNIT_TEST_SUITE_END();

public:
    void cheapAnswersAgreeWithFullOnes()
    {
        int excluded = 0;
        for (const char* path : {"scenarios/sync/three_cycle_kmutex.json", "scenarios/sync/event_synchronization.json",
                                 "scenarios/sync/apc_requeues_waiter.json", "scenarios/sync/wait_multiple.json",
                                 "scenarios/benchmarks/readers.json"})
            excluded += checkSchedules(path);
        CPPUNIT_ASSERT(excluded > 0);   // ended threads were met, and counted
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RunnerTest);
