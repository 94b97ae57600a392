#include "checker/explore/RandomWalk.hpp"

#include "checker/explore/Scheduler.hpp"

namespace checker {

namespace {

class RandomScheduler : public Scheduler {
public:
    explicit RandomScheduler(uint64_t seed) : seed_(seed) {}
    void startRun(uint64_t run) override { rng_ = SplitMix64(seed_ * 0x100000001B3ull + run); }
    uint32_t pick(const ExecutionRunner&, const std::vector<uint32_t>& enabled) override
    {
        return enabled[rng_.below(enabled.size())];
    }

private:
    uint64_t seed_;
    SplitMix64 rng_{0};
};

}  // namespace

ExploreResult runRandomWalks(const Program& program, const ExploreOptions& options,
                             const std::function<void(const Progress&)>& onProgress)
{
    RandomScheduler scheduler(options.seed);
    return runSampled(program, options, scheduler, onProgress);
}

}  // namespace checker
