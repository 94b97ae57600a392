#include "SampleReport.hpp"

#include "reports/Report.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <set>

namespace checker::report {
namespace {

class ReportTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ReportTest);
    CPPUNIT_TEST(kindIdsRoundTrip);
    CPPUNIT_TEST(kindIdsMatchScenarioFormat);
    CPPUNIT_TEST(severityIds);
    CPPUNIT_TEST(canonicalizeSortsAndNumbers);
    CPPUNIT_TEST(canonicalizeNamesDotFilesOnlyForGraphs);
    CPPUNIT_TEST(canonicalizeLimitsOutcomes);
    CPPUNIT_TEST(verdictFollowsExpectations);
    CPPUNIT_TEST_SUITE_END();

public:
    void kindIdsRoundTrip()
    {
        std::set<std::string> seen;
        for (size_t i = 0; i < size_t(FindingKind::Count_); ++i) {
            const auto kind = FindingKind(i);
            const std::string id = findingKindId(kind);
            CPPUNIT_ASSERT(seen.insert(id).second);
            CPPUNIT_ASSERT(findingKindFromId(id) == kind);
        }
        CPPUNIT_ASSERT(!findingKindFromId("Deadlock"));
        CPPUNIT_ASSERT(!findingKindFromId(""));
    }

    void kindIdsMatchScenarioFormat()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("deadlock"), std::string(findingKindId(FindingKind::Deadlock)));
        CPPUNIT_ASSERT_EQUAL(std::string("lock_order_inversion"),
                             std::string(findingKindId(FindingKind::LockOrderInversion)));
        CPPUNIT_ASSERT_EQUAL(std::string("outcome_divergence"),
                             std::string(findingKindId(FindingKind::OutcomeDivergence)));
        CPPUNIT_ASSERT_EQUAL(std::string("runtime_error"), std::string(findingKindId(FindingKind::RuntimeError)));
    }

    void severityIds()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("error"), std::string(severityId(Severity::Error)));
        CPPUNIT_ASSERT_EQUAL(std::string("warning"), std::string(severityId(Severity::Warning)));
        CPPUNIT_ASSERT_EQUAL(std::string("note"), std::string(severityId(Severity::Note)));
    }

    void canonicalizeSortsAndNumbers()
    {
        Report report = testing::sampleReport();
        Finding second = testing::deadlockFinding();
        second.fingerprint = "deadlock:A";
        report.findings.push_back(second);
        canonicalize(report);
        CPPUNIT_ASSERT_EQUAL(size_t(3), report.findings.size());
        CPPUNIT_ASSERT_EQUAL(std::string("deadlock:A"), report.findings[0].fingerprint);
        CPPUNIT_ASSERT(report.findings[1].kind == FindingKind::Deadlock);
        CPPUNIT_ASSERT(report.findings[2].kind == FindingKind::ApiMisuse);
        for (size_t i = 0; i < 3; ++i)
            CPPUNIT_ASSERT_EQUAL("F" + std::to_string(i + 1), report.findings[i].id);
    }

    void canonicalizeNamesDotFilesOnlyForGraphs()
    {
        Report report = testing::sampleReport();
        report.findings[0].dotFile = "stale.dot";
        canonicalize(report);
        CPPUNIT_ASSERT_EQUAL(std::string("F1-deadlock.dot"), report.findings[0].dotFile);
        CPPUNIT_ASSERT_EQUAL(std::string(), report.findings[1].dotFile);
    }

    void canonicalizeLimitsOutcomes()
    {
        Report report;
        for (int i = 0; i < 20; ++i) report.outcomes.push_back({"d" + std::to_string(100 + i), uint64_t(i % 3), "", {}});
        canonicalize(report);
        CPPUNIT_ASSERT_EQUAL(kMaxListedOutcomes, report.outcomes.size());
        CPPUNIT_ASSERT_EQUAL(uint64_t(20), report.exploration.distinctOutcomes);
        CPPUNIT_ASSERT_EQUAL(std::string("d102"), report.outcomes[0].digest);
        CPPUNIT_ASSERT_EQUAL(std::string("d105"), report.outcomes[1].digest);
        for (size_t i = 1; i < report.outcomes.size(); ++i)
            CPPUNIT_ASSERT(report.outcomes[i - 1].executions >= report.outcomes[i].executions);
    }

    void verdictFollowsExpectations()
    {
        Report report;
        CPPUNIT_ASSERT_EQUAL(std::string("pass"), report.verdict());
        Finding divergence;
        divergence.kind = FindingKind::OutcomeDivergence;
        report.findings.push_back(divergence);
        CPPUNIT_ASSERT_EQUAL(std::string("pass"), report.verdict());  // not a bug without an expect block
        report.findings.push_back(testing::misuseFinding());
        CPPUNIT_ASSERT_EQUAL(std::string("fail"), report.verdict());
        report.expectations = {true, true, {}};
        CPPUNIT_ASSERT_EQUAL(std::string("pass"), report.verdict());
        report.expectations = {true, false, {"executions: expected 2, found 3"}};
        report.findings.clear();
        CPPUNIT_ASSERT_EQUAL(std::string("fail"), report.verdict());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ReportTest);

}  // namespace
}  // namespace checker::report
