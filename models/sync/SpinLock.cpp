// KSPIN_LOCK (SEMANTICS.md §5.2). State: owner (for reports and the self-deadlock; the free
// kernel keeps none), savedIrql.
// - KeAcquireSpinLock: enabled iff free (no queue: a spinning CPU is not queued, nothing depends on
//   who spins); raises the caller to DISPATCH_LEVEL and saves the old IRQL. A recursive acquire
//   spins forever: a one-thread cycle reported with RECURSIVE_ACQUIRE (bug check 0xF
//   SPIN_LOCK_ALREADY_OWNED on builds that check).
// - KeReleaseSpinLock: restores the saved IRQL. Release of a free lock or of another thread's lock
//   corrupts it: RELEASE_NOT_OWNED, the execution stops.
// While held: waits with no timeout are WAIT_AT_DISPATCH_LEVEL (Wait.cpp), Zw* calls hang
// (SYNC_IO_WITH_SPECIAL_APCS_DISABLED, Interpreter), no APC is delivered (IRQL).
// Footprints: Acquire / Release, as for fast mutexes (the acquire is disabled while held).

#include "models/ModelRegistry.hpp"
#include "models/sync/SyncSupport.hpp"

namespace checker {

namespace {

using namespace sync;

class AcquireSpinLock : public CallModel {
public:
    bool enabled(const World& world, ThreadId, const PreparedOp& op) const override
    {
        return world.objects[op.object].owner == kNoThread;
    }
    void footprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(objectLocation(op.object), Access::Acquire);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        ObjectState& l = world.objects[op.object];
        ThreadState& th = world.threads[t];
        l.owner = int32_t(t);
        l.savedIrql = int8_t(th.irql);
        th.irql = Irql::Dispatch;
        noteAcquired(world, t, op.object, op.stmt, effects);
    }
    WaitInfo waitInfo(const World& world, ThreadId t, const PreparedOp& op) const override
    {
        WaitInfo info;
        info.object = nameOf(world, op.object);
        info.objectType = "KSPIN_LOCK";
        info.objectId = op.object;
        info.mode = "exclusive";
        info.holderMode = "exclusive";
        int32_t owner = world.objects[op.object].owner;
        if (owner != kNoThread) info.holders.push_back(owner);
        if (owner == int32_t(t)) {
            info.selfDeadlockRule = "RECURSIVE_ACQUIRE";
            info.selfDeadlockMessage = world.threads[t].name + " acquires KSPIN_LOCK " + info.object +
                                       " which it already holds: the CPU spins forever (bug check 0xF "
                                       "SPIN_LOCK_ALREADY_OWNED on builds that check)";
        }
        return info;
    }
};

class ReleaseSpinLock : public CallModel {
public:
    void footprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(objectLocation(op.object), Access::Release);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        ObjectState& l = world.objects[op.object];
        ThreadState& th = world.threads[t];
        if (l.owner != int32_t(t)) {
            std::string state = l.owner == kNoThread ? "which is not held" : "held by " + world.threads[size_t(l.owner)].name;
            raiseMisuse(effects, t, op.stmt, "RELEASE_NOT_OWNED",
                        th.name + " releases KSPIN_LOCK " + nameOf(world, op.object) + " " + state +
                            " (Driver Verifier 0xC4/0x1004, 0x1007; corrupts the lock and the IRQL on a free build)",
                        {op.object}, true);
            return;
        }
        l.owner = kNoThread;
        th.irql = Irql(l.savedIrql);
        noteReleased(world, t, op.object);
    }
};

}  // namespace

void registerSpinLock(ModelTable& table)
{
    static const AcquireSpinLock acquire;
    static const ReleaseSpinLock release;
    table[size_t(Api::KeAcquireSpinLock)] = &acquire;
    table[size_t(Api::KeReleaseSpinLock)] = &release;
}

}  // namespace checker
