#include "GoldenFile.hpp"
#include "SampleReport.hpp"

#include "reports/FindingText.hpp"
#include "reports/TextReportWriter.hpp"

#include <cppunit/extensions/HelperMacros.h>

namespace checker::report {
namespace {

std::string renderSample(Report report)
{
    canonicalize(report);
    return TextReportWriter("out/lock_order/report.json").render(report);
}

// Asserts that every part occurs in `text`, in the given order.
void assertInOrder(const std::string& text, const std::vector<std::string>& parts)
{
    size_t at = 0;
    for (const std::string& part : parts) {
        const size_t found = text.find(part, at);
        CPPUNIT_ASSERT_MESSAGE("missing or out of order: " + part + "\nin:\n" + text, found != std::string::npos);
        at = found + part.size();
    }
}

class TextReportWriterTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TextReportWriterTest);
    CPPUNIT_TEST(matchesGoldenFile);
    CPPUNIT_TEST(headerThenFindingsThenVerdict);
    CPPUNIT_TEST(deadlockInLockdepShape);
    CPPUNIT_TEST(interleavingHasAColumnPerThread);
    CPPUNIT_TEST(legendNamesObjectsAndStatements);
    CPPUNIT_TEST(misuseSaysWhatTheRuleMeans);
    CPPUNIT_TEST(findingEndsWithReplayCommand);
    CPPUNIT_TEST(withoutTraceNoInterleaving);
    CPPUNIT_TEST(incompleteExplorationSaysWhy);
    CPPUNIT_TEST(cleanRun);
    CPPUNIT_TEST(unusualPathsAreQuotedForTheShell);
    CPPUNIT_TEST_SUITE_END();

public:
    void matchesGoldenFile() { testing::checkGolden("summary.txt", renderSample(testing::tracedSampleReport())); }

    void headerThenFindingsThenVerdict()
    {
        assertInOrder(renderSample(testing::sampleReport()),
                      {"scenario     lock_order (scenarios/lock_order.json)",
                       "two threads take two resources in opposite orders", "params       DELAY=-2 N=1000",
                       "exploration  complete, dpor: 7 executions, 0 blocked, 412345 steps, max depth 208011, 0.21 s",
                       "outcomes     2 distinct final states", "2 findings", "F1  DEADLOCK  (deadlock, error)",
                       "F2  LOCK RELEASED BY A NON-OWNER  (api_misuse RELEASE_NOT_OWNED, warning)",
                       "verdict      FAIL", "expectations not met", "\n             api_misuse: expected 0, found 1\n"});
    }

    void deadlockInLockdepShape()
    {
        assertInOrder(renderSample(testing::tracedSampleReport()),
                      {"=====\nF1  DEADLOCK  (deadlock, error)\n",
                       "FileMoveThread holds FileResource1 and waits for FileResource2", "  both threads run at PASSIVE_LEVEL\n",
                       "-----\n",
                       "FileMoveThread is trying to acquire FileResource2 (ERESOURCE, exclusive)\n"
                       "    at line 12  /threads/0/body/1  ExAcquireResourceExclusiveLite(FileResource2)\n"
                       "  but already holds FileResource1 (exclusive)\n",
                       "FileDeletionThread is trying to acquire FileResource1 (ERESOURCE, exclusive)\n"
                       "    at /threads/1/body/1  [take_first]\n"
                       "  but already holds FileResource2 (exclusive)\n",
                       "cycle:\n    FileMoveThread -> FileResource2 -> FileDeletionThread -> FileResource1 -> FileMoveThread\n",
                       "unsafe interleaving (witness of 11 steps):", " *** DEADLOCK ***\n"});
    }

    void interleavingHasAColumnPerThread()
    {
        const std::string text = renderSample(testing::tracedSampleReport());
        assertInOrder(text, {"          FileMoveThread                              FileDeletionThread\n",
                             "          --------------                              ------------------\n",
                             "     1    ExAcquireResourceExclu...(FileResource1)\n",
                             "     2                                                ExAcquireResourceExclu...(FileResource2)\n",
                             "   ...    (6 steps not shown)\n",
                             "     9                                                x = load <counter>\n",
                             "  wait    ExAcquireResourceExclu...(FileResource2)\n",
                             "  wait                                                ExAcquireResourceExclu...(FileResource1)\n"});
    }

    void legendNamesObjectsAndStatements()
    {
        assertInOrder(renderSample(testing::tracedSampleReport()),
                      {"legend:\n", "    FileResource1  ERESOURCE, exclusive\n", "    FileResource2  ERESOURCE\n",
                       "    line 11  /threads/0/body/0  ExAcquireResourceExclusiveLite(FileResource1)\n",
                       "    line 29  /threads/1/body/0  [take_first]  ExAcquireResourceExclusiveLite(FileResource2)\n",
                       "    line 12  /threads/0/body/1  ExAcquireResourceExclusiveLite(FileResource2)\n"});
    }

    void misuseSaysWhatTheRuleMeans()
    {
        assertInOrder(renderSample(testing::tracedSampleReport()),
                      {"F2  LOCK RELEASED BY A NON-OWNER", "FileDeletionThread releases FileResource1, which it does not own",
                       "A lock is released by a thread that does not hold it", "fix: Release only what this thread acquired",
                       "statement:\n    FileDeletionThread  at line 30  /threads/1/body/4  ExReleaseResourceLite(FileResource1)\n",
                       "interleaving (witness of 2 steps):", " *** LOCK RELEASED BY A NON-OWNER ***\n"});
    }

    void findingEndsWithReplayCommand()
    {
        assertInOrder(renderSample(testing::tracedSampleReport()),
                      {"F1  DEADLOCK", "seen in 3 executions; fingerprint deadlock:FileResource1,FileResource2:",
                       "graph:  out/lock_order/F1-deadlock.dot   (checker render out/lock_order/report.json --finding F1)\n",
                       "steps:  out/lock_order/F1-interleaving.dot\n",
                       "replay: checker replay out/lock_order/report.json --finding F1\n", "F2",
                       "replay: checker replay out/lock_order/report.json --finding F2\n"});
    }

    void withoutTraceNoInterleaving()
    {
        const std::string text = renderSample(testing::sampleReport());
        CPPUNIT_ASSERT(text.find("interleaving") == std::string::npos);
        CPPUNIT_ASSERT(text.find("steps:") == std::string::npos);
    }

    void incompleteExplorationSaysWhy()
    {
        Report report = testing::sampleReport();
        report.exploration.complete = false;
        report.exploration.stoppedBy = "max_executions";
        report.exploration.executions = 1;
        assertInOrder(renderSample(report), {"exploration  INCOMPLETE (stopped by max_executions), dpor: 1 execution,"});
    }

    void cleanRun()
    {
        Report report = testing::sampleReport();
        report.findings.clear();
        report.expectations = {};
        const std::string text = renderSample(report);
        assertInOrder(text, {"no findings", "verdict      PASS"});
        CPPUNIT_ASSERT(text.find("expectations") == std::string::npos);
    }

    void unusualPathsAreQuotedForTheShell()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("out/x/report.json"), shellWord("out/x/report.json"));
        CPPUNIT_ASSERT_EQUAL(std::string("'my out/report.json'"), shellWord("my out/report.json"));
        CPPUNIT_ASSERT_EQUAL(std::string("'it'\\''s'"), shellWord("it's"));
        Report report = testing::tracedSampleReport();
        canonicalize(report);
        const std::string text = TextReportWriter("my out/report.json").render(report);
        assertInOrder(text, {"replay: checker replay 'my out/report.json' --finding F1"});
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TextReportWriterTest);

}  // namespace
}  // namespace checker::report
