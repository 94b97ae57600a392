// RaceDetector on its own, fed made-up steps: the order in which races come out (FastTrack's read
// set is kept in the order of each thread's first access), that a copy of it continues exactly
// like the original (a copy is part of every checkpoint), and, on long random runs, that it finds
// the same races as a plain reference written the way the detector used to store its histories
// (a vector of records per location).

#include "checker/detect/Races.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>

using namespace checker;

namespace {

std::string text(const std::vector<RacePair>& races)
{
    std::string out;
    for (const RacePair& r : races)
        out += std::to_string(r.location) + ":" + std::to_string(r.firstThread) + "/" + std::to_string(r.firstStmt) +
               "-" + std::to_string(r.secondThread) + "/" + std::to_string(r.secondStmt) + (r.file ? "f " : "d ");
    return out;
}

// The reference: per location the latest exclusive access and a vector of the later
// non-exclusive ones, one per thread (only the rules the random runs use: plain globals, and
// file calls other than ZwClose).
class Reference {
public:
    void onStep(uint32_t t, uint32_t epoch, const VectorClock& clock, int32_t stmt, Location l, Access access,
                bool file, std::vector<RacePair>& out)
    {
        History& h = histories_[l];
        Record now{t, epoch, stmt, access, 0};
        auto conflict = [&](const Record& r) {
            return file ? conflicts(r.access, access) : r.access != Access::Read || access != Access::Read;
        };
        auto check = [&](Record& r) {
            if (r.epoch == 0 || r.thread == t || clock.get(r.thread) >= r.epoch || !conflict(r)) return;
            if (r.racedWith & (uint64_t(1) << t)) return;
            r.racedWith |= uint64_t(1) << t;
            out.push_back(RacePair{file, l, r.thread, t, r.stmt, stmt});
        };
        check(h.exclusive);
        for (Record& r : h.since) check(r);
        if (file ? conflictsWithAll(access) : access != Access::Read) {
            h.exclusive = now;
            h.since.clear();
            return;
        }
        for (Record& r : h.since)
            if (r.thread == t) {
                r = now;
                return;
            }
        h.since.push_back(now);
    }

private:
    struct Record {
        uint32_t thread = 0, epoch = 0;
        int32_t stmt = -1;
        Access access = Access::Read;
        uint64_t racedWith = 0;
    };
    struct History {
        Record exclusive;
        std::vector<Record> since;
    };
    std::map<Location, History> histories_;
};

// Threads stepping over a few globals (or files), now and then synchronizing (t joins another's
// clock). A thread keeps the next step with probability `stay` percent: long runs of one thread
// are what the detector's shortcut for a thread's own accesses serves.
struct RandomRun {
    explicit RandomRun(uint32_t seed, uint32_t threads, bool files = false, uint32_t stay = 0)
        : random(seed), clocks(threads), files(files), stay(stay)
    {
        for (uint32_t t = 0; t < threads; ++t) clocks[t].set(t, 1);
    }
    // One step of a random thread on detector `d` (and on `ref` when given).
    void step(RaceDetector& d, Reference* ref, std::vector<RacePair>& out, std::vector<RacePair>& refOut)
    {
        if (random() % 100 >= stay) last = uint32_t(random() % clocks.size());
        uint32_t t = last;
        if (random() % 4 == 0) clocks[t].join(clocks[random() % clocks.size()]);
        const bool again = repeat > 0 && latest.thread == t && random() % 100 < repeat;
        Location l = again ? latest.location
                           : makeLocation(files ? LocationClass::File : LocationClass::Global,
                                          uint32_t(random() % locations));
        static constexpr Access kFileAccesses[] = {Access::Read, Access::Write, Access::Observe, Access::Acquire};
        Access access = again   ? latest.access
                        : files ? kFileAccesses[random() % 4]
                        : random() % 3 == 0 ? Access::Write : Access::Read;
        int32_t stmt = int32_t(random() % 5);
        Footprint fp;
        fp.add(l, access);
        StepKind kind = files ? StepKind::FileCall : StepKind::PlainGlobal;
        // The rule RacesFinder applies: the latest step was t's, with this footprint, and judged
        // only exclusive touches.
        if (repeat > 0 && latest.repeatable && latest.thread == t && latest.location == l && latest.access == access) {
            d.recordRepeat(t, clocks[t].get(t), stmt, kind, fp);
            ++repeated;
        } else {
            d.onStep(t, clocks[t].get(t), clocks[t], stmt, kind, fp, out);
        }
        latest = {t, l, access, RaceDetector::judgesOnlyExclusive(kind, fp)};
        if (ref) ref->onStep(t, clocks[t].get(t), clocks[t], stmt, l, access, files, refOut);
        clocks[t].set(t, clocks[t].get(t) + 1);
    }
    std::mt19937 random;
    std::vector<VectorClock> clocks;
    bool files;
    uint32_t stay;
    uint32_t locations = 7;   // how many locations the steps touch
    uint32_t last = 0;
    // Percent of a thread's steps right after its own that repeat its footprint (0: none, and
    // every step goes through onStep); how many were recorded by recordRepeat.
    uint32_t repeat = 0;
    uint32_t repeated = 0;
    struct {
        uint32_t thread = UINT32_MAX;
        Location location = 0;
        Access access = Access::Read;
        bool repeatable = false;
    } latest;
};

}  // namespace

class RaceDetectorTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RaceDetectorTest);
    CPPUNIT_TEST(readersRaceWithAWriterInTheOrderTheyFirstRead);
    CPPUNIT_TEST(aWriteForgetsTheReadsBeforeIt);
    CPPUNIT_TEST(beginForgetsTheLastExecution);
    CPPUNIT_TEST(aCopyContinuesLikeTheOriginal);
    CPPUNIT_TEST(copiesOfManyLocationsContinueApart);
    CPPUNIT_TEST(findsWhatTheReferenceFinds);
    CPPUNIT_TEST(findsWhatTheReferenceFindsInLongRunsOfOneThread);
    CPPUNIT_TEST(recordedRepeatsFindWhatTheReferenceFinds);
    CPPUNIT_TEST(repeatsAroundCopiesFindWhatTheReferenceFinds);
    CPPUNIT_TEST_SUITE_END();

public:
    void readersRaceWithAWriterInTheOrderTheyFirstRead()
    {
        RaceDetector d;
        d.begin();
        // Thread 2's second read replaces its first and keeps its place.
        std::string found = races(d, {{2, 1, 20, R}, {1, 1, 10, R}, {2, 2, 21, R}, {3, 1, 30, W}});
        CPPUNIT_ASSERT_EQUAL(std::string("0:2/21-3/30d 0:1/10-3/30d "), found);
    }

    void aWriteForgetsTheReadsBeforeIt()
    {
        RaceDetector d;
        d.begin();
        races(d, {{1, 1, 10, R}, {2, 1, 20, R}, {3, 1, 30, W}});
        std::string found = races(d, {{4, 1, 40, R}, {5, 1, 50, W}});
        CPPUNIT_ASSERT_EQUAL(std::string("0:3/30-4/40d 0:3/30-5/50d 0:4/40-5/50d "), found);
    }

    void beginForgetsTheLastExecution()
    {
        RaceDetector d;
        d.begin();
        races(d, {{1, 1, 10, R}, {2, 1, 20, W}});
        d.begin();
        CPPUNIT_ASSERT_EQUAL(std::string(), races(d, {{3, 1, 30, W}}));
    }

    void aCopyContinuesLikeTheOriginal()
    {
        RaceDetector original;
        original.begin();
        RandomRun run(7, 4);
        std::vector<RacePair> out, unused;
        for (int i = 0; i < 300; ++i) run.step(original, nullptr, out, unused);
        RaceDetector copy = original;
        continueBoth(original, run, copy);
        copy = original;   // assigning over a used one (a pooled checkpoint)
        continueBoth(original, run, copy);
    }

    // Copies share the histories they have not changed (SharedChunks): over locations in several
    // chunks, the original goes on after a checkpoint is copied from it, and then a used detector
    // assigned the checkpoint (a restore) goes on from there with other steps, each finding what
    // the reference finds from the same point.
    void copiesOfManyLocationsContinueApart()
    {
        RaceDetector original;
        original.begin();
        Reference ref;
        RandomRun run(11, 4);
        run.locations = 200;
        std::vector<RacePair> out, refOut;
        for (int i = 0; i < 2000; ++i) run.step(original, &ref, out, refOut);
        const RaceDetector checkpoint = original;
        const Reference refAtCheckpoint = ref;
        const RandomRun runAtCheckpoint = run;
        for (int pass = 0; pass < 2; ++pass) {
            RaceDetector restored;
            restored.begin();
            restored = checkpoint;
            RaceDetector& d = pass == 0 ? original : restored;
            Reference again = refAtCheckpoint;
            RandomRun rerun = runAtCheckpoint;
            if (pass == 1) rerun.random.seed(99);   // not the steps the original took after the copy
            std::vector<RacePair> found, expected;
            for (int i = 0; i < 1000; ++i) rerun.step(d, &again, found, expected);
            CPPUNIT_ASSERT(!expected.empty());
            CPPUNIT_ASSERT_EQUAL(text(expected), text(found));
        }
    }

    void findsWhatTheReferenceFinds()
    {
        for (uint32_t seed = 1; seed <= 20; ++seed) {
            RaceDetector d;
            d.begin();
            Reference ref;
            RandomRun run(seed, 2 + seed % 4);
            std::vector<RacePair> out, refOut;
            for (int i = 0; i < 2000; ++i) run.step(d, &ref, out, refOut);
            CPPUNIT_ASSERT(!refOut.empty());
            CPPUNIT_ASSERT_EQUAL_MESSAGE("seed " + std::to_string(seed), text(refOut), text(out));
        }
    }

    // Mostly one thread at a time, over globals and over files: runs of a thread's own exclusive
    // accesses, its first read after one, and the other threads' accesses that judge a list.
    void findsWhatTheReferenceFindsInLongRunsOfOneThread() { longRunsMatchTheReference(90, 0); }

    // Runs of a thread repeating its step (a write loop over its own file): the repeats that
    // judge only exclusive touches are recorded by recordRepeat, and the races found, with their
    // statements, are the reference's.
    void recordedRepeatsFindWhatTheReferenceFinds() { CPPUNIT_ASSERT(longRunsMatchTheReference(80, 70) > 100); }

    // Repeats recorded right after a copy was taken from the detector, or after a copy was assigned
    // to it (checkpoints, restores): the histories the latest step left are shared then, and the
    // repeat must not change them in place.
    void repeatsAroundCopiesFindWhatTheReferenceFinds()
    {
        for (uint32_t seed = 1; seed <= 20; ++seed) {
            RaceDetector d, saved;
            d.begin();
            Reference ref, refSaved;
            RandomRun run(seed, 2 + seed % 3, seed % 2 == 0, 80);
            run.repeat = 70;
            RandomRun runSaved = run;
            std::vector<RacePair> out, refOut;
            for (int i = 0; i < 3000; ++i) {
                if (i % 40 == 0) {
                    saved = d;
                    refSaved = ref;
                    runSaved = run;
                } else if (i % 120 == 20) {
                    d = saved;
                    ref = refSaved;
                    run = runSaved;
                    run.random.seed(seed * 10000 + uint32_t(i));   // not the steps taken since the copy
                }
                run.step(d, &ref, out, refOut);
            }
            CPPUNIT_ASSERT(!refOut.empty());
            CPPUNIT_ASSERT(run.repeated > 100);
            CPPUNIT_ASSERT_EQUAL_MESSAGE("seed " + std::to_string(seed), text(refOut), text(out));
        }
    }

private:
    // Twenty runs of 3,000 steps that keep their thread `stay` percent of the time, half over
    // globals and half over files, `repeat` (RandomRun) percent of them repeats, each checked
    // against the reference. Returns the fewest repeats recorded by recordRepeat in a run.
    static uint32_t longRunsMatchTheReference(uint32_t stay, uint32_t repeat)
    {
        uint32_t fewest = UINT32_MAX;
        for (uint32_t seed = 1; seed <= 20; ++seed) {
            RaceDetector d;
            d.begin();
            Reference ref;
            RandomRun run(seed, 2 + seed % 3, seed % 2 == 0, stay);
            run.repeat = repeat;
            std::vector<RacePair> out, refOut;
            for (int i = 0; i < 3000; ++i) run.step(d, &ref, out, refOut);
            CPPUNIT_ASSERT(!refOut.empty());
            CPPUNIT_ASSERT_EQUAL_MESSAGE("seed " + std::to_string(seed), text(refOut), text(out));
            fewest = std::min(fewest, run.repeated);
        }
        return fewest;
    }
    // Runs `original` and `copy` (a copy of it) 300 more random steps from `run`'s state, and
    // checks they find the same races.
    static void continueBoth(RaceDetector& original, RandomRun& run, RaceDetector& copy)
    {
        RandomRun again = run;
        std::vector<RacePair> out, copyOut, unused;
        for (int i = 0; i < 300; ++i) {
            run.step(original, nullptr, out, unused);
            again.step(copy, nullptr, copyOut, unused);
        }
        CPPUNIT_ASSERT(!out.empty());
        CPPUNIT_ASSERT_EQUAL(text(out), text(copyOut));
    }
    static constexpr Access R = Access::Read, W = Access::Write;
    struct Step {
        uint32_t thread, epoch;
        int32_t stmt;
        Access access;
    };
    // The races of `steps` on global slot 0, each unordered with every other thread's.
    static std::string races(RaceDetector& d, const std::vector<Step>& steps)
    {
        std::vector<RacePair> out;
        for (const Step& s : steps) {
            VectorClock clock;
            clock.set(s.thread, s.epoch);
            Footprint fp;
            fp.add(makeLocation(LocationClass::Global, 0), s.access);
            d.onStep(s.thread, s.epoch, clock, s.stmt, StepKind::PlainGlobal, fp, out);
        }
        return text(out);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RaceDetectorTest);
