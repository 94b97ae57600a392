// ERESOURCE (SEMANTICS.md §3), acquisition and queries. State: owner = the exclusive owner (none
// when free or shared), holders = owner table {thread -> recursion count}, waiters = FIFO queue
// (Waiter::mode kResourceExclusive / kResourceShared), flags = deleted.
// Grant table (G granted, B blocks / FALSE without wait, SD self-deadlock / FALSE without wait):
//                      free  shared-by-others  +excl.waiter  caller-shared  +excl.waiter  caller-excl  excl-by-other
//   SharedLite          G        G                 B             G             G            G            B
//   StarveExclusive     G        G                 G             G             G            G            B
//   WaitForExclusive    G        G                 B             G             SD           G            B
//   Exclusive           G        B                 B             SD            SD           G            B
// A shared request by the exclusive owner counts as exclusive recursion. A request that cannot be
// granted with `wait: true` is a visible step that queues the thread (Part A.1); SD queues it
// behind itself, a one-thread cycle the deadlock detector reports (ERESOURCEs are recursive, so no
// RECURSIVE_ACQUIRE). Releases hand ownership to waiters inside the release (EresourceRelease.cpp).
// - Every acquire and release with normal kernel APCs enabled: APCS_NOT_DISABLED (Verifier
//   0xC4/0x37, 0x38); the execution continues as the free kernel would.
// - ExIsResourceAcquiredExclusiveLite: TRUE iff the caller owns it exclusively;
//   ExIsResourceAcquiredSharedLite: the caller's count (exclusive included), 0 if none.
// - Use of a deleted resource: RESOURCE_USED_AFTER_DELETE (freed memory: the execution stops).
// Footprints: a granted shared request on a resource nobody owns exclusively and nobody waits
// for is SharedAcquire (shared acquisitions commute); queries Read; everything else Writes.

#include "models/ModelRegistry.hpp"
#include "models/sync/Eresource.hpp"

namespace checker {

namespace sync {

void checkResourceApcs(const World& world, ThreadId t, const PreparedOp& op, bool acquire, StepEffects& effects)
{
    if (!normalApcsEnabled(world.threads[t])) return;
    raiseMisuse(effects, t, op.stmt, "APCS_NOT_DISABLED",
                world.threads[t].name + (acquire ? " acquires" : " releases") + " ERESOURCE " + nameOf(world, op.object) +
                    " with normal kernel APCs enabled (no critical region; Driver Verifier 0xC4/" +
                    (acquire ? "0x37)" : "0x38)"),
                {op.object}, false);
}

bool checkNotDeleted(const World& world, ThreadId t, const PreparedOp& op, StepEffects& effects)
{
    if (!(world.objects[op.object].flags & kResourceDeleted)) return true;
    raiseMisuse(effects, t, op.stmt, "RESOURCE_USED_AFTER_DELETE",
                world.threads[t].name + " uses ERESOURCE " + nameOf(world, op.object) +
                    " after ExDeleteResourceLite (freed memory; Driver Verifier 0xC4/0xD1 on a delete)",
                {op.object}, true);
    return false;
}

void grantSharedWaiters(World& world, uint32_t id, StepEffects& effects)
{
    auto& q = world.objects[id].waiters;
    for (size_t i = 0; i < q.size();) {
        if (q[i].mode != kResourceShared) {
            ++i;
            continue;
        }
        int32_t w = q[i].thread;
        q.erase(q.begin() + std::ptrdiff_t(i));
        addHold(world.objects[id], w);
        noteAcquired(world, ThreadId(w), id, pendingStmt(world, w), effects);
        grantWaiter(world, w, world.threads[size_t(w)].pending.call->outResult, 1, effects);
    }
}

}  // namespace sync

namespace {

using namespace sync;

enum class Grant { Now, Block, SelfDeadlock };

bool exclusiveWaiter(const ObjectState& r)
{
    for (const Waiter& w : r.waiters)
        if (w.mode == kResourceExclusive) return true;
    return false;
}

Grant decide(const ObjectState& r, int32_t t, Api api)
{
    if (r.holders.empty()) return Grant::Now;
    if (r.owner != kNoThread) return r.owner == t ? Grant::Now : Grant::Block;
    bool mine = holdCount(r, t) > 0;
    switch (api) {
    case Api::ExAcquireResourceExclusiveLite: return mine ? Grant::SelfDeadlock : Grant::Block;
    case Api::ExAcquireSharedStarveExclusive: return Grant::Now;
    case Api::ExAcquireSharedWaitForExclusive:
        if (mine) return exclusiveWaiter(r) ? Grant::SelfDeadlock : Grant::Now;
        return exclusiveWaiter(r) ? Grant::Block : Grant::Now;
    default: return mine || !exclusiveWaiter(r) ? Grant::Now : Grant::Block;
    }
}

class AcquireResource : public CallModel {
public:
    explicit AcquireResource(Api api) : api_(api), exclusive_(api == Api::ExAcquireResourceExclusiveLite) {}

    void footprint(const World& world, ThreadId t, const PreparedOp& op, Footprint& out) const override
    {
        const ObjectState& r = world.objects[op.object];
        bool commutes = !exclusive_ && r.owner == kNoThread && r.waiters.empty() &&
                        decide(r, int32_t(t), api_) == Grant::Now && !(r.flags & kResourceDeleted);
        out.add(objectLocation(op.object), commutes ? Access::SharedAcquire : Access::Write);
    }

    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        if (!checkNotDeleted(world, t, op, effects)) return;
        checkResourceApcs(world, t, op, true, effects);
        ObjectState& r = world.objects[op.object];
        Grant g = decide(r, int32_t(t), api_);
        if (g == Grant::Now) {
            if (exclusive_ && r.holders.empty()) r.owner = int32_t(t);
            addHold(r, int32_t(t));
            noteAcquired(world, t, op.object, op.stmt, effects);
            setLocal(world, t, op.call->outResult, 1);
            if (effects.wantText) effects.result = "result = TRUE";
        } else if (!op.call->wait) {
            setLocal(world, t, op.call->outResult, 0);
            if (effects.wantText) effects.result = "result = FALSE";
        } else {
            enqueue(r, int32_t(t), exclusive_ ? kResourceExclusive : kResourceShared);
            effects.blocked = true;
            if (effects.wantText) effects.result = "waits (queued)";
        }
    }

    WaitInfo waitInfo(const World& world, ThreadId, const PreparedOp& op) const override
    {
        const ObjectState& r = world.objects[op.object];
        WaitInfo info;
        info.object = nameOf(world, op.object);
        info.objectType = "ERESOURCE";
        info.objectId = op.object;
        info.mode = exclusive_ ? "exclusive" : "shared";
        info.holderMode = r.owner != kNoThread ? "exclusive" : "shared";
        info.holders = holderThreads(r);
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
    Api api_;
    bool exclusive_;
};

class QueryResource : public CallModel {
public:
    explicit QueryResource(bool exclusive) : exclusive_(exclusive) {}

    void footprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(objectLocation(op.object), Access::Read);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        const ObjectState& r = world.objects[op.object];
        int64_t result = exclusive_ ? (r.owner == int32_t(t) ? 1 : 0) : holdCount(r, int32_t(t));
        setLocal(world, t, op.call->outResult, result);
        if (effects.wantText) effects.result = "result = " + std::to_string(result);
    }

private:
    bool exclusive_;
};

}  // namespace

void registerEresourceRelease(ModelTable& table);

void registerEresource(ModelTable& table)
{
    static const AcquireResource exclusive(Api::ExAcquireResourceExclusiveLite),
        shared(Api::ExAcquireResourceSharedLite), starve(Api::ExAcquireSharedStarveExclusive),
        waitForExclusive(Api::ExAcquireSharedWaitForExclusive);
    static const QueryResource isExclusive(true), isShared(false);
    table[size_t(Api::ExAcquireResourceExclusiveLite)] = &exclusive;
    table[size_t(Api::ExAcquireResourceSharedLite)] = &shared;
    table[size_t(Api::ExAcquireSharedStarveExclusive)] = &starve;
    table[size_t(Api::ExAcquireSharedWaitForExclusive)] = &waitForExclusive;
    table[size_t(Api::ExIsResourceAcquiredExclusiveLite)] = &isExclusive;
    table[size_t(Api::ExIsResourceAcquiredSharedLite)] = &isShared;
    registerEresourceRelease(table);
}

}  // namespace checker
