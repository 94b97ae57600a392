// KMUTEX rules (SEMANTICS.md §2, §8.4, §8.5).

#include "ModelTestSupport.hpp"

using namespace checker;
using namespace checker::test;

namespace {

const std::string kMutex = R"({"name": "M", "type": "KMUTEX"})";
const std::string kWait = R"({"call": "KeWaitForSingleObject", "object": "M", "status": "s"})";
const std::string kRelease = R"({"call": "KeReleaseMutex", "mutex": "M", "previous": "p"})";

std::string thread(const std::string& name, const std::string& calls)
{
    return "{\"name\": \"" + name + "\", \"body\": [" + calls + "]}";
}

}  // namespace

class KMutexTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(KMutexTest);
    CPPUNIT_TEST(recursionCountsAndReleaseReturnsPreviousState);
    CPPUNIT_TEST(ownershipDisablesNormalKernelApcs);
    CPPUNIT_TEST(finalReleaseHandsOffInFifoOrder);
    CPPUNIT_TEST(nonOwnerReleaseRaisesMutantNotOwned);
    CPPUNIT_TEST(ownerExitBugChecks);
    CPPUNIT_TEST(readStateShowsDepth);
    CPPUNIT_TEST_SUITE_END();

public:
    void recursionCountsAndReleaseReturnsPreviousState()
    {
        Sim s(scenario(kMutex, thread("T", kWait + "," + kWait + "," + kRelease + "," +
                                               R"({"call": "KeReleaseMutex", "mutex": "M", "previous": "q"})")));
        s.steps("T", 2);
        CPPUNIT_ASSERT_EQUAL(int64_t(-1), s.object(0).signal);
        s.step("T");
        CPPUNIT_ASSERT_EQUAL(int64_t(-1), s.local("T", "p"));
        s.step("T");
        CPPUNIT_ASSERT_EQUAL(int64_t(0), s.local("T", "q"));
        CPPUNIT_ASSERT_EQUAL(kNoThread, s.object(0).owner);
    }

    void ownershipDisablesNormalKernelApcs()
    {
        Sim s(scenario(kMutex, thread("T", kWait + "," + kRelease)));
        s.step("T");
        CPPUNIT_ASSERT_EQUAL(1, s.state("T").kernelApcDisable);
        s.step("T");
        CPPUNIT_ASSERT_EQUAL(0, s.state("T").kernelApcDisable);
    }

    void finalReleaseHandsOffInFifoOrder()
    {
        Sim s(scenario(kMutex, thread("O", kWait + "," + kRelease) + "," + thread("A", kWait) + "," + thread("B", kWait)));
        s.step("O");
        s.step("B");
        s.step("A");
        CPPUNIT_ASSERT(s.waiting("A") && s.waiting("B"));
        const StepEffects& e = s.step("O");
        CPPUNIT_ASSERT_EQUAL(size_t(1), e.woken.size());
        CPPUNIT_ASSERT_EQUAL(int32_t(s.thread("B")), s.object(0).owner);
        CPPUNIT_ASSERT_EQUAL(int64_t(0), s.local("B", "s"));
        CPPUNIT_ASSERT(s.waiting("A"));
        CPPUNIT_ASSERT_EQUAL(1, s.state("B").kernelApcDisable);
    }

    void nonOwnerReleaseRaisesMutantNotOwned()
    {
        Sim s(scenario(kMutex, thread("O", kWait) + "," + thread("X", kRelease)));
        s.step("O");
        const StepEffects& e = s.step("X");
        CPPUNIT_ASSERT(raised(e, "MUTEX_NOT_OWNED"));
        CPPUNIT_ASSERT(e.stop());
        CPPUNIT_ASSERT(e.issues.front().message.find("0xC0000046") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(int64_t(0), s.object(0).signal);  // state unchanged
    }

    void ownerExitBugChecks()
    {
        Sim s(scenario(kMutex, thread("T", kWait)));
        s.step("T");
        const StepEffects& e = s.step("T");
        CPPUNIT_ASSERT(raised(e, "THREAD_EXIT_HOLDING_LOCK"));
        CPPUNIT_ASSERT(e.stop());
        CPPUNIT_ASSERT(e.issues.front().message.find("0x4000008A") != std::string::npos);
    }

    void readStateShowsDepth()
    {
        Sim s(scenario(kMutex, thread("T", kWait + "," + kWait + R"(, {"call": "KeReadStateMutex", "mutex": "M", "result": "r"})")));
        s.steps("T", 3);
        CPPUNIT_ASSERT_EQUAL(int64_t(-1), s.local("T", "r"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(KMutexTest);
