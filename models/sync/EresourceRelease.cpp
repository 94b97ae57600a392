// ERESOURCE (SEMANTICS.md §3): release, conversion, initialization and deletion.
// - ExReleaseResourceLite / ExReleaseResourceForThreadLite(thread): drop one hold of the caller
//   (or of the named thread). When the exclusive owner's count reaches 0: all shared waiters
//   become owners if there are any (even with exclusive waiters queued), else the oldest exclusive
//   waiter. When the last shared owner leaves: the oldest exclusive waiter becomes owner (shared
//   waiters behind it keep waiting), or, with no exclusive waiter, every shared waiter. Ownership
//   is assigned inside the release step (hand-off, no barging; the woken acquire returns TRUE).
//   A release by a thread with no hold: bug check 0xE3 RESOURCE_NOT_OWNED, or corruption when
//   another thread owns it exclusively — RELEASE_NOT_OWNED, the execution stops.
//   Decision: releasing for another owner thread is legal, as the kernel's owner-table lookup
//   does it (ExSetResourceOwnerPointer is not in the format).
// - ExConvertExclusiveToSharedLite: the caller must own it exclusively (else RELEASE_NOT_OWNED,
//   corruption); its holds become shared, every shared waiter is granted; never blocks.
// - ExDeleteResourceLite while owned or waited for: RESOURCE_DELETED_IN_USE (Driver Verifier
//   0xC4/0x100B, 0xD2; the waiters never wake and the next release touches freed memory), the
//   execution stops; a second delete is RESOURCE_USED_AFTER_DELETE.
// - ExInitializeResourceLite: free and not deleted; re-initializing a live one is corruption.
// Footprints: a shared release with nobody queued is SharedRelease; everything else Writes.

#include "models/ModelRegistry.hpp"
#include "models/sync/Eresource.hpp"

namespace checker {

namespace {

using namespace sync;

void grantExclusiveWaiter(World& world, uint32_t id, StepEffects& effects)
{
    auto& q = world.objects[id].waiters;
    for (size_t i = 0; i < q.size(); ++i) {
        if (q[i].mode != kResourceExclusive) continue;
        int32_t w = q[i].thread;
        q.erase(q.begin() + std::ptrdiff_t(i));
        world.objects[id].owner = w;
        addHold(world.objects[id], w);
        noteAcquired(world, ThreadId(w), id, pendingStmt(world, w), effects);
        grantWaiter(world, w, world.threads[size_t(w)].pending.call->outResult, 1, effects);
        return;
    }
}

bool hasWaiter(const ObjectState& r, uint8_t mode)
{
    for (const Waiter& w : r.waiters)
        if (w.mode == mode) return true;
    return false;
}

class ReleaseResource : public CallModel {
public:
    explicit ReleaseResource(bool forThread) : forThread_(forThread) {}

    void footprint(const World& world, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        const ObjectState& r = world.objects[op.object];
        bool commutes = r.owner == kNoThread && r.waiters.empty() && !(r.flags & kResourceDeleted);
        out.add(objectLocation(op.object), commutes ? Access::SharedRelease : Access::Write);
    }

    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        if (!checkNotDeleted(world, t, op, effects)) return;
        checkResourceApcs(world, t, op, false, effects);
        int32_t x = forThread_ ? op.thread : int32_t(t);
        if (forThread_ && x < 0) x = world.threadFor(op.call->thread.decl, op.call->thread.instance);
        ObjectState& r = world.objects[op.object];
        if (x < 0 || holdCount(r, x) == 0) return notOwned(world, t, op, x, effects);
        bool exclusive = r.owner != kNoThread;
        dropHold(r, x);
        noteReleased(world, ThreadId(x), op.object);
        if (!r.holders.empty()) return;
        r.owner = kNoThread;
        bool sharedFirst = exclusive ? hasWaiter(r, kResourceShared) : !hasWaiter(r, kResourceExclusive);
        if (sharedFirst) grantSharedWaiters(world, op.object, effects);
        else grantExclusiveWaiter(world, op.object, effects);
    }

private:
    static void notOwned(World& world, ThreadId t, const PreparedOp& op, int32_t x, StepEffects& effects)
    {
        const ObjectState& r = world.objects[op.object];
        std::string who = x < 0 ? "a thread that was never started" : world.threads[size_t(x)].name;
        std::string why = r.owner != kNoThread
            ? " while " + world.threads[size_t(r.owner)].name + " owns it exclusively: the free kernel decrements the "
              "owner's count (corruption)"
            : ": bug check 0xE3 RESOURCE_NOT_OWNED";
        raiseMisuse(effects, t, op.stmt, "RELEASE_NOT_OWNED",
                    world.threads[t].name + " releases ERESOURCE " + nameOf(world, op.object) + " for " + who +
                        ", which does not own it" + why,
                    {op.object}, true);
    }

    bool forThread_;
};

class ConvertToShared : public CallModel {
public:
    void footprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(objectLocation(op.object), Access::Write);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        if (!checkNotDeleted(world, t, op, effects)) return;
        ObjectState& r = world.objects[op.object];
        if (r.owner != int32_t(t)) {
            raiseMisuse(effects, t, op.stmt, "RELEASE_NOT_OWNED",
                        world.threads[t].name + " converts ERESOURCE " + nameOf(world, op.object) +
                            " to shared without owning it exclusively (assertion; corruption on a free build)",
                        {op.object}, true);
            return;
        }
        r.owner = kNoThread;
        grantSharedWaiters(world, op.object, effects);
    }
};

class DeleteResource : public CallModel {
public:
    void footprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(objectLocation(op.object), Access::Write);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        if (!checkNotDeleted(world, t, op, effects)) return;
        ObjectState& r = world.objects[op.object];
        if (!r.holders.empty() || !r.waiters.empty()) {
            std::vector<int32_t> users = holderThreads(r);
            for (const Waiter& w : r.waiters) users.push_back(w.thread);
            raiseMisuse(effects, t, op.stmt, "RESOURCE_DELETED_IN_USE",
                        world.threads[t].name + " deletes ERESOURCE " + nameOf(world, op.object) +
                            " while it is owned or waited for by " + threadList(world, users) +
                            " (Driver Verifier 0xC4/0x100B, 0xD2; waiters never wake and the next release "
                            "touches freed memory)",
                        {op.object}, true);
            return;
        }
        r.flags |= kResourceDeleted;
    }
};

class InitializeResource : public CallModel {
public:
    void footprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(objectLocation(op.object), Access::Write);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        if (!checkReinitialize(world, t, op, effects)) return;
        world.objects[op.object].flags = 0;
    }
};

}  // namespace

void registerEresourceRelease(ModelTable& table)
{
    static const ReleaseResource release(false), releaseForThread(true);
    static const ConvertToShared convert;
    static const DeleteResource remove;
    static const InitializeResource init;
    table[size_t(Api::ExReleaseResourceLite)] = &release;
    table[size_t(Api::ExReleaseResourceForThreadLite)] = &releaseForThread;
    table[size_t(Api::ExConvertExclusiveToSharedLite)] = &convert;
    table[size_t(Api::ExDeleteResourceLite)] = &remove;
    table[size_t(Api::ExInitializeResourceLite)] = &init;
}

}  // namespace checker
