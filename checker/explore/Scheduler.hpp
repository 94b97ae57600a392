#pragma once
// A sampling strategy's scheduler (the Shuttle shape): told when a run starts and ends, asked to
// pick the next actor among the enabled ones. Runs are independent: run k's choices depend only
// on the seed and k, so every run is the same walk on every machine.

#include "checker/explore/ExecutionRunner.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace checker {

// SplitMix64: a small, fully specified generator (identical output everywhere).
class SplitMix64 {
public:
    explicit SplitMix64(uint64_t seed) : state_(seed) {}
    uint64_t next()
    {
        uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform enough in [0, n) for scheduling (n is small).
    uint64_t below(uint64_t n) { return next() % n; }

private:
    uint64_t state_;
};

class Scheduler {
public:
    virtual ~Scheduler() = default;
    // A new run starts; `run` counts from 0.
    virtual void startRun(uint64_t run) = 0;
    // The actor to step next; `enabled` is non-empty, in actor order.
    virtual uint32_t pick(const ExecutionRunner& runner, const std::vector<uint32_t>& enabled) = 0;
    // The run ended after `steps` steps.
    virtual void endRun(uint64_t steps) { (void)steps; }
};

// Runs options.runs independent executions under `scheduler`, within the budgets of `options`.
// Never complete: sampling finds bugs, it does not prove their absence.
ExploreResult runSampled(const Program& program, const ExploreOptions& options, Scheduler& scheduler,
                         const std::function<void(const Progress&)>& onProgress);

}  // namespace checker
