// KSEMAPHORE (SEMANTICS.md §4.2). State: signal = count, limit; FIFO queue (Dispatcher.hpp).
// A satisfied wait (Wait.cpp) takes one unit.
// - KeReleaseSemaphore(adjustment): if count + adjustment exceeds the limit, or the addition
//   overflows / goes down (ReactOS: `State + Adjustment < State`, so a negative adjustment too),
//   RAISE(STATUS_SEMAPHORE_LIMIT_EXCEEDED 0xC0000047) with the count unchanged: unhandled, the
//   execution stops with SEMAPHORE_LIMIT_EXCEEDED. Else count += adjustment and waiters are
//   satisfied in FIFO order while units remain, inside this step. Returns the previous count.
// - KeInitializeSemaphore(count, limit): re-initializing with waiters is corruption.
// Both write the semaphore: a release publishes to the waits it satisfies.

#include "models/ModelRegistry.hpp"
#include "models/sync/Dispatcher.hpp"

namespace checker {

namespace {

using namespace sync;

class ReleaseSemaphore : public CallModel {
public:
    void footprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(objectLocation(op.object), Access::Write);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        ObjectState& s = world.objects[op.object];
        int64_t previous = s.signal;
        int64_t next = 0;
        if (__builtin_add_overflow(previous, op.adjustment, &next) || next > s.limit || next < previous) {
            raiseMisuse(effects, t, op.stmt, "SEMAPHORE_LIMIT_EXCEEDED",
                        world.threads[t].name + " releases KSEMAPHORE " + nameOf(world, op.object) + " by " +
                            std::to_string(op.adjustment) + " at count " + std::to_string(previous) + " (limit " +
                            std::to_string(s.limit) + "): KeReleaseSemaphore raises STATUS_SEMAPHORE_LIMIT_EXCEEDED "
                            "(0xC0000047); unhandled, the system bug checks 0x1E KMODE_EXCEPTION_NOT_HANDLED",
                        {op.object}, true);
            return;
        }
        s.signal = next;
        setLocal(world, t, op.call->outPrevious, previous);
        if (effects.wantText) effects.result = "previous = " + std::to_string(previous);
        waitTest(world, op.object, effects);
    }
};

class InitializeSemaphore : public CallModel {
public:
    void footprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(objectLocation(op.object), Access::Write);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        if (!checkReinitialize(world, t, op, effects)) return;
        ObjectState& s = world.objects[op.object];
        s.signal = op.count;
        s.limit = op.limit;
    }
};

}  // namespace

void registerSemaphore(ModelTable& table)
{
    static const ReleaseSemaphore release;
    static const InitializeSemaphore init;
    table[size_t(Api::KeReleaseSemaphore)] = &release;
    table[size_t(Api::KeInitializeSemaphore)] = &init;
}

}  // namespace checker
