// Dispatcher waits (SEMANTICS.md §4.3, Part A.5, A.6, §8.7).

#include "ModelTestSupport.hpp"

using namespace checker;
using namespace checker::test;

namespace {

const std::string kObjects = R"({"name": "E", "type": "KEVENT", "event_type": "SynchronizationEvent"},
                                {"name": "S", "type": "KSEMAPHORE", "count": 0, "limit": 3})";

std::string thread(const std::string& name, const std::string& calls)
{
    return "{\"name\": \"" + name + "\", \"body\": [" + calls + "]}";
}
std::string waitMultiple(const char* type, const char* extra = "")
{
    return std::string(R"({"call": "KeWaitForMultipleObjects", "objects": ["E", "S"], "wait_type": ")") + type +
           "\", \"status\": \"s\"" + extra + "}";
}
const std::string kSet = R"({"call": "KeSetEvent", "event": "E"})";
const std::string kRelease = R"({"call": "KeReleaseSemaphore", "semaphore": "S"})";

}  // namespace

class WaitTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(WaitTest);
    CPPUNIT_TEST(waitAnyReturnsTheIndexOfTheSignalledObject);
    CPPUNIT_TEST(waitAllNeverTakesAPartialSet);
    CPPUNIT_TEST(zeroTimeoutHasNoSideEffect);
    CPPUNIT_TEST(threadWaitEndsWhenTheThreadEnds);
    CPPUNIT_TEST(kernelApcRequeuesTheWaiterAtTheTail);
    CPPUNIT_TEST(infiniteWaitAtDispatchLevelIsVerifierOnly);
    CPPUNIT_TEST_SUITE_END();

public:
    void waitAnyReturnsTheIndexOfTheSignalledObject()
    {
        Sim s(scenario(kObjects, thread("W", waitMultiple("WaitAny")) + "," + thread("R", kRelease)));
        s.step("W");
        CPPUNIT_ASSERT(s.waiting("W"));
        s.step("R");
        CPPUNIT_ASSERT(!s.waiting("W"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), s.local("W", "s"));  // STATUS_WAIT_1
        CPPUNIT_ASSERT(s.object(0).waiters.empty());          // left E's queue too
    }

    void waitAllNeverTakesAPartialSet()
    {
        Sim s(scenario(kObjects, thread("W", waitMultiple("WaitAll")) + "," + thread("A", kSet) + "," +
                                     thread("B", R"({"call": "KeWaitForSingleObject", "object": "E"})") + "," +
                                     thread("R", kRelease)));
        s.step("W");
        s.step("A");      // E signalled while the WaitAll waiter lacks S: nobody can take it but B
        CPPUNIT_ASSERT(s.waiting("W"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), s.object(0).signal);
        s.step("B");
        CPPUNIT_ASSERT(!s.waiting("B"));
        s.step("R");
        CPPUNIT_ASSERT(s.waiting("W"));   // S alone is not enough
        CPPUNIT_ASSERT_EQUAL(int64_t(1), s.object(1).signal);
    }

    void zeroTimeoutHasNoSideEffect()
    {
        Sim s(scenario(kObjects, thread("W", waitMultiple("WaitAll", ", \"timeout\": 0")) + "," + thread("R", kRelease)));
        s.step("R");
        s.step("W");
        CPPUNIT_ASSERT_EQUAL(int64_t(0x102), s.local("W", "s"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), s.object(1).signal);
        CPPUNIT_ASSERT(s.object(1).waiters.empty());
    }

    void threadWaitEndsWhenTheThreadEnds()
    {
        Sim s(scenario("", thread("W", R"({"call": "KeWaitForSingleObject", "thread": "X", "status": "s"})") + "," +
                               thread("X", R"({"yield": true})")));
        CPPUNIT_ASSERT(!s.enabled("W"));
        s.steps("X", 2);
        s.step("W");
        CPPUNIT_ASSERT_EQUAL(int64_t(0), s.local("W", "s"));
    }

    void kernelApcRequeuesTheWaiterAtTheTail()
    {
        Sim s(scenario(kObjects, thread("A", R"({"call": "KeWaitForSingleObject", "object": "E"})") + "," +
                                     thread("B", R"({"call": "KeWaitForSingleObject", "object": "E"})") + "," + thread("S", kSet),
                       R"(, "apcs": [{"name": "K", "target": "A", "body": [{"yield": true}]}])"));
        s.step("A");
        s.step("B");
        CPPUNIT_ASSERT(s.interpreter().apcDeliverable(s.world(), 0));
        StepEffects e;
        s.interpreter().deliverApc(s.world(), 0, e);
        CPPUNIT_ASSERT(!s.waiting("A"));
        CPPUNIT_ASSERT_EQUAL(size_t(1), s.object(0).waiters.size());
        s.step("A");  // the APC's yield; the wait call is pending again
        s.step("A");  // re-enters the queue behind B
        CPPUNIT_ASSERT_EQUAL(int32_t(s.thread("A")), s.object(0).waiters.back().thread);
        s.step("S");
        CPPUNIT_ASSERT(!s.waiting("B"));
        CPPUNIT_ASSERT(s.waiting("A"));
    }

    void infiniteWaitAtDispatchLevelIsVerifierOnly()
    {
        Sim s(scenario(R"({"name": "L", "type": "KSPIN_LOCK"}, {"name": "E", "type": "KEVENT", "event_type": "NotificationEvent", "signaled": true})",
                       thread("T", R"({"call": "KeAcquireSpinLock", "lock": "L"}, {"call": "KeWaitForSingleObject", "object": "E"})")));
        s.step("T");
        CPPUNIT_ASSERT(s.state("T").irql == Irql::Dispatch);
        const StepEffects& e = s.step("T");
        CPPUNIT_ASSERT(raised(e, "WAIT_AT_DISPATCH_LEVEL"));
        CPPUNIT_ASSERT(!e.stop());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(WaitTest);
