#pragma once
// The happens-before order of one execution for race *findings* (SEMANTICS.md Part A.7), with
// vector clocks: one per thread (its program order, APC bodies included: an APC runs on its target
// thread), and per synchronization location the clocks that releases published.
//
// It is derived from what steps report, not from knowledge of each primitive:
//  - footprint touches on Object and Thread locations, and on Global locations by atomic steps
//    (interlocked calls, `atomic` loads and stores):
//      Acquire, Observe       join what exclusive and shared releases published
//      SharedAcquire          joins what exclusive releases published (a shared release orders
//                             only later exclusive acquires)
//      Release / Write        publish (Write also joins: a read-modify-write, e.g. KeSetEvent)
//      SharedRelease          publishes for later exclusive acquires only
//      Read                   joins on a Thread (a poll that saw the thread end) and on an atomic
//                             global (an acquire load); on an Object it is an unsynchronized
//                             look at the state (KeReadStateEvent, a failed try-acquire): nothing
//    An atomic store publishes without joining.
//  - hand-offs: a step that grants queued waiters (StepEffects::woken) is ordered before their
//    next step; a thread's creation is ordered before its first step.
// A step that blocks (it only queued itself) synchronizes with nothing until it is granted.
// ThreadTable touches order thread *creations* among themselves (instance numbering) and are not
// synchronization: two threads that each create a thread are not ordered by it. File-system
// locations never synchronize (the file system's internal locks are not the driver's).

#include "checker/exec/CallModel.hpp"
#include "checker/exec/Footprint.hpp"

#include <cstdint>
#include <vector>

namespace checker {

class VectorClock {
public:
    uint32_t get(uint32_t thread) const { return thread < v_.size() ? v_[thread] : 0; }
    void set(uint32_t thread, uint32_t value)
    {
        if (v_.size() <= thread) v_.resize(size_t(thread) + 1, 0);
        v_[thread] = value;
    }
    // get() and set(thread, get(thread) + 1) for a thread whose component was set (inline
    // without the size tests: a thread's own component, on every step).
    uint32_t getUnchecked(uint32_t thread) const { return v_[thread]; }
    void incrementUnchecked(uint32_t thread) { ++v_[thread]; }
    void join(const VectorClock& other);
    void clear() { v_.clear(); }

private:
    std::vector<uint32_t> v_;
};

// How a step's accesses to globals synchronize (the footprint alone does not say).
enum class GlobalSync : uint8_t { None, AcquireLoad, ReleaseStore, ReadModifyWrite };

class HappensBefore {
public:
    // Starts an execution with `threads` threads (more may be created).
    void begin(uint32_t threads);

    // Thread t took a step with footprint `fp` (computed before it ran) and `effects`. Joins
    // what the step acquired, and returns t's clock for judging the step's accesses. Call
    // publish() once those are judged.
    const VectorClock& acquire(uint32_t t, const Footprint& fp, GlobalSync globals, const StepEffects& effects);
    // Publishes the step's releases, hands the clock to woken and created threads, and ends the
    // step (t's own component advances).
    void publish(uint32_t t, const Footprint& fp, GlobalSync globals, const StepEffects& effects);

    // Whether a step with footprint `fp` and `effects` joins and publishes nothing: it blocked or
    // touches nothing that synchronizes, and it wakes and creates no thread. For such a step
    // acquire() would only return t's clock and publish() only advance t's epoch: ownClock() and
    // advance() do just that, without the two passes over the touches (most steps of a driver
    // that works on files are such steps).
    static bool synchronizesNothing(const Footprint& fp, GlobalSync globals, const StepEffects& effects)
    {
        if (!effects.woken.empty() || effects.createdThread >= 0) return false;
        if (effects.blocked) return true;
        for (const Touch& touch : fp.touches)
            if (synchronizes(touch.location, globals)) return false;
        return true;
    }
    // acquire() for a step that synchronizesNothing().
    const VectorClock& ownClock(uint32_t t)
    {
        ensureThread(t);
        return threads_[t];
    }
    // publish() for a step that synchronizesNothing().
    void advance(uint32_t t) { threads_[t].incrementUnchecked(t); }

    const VectorClock& clock(uint32_t t) const { return threads_[t]; }
    // t's component of its own clock: the epoch of t's current step (after acquire() or
    // ownClock() for it).
    uint32_t epoch(uint32_t t) const { return threads_[t].getUnchecked(t); }

private:
    struct SyncClocks {
        VectorClock exclusive;   // published by exclusive releases and writes
        VectorClock shared;      // published by shared releases
        bool used = false;       // false: both clocks are empty
        SyncClocks() = default;
        SyncClocks(const SyncClocks&) = default;
        SyncClocks(SyncClocks&&) = default;
        SyncClocks& operator=(SyncClocks&&) = default;
        // Copies nothing between two unused ones (a checkpoint copies every location's, and most
        // locations that could synchronize never did).
        SyncClocks& operator=(const SyncClocks& other)
        {
            if (!used && !other.used) return *this;
            exclusive = other.exclusive;
            shared = other.shared;
            used = other.used;
            return *this;
        }
    };
    // Whether touches of l can synchronize: the inline test that spares the touches of file
    // calls (most of them, in the seeds) a look-up.
    static bool synchronizes(Location l, GlobalSync globals)
    {
        LocationClass c = locationClass(l);
        return c == LocationClass::Object || c == LocationClass::Thread ||
               (c == LocationClass::Global && globals != GlobalSync::None);
    }
    // l's clocks (l must synchronize); null when it has none and `create` is false.
    SyncClocks* syncOf(Location l, bool create);
    void ensureThread(uint32_t t)
    {
        if (t >= threads_.size() || threads_[t].get(t) == 0) addThread(t);
    }
    // Starts thread t's clock (out of line: the hot path is ensureThread's test).
    void addThread(uint32_t t);

    std::vector<VectorClock> threads_;
    std::vector<SyncClocks> objects_, threadLocs_, globals_;
};

}  // namespace checker
