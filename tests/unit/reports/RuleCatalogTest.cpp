#include "SampleReport.hpp"

#include "reports/RuleCatalog.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <set>

namespace checker::report {
namespace {

class RuleCatalogTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RuleCatalogTest);
    CPPUNIT_TEST(everyKindHasItsOwnEntry);
    CPPUNIT_TEST(misuseRulesAreUniqueAndComplete);
    CPPUNIT_TEST(findingsFindTheirRule);
    CPPUNIT_TEST_SUITE_END();

public:
    void everyKindHasItsOwnEntry()
    {
        for (size_t k = 0; k < size_t(FindingKind::Count_); ++k) {
            const RuleInfo& info = kindInfo(FindingKind(k));
            CPPUNIT_ASSERT_EQUAL(std::string(findingKindId(FindingKind(k))), std::string(info.id));
            CPPUNIT_ASSERT(!info.name.empty() && !info.title.empty() && !info.summary.empty() && !info.fix.empty());
        }
    }

    void misuseRulesAreUniqueAndComplete()
    {
        std::set<std::string_view> ids;
        for (const RuleInfo& rule : misuseRules()) {
            CPPUNIT_ASSERT(ids.insert(rule.id).second);
            CPPUNIT_ASSERT(!rule.summary.empty() && !rule.fix.empty());
        }
        // SCENARIO_FORMAT.md "Finding kinds" names these.
        for (const char* id : {"RELEASE_NOT_OWNED", "RECURSIVE_ACQUIRE", "APCS_NOT_DISABLED", "THREAD_EXIT_HOLDING_LOCK",
                               "HANDLE_LEAK", "INVALID_HANDLE", "RESOURCE_DELETED_IN_USE", "WAIT_AT_DISPATCH_LEVEL",
                               "UNLOAD_WITH_RUNNING_THREADS", "SEMAPHORE_LIMIT_EXCEEDED", "MUTEX_NOT_OWNED"})
            CPPUNIT_ASSERT_MESSAGE(id, misuseRule(id) != nullptr);
        CPPUNIT_ASSERT(misuseRule("NO_SUCH_RULE") == nullptr);
    }

    void findingsFindTheirRule()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("RELEASE_NOT_OWNED"), std::string(ruleOf(testing::misuseFinding()).id));
        CPPUNIT_ASSERT_EQUAL(std::string("deadlock"), std::string(ruleOf(testing::deadlockFinding()).id));
        Finding unknown = testing::misuseFinding();
        unknown.rule = "NO_SUCH_RULE";
        CPPUNIT_ASSERT_EQUAL(std::string("api_misuse"), std::string(ruleOf(unknown).id));
        CPPUNIT_ASSERT_EQUAL(std::string("api_misuse/NO_SUCH_RULE"), sarifRuleId(unknown));
        CPPUNIT_ASSERT_EQUAL(std::string("deadlock"), sarifRuleId(testing::deadlockFinding()));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RuleCatalogTest);

}  // namespace
}  // namespace checker::report
