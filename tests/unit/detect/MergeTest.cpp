// What a parallel worker collected over a subtree, merged into the explorer's collectors as
// though the explorer had seen those executions itself, after its own: counts add up, the
// witness stays the first execution's, new findings and outcomes come after the known ones.

#include "DetectTestSupport.hpp"

#include "checker/detect/FindingCollector.hpp"
#include "checker/detect/LockOrder.hpp"
#include "checker/detect/Outcomes.hpp"
#include "checker/exec/Interpreter.hpp"

using namespace checker;
using namespace checker::test;

namespace {

report::Finding finding(const std::string& fingerprint, uint32_t witnessThread)
{
    report::Finding f;
    f.fingerprint = fingerprint;
    f.message = fingerprint;
    f.witness.schedule = {report::ScheduleEntry{false, witnessThread}};
    return f;
}

// `executions` executions, each showing every finding of `fingerprints`.
void see(FindingCollector& c, const std::vector<std::string>& fingerprints, uint32_t witnessThread, int executions = 1)
{
    for (int i = 0; i < executions; ++i) {
        c.beginExecution();
        for (const auto& fp : fingerprints) c.add(finding(fp, witnessThread));
    }
}

}  // namespace

class MergeTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(MergeTest);
    CPPUNIT_TEST(findingsKeepTheFirstWitnessAndAddCounts);
    CPPUNIT_TEST(rewitnessOfAFindingRecordedEarlierIsKeptForTheMerge);
    CPPUNIT_TEST(outcomesAddCountsInDiscoveryOrder);
    CPPUNIT_TEST(lockOrderGraphsGrownApartMergeWhenNoCycleCloses);
    CPPUNIT_TEST_SUITE_END();

public:
    void findingsKeepTheFirstWitnessAndAddCounts()
    {
        FindingCollector earlier, later, all;
        see(earlier, {"a", "b"}, 1, 2);
        see(later, {"c", "a"}, 2, 3);
        see(all, {"a", "b"}, 1, 2);
        see(all, {"c", "a"}, 2, 3);
        earlier.merge(later);
        std::vector<report::Finding> merged = earlier.findings(), expected = all.findings();
        CPPUNIT_ASSERT_EQUAL(expected.size(), merged.size());
        for (size_t i = 0; i < merged.size(); ++i) {
            CPPUNIT_ASSERT_EQUAL(expected[i].fingerprint, merged[i].fingerprint);
            CPPUNIT_ASSERT_EQUAL(expected[i].executions, merged[i].executions);
            CPPUNIT_ASSERT_EQUAL(expected[i].witness.schedule[0].index, merged[i].witness.schedule[0].index);
        }
        CPPUNIT_ASSERT_EQUAL(uint64_t(5), merged[0].executions);   // a: 2 + 3, witness thread 1
        CPPUNIT_ASSERT_EQUAL(1u, merged[0].witness.schedule[0].index);
    }

    // An inversion closed from orders of several executions before the worker's subtree, and
    // completed (every order taken) in it: the worker's collector never recorded it, the
    // explorer's gets the better witness when it merges.
    void rewitnessOfAFindingRecordedEarlierIsKeptForTheMerge()
    {
        FindingCollector earlier, later;
        report::Finding partial = finding("inversion", 1);
        partial.notes.push_back(kOrdersOfSeveralExecutions);
        earlier.beginExecution();
        earlier.add(partial);
        see(later, {"other"}, 2);
        later.rewitness("inversion", {{report::ScheduleEntry{false, 7}}}, kOrdersOfSeveralExecutions);
        CPPUNIT_ASSERT_EQUAL(size_t(1), later.size());   // nothing recorded for it there
        earlier.merge(later);
        report::Finding merged = earlier.findings()[0];
        CPPUNIT_ASSERT_EQUAL(7u, merged.witness.schedule[0].index);
        CPPUNIT_ASSERT(merged.notes.empty());
    }

    void outcomesAddCountsInDiscoveryOrder()
    {
        Program p = loadScenarioText(R"({"scenario": "t", "globals": {"x": 0}, "threads": [{"name": "T", "body": []}]})",
                                     "t.json", LoadOptions{});
        StepEffects e;
        Interpreter interp(p);
        World zero, one, two;
        for (World* w : {&zero, &one, &two}) interp.init(*w, e);
        one.globals[0] = 1;
        two.globals[0] = 2;
        const std::vector<report::ScheduleEntry> first{{false, 1}}, second{{false, 2}};
        OutcomeTracker earlier, later;
        earlier.record(one, first);
        earlier.record(zero, first);
        later.record(two, second);
        later.record(one, second);
        later.record(one, second);
        earlier.merge(later);
        std::vector<report::Outcome> outcomes = earlier.outcomes();
        CPPUNIT_ASSERT_EQUAL(size_t(3), outcomes.size());
        CPPUNIT_ASSERT_EQUAL(std::string("x = 1"), outcomes[0].summary);
        CPPUNIT_ASSERT_EQUAL(uint64_t(3), outcomes[0].executions);
        CPPUNIT_ASSERT_EQUAL(1u, outcomes[0].witness.schedule[0].index);
        CPPUNIT_ASSERT_EQUAL(std::string("x = 0"), outcomes[1].summary);
        CPPUNIT_ASSERT_EQUAL(std::string("x = 2"), outcomes[2].summary);
        CPPUNIT_ASSERT_EQUAL(2u, outcomes[2].witness.schedule[0].index);
    }

    // A worker's graph and its explorer's, grown apart from one copy: merged, they hold both
    // edge sets (the explorer's labels where both took an edge); a merge that would close a
    // cycle (an inversion one thread would have found) is told apart.
    void lockOrderGraphsGrownApartMergeWhenNoCycleCloses()
    {
        Program p = loadScenarioText(R"({"scenario": "t",
            "objects": [{"name": "A", "type": "FAST_MUTEX"}, {"name": "B", "type": "FAST_MUTEX"},
                        {"name": "C", "type": "FAST_MUTEX"}],
            "threads": [{"name": "T", "body": [{"call": "ExAcquireFastMutex", "mutex": "A"}]},
                        {"name": "U", "body": [{"call": "ExAcquireFastMutex", "mutex": "B"}]}]})", "t.json", LoadOptions{});
        StepEffects e;
        Interpreter interp(p);
        World w;
        interp.init(w, e);
        auto take = [&w](LockOrderGraph& g, uint32_t thread, uint32_t first, uint32_t second) {
            w.threads[thread].held = {first, second};
            return g.onAcquire(w, LockAcquisition{int32_t(thread), second, 0});
        };
        const uint32_t A = 0, B = 1, C = 2;
        LockOrderGraph start;
        take(start, 0, A, B);
        LockOrderGraph explorer = start, worker = start;
        take(explorer, 0, B, C);
        take(worker, 1, A, C);
        take(worker, 1, B, C);   // also the explorer's: its label stays the explorer's
        CPPUNIT_ASSERT_EQUAL(uint64_t(0), explorer.inversionEvents() + worker.inversionEvents());
        CPPUNIT_ASSERT(explorer.mergeClosesNoCycle(worker));
        LockOrderGraph merged = explorer;
        merged.mergeEdges(worker);
        CPPUNIT_ASSERT_EQUAL(size_t(3), merged.edgeCount());
        // C -> B now closes B -> C -> B, reported with the explorer's label for B -> C.
        auto inversion = take(merged, 1, C, B);
        CPPUNIT_ASSERT(inversion);
        CPPUNIT_ASSERT_EQUAL(uint64_t(1), merged.inversionEvents());
        CPPUNIT_ASSERT_MESSAGE(inversion->message, inversion->message.find("T takes C while holding B") != std::string::npos);
        // A worker that took C -> A: merged with the explorer's B -> C, a cycle one thread finds.
        LockOrderGraph closing = start;
        take(closing, 1, C, A);
        CPPUNIT_ASSERT_EQUAL(uint64_t(0), closing.inversionEvents());
        CPPUNIT_ASSERT(!explorer.mergeClosesNoCycle(closing));
        CPPUNIT_ASSERT(start.mergeClosesNoCycle(closing));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(MergeTest);
