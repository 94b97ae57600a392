// ERESOURCE rules (SEMANTICS.md §3, §8.2, §8.3).

#include "ModelTestSupport.hpp"

using namespace checker;
using namespace checker::test;

namespace {

const std::string kResource = R"({"name": "R", "type": "ERESOURCE"})";

std::string call(const std::string& api, const std::string& extra = "")
{
    return "{\"call\": \"" + api + "\", \"resource\": \"R\", \"result\": \"ok\"" + extra + "}";
}
std::string rel() { return R"({"call": "ExReleaseResourceLite", "resource": "R"})"; }
std::string thread(const std::string& name, const std::string& calls)
{
    return "{\"name\": \"" + name + "\", \"body\": [{\"call\": \"KeEnterCriticalRegion\"}, " + calls + "]}";
}

}  // namespace

class EresourceTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(EresourceTest);
    CPPUNIT_TEST(exclusiveWaiterBlocksNewSharedLite);
    CPPUNIT_TEST(starveExclusiveIgnoresWaitingWriter);
    CPPUNIT_TEST(recursiveSharedStillGrantedButWaitForExclusiveSelfDeadlocks);
    CPPUNIT_TEST(sharedOwnerUpgradeSelfDeadlocks);
    CPPUNIT_TEST(noWaitReturnsFalse);
    CPPUNIT_TEST(exclusiveReleaseGrantsAllSharedWaitersFirst);
    CPPUNIT_TEST(lastSharedReleaseGrantsOldestWriter);
    CPPUNIT_TEST(convertGrantsSharedWaiters);
    CPPUNIT_TEST(isAcquiredQueries);
    CPPUNIT_TEST(releaseNotOwnedBugChecks);
    CPPUNIT_TEST(releaseForAnotherOwnerThread);
    CPPUNIT_TEST(deleteInUse);
    CPPUNIT_TEST(apcsEnabledIsVerifierOnly);
    CPPUNIT_TEST_SUITE_END();

public:
    void exclusiveWaiterBlocksNewSharedLite()
    {
        Sim s(scenario(kResource, thread("A", call("ExAcquireResourceSharedLite")) + "," +
                                      thread("W", call("ExAcquireResourceExclusiveLite")) + "," +
                                      thread("B", call("ExAcquireResourceSharedLite"))));
        s.steps("A", 2);
        s.steps("W", 2);
        s.steps("B", 2);
        CPPUNIT_ASSERT(s.waiting("W") && s.waiting("B"));
    }

    void starveExclusiveIgnoresWaitingWriter()
    {
        Sim s(scenario(kResource, thread("A", call("ExAcquireResourceSharedLite")) + "," +
                                      thread("W", call("ExAcquireResourceExclusiveLite")) + "," +
                                      thread("B", call("ExAcquireSharedStarveExclusive"))));
        s.steps("A", 2);
        s.steps("W", 2);
        s.steps("B", 2);
        CPPUNIT_ASSERT(!s.waiting("B"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), s.local("B", "ok"));
    }

    void recursiveSharedStillGrantedButWaitForExclusiveSelfDeadlocks()
    {
        Sim s(scenario(kResource, thread("A", call("ExAcquireResourceSharedLite") + "," + call("ExAcquireResourceSharedLite") + "," +
                                               call("ExAcquireSharedWaitForExclusive")) + "," +
                                      thread("W", call("ExAcquireResourceExclusiveLite"))));
        s.steps("A", 2);
        s.steps("W", 2);
        s.step("A");
        CPPUNIT_ASSERT(!s.waiting("A"));
        CPPUNIT_ASSERT_EQUAL(2, s.object(0).holders.at(0).count);
        s.step("A");
        CPPUNIT_ASSERT(s.waiting("A"));
        WaitInfo w = s.waitInfo("A");
        CPPUNIT_ASSERT(std::find(w.holders.begin(), w.holders.end(), int32_t(s.thread("A"))) != w.holders.end());
    }

    void sharedOwnerUpgradeSelfDeadlocks()
    {
        auto r = exploreText(scenario(kResource, thread("A", call("ExAcquireResourceSharedLite") + "," + call("ExAcquireResourceExclusiveLite"))));
        CPPUNIT_ASSERT_EQUAL(size_t(1), countFindings(r, report::FindingKind::Deadlock));
        CPPUNIT_ASSERT_EQUAL(size_t(0), countFindings(r, report::FindingKind::ApiMisuse, "RECURSIVE_ACQUIRE"));
    }

    void noWaitReturnsFalse()
    {
        Sim s(scenario(kResource, thread("A", call("ExAcquireResourceExclusiveLite")) + "," +
                                      thread("B", call("ExAcquireResourceSharedLite", ", \"wait\": false"))));
        s.steps("A", 2);
        s.steps("B", 2);
        CPPUNIT_ASSERT(!s.waiting("B"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), s.local("B", "ok"));
        CPPUNIT_ASSERT_EQUAL(size_t(1), s.object(0).holders.size());
    }

    void exclusiveReleaseGrantsAllSharedWaitersFirst()
    {
        Sim s(scenario(kResource, thread("O", call("ExAcquireResourceExclusiveLite") + "," + rel()) + "," +
                                      thread("W", call("ExAcquireResourceExclusiveLite")) + "," +
                                      thread("R1", call("ExAcquireResourceSharedLite")) + "," +
                                      thread("R2", call("ExAcquireResourceSharedLite"))));
        s.steps("O", 2);
        s.steps("W", 2);
        s.steps("R1", 2);
        s.steps("R2", 2);
        const StepEffects& e = s.step("O");
        CPPUNIT_ASSERT_EQUAL(size_t(2), e.woken.size());
        CPPUNIT_ASSERT(!s.waiting("R1") && !s.waiting("R2") && s.waiting("W"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), s.local("R1", "ok"));
        CPPUNIT_ASSERT_EQUAL(kNoThread, s.object(0).owner);
    }

    void lastSharedReleaseGrantsOldestWriter()
    {
        Sim s(scenario(kResource, thread("A", call("ExAcquireResourceSharedLite") + "," + rel()) + "," +
                                      thread("W1", call("ExAcquireResourceExclusiveLite")) + "," +
                                      thread("W2", call("ExAcquireResourceExclusiveLite"))));
        s.steps("A", 2);
        s.steps("W1", 2);
        s.steps("W2", 2);
        s.step("A");
        CPPUNIT_ASSERT_EQUAL(int32_t(s.thread("W1")), s.object(0).owner);
        CPPUNIT_ASSERT(s.waiting("W2"));
    }

    void convertGrantsSharedWaiters()
    {
        Sim s(scenario(kResource, thread("O", call("ExAcquireResourceExclusiveLite") +
                                                  R"(, {"call": "ExConvertExclusiveToSharedLite", "resource": "R"})") + "," +
                                      thread("R1", call("ExAcquireResourceSharedLite"))));
        s.steps("O", 2);
        s.steps("R1", 2);
        s.step("O");
        CPPUNIT_ASSERT(!s.waiting("R1"));
        CPPUNIT_ASSERT_EQUAL(size_t(2), s.object(0).holders.size());
        CPPUNIT_ASSERT_EQUAL(kNoThread, s.object(0).owner);
    }

    void isAcquiredQueries()
    {
        Sim s(scenario(kResource, thread("O", call("ExAcquireResourceExclusiveLite") + "," + call("ExAcquireResourceSharedLite") +
                                                  R"(, {"call": "ExIsResourceAcquiredSharedLite", "resource": "R", "result": "n"})"
                                                  R"(, {"call": "ExIsResourceAcquiredExclusiveLite", "resource": "R", "result": "x"})")));
        s.steps("O", 5);
        CPPUNIT_ASSERT_EQUAL(int64_t(2), s.local("O", "n"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), s.local("O", "x"));
    }

    void releaseNotOwnedBugChecks()
    {
        Sim s(scenario(kResource, thread("A", rel())));
        s.step("A");
        const StepEffects& e = s.step("A");
        CPPUNIT_ASSERT(raised(e, "RELEASE_NOT_OWNED"));
        CPPUNIT_ASSERT(e.issues.front().message.find("0xE3") != std::string::npos);
        CPPUNIT_ASSERT(e.stop());
    }

    void releaseForAnotherOwnerThread()
    {
        Sim s(scenario(kResource, thread("A", call("ExAcquireResourceSharedLite")) + "," +
                                      thread("B", R"({"call": "ExReleaseResourceForThreadLite", "resource": "R", "thread": "A"})")));
        s.steps("A", 2);
        s.steps("B", 2);
        CPPUNIT_ASSERT(s.object(0).holders.empty());
        CPPUNIT_ASSERT(s.state("A").held.empty());
    }

    void deleteInUse()
    {
        Sim s(scenario(kResource, thread("A", call("ExAcquireResourceSharedLite")) + "," +
                                      thread("B", R"({"call": "ExDeleteResourceLite", "resource": "R"})")));
        s.steps("A", 2);
        s.step("B");
        const StepEffects& e = s.step("B");
        CPPUNIT_ASSERT(raised(e, "RESOURCE_DELETED_IN_USE"));
        CPPUNIT_ASSERT(e.stop());
    }

    void apcsEnabledIsVerifierOnly()
    {
        Sim s(scenario(kResource, "{\"name\": \"T\", \"body\": [" + call("ExAcquireResourceSharedLite") + "," + rel() + "]}"));
        CPPUNIT_ASSERT(raised(s.step("T"), "APCS_NOT_DISABLED"));
        const StepEffects& e = s.step("T");
        CPPUNIT_ASSERT(raised(e, "APCS_NOT_DISABLED"));
        CPPUNIT_ASSERT(!e.stop());
        CPPUNIT_ASSERT(e.issues.front().message.find("0x38") != std::string::npos);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(EresourceTest);
