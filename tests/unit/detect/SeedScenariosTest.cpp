// The seed programs of scenarios/seeds/, explored exhaustively at small sizes: what each one
// finds and which final states it reaches (the full-size runs are in the gate and the report).

#include "DetectTestSupport.hpp"

using namespace checker;
using namespace checker::test;
using report::FindingKind;

namespace {

using Params = std::vector<std::pair<std::string, int64_t>>;

std::string outcomesOf(const ExploreResult& r)
{
    std::vector<std::string> all;
    for (const auto& o : r.outcomes) all.push_back(o.summary);
    std::sort(all.begin(), all.end());
    std::string out;
    for (const auto& s : all) out += s + "\n";
    return out;
}

}  // namespace

class SeedScenariosTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SeedScenariosTest);
    CPPUNIT_TEST(raceLosesAnySubsetButCorruptsNothing);
    CPPUNIT_TEST(lockFixesLoseEverythingWhenTheMoverWins);
    CPPUNIT_TEST(eresourceFixAlsoBreaksTheApcRule);
    CPPUNIT_TEST(sharedReaderWritesItsReadme);
    CPPUNIT_TEST(eventSeedAlwaysDeadlocks);
    CPPUNIT_TEST(lockOrderSeedDeadlocksSometimes);
    CPPUNIT_TEST_SUITE_END();

public:
    void raceLosesAnySubsetButCorruptsNothing()
    {
        ExploreResult r = exploreFile("scenarios/seeds/race.json", Params{{"N", 2}, {"WRITES", 2}});
        CPPUNIT_ASSERT(r.stats.complete);
        CPPUNIT_ASSERT_EQUAL(uint64_t(0), r.stats.blockedExecutions);
        // Each file: not yet created, still open, or moved (3^N), times where the unload returns.
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), uint64_t(36), r.stats.executions);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(outcomesOf(r),
            std::string("C:\\Temp: 0 files; C:\\Temp2: 2 files (NewFile_0.txt, NewFile_1.txt)\n"
                        "C:\\Temp: 1 file (file_0.txt); C:\\Temp2: 1 file (NewFile_1.txt)\n"
                        "C:\\Temp: 1 file (file_1.txt); C:\\Temp2: 1 file (NewFile_0.txt)\n"
                        "C:\\Temp: 2 files (file_0.txt, file_1.txt); C:\\Temp2: 0 files\n"),
            outcomesOf(r));
        CPPUNIT_ASSERT_EQUAL(size_t(2), countKind(r, FindingKind::FileRace));
        CPPUNIT_ASSERT_EQUAL(size_t(1), countKind(r, FindingKind::LostFile));
        CPPUNIT_ASSERT_EQUAL(size_t(1), countKind(r, FindingKind::UnexpectedFile));
        CPPUNIT_ASSERT_EQUAL(size_t(0), countKind(r, FindingKind::FileContent));
        CPPUNIT_ASSERT_EQUAL(size_t(0), countKind(r, FindingKind::DataRace));
        CPPUNIT_ASSERT_EQUAL(size_t(1), countRule(r, "UNLOAD_WITH_RUNNING_THREADS"));
    }

    void lockFixesLoseEverythingWhenTheMoverWins()
    {
        for (const char* seed : {"scenarios/seeds/pushlock_fix.json", "scenarios/seeds/kmutex_fix.json"}) {
            ExploreResult r = exploreFile(seed, Params{{"N", 3}, {"WRITES", 2}});
            CPPUNIT_ASSERT(r.stats.complete);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(seed + describe(r),
                std::string("C:\\Temp: 0 files; C:\\Temp2: 3 files (NewFile_0.txt, NewFile_1.txt, NewFile_2.txt)\n"
                            "C:\\Temp: 3 files (file_0.txt, file_1.txt, file_2.txt); C:\\Temp2: 0 files\n"),
                outcomesOf(r));
            CPPUNIT_ASSERT_EQUAL(size_t(0), countKind(r, FindingKind::FileRace));
            CPPUNIT_ASSERT_EQUAL(size_t(1), countKind(r, FindingKind::LostFile));
            CPPUNIT_ASSERT_EQUAL(size_t(1), countKind(r, FindingKind::UnexpectedFile));
            CPPUNIT_ASSERT_EQUAL(size_t(0), countKind(r, FindingKind::FileContent));
            CPPUNIT_ASSERT_EQUAL(size_t(0), countRule(r, "APCS_NOT_DISABLED"));
            CPPUNIT_ASSERT_EQUAL(size_t(1), countRule(r, "UNLOAD_WITH_RUNNING_THREADS"));
            CPPUNIT_ASSERT_EQUAL(uint64_t(16), r.stats.executions);
        }
    }

    void eresourceFixAlsoBreaksTheApcRule()
    {
        ExploreResult r = exploreFile("scenarios/seeds/eresource_fix.json", Params{{"N", 2}, {"WRITES", 1}});
        CPPUNIT_ASSERT(r.stats.complete);
        CPPUNIT_ASSERT_EQUAL(size_t(2), r.outcomes.size());
        CPPUNIT_ASSERT_EQUAL(size_t(0), countKind(r, FindingKind::FileRace));
        CPPUNIT_ASSERT_EQUAL(size_t(1), countKind(r, FindingKind::LostFile));
        CPPUNIT_ASSERT_EQUAL(size_t(4), countRule(r, "APCS_NOT_DISABLED"));
        CPPUNIT_ASSERT_EQUAL(size_t(1), countRule(r, "RESOURCE_DELETED_IN_USE"));
    }

    void sharedReaderWritesItsReadme()
    {
        ExploreResult r = exploreFile("scenarios/seeds/eresource_shared_reader.json", Params{{"N", 2}, {"WRITES", 1}});
        CPPUNIT_ASSERT(r.stats.complete);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(outcomesOf(r),
            std::string("C:\\Temp: 0 files; C:\\Temp2: 3 files (NewFile_0.txt, NewFile_1.txt, README.txt)\n"
                        "C:\\Temp: 2 files (file_0.txt, file_1.txt); C:\\Temp2: 1 file (README.txt)\n"),
            outcomesOf(r));
        CPPUNIT_ASSERT_EQUAL(size_t(0), countKind(r, FindingKind::FileRace));
        CPPUNIT_ASSERT_EQUAL(size_t(0), countKind(r, FindingKind::DataRace));
        CPPUNIT_ASSERT_EQUAL(size_t(6), countRule(r, "APCS_NOT_DISABLED"));
    }

    void eventSeedAlwaysDeadlocks()
    {
        ExploreResult r = exploreFile("scenarios/seeds/event_deadlock.json", Params{{"N", 2}, {"WRITES", 1}});
        CPPUNIT_ASSERT_EQUAL(uint64_t(2), r.stats.executions);
        CPPUNIT_ASSERT_EQUAL(size_t(1), countKind(r, FindingKind::Deadlock));
        CPPUNIT_ASSERT(r.outcomes.empty());  // no execution completes
        CPPUNIT_ASSERT_EQUAL(size_t(0), countKind(r, FindingKind::LostFile));
        const report::Finding* d = firstOf(r, FindingKind::Deadlock);
        CPPUNIT_ASSERT(d->message.find("FileCreationEvent") != std::string::npos);
    }

    void lockOrderSeedDeadlocksSometimes()
    {
        ExploreResult r = exploreFile("scenarios/seeds/lock_order.json", Params{{"N", 2}, {"WRITES", 1}});
        CPPUNIT_ASSERT(r.stats.complete);
        CPPUNIT_ASSERT_EQUAL(size_t(1), countKind(r, FindingKind::Deadlock));
        CPPUNIT_ASSERT_EQUAL(size_t(1), countKind(r, FindingKind::LockOrderInversion));
        const report::Finding* d = firstOf(r, FindingKind::Deadlock);
        CPPUNIT_ASSERT(d->graph.has_value());
        CPPUNIT_ASSERT(!d->graph->cycle.empty());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(outcomesOf(r),
            std::string("C:\\Temp: 0 files; C:\\Temp2: 0 files\n"
                        "C:\\Temp: 0 files; C:\\Temp2: 2 files (NewFile_0.txt, NewFile_1.txt)\n"
                        "C:\\Temp: 2 files (file_0.txt, file_1.txt); C:\\Temp2: 0 files\n"),
            outcomesOf(r));
        CPPUNIT_ASSERT_EQUAL(size_t(2), countKind(r, FindingKind::UnexpectedFile));
        CPPUNIT_ASSERT_EQUAL(size_t(0), countKind(r, FindingKind::FileRace));
        CPPUNIT_ASSERT_EQUAL(size_t(0), countKind(r, FindingKind::FileContent));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SeedScenariosTest);
