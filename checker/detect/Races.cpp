#include "checker/detect/Races.hpp"

#include <algorithm>

namespace checker {

namespace {

// Whether no two accesses that both leave a location's history in place (its `since` list holds
// only such accesses) conflict, on a file location (and on a global, the only such access is a
// read): a non-exclusive access has only the exclusive one to be judged against.
constexpr bool nonExclusiveAccessesCommute()
{
    constexpr Access all[] = {Access::Read,    Access::Write,         Access::Acquire,      Access::Release,
                              Access::Observe, Access::SharedAcquire, Access::SharedRelease};
    for (Access a : all)
        for (Access b : all)
            if (!conflictsWithAll(a) && !conflictsWithAll(b) && conflicts(a, b)) return false;
    return true;
}
static_assert(nonExclusiveAccessesCommute());

}  // namespace

void RaceDetector::begin()
{
    for (auto& pool : histories_) pool.clear();
    since_.clear();
    free_ = kNone;
    latest_ = {};
}

void RaceDetector::recordRepeatShared(uint32_t t, uint32_t epoch, int32_t stmt, StepKind kind,
                                      std::span<const Touch> touches)
{
    const uint32_t watched = watchedClasses(kind);
    Record now{t, epoch, stmt, Access::Read, isAtomic(kind), kind == StepKind::FileClose, 0};   // all but the access
    uint32_t judged = 0;
    for (const Touch& touch : touches) {
        if (!(watched & locationClassBit(locationClass(touch.location)))) continue;
        now.access = touch.access;
        const Place place = ownedPlaceOf(touch.location);
        place.item->exclusive = now;
        latest_[judged++] = place;
    }
}

void RaceDetector::judgeUnordered(Record& earlier, const Record& now, bool file, Location l, std::vector<RacePair>& out)
{
    bool conflict = file ? conflicts(earlier.access, now.access) && !(earlier.close && now.close)
                         : (earlier.access != Access::Read || now.access != Access::Read) && !(earlier.atomic && now.atomic);
    if (!conflict) return;
    uint64_t bit = now.thread < 64 ? uint64_t(1) << now.thread : 0;
    if (earlier.racedWith & bit) return;
    earlier.racedWith |= bit;
    out.push_back(RacePair{file, l, earlier.thread, now.thread, earlier.stmt, now.stmt});
}

void RaceDetector::judgeAndFreeSince(History& h, const Record& now, bool file, const VectorClock& clock, Location l,
                                     std::vector<RacePair>& out)
{
    uint32_t last = h.since;
    for (uint32_t i = h.since; i != kNone; i = since_[i].next) {
        judge(since_[i].record, now, file, clock, l, out);
        last = i;
    }
    since_[last].next = free_;
    free_ = h.since;
    h.since = kNone;
}

uint32_t RaceDetector::addNode()
{
    since_.emplace_back();   // its `next` is kNone: the free list ends there
    return uint32_t(since_.size() - 1);
}

}  // namespace checker
