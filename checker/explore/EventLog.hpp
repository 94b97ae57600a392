#pragma once
// The events of the current execution, with what DPOR needs to reason about them: each event's
// thread ("lane"), footprint, vector clock of the happens-before relation induced by dependency,
// and, per location, the accesses that can still race with a new one: the latest exclusive access
// (with a chain to the earlier exclusive ones) and, since it, the latest non-exclusive access of
// each lane (an earlier one of the same lane is ordered before it by program order). Finding the
// races of a step therefore costs O(lanes), not O(execution length).
//
// Happens-before here is the explorer's: program order, thread creation, and every dependent
// pair of steps. (The race *finding* detectors use their own, synchronization-only order.)
//
// Memory grows with the depth of the current execution, never with the number of executions:
// backtracking truncates.

#include "checker/exec/Footprint.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace checker {

struct EventRecord {
    uint32_t actor = 0;       // what the scheduler chose
    uint32_t lane = 0;        // the thread whose program order the event extends
    uint32_t laneIndex = 0;   // 1-based position in its lane
    int32_t prevInLane = -1;  // depth of the lane's previous event
    int32_t createsLane = -1; // lane this event created, if any
    uint32_t wakesBegin = 0;  // lanes whose wait this event ended: wakes_[wakesBegin, +wakesCount)
    uint32_t wakesCount = 0;
    uint32_t touchBegin = 0;
    uint32_t touchCount = 0;
};

class EventLog {
public:
    // Not copied: one per explorer, as long as the execution.
    EventLog() = default;
    EventLog(const EventLog&) = delete;
    EventLog& operator=(const EventLog&) = delete;

    uint32_t size() const { return uint32_t(events_.size()); }
    const EventRecord& event(uint32_t depth) const { return events_[depth]; }
    const Touch* touches(uint32_t depth) const { return touchData_.data() + events_[depth].touchBegin; }

    // Starts a new execution with `initialLanes` threads that exist from the start.
    void begin(uint32_t initialLanes);

    // Whether the event at depth `a` happens before the event at depth `b` (a < b).
    bool happensBefore(uint32_t a, uint32_t b) const
    {
        const EventRecord& ea = events_[a];
        return clockOf(b)[ea.lane] >= ea.laneIndex;
    }

    // The depths k in (a, end) whose event does not happen after the event at depth a, in
    // increasing order. Along a lane, once an event happens after a every later one does, so
    // each lane is walked only up to its first such event: the cost is what is found, not
    // end - a (a race across a 100,000-step loop of another thread costs a few steps).
    void notAfter(uint32_t a, uint32_t end, std::vector<uint32_t>& out) const;
    // notAfter into `out`, unless `skip(first)` holds of the list's first depth (end when the
    // list is empty): then false, with `out` unspecified. A short span's scan stops at that depth
    // when it skips (a race whose reversal is covered by its first event's actor needs no more).
    template <class Skip>
    bool notAfterUnless(uint32_t a, uint32_t end, std::vector<uint32_t>& out, Skip skip) const
    {
        if (end - a > 8 * lanes_) {
            notAfter(a, end, out);
            return !skip(out.empty() ? end : out[0]);
        }
        const uint32_t laneIndex = events_[a].laneIndex, width = width_;
        const uint32_t* const column = clocks_.data() + events_[a].lane;
        auto after = [=](uint32_t k) { return column[std::size_t(k) * width] >= laneIndex; };
        uint32_t k = a + 1;
        while (k < end && after(k)) ++k;
        if (skip(k)) return false;
        out.clear();
        for (; k < end; ++k)
            if (!after(k)) out.push_back(k);
        return true;
    }

    // Appends an event of `lane` with footprint `fp`. When `races` is non-null, fills it with the
    // depths of the earlier events in a reversible race with the new one (see EventLog.cpp).
    // `woken` lists the lanes whose wait this event ended (a hand-off or a wake-up to
    // re-compete): their next events happen after it, as a created lane's first event does.
    // (Inline: a lane's step that repeats the latest event, most steps of a loop over the lane's
    // own locations, goes to pushRepeat without the general push's frame.)
    void push(uint32_t actor, uint32_t lane, const Footprint& fp, int32_t createsLane,
              std::vector<uint32_t>* races, const std::vector<uint32_t>* woken = nullptr)
    {
        if (lane == repeatLane_ && createsLane < 0 && (!woken || woken->empty()) && repeatsLatest(fp) &&
            (repeatable_ || repeatable(fp))) {
            if (races) races->clear();
            pushRepeat(actor, lane);
            return;
        }
        pushGeneral(actor, lane, fp, createsLane, races, woken);
    }
    // Whether the event at `depth` repeats the one before it (push recorded it as a repeat: the
    // same lane and touches, sharing them, and neither creates nor wakes a lane): the two are
    // dependent on exactly the same events.
    bool repeatsPrevious(uint32_t depth) const
    {
        const EventRecord& e = events_[depth];
        // An event's own touches begin past the previous event's: a shared begin is a repeat.
        return depth > 0 && e.touchCount > 0 && events_[depth - 1].touchCount > 0 &&
               events_[depth - 1].touchBegin == e.touchBegin;
    }
    // Whether the latest event was pushed as a repeat of the one before it (then
    // repeatsPrevious(size() - 1); false after a truncation, which forgets it).
    bool latestRepeats() const { return repeatable_; }
    // The lanes the event at `depth` woke.
    const uint32_t* wakes(uint32_t depth) const { return wakes_.data() + events_[depth].wakesBegin; }

    // The races a step of `lane` with footprint `fp` would be in if it ran now (it does not run:
    // e.g. a blocked acquire). Nothing is appended.
    void pendingRaces(uint32_t lane, const Footprint& fp, std::vector<uint32_t>& races);

    // Drops every event at depth >= depth.
    void truncate(uint32_t depth);

    void clear() { truncate(0); }

private:
    // Per location: what a new access may race with.
    struct LocationState {
        int32_t lastExclusive = -1;      // touch index
        uint32_t lastExclusiveLane = 0;  // its event's lane, when there is one (lastTouchedBy)
        std::vector<int32_t> shared;     // touch indices since lastExclusive, at most one per lane
        uint64_t truncation = 0;         // truncate(): the last one that restored this state
    };
    // A clock of up to four blocks of this many lanes is copied inline, in copies of known sizes:
    // a call of memmove per event cost more than the copy. A wider one is one call, which moves it
    // in wider strides.
    static constexpr uint32_t kClockBlock = 4;
    // Requires a clock at least one block wide (as it is once a lane exists).
    void copyClock(const uint32_t* from, uint32_t* to) const
    {
        constexpr size_t kBlockBytes = kClockBlock * sizeof(uint32_t);
        if (width_ > 2 * kClockBlock) {
            if (width_ > 4 * kClockBlock) {
                std::memcpy(to, from, width_ * sizeof(uint32_t));
                return;
            }
            std::memcpy(to, from, 3 * kBlockBytes);
            if (width_ > 3 * kClockBlock) std::memcpy(to + 3 * kClockBlock, from + 3 * kClockBlock, kBlockBytes);
            return;
        }
        std::memcpy(to, from, kBlockBytes);
        if (width_ > kClockBlock) std::memcpy(to + kClockBlock, from + kClockBlock, kBlockBytes);
    }
    // into[k] = max(into[k], from[k]) for the kClockBlock lanes of a block, at once. Compared as
    // signed values (SSE2 has no unsigned maximum): an entry counts a lane's events, below 2^31.
    static void joinBlock(const uint32_t* from, uint32_t* into)
    {
        using Block = int32_t __attribute__((vector_size(kClockBlock * sizeof(uint32_t))));
        Block a, b;
        std::memcpy(&a, from, sizeof a);
        std::memcpy(&b, into, sizeof b);
        const Block joined = a > b ? a : b;
        std::memcpy(into, &joined, sizeof joined);
    }
    const uint32_t* clockOf(uint32_t depth) const { return &clocks_[std::size_t(depth) * width_]; }
    uint32_t* clockOf(uint32_t depth) { return &clocks_[std::size_t(depth) * width_]; }
    // The clock of the lane's latest event (or of its creation) before the new event.
    const uint32_t* laneClock(uint32_t lane) const;
    // laneClock joined with the clock of the event that last woke the lane, into scratchPrior_
    // when a wake came after the lane's latest event (priorClockSlow). Inline also for a lane
    // that exists from the start and has no event yet, never woken (each thread's first step).
    const uint32_t* priorClock(uint32_t lane)
    {
        // Depths or -1: a wake before the latest event (then there is one) is in its clock.
        const int32_t last = laneLast_[lane], wokenBy = laneWokenBy_[lane];
        if (wokenBy < last) return clockOf(uint32_t(last));
        // Here last <= wokenBy: a lane never woken has no event yet. Created by none either (the
        // bitwise and of two ints is negative when both are), it has nothing before it.
        if ((wokenBy & laneCreatedBy_[lane]) < 0) return zeros_.data();
        return priorClockSlow(lane);
    }
    const uint32_t* priorClockSlow(uint32_t lane);
    // An event can be repeated when it created and woke no lane and its touches, one or two of
    // distinct locations, are all exclusive: each location's state then holds that event's touch
    // alone, an event of the same lane with the same touches right after it races with nothing,
    // and pushRepeat records it.
    static bool repeatable(const Footprint& fp)
    {
        const size_t count = fp.touches.size();
        if (count == 0 || count > 2) return false;
        for (const Touch& t : fp.touches)
            if (!conflictsWithAll(t.access)) return false;
        return count == 1 || fp.touches[0].location != fp.touches[1].location;
    }
    // Whether an event with footprint `fp` has the latest event's touches (the last recorded).
    bool repeatsLatest(const Footprint& fp) const
    {
        const size_t count = fp.touches.size();
        if (count != events_.back().touchCount) return false;
        const Touch* latest = touchData_.data() + touchData_.size() - count;
        for (size_t k = 0; k < count; ++k)
            if (fp.touches[k] != latest[k]) return false;
        return true;
    }
    // push for an event of lane repeatLane_ that creates and wakes no lane, repeatsLatest() and
    // is repeatable().
    void pushRepeat(uint32_t actor, uint32_t lane);
    // push for any event.
    void pushGeneral(uint32_t actor, uint32_t lane, const Footprint& fp, int32_t createsLane,
                     std::vector<uint32_t>* races, const std::vector<uint32_t>* woken);
    // Whether every earlier touch a new access of `lane` to `loc` could depend on is the lane's
    // own (no shared entry, the latest exclusive touch the lane's): scanLocation would find
    // nothing. The common case of a thread in a loop over its own locations.
    bool lastTouchedBy(const LocationState& loc, uint32_t lane) const
    {
        return loc.shared.empty() &&
               (loc.lastExclusive < 0 || loc.lastExclusiveLane == lane);
    }
    LocationState& state(Location l)
    {
        auto& states = locations_[std::size_t(locationClass(l))];
        const uint32_t index = locationIndex(l);
        if (!holds(states, index)) grow(states, index);
        return states[index];
    }
    static void grow(std::vector<LocationState>& states, uint32_t index);
    // Whether `states` has an entry at `index`; compared in bytes, as a count would cost a
    // division by the state's size.
    static bool holds(const std::vector<LocationState>& states, uint32_t index)
    {
        const auto* first = reinterpret_cast<const char*>(states.data());
        const auto* last = reinterpret_cast<const char*>(states.data() + states.size());
        return std::size_t(index) * sizeof(LocationState) < std::size_t(last - first);
    }
    // Always inlined (defined in the .cpp): gcc otherwise keeps a call per touch, its prologue
    // saving the registers the vectors' growth paths need.
    inline void record(const Touch& t, LocationState& loc, uint32_t depth, uint32_t lane);
    // An exclusive touch's saving of the location's `shared` list, which it empties.
    void saveShared(LocationState& loc);
    // Whether no two of `touches` are of one location (then push records each as it scans it).
    // A long footprint is not compared pair by pair: taken as not, it is scanned first.
    static bool distinctLocations(const std::vector<Touch>& touches)
    {
        constexpr size_t kCompared = 8;
        const size_t count = touches.size();
        if (count < 2) return true;
        if (count > kCompared) return false;
        for (size_t i = 1; i < count; ++i)
            for (size_t j = 0; j < i; ++j)
                if (touches[i].location == touches[j].location) return false;
        return true;
    }
    // Fills scratchStates_ with the states of fp's touches.
    inline void lookUpStates(const Footprint& fp);
    void untouchFrom(uint32_t cut);
    // Puts `loc` back as its exclusive touch `x` found it: the exclusive touch before it and the
    // shared list it saved (cleared when it saved none, as most: they follow another exclusive
    // touch). Inline: a truncation restores most locations so.
    void restoreSaved(uint32_t x, LocationState& loc)
    {
        const TouchLink& link = touchLinks_[x];
        const size_t end = x + 1 < touchLinks_.size() ? touchLinks_[x + 1].savedBegin : savedShared_.size();
        loc.lastExclusive = link.prevExclusive;
        if (loc.lastExclusive >= 0) loc.lastExclusiveLane = events_[touchLinks_[size_t(loc.lastExclusive)].depth].lane;
        if (end == link.savedBegin) loc.shared.clear();
        else loadShared(loc, link.savedBegin, end);
    }
    // loc.shared = savedShared_[begin, end) (out of line: restoreSaved's callers keep no
    // registers for the vector's growth).
    void loadShared(LocationState& loc, uint32_t begin, size_t end);
    void restoreBeforeShared(uint32_t cut, LocationState& loc);
    void ensureLanes(uint32_t lanes);
    void keepImmediateRaces(std::vector<uint32_t>& races) const;
    void scanLocation(const Touch& t, const LocationState& loc, uint32_t lane, const uint32_t* prior,
                      uint32_t* clock, std::vector<uint32_t>* candidates);

    std::vector<EventRecord> events_;
    // Per touch: the event's depth (of a run of repeats sharing the touch, the latest event's,
    // see pushRepeat); for an exclusive touch the previous exclusive touch of the
    // location; and what to restore on truncation (for a non-exclusive touch the entry of its
    // lane it replaced, -1 if appended; for an exclusive one the saved `shared` list, from
    // savedBegin to the next exclusive touch's savedBegin in savedShared_).
    struct TouchLink {
        uint32_t depth = 0;
        int32_t prevExclusive = -1;
        int32_t replaced = -1;
        uint32_t savedBegin = 0;
    };
    // Touches of all events, in order (the touches themselves apart: touches() hands them out).
    std::vector<Touch> touchData_;
    std::vector<TouchLink> touchLinks_;
    std::vector<int32_t> savedShared_;
    std::vector<uint32_t> clocks_;          // width_ per event, the first events_.size() in use
    uint32_t width_ = 0;                    // lanes per clock, a multiple of kClockBlock
    std::vector<int32_t> laneLast_;         // per lane: depth of its latest event, -1
    std::vector<std::vector<uint32_t>> laneEvents_;   // per lane: the depths of its events
    std::vector<int32_t> laneCreatedBy_;    // per lane: depth of the creating event, -1
    std::vector<int32_t> laneWokenBy_;      // per lane: depth of the latest event that woke it, -1
    std::vector<uint32_t> wakes_;           // woken lanes of all events, in order
    std::vector<int32_t> wakesReplaced_;    // per wakes_ entry: the laneWokenBy_ value it replaced
    std::vector<uint32_t> undoable_;        // the depths of the events that woke or created a lane
    std::vector<uint32_t> scratchPrior_;
    uint32_t lanes_ = 0;
    // The latest event's lane when it created and woke no lane (else kNoLane); whether its
    // touches are known to be repeatable() (asked only when a repeat comes), which a repeat
    // knows.
    static constexpr uint32_t kNoLane = UINT32_MAX;
    uint32_t repeatLane_ = kNoLane;
    bool repeatable_ = false;
    std::array<std::vector<LocationState>, std::size_t(LocationClass::Count_)> locations_;
    uint32_t initialLanes_ = 0;
    uint64_t truncations_ = 0;       // never wraps: a stale stamp must not match
    std::vector<uint32_t> scratchClock_;
    std::vector<LocationState*> scratchStates_;   // the states of the event's touches
    std::vector<uint32_t> zeros_;
};

}  // namespace checker
