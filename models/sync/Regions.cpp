// Critical and guarded regions (SEMANTICS.md §5.3). State: ThreadState::kernelApcDisable (critical
// region depth; owning a KMUTEX adds one) and specialApcDisable (guarded region depth).
// - KeEnterCriticalRegion / KeLeaveCriticalRegion: depth +1 / -1; inside, normal kernel APCs are
//   not delivered (Interpreter::apcDeliverable).
// - KeEnterGuardedRegion / KeLeaveGuardedRegion: depth +1 / -1; inside, no APC at all, and Zw*
//   calls hang (SYNC_IO_WITH_SPECIAL_APCS_DISABLED, checked by the interpreter).
// - Leaving a region that was not entered: CRITICAL_REGION_UNBALANCED (Driver Verifier 0xC4/0x3E);
//   the execution continues as the free kernel would: the count goes below zero, which keeps APCs
//   disabled, and the thread's exit then bug checks 0x20 (ThreadExit.cpp). The counter is the
//   kernel's single KernelApcDisable, so leaving a critical region while owning a KMUTEX is not
//   detected here either (as in the kernel).
// Footprints are empty: only the thread's own state changes (APC delivery to the thread is
// ordered against its steps through its ApcSlot).

#include "models/ModelRegistry.hpp"
#include "models/sync/SyncSupport.hpp"

namespace checker {

namespace {

using namespace sync;

class RegionCall : public CallModel {
public:
    RegionCall(bool guarded, bool enter) : guarded_(guarded), enter_(enter) {}

    void footprint(const World&, ThreadId, const PreparedOp&, Footprint&) const override {}

    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        ThreadState& th = world.threads[t];
        int32_t& depth = guarded_ ? th.specialApcDisable : th.kernelApcDisable;
        if (enter_) {
            depth++;
            return;
        }
        if (depth == 0)
            raiseMisuse(effects, t, op.stmt, "CRITICAL_REGION_UNBALANCED",
                        th.name + (guarded_ ? " calls KeLeaveGuardedRegion outside a guarded region"
                                            : " calls KeLeaveCriticalRegion outside a critical region") +
                            " (Driver Verifier 0xC4/0x3E)",
                        {}, false);
        depth--;
    }

private:
    bool guarded_, enter_;
};

}  // namespace

void registerRegions(ModelTable& table)
{
    static const RegionCall enterCritical(false, true), leaveCritical(false, false), enterGuarded(true, true),
        leaveGuarded(true, false);
    table[size_t(Api::KeEnterCriticalRegion)] = &enterCritical;
    table[size_t(Api::KeLeaveCriticalRegion)] = &leaveCritical;
    table[size_t(Api::KeEnterGuardedRegion)] = &enterGuarded;
    table[size_t(Api::KeLeaveGuardedRegion)] = &leaveGuarded;
}

}  // namespace checker
