#include "checker/explore/Bounded.hpp"

#include "checker/explore/ExecutionRunner.hpp"
#include "checker/explore/InlineVector.hpp"
#include "checker/explore/MemoryBudget.hpp"

#include <chrono>

namespace checker {

namespace {

class BoundedExplorer {
public:
    BoundedExplorer(const Program& program, const ExploreOptions& options)
        : options_(options), runner_(program, options, findings_, outcomes_), memory_(options.maxMemoryMb)
    {
    }

    ExploreResult run(const std::function<void(const Progress&)>& onProgress);

private:
    // One scheduling point of the current path.
    struct Node {
        uint32_t taken = 0;                  // the actor that stepped here
        uint32_t preemptions = 0;            // preemptions used up to and including this step
        uint32_t before = 0;                 // preemptions used before this step
        bool switchIsPreemption = false;     // the previous actor was still enabled here
        InlineVector<uint32_t, 4> untried;   // allowed alternatives not explored yet
    };

    bool forward();
    bool backtrack();
    std::string budgetStop();

    const ExploreOptions& options_;
    FindingCollector findings_;
    OutcomeTracker outcomes_;
    ExecutionRunner runner_;
    MemoryBudget memory_;
    std::vector<Node> path_;
    std::vector<uint32_t> enabled_;
    report::ExplorationStats stats_;
    bool pruned_ = false;
    std::string stopReason_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// Extends the current path to a complete execution, always preferring the running actor.
bool BoundedExplorer::forward()
{
    while (!runner_.stopped()) {
        enabled_.clear();
        for (uint32_t a : runner_.actors())
            if (runner_.enabled(a)) enabled_.push_back(a);
        if (enabled_.empty()) return true;
        uint32_t used = path_.empty() ? 0 : path_.back().preemptions;
        bool hasCurrent = !path_.empty() && runner_.enabled(path_.back().taken);
        uint32_t current = hasCurrent ? path_.back().taken : enabled_.front();
        Node node;
        node.taken = current;
        node.preemptions = used;
        node.before = used;
        node.switchIsPreemption = hasCurrent;
        for (uint32_t a : enabled_) {
            if (a == current) continue;
            if (hasCurrent && used + 1 > uint64_t(options_.preemptionBound)) pruned_ = true;
            else node.untried.push_back(a);
        }
        path_.push_back(std::move(node));
        runner_.step(current);
        if ((runner_.depth() & 255) == 0 && !(stopReason_ = budgetStop()).empty()) return false;
    }
    return true;
}

// Moves to the deepest scheduling point with an untried alternative and re-runs the prefix.
bool BoundedExplorer::backtrack()
{
    while (!path_.empty() && path_.back().untried.empty()) path_.pop_back();
    if (path_.empty()) return false;
    Node& node = path_.back();
    uint32_t next = node.untried[0];
    InlineVector<uint32_t, 4> rest(node.untried.begin() + 1, node.untried.end());
    node.untried = rest;
    node.taken = next;
    node.preemptions = node.before + (node.switchIsPreemption ? 1 : 0);
    runner_.begin();
    for (const Node& n : path_) runner_.step(n.taken);
    return true;
}


std::string BoundedExplorer::budgetStop()
{
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (options_.interrupt && options_.interrupt->load()) return "interrupt";
    if (options_.timeLimitSeconds && elapsed >= *options_.timeLimitSeconds) return "time_limit";
    if (options_.maxExecutions && stats_.executions >= *options_.maxExecutions) return "max_executions";
    if (options_.stopOnFirst && findings_.size() > 0) return "first_finding";
    if (memory_.exceeded(runner_.stepsTaken())) return "memory";
    return "";
}

ExploreResult BoundedExplorer::run(const std::function<void(const Progress&)>& onProgress)
{
    runner_.begin();
    for (;;) {
        if (!forward()) break;
        runner_.account(runner_.finish(), stats_);
        if (onProgress && (stats_.executions & 63) == 0)
            onProgress(Progress{stats_.executions, stats_.steps, runner_.depth(), findings_.size(), 0});
        if (!(stopReason_ = budgetStop()).empty()) {
            if (!backtrack()) stopReason_.clear();
            break;
        }
        if (!backtrack()) break;
    }
    if (stopReason_.empty() && pruned_) stopReason_ = "preemption_bound";
    stats_.complete = stopReason_.empty();
    stats_.stoppedBy = stopReason_;
    stats_.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    return exploreResult(stats_, findings_, outcomes_, runner_.stepsTaken());
}

}  // namespace

ExploreResult runBounded(const Program& program, const ExploreOptions& options,
                         const std::function<void(const Progress&)>& onProgress)
{
    return BoundedExplorer(program, options).run(onProgress);
}

}  // namespace checker
