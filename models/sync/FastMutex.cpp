// FAST_MUTEX (SEMANTICS.md §5.1). State: ObjectState::owner (thread or none), savedIrql.
// - ExAcquireFastMutex: enabled iff free (no queue: nothing depends on who waits); raises the
//   caller to APC_LEVEL for the whole hold. Not recursive: the owner's re-acquire never becomes
//   enabled, a one-thread wait-for cycle (HANG) reported with RECURSIVE_ACQUIRE.
// - ExReleaseFastMutex: by the owner only; restores the saved IRQL. Release of a free mutex or by
//   another thread corrupts the free kernel: RELEASE_NOT_OWNED, the execution stops.
// - ExTryToAcquireFastMutex: never blocks; TRUE and acquired iff free.

#include "models/ModelRegistry.hpp"
#include "models/sync/SyncSupport.hpp"

namespace checker {

namespace {

Location mutexLocation(const PreparedOp& op) { return makeLocation(LocationClass::Object, op.object); }

void take(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects)
{
    ObjectState& m = world.objects[op.object];
    ThreadState& th = world.threads[t];
    m.owner = int32_t(t);
    m.savedIrql = int8_t(th.irql);
    th.irql = Irql::Apc;
    sync::noteAcquired(world, t, op.object, op.stmt, effects);
}

class AcquireFastMutex : public CallModel {
public:
    bool enabled(const World& world, ThreadId, const PreparedOp& op) const override
    {
        return world.objects[op.object].owner == kNoThread;
    }
    void footprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(mutexLocation(op), Access::Acquire);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        take(world, t, op, effects);
    }
    WaitInfo waitInfo(const World& world, ThreadId t, const PreparedOp& op) const override
    {
        WaitInfo info;
        info.object = objectName(*world.program, op.object);
        info.objectType = "FAST_MUTEX";
        info.objectId = op.object;
        info.mode = "exclusive";
        info.holderMode = "exclusive";
        int32_t owner = world.objects[op.object].owner;
        if (owner != kNoThread) info.holders.push_back(owner);
        if (owner == int32_t(t)) {
            info.selfDeadlockRule = "RECURSIVE_ACQUIRE";
            info.selfDeadlockMessage = world.threads[t].name + " acquires FAST_MUTEX " + info.object +
                                       " which it already holds: fast mutexes are not recursive "
                                       "(the thread hangs; Driver Verifier 0xC4/0x1000)";
        }
        return info;
    }
};

class ReleaseFastMutex : public CallModel {
public:
    void footprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(mutexLocation(op), Access::Release);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        ObjectState& m = world.objects[op.object];
        ThreadState& th = world.threads[t];
        if (m.owner != int32_t(t)) {
            ModelIssue issue;
            issue.thread = int32_t(t);
            issue.stmt = op.stmt;
            issue.rule = "RELEASE_NOT_OWNED";
            issue.objects = {op.object};
            issue.stopsExecution = true;
            std::string name = objectName(*world.program, op.object);
            issue.message = m.owner == kNoThread
                ? th.name + " releases FAST_MUTEX " + name + " which is not held (Driver Verifier 0xC4/0x1007; corrupts the lock on a free build)"
                : th.name + " releases FAST_MUTEX " + name + " held by " + world.threads[size_t(m.owner)].name + " (Driver Verifier 0xC4/0x1004; corrupts the lock on a free build)";
            effects.issues.push_back(std::move(issue));
            return;
        }
        m.owner = kNoThread;
        th.irql = Irql(m.savedIrql);
        sync::noteReleased(world, t, op.object);
    }
};

class TryToAcquireFastMutex : public CallModel {
public:
    void footprint(const World& world, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        bool free = world.objects[op.object].owner == kNoThread;
        out.add(mutexLocation(op), free ? Access::Acquire : Access::Read);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        bool free = world.objects[op.object].owner == kNoThread;
        if (free) take(world, t, op, effects);
        setLocal(world, t, op.call->outResult, free ? 1 : 0);
        if (effects.wantText) effects.result = free ? "result = TRUE" : "result = FALSE";
    }
};

}  // namespace

void registerFastMutex(ModelTable& table)
{
    static const AcquireFastMutex acquire;
    static const ReleaseFastMutex release;
    static const TryToAcquireFastMutex tryAcquire;
    table[size_t(Api::ExAcquireFastMutex)] = &acquire;
    table[size_t(Api::ExReleaseFastMutex)] = &release;
    table[size_t(Api::ExTryToAcquireFastMutex)] = &tryAcquire;
}

}  // namespace checker
