#pragma once
// The memory budget of an exploration (ExploreOptions::maxMemoryMb): the explorers call
// exceeded() at their regular checkpoints (every few hundred steps, every execution) and stop
// with stoppedBy "memory" when it says so, so that a scenario too big for the machine ends in an
// honest, incomplete report instead of an out-of-memory kill.
//
// It measures the resident set size of the process (Linux /proc/self/statm; elsewhere the peak
// from getrusage), which covers everything exploration grows: the event log, wakeup trees, sleep
// sets, worlds and checkpoints. Reading it costs a system call (~5 us), so it is read only after
// kCheckEvery more interpreter steps: well under 1% of the work, while memory can grow by at most
// kCheckEvery steps' worth between two readings.

#include <cstdint>

namespace checker {

class MemoryBudget {
public:
    // `maxMb` 0: no budget.
    explicit MemoryBudget(uint64_t maxMb);

    // `work`: interpreter steps run so far (monotonic, e.g. ExecutionRunner::stepsTaken()).
    // True once the process is found using more than the budget (and from then on).
    bool exceeded(uint64_t work);

    // The resident set size of this process in bytes, 0 if unknown.
    static uint64_t residentBytes();

    static constexpr uint64_t kCheckEvery = 4096;

private:
    uint64_t maxBytes_;
    uint64_t nextCheck_ = 0;
    bool exceeded_ = false;
};

}  // namespace checker
