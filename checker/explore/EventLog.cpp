#include "checker/explore/EventLog.hpp"

#include <algorithm>
#include <functional>

namespace checker {

void EventLog::begin(uint32_t initialLanes)
{
    truncate(0);
    repeatLane_ = kNoLane;
    lanes_ = 0;
    initialLanes_ = initialLanes;
    laneLast_.clear();
    laneEvents_.clear();
    laneCreatedBy_.clear();
    laneWokenBy_.clear();
    ensureLanes(initialLanes);
}

void EventLog::ensureLanes(uint32_t lanes)
{
    if (lanes > width_) {
        // A multiple of kClockBlock: copyClock moves whole blocks.
        uint32_t width = std::max(lanes, std::max<uint32_t>(kClockBlock, width_ * 2));
        width = (width + kClockBlock - 1) / kClockBlock * kClockBlock;
        std::vector<uint32_t> clocks(std::max<size_t>(events_.size(), 16) * width, 0);
        for (size_t e = 0; e < events_.size(); ++e)
            std::copy_n(&clocks_[e * width_], width_, &clocks[e * width]);
        clocks_.swap(clocks);
        width_ = width;
        zeros_.assign(width_, 0);
    }
    if (lanes > lanes_) {
        lanes_ = lanes;
        laneLast_.resize(lanes_, -1);
        laneEvents_.resize(lanes_);
        laneCreatedBy_.resize(lanes_, -1);
        laneWokenBy_.resize(lanes_, -1);
    }
}

void EventLog::grow(std::vector<LocationState>& states, uint32_t index)
{
    states.resize(std::max<size_t>(index + 1, states.size() * 2));
}

const uint32_t* EventLog::laneClock(uint32_t lane) const
{
    if (laneLast_[lane] >= 0) return clockOf(uint32_t(laneLast_[lane]));
    if (laneCreatedBy_[lane] >= 0) return clockOf(uint32_t(laneCreatedBy_[lane]));
    return zeros_.data();
}

const uint32_t* EventLog::priorClockSlow(uint32_t lane)
{
    const uint32_t* base = laneClock(lane);
    // A wake before the lane's latest event is in that event's clock already.
    if (laneWokenBy_[lane] < 0 || laneWokenBy_[lane] < laneLast_[lane]) return base;
    scratchPrior_.assign(base, base + width_);
    const uint32_t* waker = clockOf(uint32_t(laneWokenBy_[lane]));
    for (uint32_t k = 0; k < width_; ++k) scratchPrior_[k] = std::max(scratchPrior_[k], waker[k]);
    return scratchPrior_.data();
}

// Finds the earlier touches of t.location that are not ordered before the new event (`prior` is
// its lane's clock) and conflict with it; each is joined into `clock`. Reversible ones are race
// candidates. The exclusive chain is followed back past non-reversible releases (the lock-aware
// race is with the acquire behind them) and stops at the first ordered or candidate touch:
// everything earlier is ordered before that one.
void EventLog::scanLocation(const Touch& t, const LocationState& loc, uint32_t lane, const uint32_t* prior,
                            uint32_t* clock, std::vector<uint32_t>* candidates)
{
    auto unordered = [&](int32_t i) {
        const EventRecord& ev = events_[touchLinks_[size_t(i)].depth];
        return ev.lane != lane && prior[ev.lane] < ev.laneIndex;
    };
    // The lane count is read once: the stores into `clock` could alias it. Whole blocks of
    // lanes are joined four at a time, the rest one by one, stored only when it grows (gcc then
    // keeps that loop a plain one, cheaper for a few lanes than a vectorized loop's set-up).
    const uint32_t lanes = lanes_, blocked = lanes / kClockBlock * kClockBlock;
    auto join = [&](int32_t i) {
        const uint32_t* other = clockOf(touchLinks_[size_t(i)].depth);
        for (uint32_t k = 0; k < blocked; k += kClockBlock) joinBlock(other + k, clock + k);
        for (uint32_t k = blocked; k < lanes; ++k)
            if (other[k] > clock[k]) clock[k] = other[k];
    };
    // The `shared` touches conflict with no access but one that conflicts with every access (a
    // pair of other accesses commutes): a read among reads looks at none of them.
    if (conflictsWithAll(t.access)) {
        for (int32_t i : loc.shared) {
            if (!unordered(i)) continue;
            join(i);
            if (candidates && isReversible(touchData_[size_t(i)].access, t.access))
                candidates->push_back(touchLinks_[size_t(i)].depth);
        }
    }
    for (int32_t i = loc.lastExclusive; i >= 0; i = touchLinks_[size_t(i)].prevExclusive) {
        if (!unordered(i)) break;
        join(i);
        if (!isReversible(touchData_[size_t(i)].access, t.access)) continue;
        if (candidates) candidates->push_back(touchLinks_[size_t(i)].depth);
        break;
    }
}

[[gnu::always_inline]] inline void EventLog::record(const Touch& t, LocationState& loc, uint32_t depth, uint32_t lane)
{
    const int32_t index = int32_t(touchData_.size());
    touchData_.push_back(t);
    if (conflictsWithAll(t.access)) {
        touchLinks_.push_back(TouchLink{depth, loc.lastExclusive, -1, uint32_t(savedShared_.size())});
        if (!loc.shared.empty()) saveShared(loc);
        loc.lastExclusive = index;
        loc.lastExclusiveLane = lane;
        return;
    }
    touchLinks_.push_back(TouchLink{depth, -1, -1, uint32_t(savedShared_.size())});
    for (int32_t& entry : loc.shared) {
        // An entry may be an earlier touch of this same event (a footprint can touch a location
        // twice): the event is in events_ already.
        if (events_[touchLinks_[size_t(entry)].depth].lane != lane) continue;
        touchLinks_.back().replaced = entry;
        entry = index;
        return;
    }
    loc.shared.push_back(index);
}

void EventLog::saveShared(LocationState& loc)
{
    savedShared_.insert(savedShared_.end(), loc.shared.begin(), loc.shared.end());
    loc.shared.clear();
}

// Drops the touches from index `cut` on. Each location they touched is put back as it was
// before the first of them, looked at once: a backtrack from a 100,000-step loop drops as many
// touches, mostly of a few locations.
void EventLog::untouchFrom(uint32_t cut)
{
    if (cut >= touchData_.size()) return;
    ++truncations_;
    // A loop's touches cycle through a few locations: the last two looked at are known without
    // a look-up (their states are stamped).
    constexpr Location kNone = UINT32_MAX;   // no class has that number
    Location last = kNone, beforeLast = kNone;
    // Restoring changes no touch: the range is read once, not reloaded after every call.
    const Touch* const first = touchData_.data();
    const Touch* const end = first + touchData_.size();
    for (const Touch* t = first + cut; t != end; ++t) {
        const Location l = t->location;
        if (l == last || l == beforeLast) continue;
        beforeLast = last;
        last = l;
        LocationState& loc = state(l);
        if (loc.truncation == truncations_) continue;
        loc.truncation = truncations_;
        // As its first dropped touch found it: an exclusive one saved that.
        const uint32_t index = uint32_t(t - first);
        if (conflictsWithAll(t->access)) restoreSaved(index, loc);
        else restoreBeforeShared(cut, loc);
    }
    savedShared_.resize(touchLinks_[cut].savedBegin);
    touchData_.resize(cut);
    touchLinks_.resize(cut);
}

// Puts `loc` back as it was before the touches from `cut` on, the first of its own a
// non-exclusive one: as the earliest exclusive touch from `cut` on found it, or as it is when
// there is none; then each entry of a dropped touch becomes the entry it replaced (following
// replacements back before `cut`), or goes when it was appended.
void EventLog::restoreBeforeShared(uint32_t cut, LocationState& loc)
{
    if (loc.lastExclusive >= int32_t(cut)) {
        int32_t x = loc.lastExclusive;
        while (touchLinks_[size_t(x)].prevExclusive >= int32_t(cut)) x = touchLinks_[size_t(x)].prevExclusive;
        restoreSaved(uint32_t(x), loc);
    }
    size_t kept = 0;
    for (int32_t entry : loc.shared) {
        while (entry >= int32_t(cut)) entry = touchLinks_[size_t(entry)].replaced;
        if (entry >= 0) loc.shared[kept++] = entry;
    }
    loc.shared.resize(kept);
}

void EventLog::loadShared(LocationState& loc, uint32_t begin, size_t end)
{
    loc.shared.assign(savedShared_.begin() + std::ptrdiff_t(begin), savedShared_.begin() + std::ptrdiff_t(end));
}

// One look-up per touch; a table that grows on the way moves the states found before.
void EventLog::lookUpStates(const Footprint& fp)
{
    scratchStates_.clear();
    bool grew = false;
    for (const Touch& t : fp.touches) {
        auto& states = locations_[std::size_t(locationClass(t.location))];
        const uint32_t index = locationIndex(t.location);
        if (!holds(states, index)) {
            grow(states, index);
            grew = true;
        }
        scratchStates_.push_back(&states[index]);
    }
    if (grew)
        for (size_t k = 0; k < fp.touches.size(); ++k) scratchStates_[k] = &state(fp.touches[k].location);
}

// What push does for such an event, with what it would find known: the prior clock is the
// latest event's (it woke no lane), and every location's latest exclusive touch is that event's
// touch of it, with no `shared` entry. The new event shares those touches with the latest one (a
// run of repeats, one record per touch, which names the run's latest event): a scan that meets a
// touch of the run reads that event, whose clock holds the run's earlier ones (the same lane),
// and a chain walk past it goes on where it would have after the run's first event, at the
// touch before the run (ordered before the new event whenever the run's first event is).
// The new event can be repeated in turn.
void EventLog::pushRepeat(uint32_t actor, uint32_t lane)
{
    const uint32_t latest = uint32_t(laneLast_[lane]), depth = latest + 1;
    const EventRecord& before = events_[latest];
    const uint32_t laneIndex = before.laneIndex + 1, touchBegin = before.touchBegin, count = before.touchCount;
    events_.push_back(EventRecord{actor, lane, laneIndex, int32_t(latest), -1, before.wakesBegin, 0, touchBegin, count});
    const size_t clockEnd = size_t(depth + 1) * width_;
    if (clockEnd > clocks_.size()) clocks_.resize(std::max(clockEnd, clocks_.size() * 2));
    uint32_t* clock = clockOf(depth);
    copyClock(clockOf(latest), clock);
    clock[lane] = laneIndex;
    // One or two touches (repeatable()): no loop, which gcc set up for many.
    TouchLink* links = touchLinks_.data() + touchBegin;
    links[0].depth = depth;
    if (count > 1) links[1].depth = depth;
    laneLast_[lane] = int32_t(depth);
    laneEvents_[lane].push_back(depth);
    repeatable_ = true;
}

void EventLog::pushGeneral(uint32_t actor, uint32_t lane, const Footprint& fp, int32_t createsLane,
                           std::vector<uint32_t>* races, const std::vector<uint32_t>* woken)
{
    if (lane >= lanes_ || createsLane >= int32_t(lanes_))
        ensureLanes(std::max<uint32_t>(lane, createsLane >= 0 ? uint32_t(createsLane) : 0) + 1);
    const uint32_t depth = size();
    const int32_t prevInLane = laneLast_[lane];
    const uint32_t laneIndex = prevInLane >= 0 ? events_[size_t(prevInLane)].laneIndex + 1 : 1;
    // In events_ before its touches are recorded: a touch's entry names its event's lane.
    const uint32_t wakesCount = woken ? uint32_t(woken->size()) : 0;
    events_.push_back(EventRecord{actor, lane, laneIndex, prevInLane, createsLane, uint32_t(wakes_.size()), wakesCount,
                                  uint32_t(touchData_.size()), uint32_t(fp.touches.size())});

    // clocks_ only grows (truncation keeps it): the prior clock, which may be in it, stays put.
    const size_t clockEnd = size_t(depth + 1) * width_;
    if (clockEnd > clocks_.size()) clocks_.resize(std::max(clockEnd, clocks_.size() * 2));
    uint32_t* clock = clockOf(depth);
    const uint32_t* prior = priorClock(lane);
    copyClock(prior, clock);
    if (races) races->clear();
    const std::vector<Touch>& touches = fp.touches;
    if (distinctLocations(touches)) {
        // Each location touched once: recording a touch changes nothing the next one scans.
        for (const Touch& t : touches) {
            LocationState& loc = state(t.location);
            if (!lastTouchedBy(loc, lane)) scanLocation(t, loc, lane, prior, clock, races);
            record(t, loc, depth, lane);
        }
    } else {
        // Every touch scans the locations as they were before the event.
        lookUpStates(fp);
        for (size_t k = 0; k < touches.size(); ++k) {
            const LocationState& loc = *scratchStates_[k];
            if (!lastTouchedBy(loc, lane)) scanLocation(touches[k], loc, lane, prior, clock, races);
        }
        for (size_t k = 0; k < touches.size(); ++k) record(touches[k], *scratchStates_[k], depth, lane);
    }
    clock[lane] = laneIndex;
    if (races && races->size() > 1) keepImmediateRaces(*races);
    laneLast_[lane] = int32_t(depth);
    laneEvents_[lane].push_back(depth);
    repeatLane_ = createsLane < 0 && wakesCount == 0 ? lane : kNoLane;
    repeatable_ = false;
    if (createsLane >= 0 || wakesCount) undoable_.push_back(depth);
    if (createsLane >= 0) laneCreatedBy_[size_t(createsLane)] = int32_t(depth);
    for (uint32_t k = 0; k < wakesCount; ++k) {
        uint32_t w = (*woken)[k];
        ensureLanes(w + 1);
        wakes_.push_back(w);
        wakesReplaced_.push_back(laneWokenBy_[w]);
        laneWokenBy_[w] = int32_t(depth);
    }
}

void EventLog::notAfter(uint32_t a, uint32_t end, std::vector<uint32_t>& out) const
{
    out.clear();
    // happensBefore(a, k), with what it reads of the log held in locals: a store into `out`
    // could alias the log's members, which would otherwise be read again for every k.
    const uint32_t laneIndex = events_[a].laneIndex, width = width_;
    const uint32_t* const column = clocks_.data() + events_[a].lane;   // each clock's entry for a's lane
    auto after = [=](uint32_t k) { return column[std::size_t(k) * width] >= laneIndex; };
    // A short span is scanned: cheaper than a search in every lane.
    if (end - a <= 8 * lanes_) {
        for (uint32_t k = a + 1; k < end; ++k)
            if (!after(k)) out.push_back(k);
        return;
    }
    const uint32_t own = events_[a].lane, lanes = lanes_;
    for (uint32_t lane = 0; lane < lanes; ++lane) {
        if (lane == own) continue;  // program order: all of them happen after a
        const std::vector<uint32_t>& depths = laneEvents_[lane];
        const size_t before = out.size();
        for (auto k = std::upper_bound(depths.begin(), depths.end(), a); k != depths.end() && *k < end; ++k) {
            if (after(*k)) break;
            out.push_back(*k);
        }
        // Each lane's run is sorted: merging it in keeps the whole sorted.
        std::inplace_merge(out.begin(), out.begin() + std::ptrdiff_t(before), out.end());
    }
}

// Keeps only races with no other candidate in between (c happens before another candidate).
// Only a later event can have c in its clock: c is checked against the candidates after it,
// which the kept ones, written over the list from its start, have not overwritten yet.
void EventLog::keepImmediateRaces(std::vector<uint32_t>& races) const
{
    if (races.size() < 2) return;
    // Most come in increasing order already (a location's touches in the order they were made),
    // and are not sorted again.
    if (std::adjacent_find(races.begin(), races.end(), std::greater_equal<uint32_t>()) != races.end()) {
        std::sort(races.begin(), races.end());
        races.erase(std::unique(races.begin(), races.end()), races.end());
    }
    const size_t count = races.size();
    size_t kept = 0;
    for (size_t i = 0; i < count; ++i) {
        const uint32_t c = races[i];
        const uint32_t lane = events_[c].lane, laneIndex = events_[c].laneIndex;
        bool covered = false;
        for (size_t j = i + 1; j < count && !covered; ++j) covered = clockOf(races[j])[lane] >= laneIndex;
        if (!covered) races[kept++] = c;
    }
    races.resize(kept);
}

void EventLog::pendingRaces(uint32_t lane, const Footprint& fp, std::vector<uint32_t>& races)
{
    ensureLanes(lane + 1);
    races.clear();
    scratchClock_.assign(width_, 0);
    const uint32_t* prior = priorClock(lane);
    std::copy_n(prior, width_, scratchClock_.data());
    for (const Touch& t : fp.touches) scanLocation(t, state(t.location), lane, prior, scratchClock_.data(), &races);
    keepImmediateRaces(races);
}

void EventLog::truncate(uint32_t depth)
{
    if (events_.size() <= depth) return;
    repeatLane_ = kNoLane;   // the latest event changes
    repeatable_ = false;
    // An event that shares a run of repeats' touches keeps them for the run's earlier events,
    // which end with the event before it now.
    const EventRecord& first = events_[depth];
    uint32_t cut = first.touchBegin;
    if (repeatsPrevious(depth)) {
        for (uint32_t k = 0; k < first.touchCount; ++k) touchLinks_[cut + k].depth = depth - 1;
        cut += first.touchCount;
    }
    untouchFrom(cut);
    // The wakes and creations undone, latest first; most events have neither, and are not
    // visited.
    for (; !undoable_.empty() && undoable_.back() >= depth; undoable_.pop_back()) {
        const EventRecord& e = events_[undoable_.back()];
        for (uint32_t k = e.wakesCount; k-- > 0;) {
            uint32_t w = wakes_.back();
            if (w < laneWokenBy_.size()) laneWokenBy_[w] = wakesReplaced_.back();
            wakes_.pop_back();
            wakesReplaced_.pop_back();
        }
        if (e.createsLane >= 0) {
            laneCreatedBy_[size_t(e.createsLane)] = -1;
            lanes_ = std::max(initialLanes_, std::min(lanes_, uint32_t(e.createsLane)));
            laneLast_.resize(lanes_);
            laneEvents_.resize(lanes_);
            laneCreatedBy_.resize(lanes_);
            laneWokenBy_.resize(lanes_);
        }
    }
    // A few dropped events are walked back, each taken off its lane (a lane created by one of
    // them is gone); more are cut lane by lane at once, its latest kept event being its latest.
    // A lane whose latest event is kept (laneLast_, the last of its depths) keeps them all.
    if (size() - depth <= 2 * lanes_) {
        for (uint32_t d = size(); d-- > depth;) {
            const EventRecord& e = events_[d];
            if (e.lane >= lanes_) continue;
            laneEvents_[e.lane].pop_back();
            laneLast_[e.lane] = e.prevInLane;
        }
        events_.resize(depth);
        return;
    }
    events_.resize(depth);
    for (uint32_t lane = 0; lane < lanes_; ++lane) {
        if (laneLast_[lane] < int32_t(depth)) continue;
        std::vector<uint32_t>& depths = laneEvents_[lane];
        depths.erase(std::lower_bound(depths.begin(), depths.end(), depth), depths.end());
        laneLast_[lane] = depths.empty() ? -1 : int32_t(depths.back());
    }
}

}  // namespace checker
