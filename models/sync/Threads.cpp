// Thread objects (SEMANTICS.md §4.3 for the wait rules).
// - PsCreateSystemThread(start): starts the next instance of a template thread; the new thread's
//   first step happens after this one. Creations are ordered among themselves (instance numbers).
// - KeWaitForSingleObject / KeWaitForMutexObject on a thread (dispatched here by Wait.cpp): a
//   thread object is a notification object signalled when the thread ends, so every waiter is
//   released and order among waiters does not matter: an infinite wait is simply disabled until
//   the thread has ended (a queue would change nothing). `timeout: 0` polls: STATUS_SUCCESS if
//   ended, else STATUS_TIMEOUT. Waiting on a thread that was never started waits until it is
//   started and ends.

#include "models/ModelRegistry.hpp"
#include "models/sync/SyncSupport.hpp"
#include "models/sync/Threads.hpp"

#include "checker/exec/Interpreter.hpp"

namespace checker {

namespace sync {

namespace {

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

bool ended(const World& world, const PreparedOp& op)
{
    int32_t target = waitTarget(world, op);
    return target >= 0 && world.threads[size_t(target)].status == ThreadStatus::Done;
}

}  // namespace

bool threadWaitEnabled(const World& world, const PreparedOp& op)
{
    return op.call->hasTimeout || ended(world, op);
}

void threadWaitFootprint(const World& world, const PreparedOp& op, Footprint& out)
{
    int32_t target = waitTarget(world, op);
    if (target < 0) {
        out.add(makeLocation(LocationClass::ThreadTable, 0), Access::Read);
        return;
    }
    out.add(makeLocation(LocationClass::Thread, uint32_t(target)), op.call->hasTimeout ? Access::Read : Access::Observe);
}

void threadWaitExecute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects)
{
    bool done = ended(world, op);
    int64_t status = ntStatus(done ? kStatusSuccess : kStatusTimeout);
    setLocal(world, t, op.call->outStatus, status);
    if (effects.wantText) effects.result = "status = " + statusText(status);
}

WaitInfo threadWaitInfo(const World& world, const PreparedOp& op)
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

}  // namespace sync

namespace {

// The most threads one execution may have (autostart, created and DriverUnload): creating one
// more is a runtime_error, so that a creation loop stops here instead of exhausting memory
// (every step's vector clock grows with the number of threads).
constexpr size_t kMaxThreadsPerExecution = 512;

class CreateSystemThread : public CallModel {
public:
    void footprint(const World&, ThreadId, const PreparedOp&, Footprint& out) const override
    {
        out.add(makeLocation(LocationClass::ThreadTable, 0), Access::Write);
    }
    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        if (world.threads.size() >= kMaxThreadsPerExecution) {
            raiseRuntimeError(effects, t, op.stmt,
                              "PsCreateSystemThread: more than " + std::to_string(kMaxThreadsPerExecution) +
                                  " threads in one execution");
            return;
        }
        int32_t decl = op.call->start;
        int32_t statusSlot = op.call->outStatus;
        int64_t instance = world.templateInstances[size_t(decl)]++;
        effects.createdThread = spawnThread(world, decl, instance);  // invalidates `op`
        setLocal(world, t, statusSlot, ntStatus(sync::kStatusSuccess));
        if (effects.wantText) effects.result = "started " + world.threads[size_t(effects.createdThread)].name;
    }
};

}  // namespace

void registerThreads(ModelTable& table)
{
    static const CreateSystemThread create;
    table[size_t(Api::PsCreateSystemThread)] = &create;
}

}  // namespace checker
