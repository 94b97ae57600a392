#include "SampleReport.hpp"

#include "reports/JsonReportWriter.hpp"
#include "reports/ReportError.hpp"
#include "reports/ReportReader.hpp"

#include <cppunit/extensions/HelperMacros.h>

namespace checker::report {
namespace {

nlohmann::json sampleJson()
{
    Report report = testing::sampleReport();
    canonicalize(report);
    return nlohmann::json::parse(JsonReportWriter().render(report));
}

template <typename F>
std::string errorOf(F&& action)
{
    try {
        action();
    } catch (const ReportError& error) {
        return error.what();
    }
    return "no error";
}

class ReportReaderTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ReportReaderTest);
    CPPUNIT_TEST(witnessRoundTrips);
    CPPUNIT_TEST(replayTargetReadsScenarioAndFinding);
    CPPUNIT_TEST(firstFindingByDefault);
    CPPUNIT_TEST(unknownFindingListsKnownIds);
    CPPUNIT_TEST(noFindings);
    CPPUNIT_TEST(wrongSchema);
    CPPUNIT_TEST(stepsMustMatchSchedule);
    CPPUNIT_TEST(missingAndMistypedFields);
    CPPUNIT_TEST(notJson);
    CPPUNIT_TEST(drawingsOfFindings);
    CPPUNIT_TEST_SUITE_END();

public:
    void witnessRoundTrips()
    {
        const Witness witness = readWitnessFromReport(sampleJson(), "F1");
        CPPUNIT_ASSERT(witness.schedule == testing::deadlockFinding().witness.schedule);
        CPPUNIT_ASSERT(readWitnessFromReport(sampleJson(), "F2").schedule == testing::misuseFinding().witness.schedule);
    }

    void replayTargetReadsScenarioAndFinding()
    {
        const ReplayTarget target = readReplayTarget(sampleJson(), std::string("F2"), "r.json");
        CPPUNIT_ASSERT_EQUAL(std::string("lock_order"), target.scenarioName);
        CPPUNIT_ASSERT_EQUAL(std::string("scenarios/lock_order.json"), target.scenarioFile);
        CPPUNIT_ASSERT_EQUAL(size_t(2), target.params.size());
        CPPUNIT_ASSERT_EQUAL(int64_t(-2), target.params.at("DELAY"));
        CPPUNIT_ASSERT(target.maxSteps == uint64_t(10000000));
        CPPUNIT_ASSERT_EQUAL(std::string("F2"), target.finding.id);
        CPPUNIT_ASSERT(target.finding.kind == FindingKind::ApiMisuse);
        CPPUNIT_ASSERT_EQUAL(std::string("RELEASE_NOT_OWNED"), target.finding.rule);
        CPPUNIT_ASSERT_EQUAL(testing::misuseFinding().fingerprint, target.finding.fingerprint);
    }

    void firstFindingByDefault()
    {
        const ReplayTarget target = readReplayTarget(sampleJson(), std::nullopt, "r.json");
        CPPUNIT_ASSERT_EQUAL(std::string("F1"), target.finding.id);
        CPPUNIT_ASSERT(target.finding.kind == FindingKind::Deadlock);
    }

    void unknownFindingListsKnownIds()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("r.json: /findings: no finding with id F9 (the report has: F1, F2)"),
                             errorOf([] { readWitnessFromReport(sampleJson(), "F9", "r.json"); }));
    }

    void noFindings()
    {
        nlohmann::json json = sampleJson();
        json["findings"] = nlohmann::json::array();
        CPPUNIT_ASSERT_EQUAL(std::string("r.json: /findings: the report has no findings to replay"),
                             errorOf([&] { readReplayTarget(json, std::nullopt, "r.json"); }));
    }

    void wrongSchema()
    {
        nlohmann::json json = sampleJson();
        json["schema"] = 2;
        CPPUNIT_ASSERT(errorOf([&] { readWitnessFromReport(json, "F1", "r.json"); })
                           .find("r.json: /schema: unsupported report schema") == 0);
    }

    void stepsMustMatchSchedule()
    {
        nlohmann::json json = sampleJson();
        json["findings"][0]["witness"]["steps"] = 3;
        CPPUNIT_ASSERT_EQUAL(std::string("r.json: /findings/0/witness/steps: expected the schedule's length, 11"),
                             errorOf([&] { readWitnessFromReport(json, "F1", "r.json"); }));
    }

    void missingAndMistypedFields()
    {
        nlohmann::json json = sampleJson();
        json["findings"][1].erase("witness");
        CPPUNIT_ASSERT_EQUAL(std::string("r.json: /findings/1/witness: missing"),
                             errorOf([&] { readWitnessFromReport(json, "F2", "r.json"); }));
        json = sampleJson();
        json["scenario"]["params"]["N"] = "many";
        CPPUNIT_ASSERT_EQUAL(std::string("r.json: /scenario/params/N: expected an integer"),
                             errorOf([&] { readReplayTarget(json, std::nullopt, "r.json"); }));
        json = sampleJson();
        json["findings"][0]["kind"] = "bogus";
        CPPUNIT_ASSERT_EQUAL(std::string("r.json: /findings/0/kind: unknown finding kind \"bogus\""),
                             errorOf([&] { readReplayTarget(json, std::nullopt, "r.json"); }));
        CPPUNIT_ASSERT_EQUAL(std::string("r.json: /: expected an object"),
                             errorOf([&] { readReplayTarget(nlohmann::json::array(), std::nullopt, "r.json"); }));
    }

    void notJson()
    {
        CPPUNIT_ASSERT(errorOf([] { parseReportText("{\"schema\": ", "r.json"); }).find("r.json: not a JSON report") == 0);
    }

    void drawingsOfFindings()
    {
        Report report = testing::tracedSampleReport();
        canonicalize(report);
        nlohmann::json json = nlohmann::json::parse(JsonReportWriter().render(report));
        const FindingDrawings first = readFindingDrawings(json, std::nullopt, false, "r.json");
        CPPUNIT_ASSERT_EQUAL(std::string("F1"), first.id);
        CPPUNIT_ASSERT_EQUAL(std::string("F1-deadlock.dot"), first.graphDot);
        CPPUNIT_ASSERT_EQUAL(std::string("F1-interleaving.dot"), first.interleavingDot);
        const FindingDrawings misuse = readFindingDrawings(json, std::string("F2"), true, "r.json");
        CPPUNIT_ASSERT(misuse.kind == FindingKind::ApiMisuse);
        CPPUNIT_ASSERT(misuse.graphDot.empty());
        CPPUNIT_ASSERT_EQUAL(std::string("F2-interleaving.dot"), misuse.interleavingDot);
        json["findings"][0]["dot"] = "../../etc/passwd";
        CPPUNIT_ASSERT_THROW(readFindingDrawings(json, std::nullopt, false, "r.json"), ReportError);
        json["findings"][0]["dot"] = nullptr;
        try {
            readFindingDrawings(json, std::nullopt, false, "r.json");
            CPPUNIT_FAIL("expected a ReportError");
        } catch (const ReportError& error) {
            CPPUNIT_ASSERT(std::string(error.what()).find("r.json: /findings: no finding has a graph") == 0);
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ReportReaderTest);

}  // namespace
}  // namespace checker::report
