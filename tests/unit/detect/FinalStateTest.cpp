// expect.final predicates (lost_file, unexpected_file, file_content) and the file system's part
// in outcomes: digests that ignore creation order, and one-line summaries.

#include "DetectTestSupport.hpp"

#include "checker/detect/FinalState.hpp"
#include "checker/detect/Outcomes.hpp"
#include "checker/exec/Interpreter.hpp"

using namespace checker;
using namespace checker::test;
using report::FindingKind;

namespace {

std::string withFinal(const std::string& body, const std::string& final)
{
    return R"({"scenario": "t", "params": {"N": 3}, "filesystem": {"directories": ["C:\\Temp", "C:\\Temp2"]},
               "threads": [{"name": "T", "body": )" + body + R"(}], "expect": {"final": )" + final + "}}";
}

const char* kMakeThree = R"([{"for": "i", "from": 0, "below": "N", "do": [
    {"call": "ZwCreateFile", "path": "C:\\Temp\\f{i}.txt", "access": "GENERIC_WRITE", "share": 0,
     "disposition": "FILE_CREATE", "handle": "h"},
    {"call": "ZwWriteFile", "handle": "h", "data": "line {i}\r\n"},
    {"call": "ZwClose", "handle": "h"}]}])";

// Starts each of `worlds` in the initial state of `program`, each with its own path ids (as in
// separate explorations).
void initWorlds(const Program& program, std::initializer_list<World*> worlds)
{
    StepEffects e;
    Interpreter interp(program);
    for (World* w : worlds) interp.init(*w, e);
}

// Creates the file `path` in `w` (FILE_CREATE, synchronous I/O) as `thread`; returns the handle.
int64_t createIn(World& w, const char* path, uint32_t thread = 0)
{
    return w.fs.create(thread, -1, fs::CreateArgs{path, fs::access::GenericWrite, 0, fs::disposition::Create,
                                                  fs::options::SynchronousIoNonalert}).handle;
}

}  // namespace

class FinalStateTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(FinalStateTest);
    CPPUNIT_TEST(metPredicatesFindNothing);
    CPPUNIT_TEST(missingPathsAreOneLostFileFinding);
    CPPUNIT_TEST(presentPathExpectedAbsentIsUnexpected);
    CPPUNIT_TEST(wrongSizeOrBytesIsFileContent);
    CPPUNIT_TEST(sizeAloneImpliesTheFileMustExist);
    CPPUNIT_TEST(deadlockedExecutionsAreNotChecked);
    CPPUNIT_TEST(summaryCountsFilesPerDirectory);
    CPPUNIT_TEST(digestIgnoresCreationOrder);
    CPPUNIT_TEST(digestIsTheSameFromCachedHashes);
    CPPUNIT_TEST(checkerFollowsTheStateItIsGiven);
    CPPUNIT_TEST_SUITE_END();

public:
    void metPredicatesFindNothing()
    {
        ExploreResult r = exploreText(withFinal(kMakeThree, R"([
            {"for": "i", "from": 0, "below": "N", "path": "\\??\\c:\\temp\\F{i}.TXT", "exists": true, "size": 8,
             "content": "line {i}\r\n"},
            {"path": "C:\\Temp2\\nothing.txt", "exists": false}])"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(0), r.findings.size());
    }

    void missingPathsAreOneLostFileFinding()
    {
        ExploreResult r = exploreText(withFinal(kMakeThree, R"([
            {"for": "i", "from": 0, "below": 5, "path": "C:\\Temp\\f{i}.txt", "exists": true}])"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(1), countKind(r, FindingKind::LostFile));
        const report::Finding* f = firstOf(r, FindingKind::LostFile);
        CPPUNIT_ASSERT(f->message.find("2 of 5 paths") != std::string::npos);
        CPPUNIT_ASSERT(f->message.find("C:\\Temp\\f3.txt") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(std::string("lost_file:/expect/final/0"), f->fingerprint);
        CPPUNIT_ASSERT_EQUAL(std::string("C:\\Temp\\f3.txt"), f->objects.at(0));
        CPPUNIT_ASSERT(!f->witness.schedule.empty());
    }

    void presentPathExpectedAbsentIsUnexpected()
    {
        ExploreResult r = exploreText(withFinal(kMakeThree, R"([{"path": "C:\\Temp\\f1.txt", "exists": false}])"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(1), countKind(r, FindingKind::UnexpectedFile));
        CPPUNIT_ASSERT_EQUAL(size_t(1), r.findings.size());
    }

    void wrongSizeOrBytesIsFileContent()
    {
        ExploreResult size = exploreText(withFinal(kMakeThree, R"([
            {"for": "i", "from": 0, "below": "N", "path": "C:\\Temp\\f{i}.txt", "size": 9}])"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(size), size_t(1), countKind(size, FindingKind::FileContent));
        CPPUNIT_ASSERT(firstOf(size, FindingKind::FileContent)->message.find("8 bytes, expected 9") != std::string::npos);
        ExploreResult bytes = exploreText(withFinal(kMakeThree, R"([
            {"path": "C:\\Temp\\f0.txt", "content": "line 1\r\n"}])"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(bytes), size_t(1), countKind(bytes, FindingKind::FileContent));
    }

    void sizeAloneImpliesTheFileMustExist()
    {
        ExploreResult r = exploreText(withFinal("[]", R"([{"path": "C:\\Temp\\f0.txt", "size": 0}])"));
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(1), countKind(r, FindingKind::LostFile));
    }

    void deadlockedExecutionsAreNotChecked()
    {
        ExploreResult r = exploreText(R"({"scenario": "t", "objects": [{"name": "E", "type": "KEVENT",
            "event_type": "NotificationEvent"}], "threads": [{"name": "T", "body": [
            {"call": "KeWaitForSingleObject", "object": "E"}]}],
            "expect": {"final": [{"path": "C:\\never.txt", "exists": true}]}})");
        CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(r), size_t(1), countKind(r, FindingKind::Deadlock));
        CPPUNIT_ASSERT_EQUAL(size_t(0), countKind(r, FindingKind::LostFile));
    }

    void summaryCountsFilesPerDirectory()
    {
        ExploreResult r = exploreText(withFinal(kMakeThree, "[]"));
        CPPUNIT_ASSERT_EQUAL(size_t(1), r.outcomes.size());
        CPPUNIT_ASSERT_EQUAL(std::string("C:\\Temp: 3 files (f0.txt, f1.txt, f2.txt); C:\\Temp2: 0 files"),
                             r.outcomes[0].summary);
        Program p = loadScenarioText(R"({"scenario": "t", "params": {"N": 5}, "filesystem": {"directories": ["C:\\Temp"]},
            "globals": {"g": 7}, "threads": [{"name": "T", "body": )" + std::string(kMakeThree) + "}]}",
                                     "t.json", LoadOptions{});
        ExploreResult many = explore(p, ExploreOptions{});
        CPPUNIT_ASSERT_EQUAL(std::string("C:\\Temp: 5 files; g = 7"), many.outcomes[0].summary);
    }

    // Two threads creating different files commute: one trace, one final state, whatever order.
    void digestIgnoresCreationOrder()
    {
        ExploreResult r = exploreText(R"({"scenario": "t", "filesystem": {"directories": ["C:\\Temp"]},
            "threads": [
              {"name": "A", "body": [{"call": "ZwCreateFile", "path": "C:\\Temp\\a", "access": "GENERIC_WRITE", "share": 0,
                                      "disposition": "FILE_CREATE", "handle": "h"}, {"call": "ZwClose", "handle": "h"}]},
              {"name": "B", "body": [{"call": "ZwCreateFile", "path": "C:\\Temp\\b", "access": "GENERIC_WRITE", "share": 0,
                                      "disposition": "FILE_CREATE", "handle": "h"}, {"call": "ZwClose", "handle": "h"}]}]})");
        CPPUNIT_ASSERT_EQUAL(uint64_t(1), r.stats.executions);
        Program p = loadScenarioText(R"({"scenario": "t", "filesystem": {"directories": ["C:\\Temp"]},
            "threads": [{"name": "T", "body": []}]})", "t.json", LoadOptions{});
        World w1, w2;
        initWorlds(p, {&w1, &w2});
        for (const char* name : {"C:\\Temp\\a", "C:\\Temp\\b"}) createIn(w1, name, 0);
        for (const char* name : {"C:\\Temp\\b", "C:\\Temp\\a"}) createIn(w2, name, 1);
        OutcomeTracker tracker;
        tracker.record(w1, {});
        tracker.record(w2, {});
        CPPUNIT_ASSERT_EQUAL(size_t(1), tracker.distinct());
    }

    // File contents are hashed once per buffer (shared by copies of a state): a state whose hash
    // was cached before a change, and a copy sharing its buffer, have the digest of a state built
    // fresh. The value itself is pinned: digests are in report.json.
    void digestIsTheSameFromCachedHashes()
    {
        Program p = loadScenarioText(R"({"scenario": "t", "filesystem": {"directories": ["C:\\Temp"]},
            "threads": [{"name": "T", "body": []}]})", "t.json", LoadOptions{});
        World fresh, cached;
        initWorlds(p, {&fresh, &cached});
        int64_t h = createIn(fresh, "C:\\Temp\\a.txt");
        fresh.fs.write(h, "abcdef", std::nullopt);
        h = createIn(cached, "C:\\Temp\\a.txt");
        cached.fs.write(h, "abc", std::nullopt);
        OutcomeTracker before;
        before.record(cached, {});  // hashes "abc"
        cached.fs.write(h, "def", std::nullopt);
        World copy = cached;
        OutcomeTracker tracker;
        tracker.record(fresh, {});
        tracker.record(cached, {});
        tracker.record(copy, {});
        CPPUNIT_ASSERT_EQUAL(size_t(1), tracker.distinct());
        CPPUNIT_ASSERT_EQUAL(std::string("f9d98edac2affe2a"), tracker.outcomes()[0].digest);
        CPPUNIT_ASSERT(before.outcomes()[0].digest != tracker.outcomes()[0].digest);
    }

    // The checker resolves its paths once, for one space of path ids: given a state with other
    // ids (another exploration's), it resolves them again.
    void checkerFollowsTheStateItIsGiven()
    {
        Program p = loadScenarioText(withFinal("[]", R"([
            {"for": "i", "from": 0, "below": 2, "path": "C:\\Temp\\f{i}.txt", "exists": false}])"),
                                     "t.json", LoadOptions{});
        FinalStateChecker checker(p);
        World a, b;
        initWorlds(p, {&a, &b});
        createIn(b, "C:\\Temp2\\x");
        createIn(b, "C:\\Temp\\f1.txt");
        std::vector<report::Finding> found;
        checker.check(a, found);
        CPPUNIT_ASSERT_EQUAL(size_t(0), found.size());
        checker.check(b, found);
        CPPUNIT_ASSERT_EQUAL(size_t(1), found.size());
        CPPUNIT_ASSERT(found[0].message.find("1 of 2 paths") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(std::string("C:\\Temp\\f1.txt"), found[0].objects.at(0));
        World c = b;  // a copy: the same ids
        createIn(c, "C:\\Temp\\f0.txt");
        found.clear();
        checker.check(c, found);
        CPPUNIT_ASSERT(found.at(0).message.find("2 of 2 paths") != std::string::npos);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(FinalStateTest);
