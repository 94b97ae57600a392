// What a thread's end checks (SEMANTICS.md §2, §3, §5.3, Lifecycle):
// - every lock still held: THREAD_EXIT_HOLDING_LOCK. A KMUTEX bug checks 0x4000008A
//   THREAD_TERMINATE_HELD_MUTEX (the execution stops); other locks stay held and their waiters
//   hang (Driver Verifier 0xC4/0x100A where it watches the lock).
// - a critical or guarded region still entered (beyond what owned KMUTEXes account for): bug
//   check 0x20 KERNEL_APC_PENDING_DURING_EXIT, CRITICAL_REGION_UNBALANCED, the execution stops.
// - the unload routine (DriverUnload) ending while another thread is alive:
//   UNLOAD_WITH_RUNNING_THREADS — their code is unloaded under them (bug check 0xCE
//   DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS when they run on). Decision: the
//   execution continues, so that the explorer still sees the races of those threads' later steps
//   with the unload (a stopped execution would hide the interleavings where they end first).
// The unload routine's exit therefore reads every other thread's liveness (exitFootprint).

#include "models/ModelRegistry.hpp"
#include "models/sync/SyncSupport.hpp"

#include <set>

namespace checker {

namespace {

using namespace sync;

bool isUnload(const ThreadState& th) { return th.decl < 0; }

void checkHeldLocks(const World& world, ThreadId t, StepEffects& effects)
{
    const ThreadState& th = world.threads[t];
    std::set<uint32_t> seen;
    for (uint32_t id : th.held) {
        if (!seen.insert(id).second) continue;
        bool kmutex = world.objects[id].type == ObjectType::KMUTEX;
        raiseMisuse(effects, t, -1, "THREAD_EXIT_HOLDING_LOCK",
                    th.name + " ends while holding " + nameOf(world, id) +
                        (kmutex ? " (bug check 0x4000008A THREAD_TERMINATE_HELD_MUTEX)"
                                : " (Driver Verifier 0xC4/0x100A); the lock stays held"),
                    {id}, kmutex);
    }
}

void checkRegions(const World& world, ThreadId t, StepEffects& effects)
{
    const ThreadState& th = world.threads[t];
    int32_t mutexes = 0;
    for (uint32_t id : std::set<uint32_t>(th.held.begin(), th.held.end()))
        if (world.objects[id].type == ObjectType::KMUTEX) mutexes++;
    if (th.kernelApcDisable == mutexes && th.specialApcDisable == 0) return;
    raiseMisuse(effects, t, -1, "CRITICAL_REGION_UNBALANCED",
                th.name + " ends inside a " + (th.specialApcDisable != 0 ? "guarded" : "critical") +
                    " region (KernelApcDisable " + std::to_string(th.kernelApcDisable - mutexes) + ", SpecialApcDisable " +
                    std::to_string(th.specialApcDisable) + "): bug check 0x20 KERNEL_APC_PENDING_DURING_EXIT",
                {}, true);
}

// The rules below for an end where one may apply (out of line: the common end, where none
// does, then costs a few reads).
[[gnu::noinline]] void checkExitRules(const World& world, ThreadId t, StepEffects& effects)
{
    checkHeldLocks(world, t, effects);
    checkRegions(world, t, effects);
    if (!isUnload(world.threads[t])) return;
    std::vector<int32_t> running;
    for (ThreadId u = 0; u < world.threads.size(); ++u)
        if (u != t && world.threads[u].status != ThreadStatus::Done) running.push_back(int32_t(u));
    if (running.empty()) return;
    raiseMisuse(effects, t, -1, "UNLOAD_WITH_RUNNING_THREADS",
                "the unload routine returns while " + threadList(world, running) +
                    " still run the driver's code (bug check 0xCE DRIVER_UNLOADED_WITHOUT_CANCELLING_PENDING_OPERATIONS)",
                {}, false);
}

}  // namespace

void exitFootprint(const World& world, ThreadId t, Footprint& out)
{
    if (!isUnload(world.threads[t])) return;
    for (ThreadId u = 0; u < world.threads.size(); ++u)
        if (u != t) out.add(makeLocation(LocationClass::Thread, u), Access::Read);
    out.add(makeLocation(LocationClass::ThreadTable, 0), Access::Read);
}

void checkThreadExit(const World& world, ThreadId t, StepEffects& effects)
{
    // The common end, where no rule has anything to check: nothing held, no region entered, not
    // the unload routine.
    const ThreadState& th = world.threads[t];
    if (th.held.empty() && th.kernelApcDisable == 0 && th.specialApcDisable == 0 && !isUnload(th)) return;
    checkExitRules(world, t, effects);
}

}  // namespace checker
