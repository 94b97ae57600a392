// The explorer's happens-before and race detection on hand-made event sequences.

#include "checker/explore/EventLog.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>

using namespace checker;

namespace {

const Location X = makeLocation(LocationClass::Global, 0);
const Location Y = makeLocation(LocationClass::Global, 1);
const Location L = makeLocation(LocationClass::Object, 0);

Footprint fp(Location l, Access a)
{
    Footprint f;
    f.add(l, a);
    return f;
}

// The random logs' events: the same generator, locations, accesses and records in each test.
struct Random {
    uint32_t seed;
    uint32_t operator()(uint32_t n)
    {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) % n;
    }
};
const Location kLocations[] = {X, Y, L};
const Access kAccesses[] = {Access::Read,    Access::Write,         Access::Acquire,      Access::Release,
                            Access::Observe, Access::SharedAcquire, Access::SharedRelease};
struct Pushed {
    uint32_t lane;
    Footprint footprint;
    int32_t creates;
    std::vector<uint32_t> woken;
};

}  // namespace

class EventLogTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(EventLogTest);
    CPPUNIT_TEST(writeWriteIsARace);
    CPPUNIT_TEST(readsCommute);
    CPPUNIT_TEST(writeRacesWithEveryUnorderedRead);
    CPPUNIT_TEST(programOrderIsNotARace);
    CPPUNIT_TEST(onlyTheLatestWriteRaces);
    CPPUNIT_TEST(lockRaceIsBetweenAcquires);
    CPPUNIT_TEST(accessesUnderALockAreOrdered);
    CPPUNIT_TEST(failedTryInsideACriticalSectionIsNoRaceForTheNextAcquire);
    CPPUNIT_TEST(observeAfterReleaseIsNoRace);
    CPPUNIT_TEST(pollBeforeExitIsARace);
    CPPUNIT_TEST(creationOrdersTheNewLane);
    CPPUNIT_TEST(wakeOrdersEveryLaterEventOfTheWokenLane);
    CPPUNIT_TEST(truncateForgetsLaterEvents);
    CPPUNIT_TEST(eventReadingALocationTwice);
    CPPUNIT_TEST(notAfterIsWhatHappensBeforeLeavesOut);
    CPPUNIT_TEST(truncatedLogIsTheLogOfItsPrefix);
    CPPUNIT_TEST(truncatedRepeatsAnswerAsTheLogOfItsPrefix);
    CPPUNIT_TEST(pushAnswersAsTheGeneralScanAndTheDependencyClosure);
    CPPUNIT_TEST(repeatedEventsAnswerAsTheGeneralScanAndTheDependencyClosure);
    CPPUNIT_TEST(firstEventOfALaneIsOrderedAfterItsCreationAndWakeAlone);
    CPPUNIT_TEST(racesFoundOutOfOrderOrTwiceKeepTheImmediateOnesOnce);
    CPPUNIT_TEST(clocksOfThreeAndFourBlocksAreCopiedWhole);
    CPPUNIT_TEST_SUITE_END();

public:
    void writeWriteIsARace()
    {
        EventLog log;
        log.begin(2);
        std::vector<uint32_t> races;
        log.push(0, 0, fp(X, Access::Write), -1, &races);
        CPPUNIT_ASSERT(races.empty());
        log.push(1, 1, fp(X, Access::Write), -1, &races);
        CPPUNIT_ASSERT_EQUAL(size_t(1), races.size());
        CPPUNIT_ASSERT_EQUAL(0u, races[0]);
        CPPUNIT_ASSERT(log.happensBefore(0, 1));
    }

    void readsCommute()
    {
        EventLog log;
        log.begin(2);
        std::vector<uint32_t> races;
        log.push(0, 0, fp(X, Access::Read), -1, &races);
        log.push(1, 1, fp(X, Access::Read), -1, &races);
        CPPUNIT_ASSERT(races.empty());
        CPPUNIT_ASSERT(!log.happensBefore(0, 1));
    }

    void writeRacesWithEveryUnorderedRead()
    {
        EventLog log;
        log.begin(3);
        std::vector<uint32_t> races;
        log.push(0, 0, fp(X, Access::Read), -1, &races);
        log.push(1, 1, fp(X, Access::Read), -1, &races);
        log.push(2, 2, fp(X, Access::Write), -1, &races);
        CPPUNIT_ASSERT_EQUAL(size_t(2), races.size());
    }

    void programOrderIsNotARace()
    {
        EventLog log;
        log.begin(1);
        std::vector<uint32_t> races;
        log.push(0, 0, fp(X, Access::Write), -1, &races);
        log.push(0, 0, fp(X, Access::Write), -1, &races);
        CPPUNIT_ASSERT(races.empty());
        CPPUNIT_ASSERT(log.happensBefore(0, 1));
    }

    void onlyTheLatestWriteRaces()
    {
        // w0(T0) w1(T1) w2(T2): w0 is ordered before w1, so the new write races only with w1.
        EventLog log;
        log.begin(3);
        std::vector<uint32_t> races;
        log.push(0, 0, fp(X, Access::Write), -1, &races);
        log.push(1, 1, fp(X, Access::Write), -1, &races);
        log.push(2, 2, fp(X, Access::Write), -1, &races);
        CPPUNIT_ASSERT_EQUAL(size_t(1), races.size());
        CPPUNIT_ASSERT_EQUAL(1u, races[0]);
    }

    void lockRaceIsBetweenAcquires()
    {
        // T0: acquire L, release L; T1: acquire L. The race to reverse is acquire/acquire.
        EventLog log;
        log.begin(2);
        std::vector<uint32_t> races;
        log.push(0, 0, fp(L, Access::Acquire), -1, &races);
        log.push(0, 0, fp(L, Access::Release), -1, &races);
        log.push(1, 1, fp(L, Access::Acquire), -1, &races);
        CPPUNIT_ASSERT_EQUAL(size_t(1), races.size());
        CPPUNIT_ASSERT_EQUAL(0u, races[0]);
        CPPUNIT_ASSERT(log.happensBefore(1, 2));
    }

    void accessesUnderALockAreOrdered()
    {
        // T0: acq, write X, rel; T1: acq, write X. The writes are ordered through the lock.
        EventLog log;
        log.begin(2);
        std::vector<uint32_t> races;
        log.push(0, 0, fp(L, Access::Acquire), -1, &races);
        log.push(0, 0, fp(X, Access::Write), -1, &races);
        log.push(0, 0, fp(L, Access::Release), -1, &races);
        log.push(1, 1, fp(L, Access::Acquire), -1, &races);
        log.push(1, 1, fp(X, Access::Write), -1, &races);
        CPPUNIT_ASSERT(races.empty());
        CPPUNIT_ASSERT(log.happensBefore(1, 4));
    }

    void failedTryInsideACriticalSectionIsNoRaceForTheNextAcquire()
    {
        // T0: acq L; T2: failed try (read L); T0: rel L; T1: acq L. T1's acquire could not run
        // before the failed try (T0 held L), so only the acquire/acquire race remains.
        EventLog log;
        log.begin(3);
        std::vector<uint32_t> races;
        log.push(0, 0, fp(L, Access::Acquire), -1, &races);
        log.push(2, 2, fp(L, Access::Read), -1, &races);
        CPPUNIT_ASSERT_EQUAL(size_t(1), races.size());
        log.push(0, 0, fp(L, Access::Release), -1, &races);
        CPPUNIT_ASSERT_EQUAL(size_t(1), races.size());  // the failed try races with the release
        log.push(1, 1, fp(L, Access::Acquire), -1, &races);
        CPPUNIT_ASSERT_EQUAL(size_t(1), races.size());
        CPPUNIT_ASSERT_EQUAL(0u, races[0]);
    }

    void observeAfterReleaseIsNoRace()
    {
        const Location T = makeLocation(LocationClass::Thread, 0);
        EventLog log;
        log.begin(2);
        std::vector<uint32_t> races;
        log.push(0, 0, fp(T, Access::Release), -1, &races);
        log.push(1, 1, fp(T, Access::Observe), -1, &races);
        CPPUNIT_ASSERT(races.empty());
        CPPUNIT_ASSERT(log.happensBefore(0, 1));
    }

    void pollBeforeExitIsARace()
    {
        const Location T = makeLocation(LocationClass::Thread, 0);
        EventLog log;
        log.begin(2);
        std::vector<uint32_t> races;
        log.push(0, 0, fp(T, Access::Release), -1, &races);
        log.push(1, 1, fp(T, Access::Read), -1, &races);
        CPPUNIT_ASSERT_EQUAL(size_t(1), races.size());
    }

    void creationOrdersTheNewLane()
    {
        EventLog log;
        log.begin(1);
        std::vector<uint32_t> races;
        log.push(0, 0, Footprint{}, 1, &races);          // T0 creates T1
        log.push(1, 1, fp(Y, Access::Write), -1, &races);
        CPPUNIT_ASSERT(log.happensBefore(0, 1));
    }

    // A wake-up orders the woken lane's next event after the waker, and so every later one,
    // including after the lane's first event since the wake is truncated and logged again
    // (the lane's clock then comes from its own latest event: the wake is in it).
    void wakeOrdersEveryLaterEventOfTheWokenLane()
    {
        EventLog log;
        log.begin(3);
        std::vector<uint32_t> races;
        std::vector<uint32_t> wokeLane1{1};
        log.push(2, 2, fp(Y, Access::Write), -1, &races);            // 0: unrelated to lane 1
        log.push(0, 0, fp(L, Access::Release), -1, &races, &wokeLane1);   // 1: lane 0 wakes lane 1
        log.push(1, 1, fp(X, Access::Write), -1, &races);            // 2
        log.push(1, 1, fp(X, Access::Write), -1, &races);            // 3
        CPPUNIT_ASSERT(log.happensBefore(1, 2) && log.happensBefore(1, 3));
        CPPUNIT_ASSERT(!log.happensBefore(0, 3));
        log.truncate(3);
        log.push(1, 1, fp(Y, Access::Write), -1, &races);            // 3 again: races with 0
        CPPUNIT_ASSERT(log.happensBefore(1, 3));
        CPPUNIT_ASSERT_EQUAL(size_t(1), races.size());
        CPPUNIT_ASSERT_EQUAL(0u, races[0]);
        log.truncate(2);
        log.push(1, 1, fp(X, Access::Write), -1, &races);            // 2 again, then 3
        log.push(1, 1, fp(X, Access::Write), -1, &races);
        CPPUNIT_ASSERT(log.happensBefore(1, 2) && log.happensBefore(1, 3));
        log.truncate(1);
        log.push(1, 1, fp(X, Access::Write), -1, &races);            // no wake now
        CPPUNIT_ASSERT(!log.happensBefore(0, 1));
    }

    void truncateForgetsLaterEvents()
    {
        EventLog log;
        log.begin(2);
        std::vector<uint32_t> races;
        log.push(0, 0, fp(X, Access::Write), -1, &races);
        log.push(1, 1, fp(X, Access::Write), -1, &races);
        log.truncate(1);
        CPPUNIT_ASSERT_EQUAL(1u, log.size());
        log.push(1, 1, fp(Y, Access::Write), -1, &races);
        CPPUNIT_ASSERT(races.empty());
        CPPUNIT_ASSERT(!log.happensBefore(0, 1));
        log.push(1, 1, fp(X, Access::Write), -1, &races);
        CPPUNIT_ASSERT_EQUAL(size_t(1), races.size());
        CPPUNIT_ASSERT_EQUAL(0u, races[0]);
    }
    // A footprint may touch one location twice without conflicting with itself (a read, then
    // an observe): the second touch replaces the first among the location's readers, although
    // their event is not logged yet; a later write races with it once, and truncation restores.
    void eventReadingALocationTwice()
    {
        EventLog log;
        log.begin(2);
        std::vector<uint32_t> races;
        Footprint twice;
        twice.add(X, Access::Read);
        twice.add(X, Access::Observe);
        log.push(0, 0, twice, -1, &races);
        CPPUNIT_ASSERT(races.empty());
        log.push(1, 1, fp(X, Access::Write), -1, &races);
        CPPUNIT_ASSERT_EQUAL(size_t(1), races.size());
        CPPUNIT_ASSERT_EQUAL(0u, races[0]);
        log.truncate(1);
        log.truncate(0);
        log.push(1, 1, fp(X, Access::Write), -1, &races);
        CPPUNIT_ASSERT(races.empty());
    }

    // notAfter walks each lane only up to its first event ordered after `a`: on random logs
    // (four lanes, a lane created midway, truncations) it must list exactly the events in
    // (a, end) that happensBefore does not order after a. notAfterUnless, whose short scan stops
    // at the list's first depth to ask whether to skip, must ask it of that depth (end when the
    // list is empty), and give the same list when it does not skip.
    void notAfterIsWhatHappensBeforeLeavesOut()
    {
        uint32_t seed = 12345;
        auto next = [&seed](uint32_t n) {
            seed = seed * 1103515245u + 12345u;
            return (seed >> 16) % n;
        };
        const Location locations[] = {X, Y, L, makeLocation(LocationClass::Global, 2)};
        const Access accesses[] = {Access::Read, Access::Write, Access::Acquire, Access::Release};
        for (int round = 0; round < 50; ++round) {
            EventLog log;
            log.begin(3);
            uint32_t lanes = 3, createdAt = 0;
            for (int step = 0; step < 60; ++step) {
                if (step == 20) {
                    createdAt = log.size();
                    log.push(0, 0, fp(X, Access::Read), int32_t(lanes), nullptr);
                    lanes = 4;
                    continue;
                }
                if (next(15) == 0 && log.size() > 5) log.truncate(log.size() - 1 - next(4));
                if (lanes == 4 && log.size() <= createdAt) lanes = 3;  // the creation was truncated
                uint32_t lane = next(lanes);
                log.push(lane, lane, fp(locations[next(4)], accesses[next(4)]), -1, nullptr);
            }
            std::vector<uint32_t> found;
            for (uint32_t a = 0; a < log.size(); ++a)
                for (uint32_t end = a + 1; end <= log.size(); end += 1 + next(7)) {
                    std::vector<uint32_t> expected;
                    for (uint32_t k = a + 1; k < end; ++k)
                        if (!log.happensBefore(a, k)) expected.push_back(k);
                    log.notAfter(a, end, found);
                    CPPUNIT_ASSERT(expected == found);
                    const uint32_t first = expected.empty() ? end : expected[0];
                    uint32_t asked = UINT32_MAX;
                    CPPUNIT_ASSERT(!log.notAfterUnless(a, end, found, [&](uint32_t k) { return asked = k, true; }));
                    CPPUNIT_ASSERT_EQUAL(first, asked);
                    CPPUNIT_ASSERT(log.notAfterUnless(a, end, found, [&](uint32_t k) { return asked = k, false; }));
                    CPPUNIT_ASSERT_EQUAL(first, asked);
                    CPPUNIT_ASSERT(expected == found);
                }
        }
    }

    // Truncation restores each location's state in one look, however many touches of it are
    // dropped: on random logs (every kind of access, footprints touching two locations or one
    // twice, lane creations and wakes, truncations deep and shallow), a truncated log must answer
    // every later question as a log built from its kept events alone.
    void truncatedLogIsTheLogOfItsPrefix() { truncatedLogAnswersAsTheLogOfItsPrefix(0); }

    // The same with events that often repeat the latest one (its lane's, with its touches), which
    // push records without scanning, sharing the touches of the run they extend: truncation must
    // undo them as it undoes any event, also in the middle of a run, and every event kept must
    // still read back the touches it was pushed with.
    void truncatedRepeatsAnswerAsTheLogOfItsPrefix() { truncatedLogAnswersAsTheLogOfItsPrefix(60); }

    // push skips the scan of a location whose earlier touches are all its own lane's, and records
    // each touch right after its scan when no two touch one location. On random logs where lanes
    // run in bursts over few locations (so that both are common; footprints of one to three
    // touches, a location sometimes touched twice), every push must find the races pendingRaces
    // (the general scan) finds for the same step just before, and happensBefore must be the
    // closure of program order, creation, the latest wake and every conflicting pair of touches
    // of different lanes, recomputed from scratch; and no race found may happen before another
    // (only immediate races are kept). Up to nine lanes: clocks are copied block by
    // block, and grow twice while a log is built.
    void pushAnswersAsTheGeneralScanAndTheDependencyClosure() { pushAnswersAsTheScanAndTheClosure(0); }

    // push records an event that repeats the latest one (its lane's, with the same touches, one
    // or two exclusive ones) without scanning: on random logs where a lane often repeats its step,
    // push must still answer as the general scan and the dependency closure, truncations included.
    void repeatedEventsAnswerAsTheGeneralScanAndTheDependencyClosure() { pushAnswersAsTheScanAndTheClosure(60); }

    // A lane's first event is ordered after the event that created the lane and the one that
    // woke it, and after nothing when it has neither (a lane there from the start, never woken:
    // the prior clock is taken inline then). Each event touches its own location.
    void firstEventOfALaneIsOrderedAfterItsCreationAndWakeAlone()
    {
        EventLog log;
        log.begin(4);
        std::vector<uint32_t> races;
        std::vector<uint32_t> wokeLane1{1};
        auto own = [](uint32_t k) { return fp(makeLocation(LocationClass::Global, 10 + k), Access::Write); };
        log.push(0, 0, own(0), 4, &races);                // 0: lane 0 creates lane 4
        log.push(2, 2, own(1), -1, &races, &wokeLane1);   // 1: lane 2 wakes lane 1
        log.push(1, 1, own(2), -1, &races);               // 2: lane 1, woken
        log.push(4, 4, own(3), -1, &races);               // 3: lane 4, created
        log.push(3, 3, own(4), -1, &races);               // 4: lane 3, neither
        CPPUNIT_ASSERT(log.happensBefore(1, 2) && !log.happensBefore(0, 2));
        CPPUNIT_ASSERT(log.happensBefore(0, 3) && !log.happensBefore(1, 3) && !log.happensBefore(2, 3));
        for (uint32_t a = 0; a < 4; ++a) CPPUNIT_ASSERT(!log.happensBefore(a, 4));
    }

    // A lane's later read of a location takes its earlier read's place in the location's list,
    // ahead of another lane's read made in between: a write then finds its races out of depth
    // order; and an event that touches a location twice finds its races twice. They are sorted,
    // each kept once, before the ones that happen before another are dropped (they are not when
    // they come in increasing order).
    void racesFoundOutOfOrderOrTwiceKeepTheImmediateOnesOnce()
    {
        EventLog log;
        log.begin(3);
        std::vector<uint32_t> races;
        log.push(0, 0, fp(X, Access::Read), -1, &races);    // 0: lane 0 reads X
        log.push(1, 1, fp(X, Access::Read), -1, &races);    // 1: lane 1 reads X
        log.push(1, 1, fp(Y, Access::Write), -1, &races);   // 2
        log.push(0, 0, fp(Y, Access::Read), -1, &races);    // 3: after 2, and so after 1
        log.push(0, 0, fp(X, Access::Read), -1, &races);    // 4: in 0's place in X's list
        log.push(2, 2, fp(X, Access::Write), -1, &races);   // 5: finds 4, then 1
        CPPUNIT_ASSERT(log.happensBefore(1, 4));
        CPPUNIT_ASSERT(races == std::vector<uint32_t>{4});
        Footprint twice = fp(X, Access::Write);
        twice.add(X, Access::Write);
        log.push(1, 1, twice, -1, &races);                  // 6: finds 5 for each touch
        CPPUNIT_ASSERT(races == std::vector<uint32_t>{5});
    }

    // Twelve and sixteen lanes make clocks three and four blocks wide (copied inline, whole): an
    // event is ordered after what its lane's previous event was, in every lane, the last ones
    // included.
    void clocksOfThreeAndFourBlocksAreCopiedWhole()
    {
        for (uint32_t lanes : {12u, 16u}) {
            EventLog log;
            log.begin(lanes);
            std::vector<uint32_t> races;
            std::vector<uint32_t> writes;
            for (uint32_t lane = 1; lane < lanes; ++lane) {
                const Location own = makeLocation(LocationClass::Global, 10 + lane);
                writes.push_back(log.size());
                log.push(lane, lane, fp(own, Access::Write), -1, &races);   // lane writes its own location
                log.push(0, 0, fp(own, Access::Read), -1, &races);         // lane 0 reads it: after it
            }
            log.push(0, 0, fp(X, Access::Write), -1, &races);
            for (uint32_t w : writes) CPPUNIT_ASSERT(log.happensBefore(w, log.size() - 1));
        }
    }

private:
    // The random logs of truncatedLogIsTheLogOfItsPrefix, where an event repeats the latest one
    // `repeat` percent of the time.
    static void truncatedLogAnswersAsTheLogOfItsPrefix(uint32_t repeat)
    {
        Random next{777};
        std::vector<Pushed> events;
        auto randomEvent = [&](uint32_t lanes) {
            if (repeat > 0 && !events.empty() && next(100) < repeat) return Pushed{events.back().lane, events.back().footprint, -1, {}};
            Pushed p{next(lanes), {}, -1, {}};
            for (uint32_t k = 1 + next(2); k-- > 0;) p.footprint.add(kLocations[next(3)], kAccesses[next(7)]);
            if (next(8) == 0) p.woken.push_back(next(lanes));
            return p;
        };
        auto push = [](EventLog& log, const Pushed& p, std::vector<uint32_t>* races) {
            log.push(p.lane, p.lane, p.footprint, p.creates, races, &p.woken);
        };
        uint32_t repeats = 0;   // events said to repeat the one before, at the ends of the rounds
        for (int round = 0; round < 200; ++round) {
            EventLog log;
            log.begin(2);
            events.clear();
            uint32_t length = 10 + next(60);
            for (uint32_t step = 0; step < length; ++step) {
                uint32_t lanes = 2;
                for (const Pushed& e : events) lanes += e.creates >= 0;
                Pushed p = randomEvent(lanes);
                if (lanes < 4 && next(10) == 0) p.creates = int32_t(lanes);
                push(log, p, nullptr);
                events.push_back(p);
            }
            uint32_t keep = next(length + 1);
            log.truncate(keep);
            events.resize(keep);
            checkTouches(log, events);
            EventLog rebuilt;
            rebuilt.begin(2);
            for (const Pushed& e : events) push(rebuilt, e, nullptr);
            // Both go on with the same events: the same races and the same order, at every step.
            for (int step = 0; step < 30; ++step) {
                uint32_t lanes = 2;
                for (const Pushed& e : events) lanes += e.creates >= 0;
                Pushed p = randomEvent(lanes);
                std::vector<uint32_t> races, expected;
                push(log, p, &races);
                push(rebuilt, p, &expected);
                events.push_back(p);
                CPPUNIT_ASSERT(races == expected);
                for (uint32_t a = 0; a + 1 < log.size(); ++a)
                    CPPUNIT_ASSERT_EQUAL(rebuilt.happensBefore(a, log.size() - 1), log.happensBefore(a, log.size() - 1));
            }
            repeats += checkTouches(log, events);
        }
        CPPUNIT_ASSERT(repeat == 0 || repeats > 0);
    }
    // Each event of the log reads back the touches it was pushed with, and one said to repeat the
    // event before it (the explorer then takes its dependencies to be that one's) has its lane
    // and touches and, as it, creates and wakes no lane. Returns how many repeat.
    static uint32_t checkTouches(const EventLog& log, const std::vector<Pushed>& events)
    {
        CPPUNIT_ASSERT_EQUAL(events.size(), size_t(log.size()));
        uint32_t repeats = 0;
        for (uint32_t d = 0; d < log.size(); ++d) {
            const std::vector<Touch>& pushed = events[d].footprint.touches;
            CPPUNIT_ASSERT_EQUAL(pushed.size(), size_t(log.event(d).touchCount));
            CPPUNIT_ASSERT(std::equal(pushed.begin(), pushed.end(), log.touches(d)));
            if (!log.repeatsPrevious(d)) continue;
            ++repeats;
            const Pushed& before = events[d - 1];
            CPPUNIT_ASSERT_EQUAL(before.lane, events[d].lane);
            CPPUNIT_ASSERT(before.footprint.touches == pushed);
            for (const Pushed* e : {&before, &events[d]}) CPPUNIT_ASSERT(e->creates < 0 && e->woken.empty());
        }
        return repeats;
    }
    // The random logs of pushAnswersAsTheGeneralScanAndTheDependencyClosure, where the lane that
    // goes on repeats its footprint `repeat` percent of the time.
    static void pushAnswersAsTheScanAndTheClosure(uint32_t repeat)
    {
        Random next{4242};
        auto dependent = [](const Pushed& a, const Pushed& b) {
            if (a.lane == b.lane) return false;
            for (const Touch& x : a.footprint.touches)
                for (const Touch& y : b.footprint.touches)
                    if (x.location == y.location && conflicts(x.access, y.access)) return true;
            return false;
        };
        // before[j][i]: event i happens before event j, by the closure of the direct orders.
        auto closure = [&](const std::vector<Pushed>& events) {
            std::vector<std::vector<bool>> before(events.size(), std::vector<bool>(events.size(), false));
            for (size_t j = 0; j < events.size(); ++j) {
                std::vector<size_t> direct;
                int64_t prevInLane = -1, creator = -1, waker = -1;
                for (size_t i = 0; i < j; ++i) {
                    if (events[i].lane == events[j].lane) prevInLane = int64_t(i);
                    if (events[i].creates == int32_t(events[j].lane)) creator = int64_t(i);
                    for (uint32_t w : events[i].woken)
                        if (w == events[j].lane) waker = int64_t(i);
                    if (dependent(events[i], events[j])) direct.push_back(i);
                }
                for (int64_t i : {prevInLane, creator, waker})
                    if (i >= 0) direct.push_back(size_t(i));
                for (size_t i : direct) {
                    before[j][i] = true;
                    for (size_t k = 0; k < i; ++k) before[j][k] = before[j][k] || before[i][k];
                }
            }
            return before;
        };
        for (int round = 0; round < 200; ++round) {
            EventLog log;
            log.begin(2);
            std::vector<Pushed> events;
            uint32_t lanes = 2, lane = 0;
            for (uint32_t length = 20 + next(60); events.size() < length;) {
                if (next(12) == 0 && events.size() > 3) {
                    events.resize(events.size() - 1 - next(3));
                    log.truncate(uint32_t(events.size()));
                    lanes = 2;
                    for (const Pushed& e : events) lanes += e.creates >= 0;
                    lane = std::min(lane, lanes - 1);   // its creation may be gone
                }
                if (next(4) == 0) lane = next(lanes);   // otherwise the same lane goes on
                Pushed p{lane, {}, -1, {}};
                if (repeat > 0 && !events.empty() && next(100) < repeat) p.footprint = events.back().footprint;
                else
                    for (uint32_t k = 1 + next(3); k-- > 0;) p.footprint.add(kLocations[next(3)], kAccesses[next(7)]);
                if (next(8) == 0) p.woken.push_back(next(lanes));
                if (lanes < 9 && next(6) == 0) p.creates = int32_t(lanes++);
                std::vector<uint32_t> races, expected;
                log.pendingRaces(p.lane, p.footprint, expected);
                log.push(p.lane, p.lane, p.footprint, p.creates, &races, &p.woken);
                events.push_back(p);
                CPPUNIT_ASSERT(races == expected);
                CPPUNIT_ASSERT(!log.latestRepeats() || log.repeatsPrevious(log.size() - 1));
                // Only immediate races: none happens before another.
                for (size_t i = 0; i < races.size(); ++i)
                    for (size_t j = i + 1; j < races.size(); ++j) CPPUNIT_ASSERT(!log.happensBefore(races[i], races[j]));
            }
            std::vector<std::vector<bool>> before = closure(events);
            for (uint32_t b = 0; b < log.size(); ++b)
                for (uint32_t a = 0; a < b; ++a) CPPUNIT_ASSERT_EQUAL(bool(before[b][a]), log.happensBefore(a, b));
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(EventLogTest);
