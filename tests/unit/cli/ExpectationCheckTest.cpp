#include "checker/cli/ExpectationCheck.hpp"
#include "checker/cli/ReportBuilder.hpp"

#include <cppunit/extensions/HelperMacros.h>

namespace checker::cli {
namespace {

using report::FindingKind;
using Kind = CountConstraint::Kind;

std::vector<report::Finding> findingsOf(std::initializer_list<FindingKind> kinds)
{
    std::vector<report::Finding> out;
    for (const FindingKind kind : kinds) {
        report::Finding finding;
        finding.kind = kind;
        finding.fingerprint = std::string(report::findingKindId(kind)) + ":" + std::to_string(out.size());
        out.push_back(finding);
    }
    return out;
}

Expectations expectFindings(std::map<std::string, CountConstraint> findings)
{
    Expectations expect;
    expect.present = true;
    expect.hasFindings = true;
    expect.findings = std::move(findings);
    return expect;
}

report::ExplorationStats stats(uint64_t executions, bool complete = true)
{
    report::ExplorationStats out;
    out.executions = executions;
    out.complete = complete;
    if (!complete) out.stoppedBy = "max_executions";
    return out;
}

using Mismatches = std::vector<std::string>;

class ExpectationCheckTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ExpectationCheckTest);
    CPPUNIT_TEST(exactCount);
    CPPUNIT_TEST(atLeast);
    CPPUNIT_TEST(atMost);
    CPPUNIT_TEST(anyCount);
    CPPUNIT_TEST(unnamedKindsMustBeZero);
    CPPUNIT_TEST(withoutFindingsOnlyOutcomeDivergenceIsAllowed);
    CPPUNIT_TEST(withoutExpectBlockNothingIsExpected);
    CPPUNIT_TEST(executionsCheckedOnlyWhenComplete);
    CPPUNIT_TEST(unknownKindIsAMismatch);
    CPPUNIT_TEST(mismatchesInKindOrder);
    CPPUNIT_TEST(reportBuilderChecksAndCanonicalizes);
    CPPUNIT_TEST_SUITE_END();

public:
    void exactCount()
    {
        const auto expect = expectFindings({{"deadlock", {Kind::Exact, 1}}});
        CPPUNIT_ASSERT(checkExpectations(expect, findingsOf({FindingKind::Deadlock}), stats(1)).met);
        const auto none = checkExpectations(expect, {}, stats(1));
        CPPUNIT_ASSERT(!none.met);
        CPPUNIT_ASSERT(none.mismatches == Mismatches{"deadlock: expected 1, found 0"});
        const auto two = checkExpectations(expect, findingsOf({FindingKind::Deadlock, FindingKind::Deadlock}), stats(1));
        CPPUNIT_ASSERT(two.mismatches == Mismatches{"deadlock: expected 1, found 2"});
    }

    void atLeast()
    {
        const auto expect = expectFindings({{"file_race", {Kind::AtLeast, 1}}});
        CPPUNIT_ASSERT(checkExpectations(expect, findingsOf({FindingKind::FileRace, FindingKind::FileRace}), stats(1)).met);
        CPPUNIT_ASSERT(checkExpectations(expect, {}, stats(1)).mismatches == Mismatches{"file_race: expected >=1, found 0"});
    }

    void atMost()
    {
        const auto expect = expectFindings({{"data_race", {Kind::AtMost, 1}}});
        CPPUNIT_ASSERT(checkExpectations(expect, {}, stats(1)).met);
        CPPUNIT_ASSERT(checkExpectations(expect, findingsOf({FindingKind::DataRace}), stats(1)).met);
        CPPUNIT_ASSERT(checkExpectations(expect, findingsOf({FindingKind::DataRace, FindingKind::DataRace}), stats(1))
                           .mismatches == Mismatches{"data_race: expected <=1, found 2"});
    }

    void anyCount()
    {
        const auto expect = expectFindings({{"lost_file", {Kind::Any, 0}}});
        CPPUNIT_ASSERT(checkExpectations(expect, {}, stats(1)).met);
        CPPUNIT_ASSERT(checkExpectations(expect, findingsOf({FindingKind::LostFile, FindingKind::LostFile}), stats(1)).met);
    }

    void unnamedKindsMustBeZero()
    {
        const auto expect = expectFindings({{"deadlock", {Kind::Exact, 0}}});
        const auto result = checkExpectations(expect, findingsOf({FindingKind::LostFile, FindingKind::OutcomeDivergence}), stats(1));
        CPPUNIT_ASSERT(result.checked);
        CPPUNIT_ASSERT(!result.met);
        CPPUNIT_ASSERT(result.mismatches ==
                       (Mismatches{"lost_file: expected 0, found 1", "outcome_divergence: expected 0, found 1"}));
    }

    void withoutFindingsOnlyOutcomeDivergenceIsAllowed()
    {
        Expectations expect;
        expect.present = true;
        CPPUNIT_ASSERT(checkExpectations(expect, findingsOf({FindingKind::OutcomeDivergence}), stats(1)).met);
        const auto result = checkExpectations(expect, findingsOf({FindingKind::ApiMisuse, FindingKind::OutcomeDivergence}), stats(1));
        CPPUNIT_ASSERT(result.mismatches == Mismatches{"api_misuse: expected 0, found 1"});
    }

    void withoutExpectBlockNothingIsExpected()
    {
        const Expectations none;
        const auto clean = checkExpectations(none, {}, stats(3));
        CPPUNIT_ASSERT(!clean.checked);
        CPPUNIT_ASSERT(clean.met);
        const auto divergence = checkExpectations(none, findingsOf({FindingKind::OutcomeDivergence}), stats(3));
        CPPUNIT_ASSERT(!divergence.checked);
        CPPUNIT_ASSERT(divergence.met);
        const auto found = checkExpectations(none, findingsOf({FindingKind::OutcomeDivergence, FindingKind::Deadlock}), stats(3));
        CPPUNIT_ASSERT(!found.met);
        CPPUNIT_ASSERT(found.mismatches == Mismatches{"deadlock: expected 0, found 1"});
    }

    void executionsCheckedOnlyWhenComplete()
    {
        Expectations expect;
        expect.present = true;
        expect.hasExecutions = true;
        expect.executions = 2;
        CPPUNIT_ASSERT(checkExpectations(expect, {}, stats(2)).met);
        CPPUNIT_ASSERT(checkExpectations(expect, {}, stats(3)).mismatches == Mismatches{"executions: expected 2, found 3"});
        const auto incomplete = checkExpectations(expect, {}, stats(1, false));
        CPPUNIT_ASSERT(incomplete.met);
        CPPUNIT_ASSERT(incomplete.mismatches.empty());
    }

    void unknownKindIsAMismatch()
    {
        const auto result = checkExpectations(expectFindings({{"deadlocks", {Kind::Any, 0}}}), {}, stats(1));
        CPPUNIT_ASSERT(result.mismatches == Mismatches{"deadlocks: not a finding kind"});
    }

    void mismatchesInKindOrder()
    {
        Expectations expect = expectFindings({{"runtime_error", {Kind::AtLeast, 1}}});
        expect.hasExecutions = true;
        expect.executions = 9;
        const auto result = checkExpectations(
            expect, findingsOf({FindingKind::Livelock, FindingKind::Deadlock, FindingKind::Livelock}), stats(1));
        CPPUNIT_ASSERT(result.mismatches == (Mismatches{"deadlock: expected 0, found 1", "livelock: expected 0, found 2",
                                                        "runtime_error: expected >=1, found 0",
                                                        "executions: expected 9, found 1"}));
    }

    void reportBuilderChecksAndCanonicalizes()
    {
        Program program;
        program.name = "lock_order";
        program.description = "demo";
        program.file = "scenarios/lock_order.json";
        program.params = {{"N", 3}};
        program.expect = expectFindings({{"deadlock", {Kind::Exact, 1}}});
        ExploreResult result;
        result.stats = stats(4);
        result.findings = findingsOf({FindingKind::Livelock, FindingKind::Deadlock});
        result.findings[1].graph = report::Graph{};
        result.outcomes = {{"d", 1, "s", {}}};
        const report::Report out = buildReport(program, report::RunOptions{}, result, "9.9.9");
        CPPUNIT_ASSERT_EQUAL(std::string("9.9.9"), out.checkerVersion);
        CPPUNIT_ASSERT_EQUAL(std::string("lock_order"), out.scenarioName);
        CPPUNIT_ASSERT_EQUAL(std::string("scenarios/lock_order.json"), out.scenarioFile);
        CPPUNIT_ASSERT_EQUAL(std::string("demo"), out.scenarioDescription);
        CPPUNIT_ASSERT_EQUAL(int64_t(3), out.params.at("N"));
        CPPUNIT_ASSERT_EQUAL(uint64_t(4), out.exploration.executions);
        CPPUNIT_ASSERT_EQUAL(uint64_t(1), out.exploration.distinctOutcomes);
        CPPUNIT_ASSERT(out.findings[0].kind == FindingKind::Deadlock);
        CPPUNIT_ASSERT_EQUAL(std::string("F1"), out.findings[0].id);
        CPPUNIT_ASSERT_EQUAL(std::string("F1-deadlock.dot"), out.findings[0].dotFile);
        CPPUNIT_ASSERT_EQUAL(std::string("F2"), out.findings[1].id);
        CPPUNIT_ASSERT(out.expectations.checked);
        CPPUNIT_ASSERT(out.expectations.mismatches == Mismatches{"livelock: expected 0, found 1"});
        CPPUNIT_ASSERT_EQUAL(std::string("fail"), out.verdict());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ExpectationCheckTest);

}  // namespace
}  // namespace checker::cli
