#include "models/sync/Dispatcher.hpp"

namespace checker::sync {

bool isDispatcherObject(ObjectType type)
{
    return type == ObjectType::KMUTEX || type == ObjectType::KEVENT || type == ObjectType::KSEMAPHORE;
}

namespace {

// Whether the object is signalled for some thread (the loop condition of KiWaitTest).
bool signalled(const ObjectState& o)
{
    return o.type == ObjectType::KEVENT ? o.signal == 1 : o.signal > 0;
}

}  // namespace

bool satisfiable(const World& world, ThreadId t, uint32_t id)
{
    const ObjectState& o = world.objects[id];
    if (o.type == ObjectType::KMUTEX) return o.signal > 0 || o.owner == int32_t(t);
    return signalled(o);
}

Access consumeAccess(const World& world, uint32_t id)
{
    const ObjectState& o = world.objects[id];
    bool notification = o.type == ObjectType::KEVENT && !(o.flags & kSynchronizationEvent);
    return notification ? Access::Observe : Access::Write;
}

int64_t consume(World& world, ThreadId t, uint32_t id, int32_t stmt, StepEffects& effects)
{
    ObjectState& o = world.objects[id];
    switch (o.type) {
    case ObjectType::KMUTEX:
        if (o.signal-- == 1) {
            o.owner = int32_t(t);
            world.threads[t].kernelApcDisable++;  // owning a KMUTEX is a critical region
            noteAcquired(world, t, id, stmt, effects);
        }
        break;
    case ObjectType::KEVENT:
        if (o.flags & kSynchronizationEvent) o.signal = 0;
        break;
    case ObjectType::KSEMAPHORE: o.signal--; break;
    default: break;
    }
    return ntStatus(kStatusSuccess);
}

uint32_t waitObjectCount(const PreparedOp& op)
{
    return op.api == Api::KeWaitForMultipleObjects ? uint32_t(op.objects.size()) : 1;
}

uint32_t waitObject(const PreparedOp& op, uint32_t i)
{
    return op.api == Api::KeWaitForMultipleObjects ? op.objects[i] : op.object;
}

bool isWaitAll(const PreparedOp& op)
{
    return op.api == Api::KeWaitForMultipleObjects && op.call->waitAll;
}

void leaveQueues(World& world, ThreadId t)
{
    const PreparedOp& op = world.threads[t].pending;
    for (uint32_t i = 0; i < waitObjectCount(op); ++i) dequeue(world.objects[waitObject(op, i)], int32_t(t));
}

namespace {

// Satisfies waiter w's wait through object `id`; false when a WaitAll wait is not satisfiable.
bool trySatisfy(World& world, int32_t w, uint32_t id, StepEffects& effects)
{
    ThreadId tw = ThreadId(w);
    const PreparedOp& op = world.threads[tw].pending;
    uint32_t n = waitObjectCount(op);
    if (isWaitAll(op)) {
        for (uint32_t i = 0; i < n; ++i)
            if (!satisfiable(world, tw, waitObject(op, i))) return false;
    }
    leaveQueues(world, tw);
    int64_t status = ntStatus(kStatusSuccess);
    if (isWaitAll(op)) {
        for (uint32_t i = 0; i < n; ++i) consume(world, tw, waitObject(op, i), op.stmt, effects);
    } else {
        uint32_t index = 0;
        while (index < n && waitObject(op, index) != id) ++index;
        status = consume(world, tw, id, op.stmt, effects) + int64_t(index);
    }
    grantWaiter(world, w, op.call->outStatus, status, effects);
    return true;
}

}  // namespace

void waitTest(World& world, uint32_t id, StepEffects& effects)
{
    size_t i = 0;
    size_t budget = world.objects[id].waiters.size();
    while (budget-- > 0 && i < world.objects[id].waiters.size() && signalled(world.objects[id])) {
        Waiter w = world.objects[id].waiters[i];
        if (trySatisfy(world, w.thread, id, effects)) continue;  // it left every queue
        // A WaitAll waiter that cannot take the whole set re-checks later from the tail.
        auto& q = world.objects[id].waiters;
        q.erase(q.begin() + std::ptrdiff_t(i));
        q.push_back(w);
    }
}

}  // namespace checker::sync
