#include "checker/explore/Pct.hpp"

#include "checker/explore/Scheduler.hpp"

#include <algorithm>

namespace checker {

namespace {

class PctScheduler : public Scheduler {
public:
    PctScheduler(uint64_t seed, int64_t depth) : seed_(seed), depth_(std::max<int64_t>(1, depth)) {}

    void startRun(uint64_t run) override
    {
        rng_ = SplitMix64(seed_ * 0x9E3779B97F4A7C15ull + run);
        threadPriority_.clear();
        apcPriority_.clear();
        changePoints_.clear();
        for (int64_t i = 1; i < depth_ && longest_ > 0; ++i) changePoints_.push_back(1 + rng_.below(longest_));
        step_ = 0;
    }

    uint32_t pick(const ExecutionRunner&, const std::vector<uint32_t>& enabled) override
    {
        ++step_;
        uint32_t chosen = highest(enabled);
        for (size_t i = 0; i < changePoints_.size(); ++i) {
            if (changePoints_[i] != step_) continue;
            // The i-th change point: the running actor drops below every initial priority.
            priority(chosen) = uint64_t(depth_) - 1 - i;
            chosen = highest(enabled);
        }
        return chosen;
    }

    void endRun(uint64_t steps) override { longest_ = std::max(longest_, steps); }

private:
    // Initial priorities are drawn at an actor's first scheduling point, above every lowered one.
    uint64_t& priority(uint32_t actor)
    {
        auto& table = isApcActor(actor) ? apcPriority_ : threadPriority_;
        size_t index = isApcActor(actor) ? actor - kApcActor : actor;
        if (index >= table.size()) table.resize(index + 1, 0);
        if (table[index] == 0) table[index] = uint64_t(depth_) + (rng_.next() >> 8);
        return table[index];
    }

    uint32_t highest(const std::vector<uint32_t>& enabled)
    {
        uint32_t best = enabled.front();
        for (uint32_t a : enabled)
            if (priority(a) > priority(best)) best = a;
        return best;
    }

    uint64_t seed_;
    int64_t depth_;
    SplitMix64 rng_{0};
    std::vector<uint64_t> threadPriority_, apcPriority_;
    std::vector<uint64_t> changePoints_;
    uint64_t step_ = 0;
    uint64_t longest_ = 0;
};

}  // namespace

ExploreResult runPct(const Program& program, const ExploreOptions& options,
                     const std::function<void(const Progress&)>& onProgress)
{
    PctScheduler scheduler(options.seed, options.preemptionBound + 1);
    return runSampled(program, options, scheduler, onProgress);
}

}  // namespace checker
