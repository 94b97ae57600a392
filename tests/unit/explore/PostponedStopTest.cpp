// A step that stops the execution (a bug check, a failed assertion) is postponed so the other
// actors are tried first — only those that could run before it (found by the fuzzer: a pulse
// that woke the waiter and then failed an assertion made DPOR schedule the waiter before the
// pulse, where it was still waiting).

#include "checker/explore/Explorer.hpp"
#include "checker/scenario/ScenarioLoader.hpp"

#include <cppunit/extensions/HelperMacros.h>

using namespace checker;

class PostponedStopTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PostponedStopTest);
    CPPUNIT_TEST(stepThatWakesAThreadAndStops);
    CPPUNIT_TEST_SUITE_END();

public:
    void stepThatWakesAThreadAndStops()
    {
        Program program = loadScenarioFile(std::string(CHECKER_SOURCE_ROOT) +
                                               "/tests/fuzz/regressions/pulse_wakes_then_assert_stops.json",
                                           LoadOptions{});
        ExploreResult r = explore(program, ExploreOptions{});
        CPPUNIT_ASSERT(r.stats.complete);
        // The waiter waits first (the pulse wakes it, then the assertion stops), or the pulse
        // comes first (lost, the assertion stops): two executions, both stopped by the assertion.
        CPPUNIT_ASSERT_EQUAL(uint64_t(2), r.stats.executions);
        CPPUNIT_ASSERT_EQUAL(uint64_t(0), r.stats.blockedExecutions);
        CPPUNIT_ASSERT_EQUAL(size_t(1), r.findings.size());
        CPPUNIT_ASSERT(r.findings[0].kind == report::FindingKind::AssertionFailure);
        CPPUNIT_ASSERT_EQUAL(uint64_t(2), r.findings[0].executions);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PostponedStopTest);
