#include "checker/detect/HappensBefore.hpp"

#include <algorithm>

namespace checker {

void VectorClock::join(const VectorClock& other)
{
    if (v_.size() < other.v_.size()) v_.resize(other.v_.size(), 0);
    for (size_t i = 0; i < other.v_.size(); ++i) v_[i] = std::max(v_[i], other.v_[i]);
}

void HappensBefore::begin(uint32_t threads)
{
    for (VectorClock& c : threads_) c.clear();
    // Emptied in place: the clocks keep their storage for the next execution's joins.
    for (auto* pool : {&objects_, &threadLocs_, &globals_})
        for (SyncClocks& s : *pool) {
            if (!s.used) continue;
            s.exclusive.clear();
            s.shared.clear();
            s.used = false;
        }
    threads_.resize(threads);
    for (uint32_t t = 0; t < threads; ++t) threads_[t].set(t, 1);
}

void HappensBefore::addThread(uint32_t t)
{
    if (threads_.size() <= t) threads_.resize(size_t(t) + 1);
    threads_[t].set(t, 1);
}

HappensBefore::SyncClocks* HappensBefore::syncOf(Location l, bool create)
{
    LocationClass c = locationClass(l);
    std::vector<SyncClocks>* pool = c == LocationClass::Object ? &objects_
                                    : c == LocationClass::Thread ? &threadLocs_
                                                                 : &globals_;
    uint32_t index = locationIndex(l);
    if (pool->size() <= index) {
        if (!create) return nullptr;
        pool->resize(size_t(index) + 1);
    }
    return &(*pool)[index];
}

const VectorClock& HappensBefore::acquire(uint32_t t, const Footprint& fp, GlobalSync globals,
                                          const StepEffects& effects)
{
    ensureThread(t);
    VectorClock& c = threads_[t];
    if (effects.blocked) return c;
    for (const Touch& touch : fp.touches) {
        if (!synchronizes(touch.location, globals)) continue;
        SyncClocks* s = syncOf(touch.location, false);
        if (!s) continue;
        bool object = locationClass(touch.location) == LocationClass::Object;
        switch (touch.access) {
        case Access::Acquire:
        case Access::Observe:
            c.join(s->exclusive);
            c.join(s->shared);
            break;
        case Access::SharedAcquire: c.join(s->exclusive); break;
        case Access::Write:
            if (globals != GlobalSync::ReleaseStore) {
                c.join(s->exclusive);
                c.join(s->shared);
            }
            break;
        case Access::Read:
            if (!object) c.join(s->exclusive);
            break;
        default: break;
        }
    }
    return c;
}

void HappensBefore::publish(uint32_t t, const Footprint& fp, GlobalSync globals, const StepEffects& effects)
{
    for (int32_t w : effects.woken) ensureThread(uint32_t(w));
    if (effects.createdThread >= 0) ensureThread(uint32_t(effects.createdThread));
    VectorClock& c = threads_[t];
    if (!effects.blocked) {
        for (const Touch& touch : fp.touches) {
            bool publishes = touch.access == Access::Release || touch.access == Access::SharedRelease ||
                             touch.access == Access::Write;
            if (!publishes || !synchronizes(touch.location, globals)) continue;
            SyncClocks* s = syncOf(touch.location, true);
            s->used = true;
            (touch.access == Access::SharedRelease ? s->shared : s->exclusive).join(c);
        }
    }
    for (int32_t w : effects.woken) threads_[size_t(w)].join(c);
    if (effects.createdThread >= 0) threads_[size_t(effects.createdThread)].join(c);
    c.set(t, c.get(t) + 1);
}

}  // namespace checker
