// The explorer runs one execution per Mazurkiewicz trace of the classic benchmarks, the published
// counts (../shared/benchmarks/README.md): no trace is skipped and none explored twice. Races
// whose reversal a sleeping actor covers are dropped before their sequence is built when that
// actor takes its first event; dropping one it does not cover would lose traces here.

#include "checker/explore/Explorer.hpp"
#include "checker/scenario/ScenarioLoader.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <string>

using namespace checker;

namespace {

uint64_t executionsOf(const std::string& path, int64_t n)
{
    LoadOptions load;
    load.paramOverrides = {{"N", n}};
    Program program = loadScenarioFile(std::string(CHECKER_SOURCE_ROOT) + "/" + path, load);
    return explore(program, ExploreOptions{}).stats.executions;
}

}  // namespace

class TraceCountTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TraceCountTest);
    CPPUNIT_TEST(readersHasTwoToTheNTraces);
    CPPUNIT_TEST(lastzeroHasThePublishedCounts);
    CPPUNIT_TEST_SUITE_END();

public:
    void readersHasTwoToTheNTraces()
    {
        CPPUNIT_ASSERT_EQUAL(uint64_t(64), executionsOf("scenarios/benchmarks/readers.json", 6));
    }

    void lastzeroHasThePublishedCounts()
    {
        CPPUNIT_ASSERT_EQUAL(uint64_t(64), executionsOf("scenarios/benchmarks/lastzero.json", 5));
        CPPUNIT_ASSERT_EQUAL(uint64_t(704), executionsOf("scenarios/benchmarks/lastzero.json", 8));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TraceCountTest);
