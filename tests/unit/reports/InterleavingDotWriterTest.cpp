#include "GoldenFile.hpp"
#include "SampleReport.hpp"

#include "reports/InterleavingDotWriter.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <stdexcept>

namespace checker::report {
namespace {

Finding canonicalTracedDeadlock()
{
    Report report = testing::tracedSampleReport();
    canonicalize(report);
    return report.findings[0];
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

class InterleavingDotWriterTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(InterleavingDotWriterTest);
    CPPUNIT_TEST(matchesGoldenFile);
    CPPUNIT_TEST(threadsAreColumnsInOrderOfFirstStep);
    CPPUNIT_TEST(rowsFollowTheWitness);
    CPPUNIT_TEST(blockedAttemptsAreRedAndFindingStatementsBold);
    CPPUNIT_TEST(textIsEscaped);
    CPPUNIT_TEST(refusesFindingWithoutTrace);
    CPPUNIT_TEST_SUITE_END();

public:
    void matchesGoldenFile()
    {
        testing::checkGolden("F1-interleaving.dot", InterleavingDotWriter().render(canonicalTracedDeadlock()));
    }

    void threadsAreColumnsInOrderOfFirstStep()
    {
        const std::string dot = InterleavingDotWriter().render(canonicalTracedDeadlock());
        CPPUNIT_ASSERT(contains(dot, "<TR><TD BGCOLOR=\"grey90\"><B>step</B></TD><TD BGCOLOR=\"grey90\"><B>FileMoveThread</B></TD>"
                                     "<TD BGCOLOR=\"grey90\"><B>FileDeletionThread</B></TD></TR>"));
        CPPUNIT_ASSERT(contains(dot, "digraph \"F1-interleaving\" {"));
    }

    void rowsFollowTheWitness()
    {
        const std::string dot = InterleavingDotWriter().render(canonicalTracedDeadlock());
        const size_t first = dot.find("<TD ALIGN=\"RIGHT\">1</TD>");
        const size_t skipped = dot.find("6 steps not shown");
        const size_t ninth = dot.find("<TD ALIGN=\"RIGHT\">9</TD><TD></TD><TD ALIGN=\"LEFT\">x = load &lt;counter&gt;");
        const size_t ending = dot.find("*** DEADLOCK ***");
        CPPUNIT_ASSERT(first != std::string::npos && first < skipped && skipped < ninth && ninth < ending);
    }

    void blockedAttemptsAreRedAndFindingStatementsBold()
    {
        const std::string dot = InterleavingDotWriter().render(canonicalTracedDeadlock());
        CPPUNIT_ASSERT(contains(dot, "<TD ALIGN=\"RIGHT\"><FONT COLOR=\"red\">wait</FONT></TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"red\">"
                                     "<B>ExAcquireResourceExclusiveLite(FileResource2)</B>"));
        CPPUNIT_ASSERT(contains(dot, "<B>ExAcquireResourceExclusiveLite(FileResource1)</B>"));
    }

    void textIsEscaped()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("a &amp; b &lt;c&gt; &quot;d&quot;<BR/>e"), htmlEscaped("a & b <c> \"d\"\r\ne"));
        const std::string dot = InterleavingDotWriter().render(canonicalTracedDeadlock());
        CPPUNIT_ASSERT(contains(dot, "store counter = x + 1 &amp; &quot;big&quot;"));
    }

    void refusesFindingWithoutTrace()
    {
        CPPUNIT_ASSERT_THROW(InterleavingDotWriter().render(testing::misuseFinding()), std::invalid_argument);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(InterleavingDotWriterTest);

}  // namespace
}  // namespace checker::report
