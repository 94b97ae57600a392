#include "SampleReport.hpp"

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
    CPPUNIT_TEST(headerThenFindingsThenVerdict);
    CPPUNIT_TEST(deadlockShowsLockdepCycle);
    CPPUNIT_TEST(findingShowsStatementsAndReplayCommand);
    CPPUNIT_TEST(incompleteExplorationSaysWhy);
    CPPUNIT_TEST(cleanRun);
    CPPUNIT_TEST(unusualPathsAreQuotedForTheShell);
    CPPUNIT_TEST_SUITE_END();

public:
    void headerThenFindingsThenVerdict()
    {
        assertInOrder(renderSample(testing::sampleReport()),
                      {"scenario     lock_order (scenarios/lock_order.json)",
                       "two threads take two resources in opposite orders", "params       DELAY=-2 N=1000",
                       "exploration  complete, dpor: 7 executions, 0 blocked, 412345 steps, max depth 208011, 0.21 s",
                       "outcomes     2 distinct final states", "2 findings", "F1  deadlock", "F2  api_misuse RELEASE_NOT_OWNED  [warning]",
                       "verdict      FAIL", "expectations not met", "\n             api_misuse: expected 0, found 1\n"});
    }

    void deadlockShowsLockdepCycle()
    {
        assertInOrder(renderSample(testing::sampleReport()),
                      {"F1  deadlock  [error]  *** DEADLOCK ***",
                       "FileMoveThread holds FileResource1 and waits for FileResource2",
                       "cycle        FileMoveThread -> FileResource2 -> FileDeletionThread -> FileResource1 -> FileMoveThread",
                       "FileResource1  held exclusive by  FileMoveThread", "FileMoveThread  waits exclusive  FileResource2"});
    }

    void findingShowsStatementsAndReplayCommand()
    {
        assertInOrder(renderSample(testing::sampleReport()),
                      {"F1  deadlock", "threads      FileMoveThread, FileDeletionThread",
                       "objects      FileResource1, FileResource2", "statements",
                       "FileMoveThread  /threads/0/body/1  line 12  ExAcquireResourceExclusiveLite(FileResource2)",
                       "FileDeletionThread  /threads/1/body/1  [take_first]", "seen in      3 executions; witness of 11 steps",
                       "graph        out/lock_order/F1-deadlock.dot",
                       "replay       checker replay out/lock_order/report.json --finding F1", "F2",
                       "replay       checker replay out/lock_order/report.json --finding F2"});
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
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TextReportWriterTest);

}  // namespace
}  // namespace checker::report
