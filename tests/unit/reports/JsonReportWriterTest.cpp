#include "GoldenFile.hpp"
#include "SampleReport.hpp"

#include "reports/JsonReportWriter.hpp"

#include <cppunit/extensions/HelperMacros.h>

namespace checker::report {
namespace {

using testing::sampleReport;

class JsonReportWriterTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(JsonReportWriterTest);
    CPPUNIT_TEST(matchesGoldenFile);
    CPPUNIT_TEST(sameReportSameBytes);
    CPPUNIT_TEST(keysFollowSchemaOrder);
    CPPUNIT_TEST(unsetValuesAreNull);
    CPPUNIT_TEST(graphOnlyWhenPresent);
    CPPUNIT_TEST(elapsedRoundedToMilliseconds);
    CPPUNIT_TEST(isValidJsonEndingWithNewline);
    CPPUNIT_TEST_SUITE_END();

    static Report canonicalSample()
    {
        Report report = sampleReport();
        canonicalize(report);
        return report;
    }

public:
    void matchesGoldenFile() { testing::checkGolden("report.json", JsonReportWriter().render(canonicalSample())); }

    void sameReportSameBytes()
    {
        const JsonReportWriter writer;
        CPPUNIT_ASSERT_EQUAL(writer.render(canonicalSample()), writer.render(canonicalSample()));
    }

    void keysFollowSchemaOrder()
    {
        const auto json = reportToJson(canonicalSample());
        std::vector<std::string> keys;
        for (const auto& item : json.items()) keys.push_back(item.key());
        const std::vector<std::string> expected = {"schema", "checker", "scenario", "options", "exploration",
                                                   "verdict", "findings", "outcomes", "expectations"};
        CPPUNIT_ASSERT(keys == expected);
        std::vector<std::string> findingKeys;
        for (const auto& item : json["findings"][0].items()) findingKeys.push_back(item.key());
        const std::vector<std::string> expectedFinding = {
            "id", "kind", "rule", "severity", "fingerprint", "message", "executions", "threads",
            "objects", "locations", "notes", "graph", "dot", "interleaving_dot", "witness"};
        CPPUNIT_ASSERT(findingKeys == expectedFinding);
    }

    void unsetValuesAreNull()
    {
        const auto json = reportToJson(canonicalSample());
        CPPUNIT_ASSERT(json["options"]["max_executions"].is_null());
        CPPUNIT_ASSERT(json["options"]["time_limit_s"].is_null());
        CPPUNIT_ASSERT(json["options"]["seed"].is_null());
        CPPUNIT_ASSERT_EQUAL(uint64_t(10000000), json["options"]["max_steps"].get<uint64_t>());
        CPPUNIT_ASSERT(json["exploration"]["stopped_by"].is_null());
        CPPUNIT_ASSERT(json["findings"][0]["rule"].is_null());
        CPPUNIT_ASSERT(json["findings"][0]["locations"][1]["line"].is_null());
        CPPUNIT_ASSERT_EQUAL(std::string("RELEASE_NOT_OWNED"), json["findings"][1]["rule"].get<std::string>());
        CPPUNIT_ASSERT(json["findings"][1]["dot"].is_null());
    }

    void graphOnlyWhenPresent()
    {
        const auto json = reportToJson(canonicalSample());
        CPPUNIT_ASSERT(json["findings"][0].contains("graph"));
        CPPUNIT_ASSERT_EQUAL(std::string("F1-deadlock.dot"), json["findings"][0]["dot"].get<std::string>());
        CPPUNIT_ASSERT(!json["findings"][1].contains("graph"));
    }

    void elapsedRoundedToMilliseconds()
    {
        Report report = canonicalSample();
        report.exploration.elapsedSeconds = 1.23456;
        CPPUNIT_ASSERT(JsonReportWriter().render(report).find("\"elapsed_s\": 1.235") != std::string::npos);
    }

    void isValidJsonEndingWithNewline()
    {
        const std::string text = JsonReportWriter().render(canonicalSample());
        CPPUNIT_ASSERT_EQUAL('\n', text.back());
        const auto parsed = nlohmann::json::parse(text);
        CPPUNIT_ASSERT(parsed == nlohmann::json::parse(reportToJson(canonicalSample()).dump()));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(JsonReportWriterTest);

}  // namespace
}  // namespace checker::report
