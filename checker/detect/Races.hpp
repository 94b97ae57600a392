#pragma once
// Data races and file races of one execution, judged with HappensBefore (SEMANTICS.md Part A.7):
//  - data_race: two accesses to the same global slot by different threads, at least one a write
//    and at least one not atomic (a plain load or store; interlocked calls and `atomic` accesses
//    are atomic), that happens-before does not order.
//  - file_race: two file-system calls of different threads that touch the same path, file, share
//    state or file object with conflicting accesses (Footprint.hpp `conflicts`: one of them
//    changes what the other depends on), unordered. File calls create no happens-before, so only
//    the driver's own synchronization can order them.
//    Two ZwClose calls never race with each other: each gives back only its own handle's share
//    access and open count, and the state after both is the same in either order.
// Per location it keeps the latest exclusive access and, since it, the latest non-exclusive
// access of each thread (FastTrack's write epoch and read set): each new access is checked in
// O(threads), and a race with the latest conflicting access is what gets reported. An access that
// raced with a thread is not reported again with that thread's later accesses of the location:
// they are consequences of the same unordered pair of threads (e.g. the create of a file racing
// with another thread's open of it, then with that thread's rename of it).

#include "checker/detect/HappensBefore.hpp"
#include "checker/detect/SharedChunks.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace checker {

struct RacePair {
    bool file = false;           // file_race (else data_race)
    Location location = 0;
    uint32_t firstThread = 0, secondThread = 0;
    int32_t firstStmt = -1, secondStmt = -1;
};

// What kind of step an access belongs to, for the race rules.
enum class StepKind : uint8_t { Other, PlainGlobal, AtomicLoad, AtomicStore, AtomicUpdate, FileCall, FileClose };

constexpr bool isAtomic(StepKind k)
{
    return k == StepKind::AtomicLoad || k == StepKind::AtomicStore || k == StepKind::AtomicUpdate;
}

// A location class as a bit of a set of classes.
constexpr uint32_t locationClassBit(LocationClass c) { return uint32_t(1) << uint32_t(c); }

class RaceDetector {
public:
    void begin();
    // About how many bytes the state holds (a copy shares them: SharedChunks).
    size_t stateBytes() const
    {
        size_t bytes = since_.size() * sizeof(SinceNode);
        for (const auto& pool : histories_) bytes += pool.chunkCount() * sizeof(History) * kChunk;
        return bytes;
    }

    // Checks the touches of thread t's step (footprint `fp`, kind `kind`, statement `stmt`) with
    // t's clock `clock` (after the step's acquires) against the earlier accesses, appends the
    // races to `out`, and records the step's accesses. (Inline, below: run on every step.)
    void onStep(uint32_t t, uint32_t epoch, const VectorClock& clock, int32_t stmt, StepKind kind,
                const Footprint& fp, std::vector<RacePair>& out);

    // Whether a step of kind `kind` is a file call (its races are file races).
    static bool isFile(StepKind kind) { return kind == StepKind::FileCall || kind == StepKind::FileClose; }
    // Whether every touch of a step of kind `kind` with footprint `fp` that onStep judges is
    // exclusive (replaces its location's history).
    static bool judgesOnlyExclusive(StepKind kind, const Footprint& fp)
    {
        const bool file = isFile(kind);
        for (const Touch& touch : fp.touches)
            if ((watchedClasses(kind) & locationClassBit(locationClass(touch.location))) &&
                !replacesHistory(touch.access, file))
                return false;
        return true;
    }
    // The most touches a step that recordRepeat repeats may judge.
    static constexpr uint32_t kMaxRepeatedTouches = 4;
    // onStep for a step of thread t that repeats the latest step recorded in this execution: that
    // one was t's too, of the same kind and footprint, judgesOnlyExclusive, and judged at most
    // kMaxRepeatedTouches touches. Each history it judged holds t's access alone, which the
    // repeat replaces: it races with nothing, and is not judged (a thread's loop over its own
    // file, step after step). The histories are found where the latest step left them, unless a
    // copy shares their chunk since.
    void recordRepeat(uint32_t t, uint32_t epoch, int32_t stmt, StepKind kind, const Footprint& fp)
    {
        recordRepeat(t, epoch, stmt, kind, std::span<const Touch>(fp.touches));
    }
    // The same for the touches `touches` of such a step.
    void recordRepeat(uint32_t t, uint32_t epoch, int32_t stmt, StepKind kind, std::span<const Touch> touches)
    {
        const uint32_t watched = watchedClasses(kind);
        uint32_t judged = 0;
        for (const Touch& touch : touches) {
            if (!(watched & locationClassBit(locationClass(touch.location)))) continue;
            const Place& place = latest_[judged++];
            if (!Histories::owned(place)) [[unlikely]] {
                recordRepeatShared(t, epoch, stmt, kind, touches);
                return;
            }
            // The record there is t's latest, of this kind: only its epoch, statement and access
            // change (it raced with nothing: no step came between; zeroed all the same).
            Record& record = place.item->exclusive;
            record.epoch = epoch;
            record.stmt = stmt;
            record.access = touch.access;
            record.racedWith = 0;
        }
    }

private:
    static constexpr uint32_t kNone = UINT32_MAX;
    // The classes of the locations a file call's races are about, and a global access's.
    static constexpr uint32_t kFileClasses =
        locationClassBit(LocationClass::Path) | locationClassBit(LocationClass::File) |
        locationClassBit(LocationClass::ShareState) | locationClassBit(LocationClass::FileObject);
    static constexpr uint32_t kGlobalClasses = locationClassBit(LocationClass::Global);
    // The classes of the locations whose touches a step of kind `kind` judges (none for Other).
    static uint32_t watchedClasses(StepKind kind)
    {
        return isFile(kind) ? kFileClasses : kind == StepKind::Other ? 0 : kGlobalClasses;
    }
    struct Record {
        uint32_t thread = 0;
        uint32_t epoch = 0;      // 0 = none
        int32_t stmt = -1;
        Access access = Access::Read;
        bool atomic = false;
        bool close = false;
        uint64_t racedWith = 0;  // threads (below 64) it was reported racing with
    };
    struct SinceNode {
        Record record;
        uint32_t next = kNone;   // the next node of the same `since` list (index in since_)
    };
    // Plain data, like everything here. A location not touched in this execution has the
    // default one.
    struct History {
        Record exclusive;
        uint32_t since = kNone;  // first of the non-exclusive accesses after `exclusive`, one per
                                 // thread in the order of their first access (a list in since_)
    };
    static constexpr uint32_t kChunk = 32;
    using Histories = SharedChunks<History, kChunk>;
    using Place = Histories::Place;
    // Where l's history is, to be changed (its chunk is this detector's own).
    Place ownedPlaceOf(Location l)
    {
        auto& pool = histories_[size_t(locationClass(l))];
        uint32_t index = locationIndex(l);
        if (index >= pool.size()) [[unlikely]] pool.growTo(index + 1);
        return pool.ownPlace(index);
    }
    // recordRepeat() when a chunk of the histories it changes is shared: changes them the general
    // way, and keeps where they are now. (Out of line, and the only one to build the repeat's
    // whole record: the plain repeat sets only the fields that change.)
    void recordRepeatShared(uint32_t t, uint32_t epoch, int32_t stmt, StepKind kind, std::span<const Touch> touches);
    // Whether `earlier` may race with `now`: another thread's access that `clock` (now's thread's)
    // does not order before it.
    static bool unordered(const Record& earlier, const Record& now, const VectorClock& clock)
    {
        return earlier.thread != now.thread && earlier.epoch != 0 && clock.get(earlier.thread) < earlier.epoch;
    }
    // Whether an access of l conflicts with every later one (it replaces the history).
    static bool replacesHistory(Access access, bool file)
    {
        return file ? conflictsWithAll(access) : access != Access::Read;
    }
    // Reports `now` racing with `earlier` when they are unordered, conflict, and that pair of
    // threads was not reported on this access yet.
    // (Inline: most accesses are ordered, or `earlier` is none or now's thread's own.)
    static void judge(Record& earlier, const Record& now, bool file, const VectorClock& clock, Location l,
                      std::vector<RacePair>& out)
    {
        if (unordered(earlier, now, clock)) judgeUnordered(earlier, now, file, l, out);
    }
    // judge() for an `earlier` that clock does not order before `now`.
    static void judgeUnordered(Record& earlier, const Record& now, bool file, Location l, std::vector<RacePair>& out);
    // Judges exclusive `now` against each access of h's `since` list (h.since is not kNone), and
    // empties the list: its nodes go to the free list.
    void judgeAndFreeSince(History& h, const Record& now, bool file, const VectorClock& clock, Location l,
                           std::vector<RacePair>& out);
    // Records non-exclusive `now` in h: nothing in the `since` list can race with it
    // (nonExclusiveAccessesCommute in Races.cpp), it replaces its thread's record there, or goes
    // last.
    void recordNonExclusive(History& h, const Record& now)
    {
        uint32_t last = kNone;
        for (uint32_t i = h.since; i != kNone; i = since_[i].next) {
            if (since_[i].record.thread == now.thread) {
                since_[i].record = now;
                return;
            }
            last = i;
        }
        append(h, last, now);
    }
    // Records non-exclusive `now` in h's `since` list after `last` (kNone: the list is empty).
    // (Inline, with the growth of since_ out of line: a thread's first read after a write
    // appends.)
    void append(History& h, uint32_t last, const Record& now)
    {
        uint32_t i = free_ != kNone ? free_ : addNode();
        free_ = since_[i].next;
        since_[i] = SinceNode{now, kNone};
        (last == kNone ? h.since : since_[last].next) = i;
    }
    // Adds an unused node to since_ and returns its index (to be taken as the free list's only one).
    uint32_t addNode();

    // Per location class, by location index. Copies of the detector (checkpoints) share the
    // histories they have not changed since (the nodes of the `since` lists change all over: a
    // copy copies them).
    std::array<Histories, size_t(LocationClass::Count_)> histories_;
    std::vector<SinceNode> since_;   // the nodes of all `since` lists, and unused ones
    uint32_t free_ = kNone;          // first unused node of since_ (a list through `next`)
    // Where the histories the latest onStep judged are, in the order of its touches (the first
    // kMaxRepeatedTouches), for recordRepeat.
    std::array<Place, kMaxRepeatedTouches> latest_{};
};

inline void RaceDetector::onStep(uint32_t t, uint32_t epoch, const VectorClock& clock, int32_t stmt, StepKind kind,
                                 const Footprint& fp, std::vector<RacePair>& out)
{
    if (kind == StepKind::Other) return;
    // A file call's touches of file locations, or another step's of globals: the one test per
    // touch, and every touch judged is a file location exactly when the step is a file call.
    bool file = isFile(kind);
    uint32_t watched = file ? kFileClasses : kGlobalClasses;
    Record now{t, epoch, stmt, Access::Read, isAtomic(kind), kind == StepKind::FileClose, 0};   // all but the access
    uint32_t judged = 0;
    for (const Touch& touch : fp.touches) {
        if (!(watched & locationClassBit(locationClass(touch.location)))) continue;
        now.access = touch.access;
        const Place place = ownedPlaceOf(touch.location);
        History& h = *place.item;
        if (judged < kMaxRepeatedTouches) latest_[judged++] = place;
        judge(h.exclusive, now, file, clock, touch.location, out);
        if (replacesHistory(now.access, file)) {
            if (h.since != kNone)
                judgeAndFreeSince(h, now, file, clock, touch.location, out);
            h.exclusive = now;
        } else {
            recordNonExclusive(h, now);
        }
    }
}

}  // namespace checker
