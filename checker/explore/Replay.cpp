// Re-execution of witnesses: one at a time (replay), or several that share prefixes, each
// shared step run once (replayShared).

#include "checker/explore/Explorer.hpp"

#include "checker/detect/Locations.hpp"
#include "checker/detect/Outcomes.hpp"
#include "checker/explore/ExecutionRunner.hpp"

#include <algorithm>
#include <numeric>

namespace checker {

namespace {

// What a describe predicate is told of `actor`'s next step, at 1-based `index`.
ReplayProbe probeOf(const ExecutionRunner& runner, uint32_t actor, uint64_t index)
{
    const PreparedOp& op = runner.world().threads[runner.threadOf(actor)].pending;
    bool apc = isApcActor(actor);
    bool named = !apc && op.kind == PendingKind::Call && op.call && op.call->object.decl >= 0;
    return {index, apc || op.kind == PendingKind::Exit ? -1 : op.stmt, named ? int32_t(op.object) : -1};
}

// Runs `actor`'s step and renders it (the runner must describe steps).
ReplayStep runRendered(const Program& program, ExecutionRunner& runner, uint32_t actor, uint64_t index)
{
    ReplayStep step;
    step.index = index;
    const PreparedOp& op = runner.world().threads[runner.threadOf(actor)].pending;
    const ReplayProbe probe = probeOf(runner, actor, index);
    step.thread = runner.world().threads[runner.threadOf(actor)].name;
    report::Location loc = statementLocation(program, step.thread, op.stmt);
    step.statement = isApcActor(actor) ? "deliver APC " + program.apcs[actor - kApcActor].name
                   : op.kind == PendingKind::Exit ? "exit" : loc.text;
    step.pointer = loc.pointer;
    step.line = loc.line;
    step.result = runner.step(actor).result;
    if (probe.object >= 0) {
        step.objectStates.push_back(describeObject(runner.world(), uint32_t(probe.object)));
        step.objects.push_back(objectName(program, uint32_t(probe.object)));
    }
    return step;
}

// Whether `actor` can take the next step; if not, says so in `result`.
bool canStep(ExecutionRunner& runner, uint32_t actor, ReplayResult& result)
{
    if (!runner.stopped() && runner.enabled(actor)) return true;
    const report::ScheduleEntry entry = ExecutionRunner::entryOf(actor);
    result.scheduleValid = false;
    result.problem = "step " + std::to_string(result.stepsRun + 1) + " names " + (entry.apc ? "APC " : "thread ") +
                     std::to_string(entry.index) + ", which cannot take a step there";
    return false;
}

// Ends a replayed witness: the execution's end when nothing can run, the blocked threads and,
// when every thread ended, the final values.
void endReplay(ExecutionRunner& runner, ReplayResult& result)
{
    if (result.scheduleValid && !runner.stopped() && !runner.anyEnabled()) runner.finish();
    const Interpreter& in = runner.interpreter();
    for (ThreadId t = 0; t < runner.threadCount(); ++t) {
        if (!in.alive(runner.world(), t) || in.enabled(runner.world(), t)) continue;
        result.blockedThreads.push_back(describeWait(runner.world(), in, t));
        report::Location at = pendingLocation(runner.world(), t);
        ReplayStep blocked;
        blocked.thread = at.thread;
        blocked.statement = at.text;
        blocked.pointer = at.pointer;
        blocked.line = at.line;
        blocked.result = result.blockedThreads.back();
        result.blockedSteps.push_back(std::move(blocked));
    }
    bool allEnded = result.scheduleValid;
    for (ThreadId t = 0; t < runner.threadCount(); ++t) allEnded = allEnded && !in.alive(runner.world(), t);
    if (allEnded) result.finalState = summarizeGlobals(runner.world());
}

size_t commonPrefix(const std::vector<report::ScheduleEntry>& a, const std::vector<report::ScheduleEntry>& b)
{
    size_t n = std::min(a.size(), b.size()), k = 0;
    while (k < n && a[k].apc == b[k].apc && a[k].index == b[k].index) ++k;
    return k;
}

bool scheduleLess(const std::vector<report::ScheduleEntry>& a, const std::vector<report::ScheduleEntry>& b)
{
    size_t k = commonPrefix(a, b);
    if (k == a.size() || k == b.size()) return a.size() < b.size();
    return std::pair(a[k].apc, a[k].index) < std::pair(b[k].apc, b[k].index);
}

// Puts `runner` at `depth` steps into `schedule`: restores the deepest of `saved` at or above it
// (dropping the deeper ones: they are on another path) and runs the steps after it without
// rendering them (an earlier witness sharing them rendered them). False when one cannot run.
bool startAt(ExecutionRunner& runner, std::vector<ExecutionRunner::Checkpoint>& saved,
             const std::vector<report::ScheduleEntry>& schedule, size_t depth, ReplayResult& result)
{
    while (!saved.empty() && saved.back().depth > depth) saved.pop_back();
    if (saved.empty()) runner.begin();
    else runner.restore(saved.back(), &schedule);
    result.stepsRun = runner.depth();
    runner.setDescribeSteps(false);
    for (size_t k = runner.depth(); k < depth; ++k) {
        uint32_t actor = ExecutionRunner::actorOf(schedule[k]);
        if (!canStep(runner, actor, result)) return false;
        ++result.stepsRun;
        runner.step(actor);
    }
    return true;
}

}  // namespace

ReplayResult replay(const Program& program, const report::Witness& witness, const ExploreOptions& options,
                    const std::function<bool(const ReplayProbe&)>& describe, bool detect)
{
    checkSupported(program);
    FindingCollector findings;
    OutcomeTracker outcomes;
    ExecutionRunner runner(program, options, findings, outcomes);
    runner.setDescribeSteps(true);
    runner.setDetect(detect);
    runner.begin();
    ReplayResult result;
    for (const report::ScheduleEntry& entry : witness.schedule) {
        uint32_t actor = ExecutionRunner::actorOf(entry);
        if (!canStep(runner, actor, result)) break;
        uint64_t index = ++result.stepsRun;
        bool wanted = !describe || describe(probeOf(runner, actor, index));
        runner.setDescribeSteps(wanted);
        if (wanted) result.steps.push_back(runRendered(program, runner, actor, index));
        else runner.step(actor);
    }
    endReplay(runner, result);
    result.findings = findings.findings();
    return result;
}

// In schedule order, each witness shares its longest common prefix with its predecessor. A
// witness restores the state at that prefix (saved while an earlier one passed there: at every
// depth where a later witness leaves its path) and runs the rest; a step is rendered when this
// witness or a later one sharing the step wants it, and handed to each that does.
std::vector<ReplayResult> replayShared(const Program& program, const std::vector<const report::Witness*>& witnesses,
                                       const ExploreOptions& options,
                                       const std::vector<std::function<bool(const ReplayProbe&)>>& describes)
{
    checkSupported(program);
    const size_t n = witnesses.size();
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return scheduleLess(witnesses[a]->schedule, witnesses[b]->schedule);
    });
    // shared[i]: the prefix order[i] has in common with order[i + 1] (0 for the last).
    std::vector<size_t> shared(n, 0);
    for (size_t i = 0; i + 1 < n; ++i)
        shared[i] = commonPrefix(witnesses[order[i]]->schedule, witnesses[order[i + 1]]->schedule);

    FindingCollector findings;
    OutcomeTracker outcomes;
    ExecutionRunner runner(program, options, findings, outcomes);
    runner.setDetect(false);
    std::vector<ReplayResult> results(n);
    std::vector<ExecutionRunner::Checkpoint> saved;   // by increasing depth, on the current path
    std::vector<size_t> wanting;                      // per step: the witnesses that render it
    for (size_t i = 0; i < n; ++i) {
        const auto& schedule = witnesses[order[i]]->schedule;
        ReplayResult& result = results[order[i]];
        const size_t from = i == 0 ? 0 : shared[i - 1];
        if (!startAt(runner, saved, schedule, from, result)) {
            endReplay(runner, result);
            continue;
        }
        // Later witnesses leave this path at the running minima of shared[i], shared[i + 1], ...
        std::vector<size_t> leaves;   // decreasing: the next one to reach is at the back
        for (size_t j = i; j + 1 < n && shared[j] > from; ++j)
            if (leaves.empty() || shared[j] < leaves.back()) leaves.push_back(shared[j]);
        for (size_t k = from;; ++k) {
            for (; !leaves.empty() && leaves.back() == k; leaves.pop_back()) runner.save(saved.emplace_back());
            if (k == schedule.size()) break;
            uint32_t actor = ExecutionRunner::actorOf(schedule[k]);
            if (!canStep(runner, actor, result)) break;
            uint64_t index = ++result.stepsRun;
            const ReplayProbe probe = probeOf(runner, actor, index);
            // The witnesses that share this step: this one, and the next ones while they do.
            wanting.clear();
            for (size_t j = i; j < n && (j == i || shared[j - 1] > k); ++j)
                if (!describes[order[j]] || describes[order[j]](probe)) wanting.push_back(order[j]);
            runner.setDescribeSteps(!wanting.empty());
            if (wanting.empty()) {
                runner.step(actor);
                continue;
            }
            const ReplayStep step = runRendered(program, runner, actor, index);
            for (size_t w : wanting) results[w].steps.push_back(step);
        }
        endReplay(runner, result);
    }
    return results;
}

}  // namespace checker
