// Spin locks, regions, thread exit, the unload routine and the lock-order graph
// (SEMANTICS.md §5.2, §5.3, §6, Lifecycle).

#include "ModelTestSupport.hpp"

using namespace checker;
using namespace checker::test;

namespace {

std::string thread(const std::string& name, const std::string& calls, const std::string& extra = "")
{
    return "{\"name\": \"" + name + "\"" + extra + ", \"body\": [" + calls + "]}";
}

}  // namespace

class LifecycleTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(LifecycleTest);
    CPPUNIT_TEST(spinLockRaisesAndRestoresIrql);
    CPPUNIT_TEST(recursiveSpinLockDeadlocks);
    CPPUNIT_TEST(regionsBlockApcDelivery);
    CPPUNIT_TEST(leaveWithoutEnterThenExitBugChecks);
    CPPUNIT_TEST(unloadStartsOnlyAfterDriverEntry);
    CPPUNIT_TEST(unloadWithRunningThreads);
    CPPUNIT_TEST(lockOrderInversionWithoutDeadlock);
    CPPUNIT_TEST(inversionSeenAcrossExecutionsGetsAWitnessOfBothOrders);
    CPPUNIT_TEST_SUITE_END();

public:
    void spinLockRaisesAndRestoresIrql()
    {
        Sim s(scenario(R"({"name": "L", "type": "KSPIN_LOCK"})",
                       thread("T", R"({"call": "KeAcquireSpinLock", "lock": "L"}, {"call": "KeReleaseSpinLock", "lock": "L"})")));
        s.step("T");
        CPPUNIT_ASSERT(s.state("T").irql == Irql::Dispatch);
        s.step("T");
        CPPUNIT_ASSERT(s.state("T").irql == Irql::Passive);
    }

    void recursiveSpinLockDeadlocks()
    {
        auto r = exploreText(scenario(R"({"name": "L", "type": "KSPIN_LOCK"})",
                                      thread("T", R"({"call": "KeAcquireSpinLock", "lock": "L"}, {"call": "KeAcquireSpinLock", "lock": "L"})")));
        CPPUNIT_ASSERT_EQUAL(size_t(1), countFindings(r, report::FindingKind::Deadlock));
        CPPUNIT_ASSERT_EQUAL(size_t(1), countFindings(r, report::FindingKind::ApiMisuse, "RECURSIVE_ACQUIRE"));
    }

    void regionsBlockApcDelivery()
    {
        Sim s(scenario("", thread("T", R"({"call": "KeEnterGuardedRegion"}, {"call": "KeLeaveGuardedRegion"})"),
                       R"(, "apcs": [{"name": "K", "target": "T", "body": [{"yield": true}]}])"));
        s.step("T");
        CPPUNIT_ASSERT(!s.interpreter().apcDeliverable(s.world(), 0));
        s.step("T");
        CPPUNIT_ASSERT(s.interpreter().apcDeliverable(s.world(), 0));
    }

    void leaveWithoutEnterThenExitBugChecks()
    {
        Sim s(scenario("", thread("T", R"({"call": "KeLeaveCriticalRegion"})")));
        const StepEffects& leave = s.step("T");
        CPPUNIT_ASSERT(raised(leave, "CRITICAL_REGION_UNBALANCED"));
        CPPUNIT_ASSERT(!leave.stop());
        const StepEffects& exit = s.step("T");
        CPPUNIT_ASSERT(raised(exit, "CRITICAL_REGION_UNBALANCED"));
        CPPUNIT_ASSERT(exit.stop());
        CPPUNIT_ASSERT(exit.issues.front().message.find("0x20") != std::string::npos);
    }

    void unloadStartsOnlyAfterDriverEntry()
    {
        Sim s(scenario("", thread("DriverEntry", R"({"yield": true})"), R"(, "unload": [{"yield": true}])"));
        CPPUNIT_ASSERT(!s.enabled("DriverUnload"));
        s.steps("DriverEntry", 2);
        CPPUNIT_ASSERT(s.enabled("DriverUnload"));
        s.steps("DriverUnload", 3);
        CPPUNIT_ASSERT(s.done("DriverUnload"));
    }

    void unloadWithRunningThreads()
    {
        auto r = exploreText(scenario("", thread("DriverEntry", R"({"yield": true})") + "," + thread("Worker", R"({"yield": true})"),
                                      R"(, "unload": [{"yield": true}])"));
        CPPUNIT_ASSERT_EQUAL(size_t(1), countFindings(r, report::FindingKind::ApiMisuse, "UNLOAD_WITH_RUNNING_THREADS"));
        CPPUNIT_ASSERT(r.stats.executions >= 2);  // the worker may also end first
    }

    void lockOrderInversionWithoutDeadlock()
    {
        // T2 starts only after T1 has finished (it waits for T1's thread object): the opposite
        // orders never overlap, no execution deadlocks, yet the order graph has A -> B -> A.
        std::string locks = R"({"name": "A", "type": "FAST_MUTEX"}, {"name": "B", "type": "FAST_MUTEX"})";
        std::string t1 = R"({"call": "ExAcquireFastMutex", "mutex": "A"}, {"call": "ExAcquireFastMutex", "mutex": "B"},
                            {"call": "ExReleaseFastMutex", "mutex": "B"}, {"call": "ExReleaseFastMutex", "mutex": "A"})";
        std::string t2 = R"({"call": "KeWaitForSingleObject", "thread": "T1"},
                            {"call": "ExAcquireFastMutex", "mutex": "B"}, {"call": "ExAcquireFastMutex", "mutex": "A"},
                            {"call": "ExReleaseFastMutex", "mutex": "A"}, {"call": "ExReleaseFastMutex", "mutex": "B"})";
        auto r = exploreText(scenario(locks, thread("T1", t1) + "," + thread("T2", t2)));
        CPPUNIT_ASSERT_EQUAL(size_t(0), countFindings(r, report::FindingKind::Deadlock));
        CPPUNIT_ASSERT_EQUAL(size_t(1), countFindings(r, report::FindingKind::LockOrderInversion));
        const report::Finding& f = r.findings.front();
        CPPUNIT_ASSERT(f.graph.has_value());
        CPPUNIT_ASSERT_EQUAL(size_t(2), f.graph->edges.size());
        CPPUNIT_ASSERT(f.fingerprint.rfind("lock_order_inversion:A,B:", 0) == 0);
        CPPUNIT_ASSERT(!f.witness.schedule.empty());
    }

    // T0 takes A then B only if it reads g before W sets it, T1 takes B then A only if it reads
    // h before W sets it. The first execution that closes the cycle takes only B -> A (A -> B was
    // an earlier execution's): its schedule alone does not show, nor replay, the inversion. Once
    // an execution takes both orders, it becomes the witness, and replaying it finds the same
    // inversion.
    void inversionSeenAcrossExecutionsGetsAWitnessOfBothOrders()
    {
        std::string locks = R"({"name": "A", "type": "FAST_MUTEX"}, {"name": "B", "type": "FAST_MUTEX"})";
        auto nested = [](const char* first, const char* second) {
            return std::string(R"({"call": "ExAcquireFastMutex", "mutex": ")") + first +
                   R"("}, {"call": "ExAcquireFastMutex", "mutex": ")" + second +
                   R"("}, {"call": "ExReleaseFastMutex", "mutex": ")" + second +
                   R"("}, {"call": "ExReleaseFastMutex", "mutex": ")" + first + R"("})";
        };
        std::string w = R"({"store": "g", "value": "1"}, {"store": "h", "value": "1"})";
        std::string t0 = R"({"load": "x", "from": "g"}, {"if": "x == 0", "then": [)" + nested("A", "B") + "]}";
        std::string t1 = R"({"load": "y", "from": "h"}, {"if": "y == 0", "then": [)" + nested("B", "A") + "]}";
        const std::string text = scenario(locks, thread("W", w) + "," + thread("T0", t0) + "," + thread("T1", t1),
                                          R"(, "globals": {"g": 0, "h": 0})");
        const Program program = loadScenarioText(text, "test.json", {});
        const ExploreResult r = explore(program, ExploreOptions{});
        CPPUNIT_ASSERT_EQUAL(size_t(1), countFindings(r, report::FindingKind::LockOrderInversion));
        const report::Finding* inversion = nullptr;
        for (const report::Finding& f : r.findings)
            if (f.kind == report::FindingKind::LockOrderInversion) inversion = &f;
        CPPUNIT_ASSERT(inversion->notes.empty());   // the note of the closing execution went with it
        const ReplayResult again = replay(program, inversion->witness, ExploreOptions{});
        CPPUNIT_ASSERT(again.scheduleValid);
        CPPUNIT_ASSERT(std::any_of(again.findings.begin(), again.findings.end(),
                                   [&](const report::Finding& f) { return f.fingerprint == inversion->fingerprint; }));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(LifecycleTest);
