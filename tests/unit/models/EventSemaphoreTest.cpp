// KEVENT and KSEMAPHORE rules (SEMANTICS.md §4.1, §4.2, §8.5, §8.6).

#include "ModelTestSupport.hpp"

using namespace checker;
using namespace checker::test;

namespace {

const std::string kSync = R"({"name": "E", "type": "KEVENT", "event_type": "SynchronizationEvent"})";
const std::string kNotification = R"({"name": "E", "type": "KEVENT", "event_type": "NotificationEvent"})";
const std::string kWait = R"({"call": "KeWaitForSingleObject", "object": "E", "status": "s"})";

std::string thread(const std::string& name, const std::string& calls)
{
    return "{\"name\": \"" + name + "\", \"body\": [" + calls + "]}";
}
std::string eventCall(const std::string& api, const std::string& out = "previous")
{
    return "{\"call\": \"" + api + "\", \"event\": \"E\", \"" + out + "\": \"p\"}";
}

}  // namespace

class EventSemaphoreTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(EventSemaphoreTest);
    CPPUNIT_TEST(synchronizationEventWakesOneWaiterFifoAndResets);
    CPPUNIT_TEST(setWithoutWaiterIsRememberedOnce);
    CPPUNIT_TEST(notificationEventReleasesEveryWaiterAndStaysSignalled);
    CPPUNIT_TEST(setResetPulseReturnPreviousState);
    CPPUNIT_TEST(pulseReleasesOnlyCurrentWaiters);
    CPPUNIT_TEST(semaphoreLimitRaisesWithCountUnchanged);
    CPPUNIT_TEST(semaphoreReleaseWakesFifoAndReturnsPreviousCount);
    CPPUNIT_TEST_SUITE_END();

public:
    void synchronizationEventWakesOneWaiterFifoAndResets()
    {
        Sim s(scenario(kSync, thread("A", kWait) + "," + thread("B", kWait) + "," + thread("S", eventCall("KeSetEvent"))));
        s.step("B");
        s.step("A");
        const StepEffects& e = s.step("S");
        CPPUNIT_ASSERT_EQUAL(size_t(1), e.woken.size());
        CPPUNIT_ASSERT(!s.waiting("B"));
        CPPUNIT_ASSERT(s.waiting("A"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), s.object(0).signal);
        CPPUNIT_ASSERT_EQUAL(int64_t(0), s.local("S", "p"));
    }

    void setWithoutWaiterIsRememberedOnce()
    {
        Sim s(scenario(kSync, thread("S", eventCall("KeSetEvent") + "," + eventCall("KeSetEvent")) + "," + thread("A", kWait) + "," +
                                  thread("B", kWait)));
        s.steps("S", 2);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), s.local("S", "p"));
        s.step("A");
        CPPUNIT_ASSERT(!s.waiting("A"));
        s.step("B");
        CPPUNIT_ASSERT(s.waiting("B"));
    }

    void notificationEventReleasesEveryWaiterAndStaysSignalled()
    {
        Sim s(scenario(kNotification, thread("A", kWait) + "," + thread("B", kWait) + "," + thread("S", eventCall("KeSetEvent")) +
                                          "," + thread("C", kWait)));
        s.step("A");
        s.step("B");
        CPPUNIT_ASSERT_EQUAL(size_t(2), s.step("S").woken.size());
        CPPUNIT_ASSERT_EQUAL(int64_t(1), s.object(0).signal);
        CPPUNIT_ASSERT(s.access("C") == Access::Observe);  // a satisfied wait commutes with others
        s.step("C");
        CPPUNIT_ASSERT(!s.waiting("C"));
    }

    void setResetPulseReturnPreviousState()
    {
        Sim s(scenario(kNotification, thread("S", eventCall("KeSetEvent") + "," + eventCall("KeResetEvent") + "," +
                                                      R"({"call": "KeReadStateEvent", "event": "E", "result": "r"})" + "," +
                                                      eventCall("KeSetEvent") + "," + eventCall("KePulseEvent"))));
        s.step("S");
        CPPUNIT_ASSERT_EQUAL(int64_t(0), s.local("S", "p"));
        s.step("S");
        CPPUNIT_ASSERT_EQUAL(int64_t(1), s.local("S", "p"));
        s.step("S");
        CPPUNIT_ASSERT_EQUAL(int64_t(0), s.local("S", "r"));
        s.steps("S", 2);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), s.local("S", "p"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), s.object(0).signal);
    }

    void pulseReleasesOnlyCurrentWaiters()
    {
        Sim s(scenario(kNotification, thread("A", kWait) + "," + thread("P", eventCall("KePulseEvent")) + "," + thread("B", kWait)));
        s.step("A");
        s.step("P");
        CPPUNIT_ASSERT(!s.waiting("A"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), s.object(0).signal);
        s.step("B");
        CPPUNIT_ASSERT(s.waiting("B"));
    }

    void semaphoreLimitRaisesWithCountUnchanged()
    {
        Sim s(scenario(R"({"name": "S", "type": "KSEMAPHORE", "count": 1, "limit": 2})",
                       thread("T", R"({"call": "KeReleaseSemaphore", "semaphore": "S", "adjustment": 2})")));
        const StepEffects& e = s.step("T");
        CPPUNIT_ASSERT(raised(e, "SEMAPHORE_LIMIT_EXCEEDED"));
        CPPUNIT_ASSERT(e.stop());
        CPPUNIT_ASSERT(e.issues.front().message.find("0xC0000047") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), s.object(0).signal);
    }

    void semaphoreReleaseWakesFifoAndReturnsPreviousCount()
    {
        std::string wait = R"({"call": "KeWaitForSingleObject", "object": "S"})";
        Sim s(scenario(R"({"name": "S", "type": "KSEMAPHORE", "count": 0, "limit": 5})",
                       thread("A", wait) + "," + thread("B", wait) + "," + thread("C", wait) + "," +
                           thread("T", R"({"call": "KeReleaseSemaphore", "semaphore": "S", "adjustment": 2, "previous": "p"})")));
        s.step("C");
        s.step("A");
        s.step("B");
        s.step("T");
        CPPUNIT_ASSERT(!s.waiting("C") && !s.waiting("A") && s.waiting("B"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), s.local("T", "p"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), s.object(0).signal);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(EventSemaphoreTest);
