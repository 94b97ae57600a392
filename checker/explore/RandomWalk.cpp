#include "checker/explore/RandomWalk.hpp"

#include <chrono>

namespace checker {

namespace {

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

private:
    uint64_t state_;
};

}  // namespace

ExploreResult runRandomWalks(const Program& program, const ExploreOptions& options,
                             const std::function<void(const Progress&)>& onProgress)
{
    auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    FindingCollector findings;
    OutcomeTracker outcomes;
    ExecutionRunner runner(program, options, findings, outcomes);
    report::ExplorationStats stats;
    std::vector<uint32_t> enabled;
    std::string stoppedBy = "runs";
    for (uint64_t run = 0; run < options.runs; ++run) {
        if (options.interrupt && options.interrupt->load()) { stoppedBy = "interrupt"; break; }
        if (options.timeLimitSeconds && elapsed() >= *options.timeLimitSeconds) { stoppedBy = "time_limit"; break; }
        if (options.maxExecutions && stats.executions >= *options.maxExecutions) { stoppedBy = "max_executions"; break; }
        if (options.stopOnFirst && findings.size() > 0) { stoppedBy = "first_finding"; break; }
        SplitMix64 rng(options.seed * 0x100000001B3ull + run);
        runner.begin();
        while (!runner.stopped()) {
            enabled.clear();
            for (uint32_t a : runner.actors())
                if (runner.enabled(a)) enabled.push_back(a);
            if (enabled.empty()) break;
            runner.step(enabled[rng.next() % enabled.size()]);
        }
        if (runner.finish() == ExecutionRunner::End::Discarded) {
            stats.assumeDiscarded++;
            continue;
        }
        stats.executions++;
        stats.steps += runner.depth();
        stats.maxDepth = std::max<uint64_t>(stats.maxDepth, runner.depth());
        if (onProgress && (run & 63) == 0)
            onProgress(Progress{stats.executions, stats.steps, runner.depth(), findings.size(), elapsed()});
    }
    stats.complete = false;
    stats.stoppedBy = stoppedBy;
    stats.distinctOutcomes = outcomes.distinct();
    stats.elapsedSeconds = elapsed();
    ExploreResult result;
    result.stats = stats;
    result.findings = findings.findings();
    if (auto divergence = outcomes.divergence()) result.findings.push_back(std::move(*divergence));
    result.outcomes = outcomes.outcomes();
    result.interpreterSteps = runner.stepsTaken();
    return result;
}

}  // namespace checker
