// The loop shared by the sampling strategies (random walks, PCT): independent runs from the
// initial state, each scheduled by a Scheduler, within the exploration budgets.

#include "checker/explore/MemoryBudget.hpp"
#include "checker/explore/Scheduler.hpp"

#include <chrono>

namespace checker {

namespace {

// Why sampling should stop before the next run, or "" to go on.
std::string budgetStop(const ExploreOptions& options, const report::ExplorationStats& stats,
                       const FindingCollector& findings, double elapsed, MemoryBudget& memory,
                       uint64_t work)
{
    if (options.interrupt && options.interrupt->load()) return "interrupt";
    if (options.timeLimitSeconds && elapsed >= *options.timeLimitSeconds) return "time_limit";
    if (options.maxExecutions && stats.executions >= *options.maxExecutions) return "max_executions";
    if (options.stopOnFirst && findings.size() > 0) return "first_finding";
    if (memory.exceeded(work)) return "memory";
    return "";
}

}  // namespace

ExploreResult runSampled(const Program& program, const ExploreOptions& options, Scheduler& scheduler,
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
    MemoryBudget memory(options.maxMemoryMb);
    for (uint64_t run = 0; run < options.runs; ++run) {
        if (std::string why = budgetStop(options, stats, findings, elapsed(), memory, runner.stepsTaken()); !why.empty()) {
            stoppedBy = why;
            break;
        }
        scheduler.startRun(run);
        runner.begin();
        while (!runner.stopped()) {
            enabled.clear();
            for (uint32_t a : runner.actors())
                if (runner.enabled(a)) enabled.push_back(a);
            if (enabled.empty()) break;
            runner.step(scheduler.pick(runner, enabled));
            if ((runner.depth() & 255) == 0 && memory.exceeded(runner.stepsTaken())) break;
        }
        scheduler.endRun(runner.depth());
        if (memory.exceeded(runner.stepsTaken())) {
            stoppedBy = "memory";
            break;
        }
        ExecutionRunner::End end = runner.finish();
        runner.account(end, stats);
        if (end == ExecutionRunner::End::Discarded) continue;
        if (onProgress && (run & 63) == 0)
            onProgress(Progress{stats.executions, stats.steps, runner.depth(), findings.size(), elapsed()});
    }
    stats.complete = false;
    stats.stoppedBy = stoppedBy;
    stats.elapsedSeconds = elapsed();
    return exploreResult(stats, findings, outcomes, runner.stepsTaken());
}

}  // namespace checker
