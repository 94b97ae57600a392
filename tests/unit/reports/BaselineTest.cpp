#include "reports/Baseline.hpp"
#include "reports/ReportError.hpp"

#include <cppunit/extensions/HelperMacros.h>

namespace checker::report {
namespace {

class BaselineTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(BaselineTest);
    CPPUNIT_TEST(sortedWithoutDuplicates);
    CPPUNIT_TEST(roundTrips);
    CPPUNIT_TEST(lookups);
    CPPUNIT_TEST(malformedFilesNameThePointer);
    CPPUNIT_TEST_SUITE_END();

    static Baseline sample()
    {
        return Baseline({{"b", "deadlock", "deadlock:A,B", "msg"},
                         {"a", "api_misuse", "api_misuse:X", ""},
                         {"b", "deadlock", "deadlock:A,B", "other message"}});
    }

public:
    void sortedWithoutDuplicates()
    {
        const Baseline baseline = sample();
        CPPUNIT_ASSERT_EQUAL(size_t(2), baseline.entries().size());
        CPPUNIT_ASSERT_EQUAL(std::string("a"), baseline.entries()[0].scenario);
    }

    void roundTrips()
    {
        const std::string text = renderBaseline(sample());
        CPPUNIT_ASSERT(text.rfind("{\n  \"checker_baseline\": 1,", 0) == 0);
        const Baseline back = parseBaseline(text, "b.json");
        CPPUNIT_ASSERT_EQUAL(text, renderBaseline(back));
        CPPUNIT_ASSERT_EQUAL(std::string("msg"), back.entries()[1].message);
    }

    void lookups()
    {
        const Baseline baseline = sample();
        CPPUNIT_ASSERT(baseline.contains("b", "deadlock:A,B"));
        CPPUNIT_ASSERT(!baseline.contains("a", "deadlock:A,B"));
        CPPUNIT_ASSERT_EQUAL(size_t(1), baseline.entriesOf("a").size());
        CPPUNIT_ASSERT(baseline.entriesOf("c").empty());
    }

    void malformedFilesNameThePointer()
    {
        auto errorOf = [](const std::string& text) {
            try {
                parseBaseline(text, "b.json");
            } catch (const ReportError& error) {
                return std::string(error.what());
            }
            return std::string("no error");
        };
        CPPUNIT_ASSERT(errorOf("{").rfind("b.json: not a baseline file", 0) == 0);
        CPPUNIT_ASSERT(errorOf("{\"schema\": 1}").rfind("b.json: /checker_baseline: missing", 0) == 0);
        CPPUNIT_ASSERT(errorOf("{\"checker_baseline\": 2, \"findings\": []}").rfind("b.json: /checker_baseline: unsupported", 0) == 0);
        CPPUNIT_ASSERT_EQUAL(std::string("b.json: /findings/0/fingerprint: missing"),
                             errorOf("{\"checker_baseline\": 1, \"findings\": [{\"scenario\": \"a\", \"kind\": \"deadlock\"}]}"));
        CPPUNIT_ASSERT_EQUAL(std::string("b.json: /findings/0/kind: expected a string"),
                             errorOf("{\"checker_baseline\": 1, \"findings\": [{\"scenario\": \"a\", \"kind\": 3}]}"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(BaselineTest);

}  // namespace
}  // namespace checker::report
