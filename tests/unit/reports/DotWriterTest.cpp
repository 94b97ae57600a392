#include "GoldenFile.hpp"
#include "SampleReport.hpp"

#include "reports/DotWriter.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <stdexcept>

namespace checker::report {
namespace {

Finding canonicalDeadlock()
{
    Report report = testing::sampleReport();
    canonicalize(report);
    return report.findings[0];
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

class DotWriterTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(DotWriterTest);
    CPPUNIT_TEST(matchesGoldenFile);
    CPPUNIT_TEST(shapesByNodeType);
    CPPUNIT_TEST(cycleEdgesAreBoldRed);
    CPPUNIT_TEST(idsAreQuotedAndEscaped);
    CPPUNIT_TEST(nodesBeforeEdgesInGraphOrder);
    CPPUNIT_TEST(refusesFindingWithoutGraph);
    CPPUNIT_TEST_SUITE_END();

public:
    void matchesGoldenFile() { testing::checkGolden("F1-deadlock.dot", DotWriter().render(canonicalDeadlock())); }

    void shapesByNodeType()
    {
        const std::string dot = DotWriter().render(canonicalDeadlock());
        CPPUNIT_ASSERT(contains(dot, "\"FileMoveThread\" [shape=ellipse, label=\"FileMoveThread\""));
        CPPUNIT_ASSERT(contains(dot, "\"FileResource1\" [shape=box, label=\"FileResource1\\nERESOURCE\\nexclusive\""));
        CPPUNIT_ASSERT(contains(dot, "[shape=note"));
        Finding finding = canonicalDeadlock();
        finding.graph->nodes[0].detail = "ExAcquireResourceExclusiveLite(FileResource2)";
        CPPUNIT_ASSERT(contains(DotWriter().render(finding),
                                "[shape=ellipse, label=\"FileMoveThread\\nExAcquireResourceExclusiveLite(FileResource2)\""));
    }

    void cycleEdgesAreBoldRed()
    {
        const std::string dot = DotWriter().render(canonicalDeadlock());
        CPPUNIT_ASSERT(contains(dot, "\"FileMoveThread\" -> \"FileResource2\" [label=\"waits exclusive\", color=\"red\""));
        CPPUNIT_ASSERT(contains(dot, "\"FileResource1\" -> \"FileMoveThread\" [label=\"held exclusive by\", color=\"red\""));
        CPPUNIT_ASSERT(contains(dot, "[label=\"opened by\", color=\"grey40\""));
    }

    void idsAreQuotedAndEscaped()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("\"C:\\\\Temp\\\\a \\\"b\\\".txt\""), dotQuoted("C:\\Temp\\a \"b\".txt"));
        CPPUNIT_ASSERT_EQUAL(std::string("\"a\\nb\""), dotQuoted("a\nb"));
        const std::string dot = DotWriter().render(canonicalDeadlock());
        CPPUNIT_ASSERT(contains(dot, "-> \"C:\\\\Temp\\\\a \\\"b\\\".txt\""));
    }

    void nodesBeforeEdgesInGraphOrder()
    {
        const std::string dot = DotWriter().render(canonicalDeadlock());
        const size_t firstNode = dot.find("\"FileMoveThread\" [");
        const size_t lastNode = dot.find("\"C:\\\\Temp");
        const size_t firstEdge = dot.find("\"FileResource1\" -> \"FileMoveThread\"");
        const size_t secondEdge = dot.find("\"FileMoveThread\" -> \"FileResource2\"");
        CPPUNIT_ASSERT(firstNode < lastNode && lastNode < firstEdge && firstEdge < secondEdge);
        CPPUNIT_ASSERT(dot.rfind("}\n") == dot.size() - 2);
    }

    void refusesFindingWithoutGraph()
    {
        CPPUNIT_ASSERT_THROW(DotWriter().render(testing::misuseFinding()), std::invalid_argument);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(DotWriterTest);

}  // namespace
}  // namespace checker::report
