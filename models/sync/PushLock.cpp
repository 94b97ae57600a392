// EX_PUSH_LOCK (SEMANTICS.md §1). State: owner = the exclusive holder, holders = shared holders
// with counts (the kernel keeps no owner identity: both are for reports only, and behaviour never
// depends on who releases), waiters = FIFO queue (Waiter::mode kExclusive / kShared).
// - Acquire exclusive: granted iff not locked; acquire shared: granted iff not locked, or held
//   shared and nobody queued. Otherwise the request is a visible step that queues the thread.
//   A holder's re-acquire therefore queues behind itself: a one-thread cycle (HANG), reported with
//   RECURSIVE_ACQUIRE; a sharer's shared re-acquire succeeds only while nobody is queued.
// - Release: when the lock becomes free and waiters exist, the oldest waiter alone is woken if it
//   is exclusive, otherwise every waiter is woken and the queue emptied. Woken threads leave the
//   queue and re-compete (their acquire runs again, and may queue again as newest): the explorer
//   chooses who wins, barging included (Part A.2). Release when not held in that mode corrupts the
//   lock word: RELEASE_NOT_OWNED, the execution stops. Releasing another thread's hold is legal.
// - ExTryConvertPushLockSharedToExclusive: TRUE iff the lock is held by exactly one share (the
//   caller's) and nobody waits; FALSE leaves the caller holding shared. Never blocks.
// - Acquire or release with normal kernel APCs enabled (no critical region): APCS_NOT_DISABLED,
//   Driver Verifier 0xC4/0xEA (acquire) and 0xEB (release); the execution continues.
// Footprints: a granted shared acquire with nobody queued is SharedAcquire and a shared release
// with nobody queued is SharedRelease (they commute with each other); every other operation
// writes the lock word (queueing, exclusive ownership, wake-ups).

#include "models/ModelRegistry.hpp"
#include "models/sync/SyncSupport.hpp"

namespace checker {

namespace {

using namespace sync;

constexpr uint8_t kExclusive = 0;
constexpr uint8_t kShared = 1;

bool locked(const ObjectState& l) { return l.owner != kNoThread || !l.holders.empty(); }

bool grantable(const ObjectState& l, bool shared)
{
    if (!shared) return !locked(l);
    return l.owner == kNoThread && (l.holders.empty() || l.waiters.empty());
}

void checkApcs(const World& world, ThreadId t, const PreparedOp& op, bool acquire, StepEffects& effects)
{
    if (!normalApcsEnabled(world.threads[t])) return;
    raiseMisuse(effects, t, op.stmt, "APCS_NOT_DISABLED",
                world.threads[t].name + (acquire ? " acquires" : " releases") + " EX_PUSH_LOCK " +
                    nameOf(world, op.object) + " with normal kernel APCs enabled (no critical region; Driver Verifier 0xC4/" +
                    (acquire ? "0xEA)" : "0xEB)"),
                {op.object}, false);
}

// The lock became free: wake the oldest exclusive waiter alone, or every waiter.
void wake(ObjectState& l, StepEffects& effects)
{
    if (l.waiters.empty()) return;
    size_t n = l.waiters.front().mode == kExclusive ? 1 : l.waiters.size();
    for (size_t i = 0; i < n; ++i) effects.released.push_back(l.waiters[i].thread);
    l.waiters.erase(l.waiters.begin(), l.waiters.begin() + std::ptrdiff_t(n));
}

class AcquirePushLock : public CallModel {
public:
    explicit AcquirePushLock(bool shared) : shared_(shared) {}

    void footprint(const World& world, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        const ObjectState& l = world.objects[op.object];
        bool commutes = shared_ && grantable(l, true) && l.waiters.empty();
        out.add(objectLocation(op.object), commutes ? Access::SharedAcquire : Access::Write);
    }

    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        checkApcs(world, t, op, true, effects);
        ObjectState& l = world.objects[op.object];
        if (!grantable(l, shared_)) {
            enqueue(l, int32_t(t), shared_ ? kShared : kExclusive);
            effects.blocked = true;
            if (effects.wantText) effects.result = "waits (queued)";
            return;
        }
        if (shared_) addHold(l, int32_t(t));
        else l.owner = int32_t(t);
        noteAcquired(world, t, op.object, op.stmt, effects);
        if (effects.wantText) effects.result = shared_ ? "acquired shared" : "acquired exclusive";
    }

    WaitInfo waitInfo(const World& world, ThreadId t, const PreparedOp& op) const override
    {
        const ObjectState& l = world.objects[op.object];
        WaitInfo info;
        info.object = nameOf(world, op.object);
        info.objectType = "EX_PUSH_LOCK";
        info.objectId = op.object;
        info.mode = shared_ ? "shared" : "exclusive";
        info.holderMode = l.owner != kNoThread ? "exclusive" : "shared";
        info.holders = l.owner != kNoThread ? std::vector<int32_t>{l.owner} : holderThreads(l);
        bool self = l.owner == int32_t(t) || holdCount(l, int32_t(t)) > 0;
        if (self) {
            info.selfDeadlockRule = "RECURSIVE_ACQUIRE";
            info.selfDeadlockMessage = world.threads[t].name + " acquires EX_PUSH_LOCK " + info.object + " " + info.mode +
                                       " while holding it " + info.holderMode +
                                       (shared_ ? " with a waiter queued" : "") +
                                       ": push locks are not recursive, the thread hangs";
        }
        return info;
    }

    void cancelFootprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(objectLocation(op.object), Access::Write);
    }

    void cancelWait(World& world, ThreadId t, const PreparedOp& op) const override
    {
        dequeue(world.objects[op.object], int32_t(t));
    }

private:
    bool shared_;
};

class ReleasePushLock : public CallModel {
public:
    explicit ReleasePushLock(bool shared) : shared_(shared) {}

    void footprint(const World& world, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        bool commutes = shared_ && world.objects[op.object].waiters.empty();
        out.add(objectLocation(op.object), commutes ? Access::SharedRelease : Access::Write);
    }

    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        checkApcs(world, t, op, false, effects);
        ObjectState& l = world.objects[op.object];
        bool held = shared_ ? !l.holders.empty() : l.owner != kNoThread;
        if (!held) {
            raiseMisuse(effects, t, op.stmt, "RELEASE_NOT_OWNED",
                        world.threads[t].name + " releases EX_PUSH_LOCK " + nameOf(world, op.object) +
                            (shared_ ? " shared" : " exclusive") + " but it is not held in that mode: the lock word "
                            "is corrupted (a writer can be admitted while readers are inside)",
                        {op.object}, true);
            return;
        }
        int32_t holder = int32_t(t);
        if (!shared_) {
            holder = l.owner;
            l.owner = kNoThread;
        } else {
            if (holdCount(l, holder) == 0) holder = l.holders.front().thread;
            dropHold(l, holder);
        }
        noteReleased(world, ThreadId(holder), op.object);
        if (!locked(l)) wake(l, effects);
    }

private:
    bool shared_;
};

class TryConvertPushLock : public CallModel {
public:
    void footprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(objectLocation(op.object), Access::Write);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        ObjectState& l = world.objects[op.object];
        if (holdCount(l, int32_t(t)) == 0) {
            raiseMisuse(effects, t, op.stmt, "RELEASE_NOT_OWNED",
                        world.threads[t].name + " converts EX_PUSH_LOCK " + nameOf(world, op.object) +
                            " to exclusive without holding it shared: the lock word is corrupted",
                        {op.object}, true);
            return;
        }
        bool converted = l.holders.size() == 1 && l.holders[0].count == 1 && l.waiters.empty();
        if (converted) {
            l.holders.clear();
            l.owner = int32_t(t);
        }
        setLocal(world, t, op.call->outResult, converted ? 1 : 0);
        if (effects.wantText) effects.result = converted ? "result = TRUE" : "result = FALSE";
    }
};

class InitializePushLock : public CallModel {
public:
    void footprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(objectLocation(op.object), Access::Write);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        checkReinitialize(world, t, op, effects);
    }
};

}  // namespace

void registerPushLock(ModelTable& table)
{
    static const AcquirePushLock exclusive(false), shared(true);
    static const ReleasePushLock releaseExclusive(false), releaseShared(true);
    static const TryConvertPushLock convert;
    static const InitializePushLock init;
    table[size_t(Api::ExAcquirePushLockExclusive)] = &exclusive;
    table[size_t(Api::ExAcquirePushLockShared)] = &shared;
    table[size_t(Api::ExReleasePushLockExclusive)] = &releaseExclusive;
    table[size_t(Api::ExReleasePushLockShared)] = &releaseShared;
    table[size_t(Api::ExTryConvertPushLockSharedToExclusive)] = &convert;
    table[size_t(Api::ExInitializePushLock)] = &init;
}

}  // namespace checker
