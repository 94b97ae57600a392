#pragma once
// Drives one execution at a time through the interpreter and turns what happens into findings:
// issues raised by steps, wait-for cycles, global deadlocks, the step bound, final states.
// Strategies (DPOR, random walks, replay) decide *which* actor steps; the runner does the rest.
// Actors are thread indices (creation order) — the entries of a witness schedule.

#include "checker/detect/DeadlockDetector.hpp"
#include "checker/detect/FindingCollector.hpp"
#include "checker/detect/Outcomes.hpp"
#include "checker/exec/Interpreter.hpp"
#include "checker/explore/Explorer.hpp"

#include <vector>

namespace checker {

class ExecutionRunner {
public:
    enum class End { Complete, Stopped, Discarded, Deadlocked };

    ExecutionRunner(const Program& program, const ExploreOptions& options,
                    FindingCollector& findings, OutcomeTracker& outcomes);

    // Starts a new execution from the initial state.
    void begin();

    uint32_t actorCount() const { return uint32_t(world_.threads.size()); }
    uint32_t laneOf(uint32_t actor) const { return actor; }
    bool enabled(uint32_t actor) const { return interp_.enabled(world_, actor); }
    bool anyEnabled() const;
    void footprint(uint32_t actor, Footprint& out) const { interp_.footprint(world_, actor, out); }

    // Runs `actor`'s next step (it must be enabled).
    const StepEffects& step(uint32_t actor);

    // Whether the execution cannot go on: an issue stopped it, or it was discarded by `assume`.
    bool stopped() const { return stopped_ || discarded_; }

    // Ends the execution (call when stopped() or no actor is enabled) and classifies it.
    End finish();

    uint64_t depth() const { return schedule_.size(); }
    const std::vector<report::ScheduleEntry>& schedule() const { return schedule_; }
    const World& world() const { return world_; }
    const Interpreter& interpreter() const { return interp_; }
    // Replay wants the models to render their results.
    void setDescribeSteps(bool on) { effects_.wantText = on; }

private:
    void absorb(const StepEffects& effects);
    void record(report::Finding finding);
    report::Finding fromIssue(const ModelIssue& issue) const;
    void checkStepBound();

    const Program& program_;
    const ExploreOptions& options_;
    FindingCollector& findings_;
    OutcomeTracker& outcomes_;
    Interpreter interp_;
    DeadlockDetector deadlocks_;
    World world_;
    StepEffects effects_;
    std::vector<report::ScheduleEntry> schedule_;
    bool stopped_ = false;
    bool discarded_ = false;
    bool cycleFound_ = false;
};

}  // namespace checker
