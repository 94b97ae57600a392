#pragma once
// The events of the current execution, with what DPOR needs to reason about them: each event's
// thread ("lane"), footprint, vector clock of the happens-before relation induced by dependency,
// and, per location, the chain of earlier touches (to find races without scanning the execution).
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
#include <vector>

namespace checker {

struct EventRecord {
    uint32_t actor = 0;       // what the scheduler chose
    uint32_t lane = 0;        // the thread whose program order the event extends
    uint32_t laneIndex = 0;   // 1-based position in its lane
    int32_t prevInLane = -1;  // depth of the lane's previous event
    int32_t createsLane = -1; // lane this event created, if any
    uint32_t touchBegin = 0;
    uint32_t touchCount = 0;
};

class EventLog {
public:
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

    // Appends an event of `lane` with footprint `fp`. When `races` is non-null, fills it with the
    // depths of the earlier events in a reversible race with the new one (see EventLog.cpp).
    void push(uint32_t actor, uint32_t lane, const Footprint& fp, int32_t createsLane,
              std::vector<uint32_t>* races);

    // Drops every event at depth >= depth.
    void truncate(uint32_t depth);

    void clear() { truncate(0); }

private:
    const uint32_t* clockOf(uint32_t depth) const { return &clocks_[std::size_t(depth) * width_]; }
    uint32_t* clockOf(uint32_t depth) { return &clocks_[std::size_t(depth) * width_]; }
    // The clock of the lane's latest event (or of its creation) before the new event.
    const uint32_t* laneClock(uint32_t lane) const;
    int32_t& head(Location l);
    void ensureLanes(uint32_t lanes);
    void scanLocation(const Touch& t, uint32_t lane, const uint32_t* prior, uint32_t* clock,
                      std::vector<uint32_t>* candidates);

    std::vector<EventRecord> events_;
    // Touches of all events, in order; per touch the event's depth and the previous touch of the
    // same location (-1 if none).
    std::vector<Touch> touchData_;
    std::vector<uint32_t> touchDepth_;
    std::vector<int32_t> touchPrev_;
    std::vector<uint32_t> clocks_;          // events_.size() * width_
    uint32_t width_ = 0;                    // lanes per clock
    std::vector<int32_t> laneLast_;         // per lane: depth of its latest event, -1
    std::vector<int32_t> laneCreatedBy_;    // per lane: depth of the creating event, -1
    uint32_t lanes_ = 0;
    std::array<std::vector<int32_t>, std::size_t(LocationClass::Count_)> heads_;
    uint32_t initialLanes_ = 0;
    std::vector<uint32_t> zeros_;
};

}  // namespace checker
