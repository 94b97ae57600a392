#pragma once
// The wait-for graph: thread -> awaited object -> holder thread(s). A cycle is a deadlock as soon
// as it forms (one-thread cycles included: a thread waiting for what only it can release). A state
// where no thread can move and some are blocked is a global deadlock even without a cycle
// (events and semaphores have no owner: the graph shows them with their waiters).

#include "checker/exec/Interpreter.hpp"
#include "reports/Report.hpp"

#include <optional>
#include <vector>

namespace checker {

struct DeadlockReport {
    report::Finding finding;              // kind deadlock; witness left for the caller
    std::optional<report::Finding> misuse; // e.g. RECURSIVE_ACQUIRE for a one-thread cycle
};

class DeadlockDetector {
public:
    explicit DeadlockDetector(const Interpreter& interpreter) : interp_(interpreter) {}

    // After a step of thread t: if t is now blocked and part of a wait-for cycle, the deadlock.
    // Called after every step: the test whether t is blocked is inline, so the common case (t can
    // go on) costs no call.
    std::optional<DeadlockReport> checkCycleThrough(const World& world, ThreadId t) const
    {
        if (interp_.enabled(world, t) || !interp_.alive(world, t)) return std::nullopt;   // mostly enabled
        return cycleThrough(world, t);
    }

    // When no thread can move but some are alive: the global deadlock, with every blocked thread.
    DeadlockReport globalDeadlock(const World& world) const;

private:
    // checkCycleThrough() for a blocked t.
    std::optional<DeadlockReport> cycleThrough(const World& world, ThreadId t) const;
    std::vector<ThreadId> findCycle(const World& world, ThreadId start) const;
    DeadlockReport describe(const World& world, const std::vector<ThreadId>& threads, bool cycle) const;

    const Interpreter& interp_;
};

}  // namespace checker
