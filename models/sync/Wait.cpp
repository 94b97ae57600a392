// KeWaitForSingleObject / KeWaitForMutexObject / KeWaitForMultipleObjects (SEMANTICS.md §4.3):
// one wait model that dispatches on what is waited for.
// - A thread object (`thread:`): see Threads.cpp — a notification object signalled at exit.
// - Dispatcher objects (Dispatcher.hpp): the state is tested first; a satisfiable wait applies its
//   side effect and returns at once (WaitAny: the first satisfiable object in list order, status
//   STATUS_WAIT_0 + index; WaitAll: only when every object is satisfiable at the same instant,
//   all side effects at once, STATUS_SUCCESS). Otherwise `timeout: 0` returns STATUS_TIMEOUT with
//   no side effect, and an infinite wait is a visible step that appends the thread to the tail of
//   every object's queue (Part A.1); the signalling step that satisfies it grants it (hand-off).
// - A normal kernel APC delivered to a queued waiter takes it out of every queue; after the APC
//   the call runs again and so re-queues at the tail (cancelWait, Part A.6).
// - An infinite wait at DISPATCH_LEVEL (holding a spin lock) is WAIT_AT_DISPATCH_LEVEL, Verifier
//   0xC4/0x121; the wait then proceeds as the free kernel would (decision: the rule is raised when
//   the call runs, whether or not it has to block).
// Footprints: a queueing or consuming wait writes each object it changes; a satisfied wait on a
// signalled notification event only observes it; `timeout: 0` that times out reads the objects.

#include "models/ModelRegistry.hpp"
#include "models/sync/Dispatcher.hpp"
#include "models/sync/Threads.hpp"

namespace checker {

namespace {

using namespace sync;

// Index of the object a WaitAny would take now, or n if none; for WaitAll, 0 if all are
// satisfiable, else n.
uint32_t satisfiedIndex(const World& world, ThreadId t, const PreparedOp& op)
{
    uint32_t n = waitObjectCount(op);
    if (isWaitAll(op)) {
        for (uint32_t i = 0; i < n; ++i)
            if (!satisfiable(world, t, waitObject(op, i))) return n;
        return 0;
    }
    for (uint32_t i = 0; i < n; ++i)
        if (satisfiable(world, t, waitObject(op, i))) return i;
    return n;
}

class WaitModel : public CallModel {
public:
    bool enabled(const World& world, ThreadId, const PreparedOp& op) const override
    {
        return isThreadWait(op) ? threadWaitEnabled(world, op) : true;
    }

    void footprint(const World& world, ThreadId t, const PreparedOp& op, Footprint& out) const override
    {
        if (isThreadWait(op)) return threadWaitFootprint(world, op, out);
        uint32_t n = waitObjectCount(op);
        uint32_t k = satisfiedIndex(world, t, op);
        for (uint32_t i = 0; i < n; ++i) {
            uint32_t id = waitObject(op, i);
            Access a = Access::Write;
            if (k == n) a = op.call->hasTimeout ? Access::Read : Access::Write;
            else if (isWaitAll(op) || i == k) a = consumeAccess(world, id);
            else if (i < k) a = Access::Read;
            else continue;  // WaitAny never looks past the object it takes
            out.add(objectLocation(id), a);
        }
    }

    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        if (isThreadWait(op)) return threadWaitExecute(world, t, op, effects);
        if (world.threads[t].irql == Irql::Dispatch && !op.call->hasTimeout)
            raiseMisuse(effects, t, op.stmt, "WAIT_AT_DISPATCH_LEVEL",
                        world.threads[t].name + " waits with no timeout at DISPATCH_LEVEL (Driver Verifier 0xC4/0x121)",
                        {waitObject(op, 0)}, false);
        uint32_t n = waitObjectCount(op);
        uint32_t k = satisfiedIndex(world, t, op);
        int32_t slot = op.call->outStatus;
        if (k < n) {
            int64_t status = ntStatus(kStatusSuccess);
            if (isWaitAll(op)) {
                for (uint32_t i = 0; i < n; ++i) consume(world, t, waitObject(op, i), op.stmt, effects);
            } else {
                status = consume(world, t, waitObject(op, k), op.stmt, effects) + int64_t(k);
            }
            setLocal(world, t, slot, status);
            if (effects.wantText) effects.result = "status = " + statusText(status);
            return;
        }
        if (op.call->hasTimeout) {
            setLocal(world, t, slot, ntStatus(kStatusTimeout));
            if (effects.wantText) effects.result = "status = STATUS_TIMEOUT";
            return;
        }
        for (uint32_t i = 0; i < n; ++i)
            enqueue(world.objects[waitObject(op, i)], int32_t(t), isWaitAll(op) ? kWaitAll : kWaitAny);
        effects.blocked = true;
        if (effects.wantText) effects.result = "waits (queued)";
    }

    WaitInfo waitInfo(const World& world, ThreadId t, const PreparedOp& op) const override
    {
        if (isThreadWait(op)) return threadWaitInfo(world, op);
        WaitInfo info;
        uint32_t n = waitObjectCount(op);
        info.objectId = waitObject(op, 0);
        info.objectType = n == 1 ? std::string(objectTypeText(world.objects[info.objectId].type)) : "objects";
        for (uint32_t i = 0; i < n; ++i) info.object += (i ? ", " : "") + nameOf(world, waitObject(op, i));
        info.mode = n == 1 ? "signal" : isWaitAll(op) ? "WaitAll" : "WaitAny";
        info.holderMode = "owned";
        // WaitAll is blocked by any unsatisfiable object; WaitAny only when none can be
        // signalled, so its holders are named only for a single object.
        for (uint32_t i = 0; i < n; ++i) {
            const ObjectState& o = world.objects[waitObject(op, i)];
            if (o.type != ObjectType::KMUTEX || satisfiable(world, t, waitObject(op, i))) continue;
            if (n == 1 || isWaitAll(op)) info.holders.push_back(o.owner);
        }
        return info;
    }

    void cancelFootprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        if (isThreadWait(op)) return;
        for (uint32_t i = 0; i < waitObjectCount(op); ++i) out.add(objectLocation(waitObject(op, i)), Access::Write);
    }

    void cancelWait(World& world, ThreadId t, const PreparedOp& op) const override
    {
        if (!isThreadWait(op)) leaveQueues(world, t);
    }

private:
    static const char* objectTypeText(ObjectType type)
    {
        return type == ObjectType::KMUTEX ? "KMUTEX" : type == ObjectType::KEVENT ? "KEVENT" : "KSEMAPHORE";
    }
};

}  // namespace

void registerWait(ModelTable& table)
{
    static const WaitModel wait;
    table[size_t(Api::KeWaitForSingleObject)] = &wait;
    table[size_t(Api::KeWaitForMutexObject)] = &wait;
    table[size_t(Api::KeWaitForMultipleObjects)] = &wait;
}

}  // namespace checker
