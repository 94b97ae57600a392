// KMUTEX (SEMANTICS.md §2). State: signal = 1 - recursion depth (1 = free), owner. Acquisition is
// a dispatcher wait (Wait.cpp, Dispatcher.cpp): granted iff free or already owned by the caller
// (recursion, counted); on the 0 transition the caller owns it and its KernelApcDisable count goes
// up (owning a KMUTEX is a critical region: normal kernel APCs are deferred).
// - KeReleaseMutex: by the owner only, else RAISE(STATUS_MUTANT_NOT_OWNED 0xC0000046): the
//   execution stops (unhandled: bug check 0x1E/0x7E) with MUTEX_NOT_OWNED. Returns the previous
//   signal state (0 on the final release, -7 when held 8 times). The final release gives the
//   mutex to the first waiter in FIFO order inside the release step (hand-off, no barging).
// - KeReadStateMutex: the signal state, unsynchronized.
// - KeInitializeMutex: signalled, no owner. Re-initializing a mutex that is owned or waited for
//   loses its owner and waiters: REINITIALIZED_IN_USE, corruption, the execution stops.
// - Owner exit: bug check 0x4000008A (ThreadExit.cpp). Abandonment applies to KMUTANTs only (a
//   KeInitializeMutex mutex brings the machine down instead), so STATUS_ABANDONED never arises.
// The mutex limit (recursion to MINLONG) is not modelled: no scenario can reach 2^31 acquisitions
// within the step bound.

#include "models/ModelRegistry.hpp"
#include "models/sync/Dispatcher.hpp"

namespace checker {

namespace {

using namespace sync;

class ReleaseMutex : public CallModel {
public:
    void footprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(objectLocation(op.object), Access::Write);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        ObjectState& m = world.objects[op.object];
        if (m.owner != int32_t(t)) {
            std::string owner = m.owner == kNoThread ? "not owned" : "owned by " + world.threads[size_t(m.owner)].name;
            raiseMisuse(effects, t, op.stmt, "MUTEX_NOT_OWNED",
                        world.threads[t].name + " releases KMUTEX " + nameOf(world, op.object) + " which is " + owner +
                            ": KeReleaseMutex raises STATUS_MUTANT_NOT_OWNED (0xC0000046); unhandled, the "
                            "system bug checks 0x1E KMODE_EXCEPTION_NOT_HANDLED",
                        {op.object}, true);
            return;
        }
        int64_t previous = m.signal++;
        setLocal(world, t, op.call->outPrevious, previous);
        if (effects.wantText) effects.result = "previous = " + std::to_string(previous);
        if (m.signal != 1) return;
        m.owner = kNoThread;
        world.threads[t].kernelApcDisable--;
        noteReleased(world, t, op.object);
        waitTest(world, op.object, effects);
    }
};

class ReadStateMutex : public CallModel {
public:
    void footprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(objectLocation(op.object), Access::Read);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        int64_t state = world.objects[op.object].signal;
        setLocal(world, t, op.call->outResult, state);
        if (effects.wantText) effects.result = "result = " + std::to_string(state);
    }
};

}  // namespace

namespace {

class InitializeMutex : public CallModel {
public:
    void footprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(objectLocation(op.object), Access::Write);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        if (!checkReinitialize(world, t, op, effects)) return;
        ObjectState& m = world.objects[op.object];
        m.signal = 1;
        m.owner = kNoThread;
    }
};

}  // namespace

void registerKMutex(ModelTable& table)
{
    static const ReleaseMutex release;
    static const ReadStateMutex read;
    static const InitializeMutex init;
    table[size_t(Api::KeReleaseMutex)] = &release;
    table[size_t(Api::KeReadStateMutex)] = &read;
    table[size_t(Api::KeInitializeMutex)] = &init;
}

}  // namespace checker
