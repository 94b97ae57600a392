#include "checker/explore/EventLog.hpp"

#include <algorithm>

namespace checker {

void EventLog::begin(uint32_t initialLanes)
{
    truncate(0);
    lanes_ = 0;
    initialLanes_ = initialLanes;
    laneLast_.clear();
    laneCreatedBy_.clear();
    ensureLanes(initialLanes);
}

void EventLog::ensureLanes(uint32_t lanes)
{
    if (lanes > width_) {
        uint32_t width = std::max(lanes, std::max<uint32_t>(4, width_ * 2));
        std::vector<uint32_t> clocks(events_.size() * width, 0);
        for (size_t e = 0; e < events_.size(); ++e)
            std::copy_n(&clocks_[e * width_], width_, &clocks[e * width]);
        clocks_.swap(clocks);
        width_ = width;
        zeros_.assign(width_, 0);
    }
    if (lanes > lanes_) {
        lanes_ = lanes;
        laneLast_.resize(lanes_, -1);
        laneCreatedBy_.resize(lanes_, -1);
    }
}

int32_t& EventLog::head(Location l)
{
    auto& heads = heads_[size_t(locationClass(l))];
    uint32_t index = locationIndex(l);
    if (index >= heads.size()) heads.resize(std::max<size_t>(index + 1, heads.size() * 2), -1);
    return heads[index];
}

const uint32_t* EventLog::laneClock(uint32_t lane) const
{
    if (laneLast_[lane] >= 0) return clockOf(uint32_t(laneLast_[lane]));
    if (laneCreatedBy_[lane] >= 0) return clockOf(uint32_t(laneCreatedBy_[lane]));
    return zeros_.data();
}

// Walks the earlier touches of t.location from the newest. Every unordered conflicting event is
// joined into `clock`. Reversible ones are race candidates, except plain (non-exclusive) touches
// seen beyond a non-reversible release: the new event could not have run before them. The walk
// stops at the first exclusive (conflicts-with-all) touch that is ordered before the new event or
// is itself a candidate, since every earlier touch is ordered before that one.
void EventLog::scanLocation(const Touch& t, uint32_t lane, const uint32_t* prior, uint32_t* clock,
                            std::vector<uint32_t>* candidates)
{
    bool passedRelease = false;
    for (int32_t i = head(t.location); i >= 0; i = touchPrev_[size_t(i)]) {
        Access earlier = touchData_[size_t(i)].access;
        uint32_t depth = touchDepth_[size_t(i)];
        const EventRecord& ev = events_[depth];
        bool exclusive = conflictsWithAll(earlier);
        if (ev.lane == lane || prior[ev.lane] >= ev.laneIndex) {
            if (exclusive) break;
            continue;
        }
        if (!conflicts(earlier, t.access)) continue;
        const uint32_t* other = clockOf(depth);
        for (uint32_t k = 0; k < lanes_; ++k) clock[k] = std::max(clock[k], other[k]);
        if (!isReversible(earlier, t.access)) {
            passedRelease = true;
            continue;
        }
        if (candidates && (exclusive || !passedRelease)) candidates->push_back(depth);
        if (exclusive) break;
    }
}

void EventLog::push(uint32_t actor, uint32_t lane, const Footprint& fp, int32_t createsLane,
                    std::vector<uint32_t>* races)
{
    ensureLanes(std::max<uint32_t>(lane, createsLane >= 0 ? uint32_t(createsLane) : 0) + 1);
    uint32_t depth = size();
    EventRecord e;
    e.actor = actor;
    e.lane = lane;
    e.prevInLane = laneLast_[lane];
    e.laneIndex = e.prevInLane >= 0 ? events_[size_t(e.prevInLane)].laneIndex + 1 : 1;
    e.createsLane = createsLane;
    e.touchBegin = uint32_t(touchData_.size());
    e.touchCount = uint32_t(fp.touches.size());

    clocks_.resize(size_t(depth + 1) * width_, 0);
    uint32_t* clock = clockOf(depth);
    const uint32_t* prior = laneClock(lane);
    std::copy_n(prior, width_, clock);
    if (races) races->clear();
    for (const Touch& t : fp.touches) scanLocation(t, lane, prior, clock, races);
    clock[lane] = e.laneIndex;

    if (races && races->size() > 1) {
        std::sort(races->begin(), races->end());
        races->erase(std::unique(races->begin(), races->end()), races->end());
        // Keep only races with no other candidate in between (c happens before another candidate).
        std::vector<uint32_t> kept;
        for (uint32_t c : *races) {
            bool covered = false;
            for (uint32_t d : *races)
                if (d != c && clockOf(d)[events_[c].lane] >= events_[c].laneIndex) covered = true;
            if (!covered) kept.push_back(c);
        }
        races->swap(kept);
    }

    for (const Touch& t : fp.touches) {
        int32_t& h = head(t.location);
        touchData_.push_back(t);
        touchDepth_.push_back(depth);
        touchPrev_.push_back(h);
        h = int32_t(touchData_.size() - 1);
    }
    events_.push_back(e);
    laneLast_[lane] = int32_t(depth);
    if (createsLane >= 0) laneCreatedBy_[size_t(createsLane)] = int32_t(depth);
}

void EventLog::truncate(uint32_t depth)
{
    while (events_.size() > depth) {
        const EventRecord& e = events_.back();
        for (uint32_t k = e.touchCount; k-- > 0;) {
            size_t i = e.touchBegin + k;
            head(touchData_[i].location) = touchPrev_[i];
        }
        touchData_.resize(e.touchBegin);
        touchDepth_.resize(e.touchBegin);
        touchPrev_.resize(e.touchBegin);
        laneLast_[e.lane] = e.prevInLane;
        if (e.createsLane >= 0) {
            laneCreatedBy_[size_t(e.createsLane)] = -1;
            lanes_ = std::max(initialLanes_, std::min(lanes_, uint32_t(e.createsLane)));
            laneLast_.resize(lanes_);
            laneCreatedBy_.resize(lanes_);
        }
        events_.pop_back();
    }
    clocks_.resize(size_t(depth) * width_);
}

}  // namespace checker
