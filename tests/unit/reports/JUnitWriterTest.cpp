#include "reports/JUnitWriter.hpp"

#include <cppunit/extensions/HelperMacros.h>

namespace checker::report {
namespace {

class JUnitWriterTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(JUnitWriterTest);
    CPPUNIT_TEST(oneTestCasePerScenario);
    CPPUNIT_TEST(escapesXml);
    CPPUNIT_TEST_SUITE_END();

public:
    void oneTestCasePerScenario()
    {
        const std::vector<TestCaseResult> cases = {
            {"lock_order", "scenarios/lock_order.json", true, {}, 7, 0.5},
            {"lost_file", "scenarios/lost_file.json", false, {"lost_file: expected 0, found 1", "executions: expected 2, found 3"}, 3, 0.25}};
        const std::string xml = JUnitWriter().render(cases);
        CPPUNIT_ASSERT(xml.find("<testsuite name=\"checker\" tests=\"2\" failures=\"1\" errors=\"0\" time=\"0.750\">") !=
                       std::string::npos);
        CPPUNIT_ASSERT(xml.find("name=\"lock_order\" file=\"scenarios/lock_order.json\" time=\"0.500\"/>") !=
                       std::string::npos);
        CPPUNIT_ASSERT(xml.find("<failure message=\"lost_file: expected 0, found 1\" type=\"expectations\">"
                                "lost_file: expected 0, found 1\nexecutions: expected 2, found 3\n</failure>") !=
                       std::string::npos);
    }

    void escapesXml()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("a&amp;b&lt;c&gt;&quot;d&apos;e"), xmlEscaped("a&b<c>\"d'e"));
        CPPUNIT_ASSERT_EQUAL(std::string("ab\n"), xmlEscaped(std::string("a\x01") + "b\n"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(JUnitWriterTest);

}  // namespace
}  // namespace checker::report
