// data_race and file_race findings (SEMANTICS.md Part A.7): which orderings happens-before knows
// (locks, hand-offs, events, thread creation and end, atomics), which it must not invent
// (thread creations among themselves, file calls), and how findings are deduplicated.

#include "DetectTestSupport.hpp"

#include "checker/detect/RacesFinder.hpp"

using namespace checker;
using namespace checker::test;
using report::FindingKind;

namespace {

std::string twoThreads(const std::string& a, const std::string& b, const std::string& extra = "")
{
    return R"({"scenario": "t", "globals": {"x": 0, "flag": 0}, )" + extra +
           R"("threads": [{"name": "A", "body": )" + a + R"(}, {"name": "B", "body": )" + b + "}]}";
}

}  // namespace

class RacesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RacesTest);
    CPPUNIT_TEST(plainConflictingAccessesRace);
    CPPUNIT_TEST(readsDoNotRace);
    CPPUNIT_TEST(atomicAccessesDoNotRace);
    CPPUNIT_TEST(atomicAndPlainAccessesRace);
    CPPUNIT_TEST(fastMutexOrdersTheSections);
    CPPUNIT_TEST(kmutexHandOffOrdersTheWaiter);
    CPPUNIT_TEST(eventSetOrdersTheWait);
    CPPUNIT_TEST(sharedHoldersAreNotOrderedAmongThemselves);
    CPPUNIT_TEST(interlockedPublishesEarlierStores);
    CPPUNIT_TEST(creationOrdersTheNewThreadAndEndOrdersTheWaiter);
    CPPUNIT_TEST(creationsDoNotOrderTheCreators);
    CPPUNIT_TEST(apcBodyDoesNotRaceWithItsThread);
    CPPUNIT_TEST(fileCallsRaceWhenUnordered);
    CPPUNIT_TEST(fileCallsDoNotSynchronize);
    CPPUNIT_TEST(writesToAFileCommuteWithItsRename);
    CPPUNIT_TEST(closesDoNotRaceWithEachOther);
    CPPUNIT_TEST(samePairIsOneFindingCounted);
    CPPUNIT_TEST(witnessReplaysTheRace);
    CPPUNIT_TEST(onlyProgramsWithAPlainAccessOrAFileCallAreWatched);
    CPPUNIT_TEST(aPlainAccessInAnApcOrTheUnloadRoutineIsWatched);
    CPPUNIT_TEST(eachCallHasItsRulesKind);
    CPPUNIT_TEST(aRaceWithRepeatedWritesIsWithTheLatest);
    CPPUNIT_TEST_SUITE_END();

public:
    void plainConflictingAccessesRace()
    {
        ExploreResult r = exploreText(twoThreads(R"([{"store": "x", "value": 1}])", R"([{"load": "v", "from": "x"}])"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(1), countKind(r, FindingKind::DataRace));
        const report::Finding* f = firstOf(r, FindingKind::DataRace);
        CPPUNIT_ASSERT_EQUAL(size_t(2), f->locations.size());
        CPPUNIT_ASSERT_EQUAL(std::string("x"), f->objects.at(0));
        CPPUNIT_ASSERT(!f->witness.schedule.empty());
    }

    void readsDoNotRace()
    {
        ExploreResult r = exploreText(twoThreads(R"([{"load": "v", "from": "x"}])", R"([{"load": "v", "from": "x"}])"));
        CPPUNIT_ASSERT_EQUAL(size_t(0), countKind(r, FindingKind::DataRace));
    }

    void atomicAccessesDoNotRace()
    {
        ExploreResult r = exploreText(twoThreads(
            R"([{"store": "x", "value": 1, "atomic": true}, {"call": "InterlockedIncrement", "target": "x"}])",
            R"([{"load": "v", "from": "x", "atomic": true}, {"call": "InterlockedExchange", "target": "x", "value": 3}])"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(0), countKind(r, FindingKind::DataRace));
    }

    void atomicAndPlainAccessesRace()
    {
        ExploreResult r = exploreText(twoThreads(R"([{"call": "InterlockedIncrement", "target": "x"}])",
                                                 R"([{"load": "v", "from": "x"}])"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(1), countKind(r, FindingKind::DataRace));
    }

    void fastMutexOrdersTheSections()
    {
        std::string body = R"([{"call": "ExAcquireFastMutex", "mutex": "M"}, {"load": "v", "from": "x"},
                                {"store": "x", "value": "v + 1"}, {"call": "ExReleaseFastMutex", "mutex": "M"}])";
        ExploreResult r = exploreText(twoThreads(body, body, R"("objects": [{"name": "M", "type": "FAST_MUTEX"}],)"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(0), countKind(r, FindingKind::DataRace));
    }

    void kmutexHandOffOrdersTheWaiter()
    {
        std::string body = R"([{"call": "KeWaitForSingleObject", "object": "M"}, {"load": "v", "from": "x"},
                                {"store": "x", "value": "v + 1"}, {"call": "KeReleaseMutex", "mutex": "M"}])";
        ExploreResult r = exploreText(twoThreads(body, body, R"("objects": [{"name": "M", "type": "KMUTEX"}],)"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(0), countKind(r, FindingKind::DataRace));
    }

    void eventSetOrdersTheWait()
    {
        std::string extra = R"("objects": [{"name": "E", "type": "KEVENT", "event_type": "SynchronizationEvent"}],)";
        ExploreResult r = exploreText(twoThreads(R"([{"store": "x", "value": 1}, {"call": "KeSetEvent", "event": "E"}])",
                                                 R"([{"call": "KeWaitForSingleObject", "object": "E"}, {"load": "v", "from": "x"}])",
                                                 extra));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(0), countKind(r, FindingKind::DataRace));
        ExploreResult late = exploreText(twoThreads(R"([{"call": "KeSetEvent", "event": "E"}, {"store": "x", "value": 1}])",
                                                    R"([{"call": "KeWaitForSingleObject", "object": "E"}, {"load": "v", "from": "x"}])",
                                                    extra));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(late), size_t(1), countKind(late, FindingKind::DataRace));
    }

    // A shared release orders only later exclusive acquires: two shared holders writing race.
    void sharedHoldersAreNotOrderedAmongThemselves()
    {
        std::string extra = R"("objects": [{"name": "R", "type": "ERESOURCE"}],)";
        std::string shared = R"([{"call": "KeEnterCriticalRegion"}, {"call": "ExAcquireResourceSharedLite", "resource": "R"},
                                 {"store": "x", "value": 1}, {"call": "ExReleaseResourceLite", "resource": "R"},
                                 {"call": "KeLeaveCriticalRegion"}])";
        std::string exclusive = R"([{"call": "KeEnterCriticalRegion"}, {"call": "ExAcquireResourceExclusiveLite", "resource": "R"},
                                    {"store": "x", "value": 2}, {"call": "ExReleaseResourceLite", "resource": "R"},
                                    {"call": "KeLeaveCriticalRegion"}])";
        ExploreResult both = exploreText(twoThreads(shared, shared, extra));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(both), size_t(1), countKind(both, FindingKind::DataRace));
        ExploreResult mixed = exploreText(twoThreads(shared, exclusive, extra));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(mixed), size_t(0), countKind(mixed, FindingKind::DataRace));
    }

    void interlockedPublishesEarlierStores()
    {
        ExploreResult r = exploreText(twoThreads(
            R"([{"store": "x", "value": 1}, {"call": "InterlockedExchange", "target": "flag", "value": 1}])",
            R"([{"call": "InterlockedCompareExchange", "target": "flag", "exchange": 2, "comparand": 1, "result": "old"},
                {"assume": "old == 1"}, {"load": "v", "from": "x"}])"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(0), countKind(r, FindingKind::DataRace));
    }

    void creationOrdersTheNewThreadAndEndOrdersTheWaiter()
    {
        ExploreResult r = exploreText(R"({"scenario": "t", "globals": {"x": 0},
            "threads": [
              {"name": "Parent", "body": [{"store": "x", "value": 1}, {"call": "PsCreateSystemThread", "start": "Child"},
                                          {"call": "KeWaitForSingleObject", "thread": "Child[0]"}, {"load": "v", "from": "x"}]},
              {"name": "Child", "autostart": false, "body": [{"load": "v", "from": "x"}, {"store": "x", "value": "v + 1"}]}]})");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(0), countKind(r, FindingKind::DataRace));
    }

    // Decision (SEMANTICS is silent): PsCreateSystemThread orders the new thread after its
    // creator, but two creators are not ordered by creating threads (the thread table's
    // internal lock is not the driver's synchronization).
    void creationsDoNotOrderTheCreators()
    {
        ExploreResult r = exploreText(R"({"scenario": "t", "globals": {"x": 0},
            "threads": [
              {"name": "A", "body": [{"store": "x", "value": 1}, {"call": "PsCreateSystemThread", "start": "W"}]},
              {"name": "B", "body": [{"call": "PsCreateSystemThread", "start": "W"}, {"load": "v", "from": "x"}]},
              {"name": "W", "autostart": false, "body": []}]})");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(1), countKind(r, FindingKind::DataRace));
    }

    // An APC runs on its target thread: its accesses are that thread's own, never a race with it.
    void apcBodyDoesNotRaceWithItsThread()
    {
        ExploreResult r = exploreText(R"({"scenario": "t", "globals": {"x": 0},
            "threads": [{"name": "W", "body": [{"store": "x", "value": 1}, {"load": "v", "from": "x"}]}],
            "apcs": [{"name": "Apc", "target": "W", "body": [{"store": "x", "value": 2}]}]})");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(0), countKind(r, FindingKind::DataRace));
    }

    void fileCallsRaceWhenUnordered()
    {
        std::string fsDecl = R"("filesystem": {"directories": ["C:\\Temp"]},)";
        std::string create = R"([{"call": "ZwCreateFile", "path": "C:\\Temp\\a.txt", "access": "GENERIC_WRITE", "share": 0,
                                  "disposition": "FILE_OPEN_IF", "handle": "h", "status": "s"},
                                 {"if": "NT_SUCCESS(s) ", "then": [{"call": "ZwClose", "handle": "h"}]}])";
        ExploreResult r = exploreText(twoThreads(create, create, fsDecl));
        CPPUNIT_ASSERT_MESSAGE(describe(r), countKind(r, FindingKind::FileRace) >= 1);
        CPPUNIT_ASSERT_EQUAL(size_t(0), countKind(r, FindingKind::DataRace));
        std::string ordered = R"("objects": [{"name": "E", "type": "KEVENT", "event_type": "NotificationEvent"}],)" + fsDecl;
        std::string first = create.substr(0, create.size() - 1) + R"(, {"call": "KeSetEvent", "event": "E"}])";
        std::string second = R"([{"call": "KeWaitForSingleObject", "object": "E"}, )" + create.substr(1);
        ExploreResult o = exploreText(twoThreads(first, second, ordered));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(o), size_t(0), countKind(o, FindingKind::FileRace));
    }

    // File calls create no happens-before: a plain store "published" by creating a file is still
    // a data race with the reader that found the file.
    void fileCallsDoNotSynchronize()
    {
        ExploreResult r = exploreText(twoThreads(
            R"([{"store": "x", "value": 1}, {"call": "ZwCreateFile", "path": "C:\\Temp\\flag", "access": "GENERIC_WRITE",
                 "share": 7, "disposition": "FILE_CREATE", "handle": "h"}, {"call": "ZwClose", "handle": "h"}])",
            R"([{"call": "ZwOpenFile", "path": "C:\\Temp\\flag", "access": "GENERIC_READ", "share": 7, "handle": "h", "status": "s"},
                {"assume": "NT_SUCCESS(s) "}, {"load": "v", "from": "x"}, {"call": "ZwClose", "handle": "h"}])",
            R"("filesystem": {"directories": ["C:\\Temp"]},)"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(1), countKind(r, FindingKind::DataRace));
    }

    // Once both have the file open (B opens after A, ordered by an event), A's writes and close
    // and B's rename and close commute: data vs namespace, and compatible share modes. The only
    // choice left is whether B's wait finds the event set: 2 executions, no race.
    void writesToAFileCommuteWithItsRename()
    {
        ExploreResult r = exploreText(twoThreads(
            R"([{"call": "ZwOpenFile", "path": "C:\\Temp\\a.txt", "access": "GENERIC_WRITE", "share": 7, "handle": "h"},
                {"call": "KeSetEvent", "event": "E"},
                {"call": "ZwWriteFile", "handle": "h", "data": "x"}, {"call": "ZwWriteFile", "handle": "h", "data": "y"},
                {"call": "ZwClose", "handle": "h"}])",
            R"([{"call": "KeWaitForSingleObject", "object": "E"},
                {"call": "ZwOpenFile", "path": "C:\\Temp\\a.txt", "access": "DELETE | SYNCHRONIZE", "share": 7, "handle": "h"},
                {"call": "ZwSetInformationFile", "handle": "h", "class": "FileRenameInformation", "target": "C:\\Temp\\b.txt",
                 "replace_if_exists": false}, {"call": "ZwClose", "handle": "h"}])",
            R"("objects": [{"name": "E", "type": "KEVENT", "event_type": "NotificationEvent"}],
               "filesystem": {"directories": ["C:\\Temp"], "files": [{"path": "C:\\Temp\\a.txt", "content": ""}]},)"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(0), r.findings.size());
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), uint64_t(2), r.stats.executions);
    }

    // Decision: two ZwClose calls of the same file never race (each gives back its own handle;
    // the state after both is the same in either order). The explorer still tries both orders
    // of two closes of handles that use the same right (a footprint cannot tell a close that
    // commutes with another close from one that could let a refused open through).
    void closesDoNotRaceWithEachOther()
    {
        std::string reader = R"([{"call": "ZwOpenFile", "path": "C:\\Temp\\a.txt", "access": "GENERIC_READ", "share": 7,
                                  "handle": "h"}, {"call": "ZwClose", "handle": "h"}])";
        ExploreResult r = exploreText(twoThreads(reader, reader,
            R"("filesystem": {"directories": ["C:\\Temp"], "files": [{"path": "C:\\Temp\\a.txt", "content": ""}]},)"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(0), countKind(r, FindingKind::FileRace));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), uint64_t(2), r.stats.executions);
    }

    void samePairIsOneFindingCounted()
    {
        ExploreResult r = exploreText(twoThreads(
            R"([{"for": "i", "from": 0, "below": 3, "do": [{"store": "x", "value": "i"}]}])",
            R"([{"load": "v", "from": "x"}])"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(1), countKind(r, FindingKind::DataRace));
        const report::Finding* f = firstOf(r, FindingKind::DataRace);
        CPPUNIT_ASSERT_EQUAL(r.stats.executions, f->executions);
    }

    void witnessReplaysTheRace()
    {
        std::string json = twoThreads(R"([{"store": "x", "value": 1}])", R"([{"load": "v", "from": "x"}])");
        Program program = loadScenarioText(json, "test.json", LoadOptions{});
        ExploreResult r = explore(program, ExploreOptions{});
        const report::Finding* f = firstOf(r, FindingKind::DataRace);
        CPPUNIT_ASSERT(f);
        ReplayResult replayed = replay(program, f->witness, ExploreOptions{});
        CPPUNIT_ASSERT(replayed.scheduleValid);
        bool same = std::any_of(replayed.findings.begin(), replayed.findings.end(),
                                [&](const report::Finding& g) { return g.fingerprint == f->fingerprint; });
        CPPUNIT_ASSERT(same);
    }

    // The finder skips every step of a program in which no step can race (RacesFinder.hpp):
    // atomics, interlocked calls and synchronization alone. One plain access, or one file call,
    // anywhere, and it watches again.
    void onlyProgramsWithAPlainAccessOrAFileCallAreWatched()
    {
        auto racy = [](const std::string& a, const std::string& b, const std::string& extra = "") {
            return RacesFinder::anyRacyStep(loadScenarioText(twoThreads(a, b, extra), "test.json", LoadOptions{}));
        };
        const std::string atomics = R"([{"store": "x", "value": 1, "atomic": true}, {"load": "v", "from": "x", "atomic": true},
                                        {"call": "InterlockedIncrement", "target": "flag"}, {"yield": true}])";
        CPPUNIT_ASSERT(!racy(atomics, atomics));
        CPPUNIT_ASSERT(racy(atomics, R"([{"load": "v", "from": "x"}])"));
        CPPUNIT_ASSERT(racy(atomics, R"([{"store": "flag", "value": 2}])"));
        CPPUNIT_ASSERT(racy(atomics, R"([{"call": "ZwClose", "handle": 4}])"));
        CPPUNIT_ASSERT(racy(atomics, R"([{"call": "ZwDeleteFile", "path": "C:\\Temp\\a.txt"}])",
                            R"("filesystem": {"directories": ["C:\\Temp"]},)"));
        // Skipping changes nothing where nothing could race: the atomics above, explored.
        ExploreResult r = exploreText(twoThreads(atomics, atomics));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(0), countKind(r, FindingKind::DataRace));
    }

    void aPlainAccessInAnApcOrTheUnloadRoutineIsWatched()
    {
        const std::string threads = R"("threads": [{"name": "W", "body": [{"store": "x", "value": 1, "atomic": true}]}])";
        auto racy = [](const std::string& json) {
            return RacesFinder::anyRacyStep(loadScenarioText(json, "test.json", LoadOptions{}));
        };
        CPPUNIT_ASSERT(!racy(R"({"scenario": "t", "globals": {"x": 0}, )" + threads + "}"));
        CPPUNIT_ASSERT(racy(R"({"scenario": "t", "globals": {"x": 0}, )" + threads +
                            R"(, "apcs": [{"name": "Apc", "target": "W", "body": [{"store": "x", "value": 2}]}]})"));
        CPPUNIT_ASSERT(racy(R"({"scenario": "t", "globals": {"x": 0}, )" + threads +
                            R"(, "unload": [{"load": "v", "from": "x"}]})"));
        ExploreResult r = exploreText(R"({"scenario": "t", "globals": {"x": 0}, )" + threads +
                                      R"(, "unload": [{"store": "x", "value": 3}]})");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(1), countKind(r, FindingKind::DataRace));
    }

    // callKind looks the kind up in a table: every call's is the rule's, the calls at the ends of
    // the rule's ranges too.
    // A write that repeats the thread's previous one (the same handle) is recorded only when the
    // next step that is not a repeat comes (RacesFinder::LatestStep::repeated): B's write, which
    // can only come after both of A's, races with the second one, named by its own statement.
    void aRaceWithRepeatedWritesIsWithTheLatest()
    {
        ExploreResult r = exploreText(twoThreads(
            R"([{"call": "ZwCreateFile", "path": "C:\\Temp\\a.txt", "access": "GENERIC_WRITE", "share": 7,
                 "disposition": "FILE_CREATE", "handle": "h"},
                {"call": "ZwWriteFile", "handle": "h", "data": "x", "label": "first write"},
                {"call": "ZwWriteFile", "handle": "h", "data": "y", "label": "second write"},
                {"store": "flag", "value": 1}])",
            R"([{"load": "v", "from": "flag"}, {"assume": "v == 1"},
                {"call": "ZwOpenFile", "path": "C:\\Temp\\a.txt", "access": "GENERIC_WRITE", "share": 7, "handle": "h"},
                {"call": "ZwWriteFile", "handle": "h", "data": "z", "label": "other write"}])",
            R"("filesystem": {"directories": ["C:\\Temp"]},)"));
        std::vector<std::string> pairs;
        for (const report::Finding& f : r.findings) {
            if (f.kind != FindingKind::FileRace || f.locations.size() != 2) continue;
            pairs.push_back(f.locations[0].label + " / " + f.locations[1].label);
        }
        CPPUNIT_ASSERT_MESSAGE(describe(r), std::count(pairs.begin(), pairs.end(), "second write / other write") == 1);
        for (const std::string& pair : pairs) CPPUNIT_ASSERT_MESSAGE(pair, pair.find("first write") == std::string::npos);
    }

    void eachCallHasItsRulesKind()
    {
        for (uint32_t i = 0; i < uint32_t(Api::Count_); ++i)
            CPPUNIT_ASSERT_EQUAL_MESSAGE(std::to_string(i), int(RacesFinder::callKindRule(Api(i))),
                                         int(RacesFinder::callKind(Api(i))));
        const std::pair<Api, StepKind> ends[] = {
            {Api::KeReleaseSpinLock, StepKind::Other},           {Api::InterlockedIncrement, StepKind::AtomicUpdate},
            {Api::InterlockedCompareExchange, StepKind::AtomicUpdate}, {Api::PsCreateSystemThread, StepKind::Other},
            {Api::ZwCreateFile, StepKind::FileCall},             {Api::ZwClose, StepKind::FileClose},
            {Api::ZwDeleteFile, StepKind::FileCall}};
        for (const auto& [api, kind] : ends)
            CPPUNIT_ASSERT_EQUAL_MESSAGE(std::to_string(int(api)), int(kind), int(RacesFinder::callKind(api)));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RacesTest);
