// EX_PUSH_LOCK rules (SEMANTICS.md §1, §8.1, §8.2).

#include "ModelTestSupport.hpp"

using namespace checker;
using namespace checker::test;

namespace {

const std::string kLock = R"({"name": "L", "type": "EX_PUSH_LOCK"})";

std::string body(const std::string& calls) { return "[{\"call\": \"KeEnterCriticalRegion\"}, " + calls + "]"; }
std::string acq(const char* mode) { return std::string("{\"call\": \"ExAcquirePushLock") + mode + "\", \"lock\": \"L\"}"; }
std::string rel(const char* mode) { return std::string("{\"call\": \"ExReleasePushLock") + mode + "\", \"lock\": \"L\"}"; }
std::string thread(const std::string& name, const std::string& calls)
{
    return "{\"name\": \"" + name + "\", \"body\": " + body(calls) + "}";
}

}  // namespace

class PushLockTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PushLockTest);
    CPPUNIT_TEST(exclusiveReacquireHangsWithRecursiveAcquire);
    CPPUNIT_TEST(sharedReacquireWorksWhileNobodyWaits);
    CPPUNIT_TEST(queuedWriterBlocksNewReaders);
    CPPUNIT_TEST(releaseWakesOldestExclusiveAlone);
    CPPUNIT_TEST(releaseWakesEveryWaiterWhenOldestIsShared);
    CPPUNIT_TEST(wokenThreadsRecompete);
    CPPUNIT_TEST(releaseByAnotherThreadIsLegal);
    CPPUNIT_TEST(releaseWhenNotHeldCorrupts);
    CPPUNIT_TEST(tryConvertSucceedsOnlyForASoleSharer);
    CPPUNIT_TEST(sharedAcquisitionsCommute);
    CPPUNIT_TEST(apcsEnabledIsVerifierOnly);
    CPPUNIT_TEST_SUITE_END();

public:
    void exclusiveReacquireHangsWithRecursiveAcquire()
    {
        auto r = exploreText(scenario(kLock, thread("T", acq("Exclusive") + ", " + acq("Exclusive"))));
        CPPUNIT_ASSERT_EQUAL(size_t(1), countFindings(r, report::FindingKind::Deadlock));
        CPPUNIT_ASSERT_EQUAL(size_t(1), countFindings(r, report::FindingKind::ApiMisuse, "RECURSIVE_ACQUIRE"));
    }

    void sharedReacquireWorksWhileNobodyWaits()
    {
        Sim s(scenario(kLock, thread("T", acq("Shared") + ", " + acq("Shared") + ", " + rel("Shared") + ", " + rel("Shared"))));
        s.steps("T", 3);
        CPPUNIT_ASSERT_EQUAL(2, s.object(0).holders.at(0).count);
        s.steps("T", 2);
        CPPUNIT_ASSERT(s.object(0).holders.empty());
    }

    void queuedWriterBlocksNewReaders()
    {
        Sim s(scenario(kLock, thread("R1", acq("Shared")) + "," + thread("W", acq("Exclusive")) + "," + thread("R2", acq("Shared"))));
        s.steps("R1", 2);
        s.steps("W", 2);
        CPPUNIT_ASSERT(s.waiting("W"));
        s.steps("R2", 2);
        CPPUNIT_ASSERT(s.waiting("R2"));
        CPPUNIT_ASSERT_EQUAL(size_t(2), s.object(0).waiters.size());
    }

    void releaseWakesOldestExclusiveAlone()
    {
        Sim s(scenario(kLock, thread("O", acq("Exclusive") + ", " + rel("Exclusive")) + "," +
                                  thread("W1", acq("Exclusive")) + "," + thread("W2", acq("Shared"))));
        s.steps("O", 2);
        s.steps("W1", 2);
        s.steps("W2", 2);
        const StepEffects& e = s.step("O");
        CPPUNIT_ASSERT_EQUAL(size_t(1), e.released.size());
        CPPUNIT_ASSERT(!s.waiting("W1"));
        CPPUNIT_ASSERT(s.waiting("W2"));
    }

    void releaseWakesEveryWaiterWhenOldestIsShared()
    {
        Sim s(scenario(kLock, thread("O", acq("Exclusive") + ", " + rel("Exclusive")) + "," +
                                  thread("R", acq("Shared")) + "," + thread("W", acq("Exclusive"))));
        s.steps("O", 2);
        s.steps("R", 2);
        s.steps("W", 2);
        s.step("O");
        CPPUNIT_ASSERT(!s.waiting("R"));
        CPPUNIT_ASSERT(!s.waiting("W"));
        CPPUNIT_ASSERT(s.object(0).waiters.empty());
    }

    void wokenThreadsRecompete()
    {
        // The woken writer has not got the lock: a running thread may take it first (barging).
        Sim s(scenario(kLock, thread("O", acq("Exclusive") + ", " + rel("Exclusive")) + "," +
                                  thread("W", acq("Exclusive")) + "," + thread("B", acq("Exclusive"))));
        s.steps("O", 2);
        s.steps("W", 2);
        s.step("O");
        s.step("B");
        s.step("B");
        CPPUNIT_ASSERT_EQUAL(int32_t(s.thread("B")), s.object(0).owner);
        s.step("W");  // retries and queues again as newest
        CPPUNIT_ASSERT(s.waiting("W"));
    }

    void releaseByAnotherThreadIsLegal()
    {
        Sim s(scenario(kLock, thread("A", acq("Exclusive")) + "," + thread("B", rel("Exclusive"))));
        s.steps("A", 2);
        s.step("B");
        CPPUNIT_ASSERT(!raised(s.step("B"), "RELEASE_NOT_OWNED"));
        CPPUNIT_ASSERT_EQUAL(kNoThread, s.object(0).owner);
    }

    void releaseWhenNotHeldCorrupts()
    {
        Sim s(scenario(kLock, thread("T", rel("Shared"))));
        s.step("T");
        const StepEffects& e = s.step("T");
        CPPUNIT_ASSERT(raised(e, "RELEASE_NOT_OWNED"));
        CPPUNIT_ASSERT(e.stop());
    }

    void tryConvertSucceedsOnlyForASoleSharer()
    {
        std::string convert = R"({"call": "ExTryConvertPushLockSharedToExclusive", "lock": "L", "result": "ok"})";
        Sim s(scenario(kLock, thread("A", acq("Shared") + ", " + convert) + "," + thread("B", acq("Shared") + ", " + convert)));
        s.steps("A", 2);
        s.steps("B", 2);
        s.step("A");
        CPPUNIT_ASSERT_EQUAL(int64_t(0), s.local("A", "ok"));
        CPPUNIT_ASSERT_EQUAL(2, int(s.object(0).holders.size()));
        Sim t(scenario(kLock, thread("A", acq("Shared") + ", " + convert)));
        t.steps("A", 3);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), t.local("A", "ok"));
        CPPUNIT_ASSERT_EQUAL(int32_t(t.thread("A")), t.object(0).owner);
    }

    void sharedAcquisitionsCommute()
    {
        Sim s(scenario(kLock, thread("A", acq("Shared")) + "," + thread("B", acq("Shared"))));
        s.step("A");
        s.step("B");
        CPPUNIT_ASSERT(s.access("A") == Access::SharedAcquire);
        s.step("A");
        CPPUNIT_ASSERT(s.access("B") == Access::SharedAcquire);
    }

    void apcsEnabledIsVerifierOnly()
    {
        Sim s(scenario(kLock, R"({"name": "T", "body": [)" + acq("Exclusive") + "]}"));
        const StepEffects& e = s.step("T");
        CPPUNIT_ASSERT(raised(e, "APCS_NOT_DISABLED"));
        CPPUNIT_ASSERT(!e.stop());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PushLockTest);
