// Thread objects (SEMANTICS.md §4.3 for the wait rules).
// - PsCreateSystemThread(start): starts the next instance of a template thread; the new thread's
//   first step happens after this one. Creations are ordered among themselves (instance numbers).
// - KeWaitForSingleObject / KeWaitForMutexObject on a thread: a thread object is a notification
//   object signalled when the thread ends, so every waiter is released and order among waiters
//   does not matter: an infinite wait is simply disabled until the thread has ended (the wait
//   queue would change nothing). `timeout: 0` polls: STATUS_SUCCESS if ended, else STATUS_TIMEOUT.
//   Waiting on a thread that was never started waits until it is started and ends.
// Waits on dispatcher objects (KMUTEX, KEVENT, KSEMAPHORE) belong to their own models.

#include "models/ModelRegistry.hpp"

namespace checker {

namespace {

constexpr int64_t kStatusSuccess = 0;
constexpr int64_t kStatusTimeout = 0x102;

int32_t waitTarget(const World& world, const PreparedOp& op)
{
    return op.thread >= 0 ? op.thread : world.threadFor(op.call->thread.decl, op.call->thread.instance);
}

std::string targetName(const World& world, const PreparedOp& op)
{
    int32_t target = waitTarget(world, op);
    if (target >= 0) return world.threads[size_t(target)].name;
    const ThreadDecl& decl = world.program->threadDecls[size_t(op.call->thread.decl)];
    return decl.name + "[" + std::to_string(op.call->thread.instance) + "] (not started)";
}

class CreateSystemThread : public CallModel {
public:
    void footprint(const World&, ThreadId, const PreparedOp&, Footprint& out) const override
    {
        out.add(makeLocation(LocationClass::ThreadTable, 0), Access::Write);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        int32_t decl = op.call->start;
        int32_t statusSlot = op.call->outStatus;
        int64_t instance = world.templateInstances[size_t(decl)]++;
        effects.createdThread = spawnThread(world, decl, instance);  // invalidates `op`
        setLocal(world, t, statusSlot, kStatusSuccess);
        if (effects.wantText) effects.result = "started " + world.threads[size_t(effects.createdThread)].name;
    }
};

class WaitForThread : public CallModel {
public:
    std::string unsupported(const Program&, const CallInstr& call) const override
    {
        if (call.thread.decl >= 0) return {};
        return "waits on KMUTEX, KEVENT and KSEMAPHORE objects are not supported yet";
    }
    bool enabled(const World& world, ThreadId, const PreparedOp& op) const override
    {
        if (op.call->hasTimeout) return true;
        int32_t target = waitTarget(world, op);
        return target >= 0 && world.threads[size_t(target)].status == ThreadStatus::Done;
    }
    void footprint(const World& world, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        int32_t target = waitTarget(world, op);
        if (target < 0) {
            out.add(makeLocation(LocationClass::ThreadTable, 0), Access::Read);
            return;
        }
        out.add(makeLocation(LocationClass::Thread, uint32_t(target)),
                op.call->hasTimeout ? Access::Read : Access::Observe);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        int32_t target = waitTarget(world, op);
        bool ended = target >= 0 && world.threads[size_t(target)].status == ThreadStatus::Done;
        int64_t status = ended ? kStatusSuccess : kStatusTimeout;
        setLocal(world, t, op.call->outStatus, status);
        if (effects.wantText) effects.result = ended ? "status = STATUS_SUCCESS" : "status = STATUS_TIMEOUT";
    }
    WaitInfo waitInfo(const World& world, ThreadId, const PreparedOp& op) const override
    {
        WaitInfo info;
        info.object = targetName(world, op);
        info.objectType = "thread";
        info.mode = "exit";
        info.holderMode = "running";
        int32_t target = waitTarget(world, op);
        if (target >= 0) info.holders.push_back(target);
        return info;
    }
};

}  // namespace

void registerThreads(ModelTable& table)
{
    static const CreateSystemThread create;
    static const WaitForThread wait;
    table[size_t(Api::PsCreateSystemThread)] = &create;
    table[size_t(Api::KeWaitForSingleObject)] = &wait;
    table[size_t(Api::KeWaitForMutexObject)] = &wait;
}

}  // namespace checker
