// A thread's state is assigned at every checkpoint and restore, by a copy that skips what cannot
// have changed: it must give what assigning each member gives (a copy construction), between any
// two states a program can be in.

#include "checker/exec/Interpreter.hpp"
#include "checker/scenario/ScenarioLoader.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

using namespace checker;

namespace {

// Two threads start one each of two templates (names of the same length): which is thread 2
// depends on the schedule.
const char* kRacingStarts = R"({"scenario": "t", "objects": [{"name": "M", "type": "FAST_MUTEX"}],
  "globals": {"x": 0},
  "threads": [
    {"name": "A", "body": [{"call": "PsCreateSystemThread", "start": "X"}]},
    {"name": "B", "body": [{"call": "PsCreateSystemThread", "start": "Y"}]},
    {"name": "X", "autostart": false, "body": [
      {"call": "ExAcquireFastMutex", "mutex": "M"}, {"store": "x", "value": 1},
      {"call": "ExReleaseFastMutex", "mutex": "M"}]},
    {"name": "Y", "autostart": false, "body": [
      {"call": "ExAcquireFastMutex", "mutex": "M"}, {"load": "v", "from": "x"},
      {"call": "ExReleaseFastMutex", "mutex": "M"}]}
  ]})";

Program loadFile(const std::string& path, const std::vector<std::pair<std::string, int64_t>>& params = {})
{
    LoadOptions load;
    load.paramOverrides = params;
    return loadScenarioFile(std::string(CHECKER_SOURCE_ROOT) + "/" + path, load);
}

// The states of walks through `program` (each actor, thread or APC, picked by a seeded
// generator among those enabled), one after every step.
std::vector<World> statesOf(const Program& program)
{
    Interpreter interp(program);
    std::vector<World> states;
    for (uint32_t seed = 1; seed <= 8; ++seed) {
        World world;
        StepEffects effects;
        interp.init(world, effects);
        states.push_back(world);
        uint32_t random = seed;
        for (int steps = 0; steps < 200 && !effects.stop(); ++steps) {
            std::vector<uint32_t> enabled;
            for (uint32_t t = 0; t < world.threads.size(); ++t)
                if (interp.enabled(world, t)) enabled.push_back(t);
            for (uint32_t k = 0; k < interp.apcCount(); ++k)
                if (interp.apcDeliverable(world, k)) enabled.push_back(UINT32_MAX - k);
            if (enabled.empty()) break;
            random = random * 1103515245u + 12345u;
            uint32_t actor = enabled[(random >> 8) % enabled.size()];
            if (actor > UINT32_MAX - interp.apcCount()) interp.deliverApc(world, UINT32_MAX - actor, effects);
            else interp.step(world, actor, effects);
            states.push_back(world);
        }
    }
    return states;
}

void checkAssignments(const Program& program, const std::string& what)
{
    std::vector<World> states = statesOf(program);
    CPPUNIT_ASSERT(states.size() > 8);
    for (size_t i = 0; i < states.size(); ++i)
        for (size_t j = 0; j < states.size(); ++j) {
            World assigned = states[i];
            assigned = states[j];
            CPPUNIT_ASSERT_MESSAGE(what + ": state " + std::to_string(i) + " assigned state " + std::to_string(j),
                                   assigned.threads == states[j].threads);
        }
}

}  // namespace

class WorldTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(WorldTest);
    CPPUNIT_TEST(threadsCreatedInEitherOrder);
    CPPUNIT_TEST(apcFramesWaitsHeldLocksAndFiles);
    CPPUNIT_TEST(anUnnamedStateTakesTheName);
    CPPUNIT_TEST(anEndedThreadsPendingOperationIsTheDefault);
    CPPUNIT_TEST_SUITE_END();

public:
    void threadsCreatedInEitherOrder()
    {
        Program program = loadScenarioText(kRacingStarts, "test.json", LoadOptions{});
        std::vector<World> states = statesOf(program);
        bool xThird = false, yThird = false;
        for (const World& w : states) {
            xThird = xThird || (w.threads.size() > 2 && w.threads[2].name == "X");
            yThird = yThird || (w.threads.size() > 2 && w.threads[2].name == "Y");
        }
        CPPUNIT_ASSERT(xThird && yThird);
        checkAssignments(program, "racing starts");
    }

    void apcFramesWaitsHeldLocksAndFiles()
    {
        for (const char* path : {"scenarios/demos/apc_interleaving.json", "scenarios/sync/apc_requeues_waiter.json",
                                 "scenarios/sync/wait_multiple.json", "scenarios/demos/create_and_wait.json"})
            checkAssignments(loadFile(path), path);
        for (const char* path : {"scenarios/lock_order.json", "scenarios/seeds/race.json"})
            checkAssignments(loadFile(path, {{"N", 2}, {"WRITES", 2}}), path);
    }

    void anUnnamedStateTakesTheName()
    {
        ThreadState named;
        named.name = "DriverUnload";
        ThreadState unnamed;
        unnamed = named;
        CPPUNIT_ASSERT_EQUAL(std::string("DriverUnload"), unnamed.name);
    }

    // The copy between two ended threads leaves the pending operation alone: it must be the
    // default one in every ended thread, whatever the thread ran before its end.
    void anEndedThreadsPendingOperationIsTheDefault()
    {
        size_t ended = 0;
        auto check = [&](const Program& program, const std::string& what) {
            for (const World& w : statesOf(program))
                for (const ThreadState& t : w.threads) {
                    if (t.status != ThreadStatus::Done) continue;
                    ended++;
                    CPPUNIT_ASSERT_MESSAGE(what + ": " + t.name, t.pending == PreparedOp{});
                }
        };
        check(loadScenarioText(kRacingStarts, "test.json", LoadOptions{}), "racing starts");
        for (const char* path : {"scenarios/demos/apc_interleaving.json", "scenarios/sync/wait_multiple.json",
                                 "scenarios/sync/unload_running_threads.json", "scenarios/demos/create_and_wait.json"})
            check(loadFile(path), path);
        for (const char* path : {"scenarios/lock_order.json", "scenarios/seeds/race.json"})
            check(loadFile(path, {{"N", 2}, {"WRITES", 2}}), path);
        CPPUNIT_ASSERT(ended > 100);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(WorldTest);
