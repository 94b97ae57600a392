#pragma once
// Drives one execution at a time through the interpreter and turns what happens into findings:
// issues raised by steps, wait-for cycles, global deadlocks, the step bound, final states.
// Strategies (DPOR, random walks, replay) decide *which* actor steps; the runner does the rest.
// Actors are what a witness schedule names: thread indices (creation order), and the delivery of
// APC k as kApcActor + k. For the explorer's happens-before each actor has a lane: APC k's
// delivery is lane k, thread t is lane apcCount + t (the delivery is ordered against the target
// thread's steps through the target's ApcSlot location, not by program order, so that every
// delivery point is a choice the explorer covers).

#include "checker/detect/DeadlockDetector.hpp"
#include "checker/detect/FindingCollector.hpp"
#include "checker/detect/FinalState.hpp"
#include "checker/detect/LockOrder.hpp"
#include "checker/detect/Outcomes.hpp"
#include "checker/detect/RacesFinder.hpp"
#include "checker/exec/Interpreter.hpp"
#include "checker/explore/Explorer.hpp"

#include <set>
#include <string>
#include <vector>

namespace checker {

constexpr uint32_t kApcActor = 1u << 30;

inline bool isApcActor(uint32_t actor) { return actor >= kApcActor; }

// What an exploration hands back: its stats (distinct outcomes filled in here), the findings in
// the order found with the outcome divergence after them, the outcomes, the interpreter steps.
ExploreResult exploreResult(report::ExplorationStats stats, const FindingCollector& findings,
                            const OutcomeTracker& outcomes, uint64_t interpreterSteps);

class ExecutionRunner {
public:
    enum class End { Complete, Stopped, Discarded, Deadlocked };

    ExecutionRunner(const Program& program, const ExploreOptions& options,
                    FindingCollector& findings, OutcomeTracker& outcomes);

    // Starts a new execution from the initial state.
    void begin();

    uint32_t threadCount() const { return uint32_t(world_.threads.size()); }
    // Every actor that exists now, in a fixed order: threads, then APCs.
    const std::vector<uint32_t>& actors()
    {
        // Threads are only ever added, APCs are fixed: the count tells whether the list is current.
        if (actors_.size() != threadCount() + interp_.apcCount()) listActors();
        return actors_;
    }
    uint32_t laneOf(uint32_t actor) const
    {
        return isApcActor(actor) ? actor - kApcActor : interp_.apcCount() + actor;
    }
    uint32_t laneOfThread(int32_t thread) const { return thread < 0 ? UINT32_MAX : interp_.apcCount() + uint32_t(thread); }
    uint32_t initialLanes() const { return interp_.apcCount() + threadCount(); }
    // The thread whose state the actor's step changes.
    uint32_t threadOf(uint32_t actor) const
    {
        return isApcActor(actor) ? uint32_t(interp_.apcTarget(world_, actor - kApcActor)) : actor;
    }
    bool enabled(uint32_t actor) const
    {
        if (isApcActor(actor))
            return actor - kApcActor < interp_.apcCount() && interp_.apcDeliverable(world_, actor - kApcActor);
        return actor < threadCount() && interp_.enabled(world_, actor);
    }
    // How many actors at the front of actors() are threads that ended (none of them can run
    // again in this execution, and threads are only added at the end).
    size_t endedPrefix()
    {
        while (endedPrefix_ < threadCount() && world_.threads[endedPrefix_].status == ThreadStatus::Done) ++endedPrefix_;
        return endedPrefix_;
    }
    // The lane of the thread `effects` created, -1 if none.
    int32_t createdLane(const StepEffects& effects) const
    {
        return effects.createdThread >= 0 ? int32_t(laneOfThread(effects.createdThread)) : -1;
    }
    // The lanes of the threads whose wait `effects` ended (granted or released to re-compete).
    void wokenLanes(const StepEffects& effects, std::vector<uint32_t>& out) const;
    static bool wokeAny(const StepEffects& effects) { return !effects.woken.empty() || !effects.released.empty(); }
    // For an actor that cannot run now: whether it still has a step it could have taken — a live
    // thread blocked at an operation (not one queued in a wait: its queueing step has run), or an
    // undelivered APC whose target thread exists.
    bool couldHaveRun(uint32_t actor) const;
    bool anyEnabled();
    void footprint(uint32_t actor, Footprint& out) const { out.touches = nextFootprint(actor).touches; }
    // The footprint of `actor`'s next step, without a copy: valid until the next footprint
    // request, and after step(actor) still that step's footprint.
    const Footprint& nextFootprint(uint32_t actor) const
    {
        if (cachedActor_ == actor && cachedAt_ == stepsTaken_) return cachedFootprint_;
        return computeFootprint(actor);
    }
    static report::ScheduleEntry entryOf(uint32_t actor)
    {
        return isApcActor(actor) ? report::ScheduleEntry{true, actor - kApcActor} : report::ScheduleEntry{false, actor};
    }
    static uint32_t actorOf(const report::ScheduleEntry& e) { return e.apc ? kApcActor + e.index : e.index; }

    // Runs `actor`'s next step (it must be enabled).
    const StepEffects& step(uint32_t actor);

    // Whether the execution cannot go on: an issue stopped it, or it was discarded by `assume`.
    bool stopped() const { return stopped_ || discarded_; }

    // Ends the execution (call when stopped() or no actor is enabled) and classifies it.
    End finish();
    // Adds the execution that ended as `end` to `stats` (one an `assume` discarded apart).
    void account(End end, report::ExplorationStats& stats) const;

    // Everything the current execution has changed, as of `depth` steps: restoring it is the
    // same as starting a new execution and re-running those steps (the findings they showed are
    // counted for the new execution), without running them. Pooled: saving into a used one
    // reuses its storage.
    struct Checkpoint {
        uint64_t depth = 0;
        World world;
        RacesFinder::State races;
        std::set<LockOrderGraph::Edge> lockEdges;
        std::vector<std::string> findings;   // fingerprints a replay of the prefix would record
        bool stopped = false, discarded = false, cycleFound = false;
    };
    void save(Checkpoint& into) const;
    // Starts a new execution at `from`, which must be a prefix of the current schedule, or of
    // `schedule` when given (another runner's execution).
    void restore(const Checkpoint& from, const std::vector<report::ScheduleEntry>* schedule = nullptr);
    // The same for a runner that never reads its schedule's entries, only its length (one that
    // records no findings and ends no execution: DPOR's probe): the schedule gets `from.depth`
    // entries, not necessarily the steps that led there. (Copying the prefix cost every
    // positioning of the probe a pass over the whole schedule.)
    void restoreDepth(const Checkpoint& from);
    // About how many bytes save() copies now.
    size_t stateBytes() const;

    uint64_t depth() const { return schedule_.size(); }
    // Steps run by this runner since it was made, replays included.
    uint64_t stepsTaken() const { return stepsTaken_; }
    const std::vector<report::ScheduleEntry>& schedule() const { return schedule_; }
    const World& world() const { return world_; }
    const Interpreter& interpreter() const { return interp_; }
    // Replay wants the models to render their results.
    void setDescribeSteps(bool on) { effects_.wantText = on; }
    // A runner that only looks at states (DPOR's probe) records no findings.
    void setRecordFindings(bool on) { recordFindings_ = on; }
    // Off: steps skip the race, lock-order and wait-for-cycle detectors and restore() leaves
    // their state alone (a replay that only renders steps, DPOR's probe); what the steps raise
    // is still recorded, so stopped() means the same.
    void setDetect(bool on) { detect_ = on; }

    // What a parallel worker shares with the exploration it works for (Speculation.hpp): the
    // lock-order graph over the executions so far, and the file system's location ids (a worker
    // starts from a copy of the exploration's, so that both name paths and files alike).
    const LockOrderGraph& lockOrder() const { return lockOrder_; }
    void setLockOrder(const LockOrderGraph& graph) { lockOrder_ = graph; }
    const fs::FsIds& fsIds();
    void adoptFsIds(const fs::FsIds& ids);
    void extendFsIds(const fs::FsIds& bigger) { initialWorld_.fs.extendIds(bigger); }

private:
    void buildInitialState();
    void listActors();
    // nextFootprint when the cache does not hold it: asks the interpreter, keeps the answer.
    const Footprint& computeFootprint(uint32_t actor) const;
    void absorb(const StepEffects& effects)
    {
        if (!effects.issues.empty()) absorbIssues(effects);
    }
    void absorbIssues(const StepEffects& effects);
    // `replayable`: the same prefix run again would record it again (not so for a lock-order
    // inversion, which needs an edge no execution had taken before).
    void record(report::Finding finding, bool replayable = true);
    void invalidateFootprintCache() { cachedAt_ = UINT64_MAX; }
    report::Finding fromIssue(const ModelIssue& issue) const;
    void checkStepBound()
    {
        if (schedule_.size() >= options_.maxSteps) reportStepBound();
    }
    void reportStepBound();
    void runUnobserved(uint32_t actor);
    inline void interpret(uint32_t actor);   // inline: once per step, defined in the .cpp
    // Race detection: what the step about to run is (before it runs), and what it did (after).
    inline void prepareObservation(uint32_t actor);
    inline void observeStep(uint32_t actor);

    const Program& program_;
    const ExploreOptions& options_;
    FindingCollector& findings_;
    OutcomeTracker& outcomes_;
    Interpreter interp_;
    DeadlockDetector deadlocks_;
    LockOrderGraph lockOrder_;   // across all executions of this runner
    World world_;
    World initialWorld_;          // the state every execution starts from, built once
    StepEffects initialEffects_;  // what building it raised
    bool initialReady_ = false;
    StepEffects effects_;
    std::vector<report::ScheduleEntry> schedule_;
    std::vector<uint32_t> actors_;
    size_t endedPrefix_ = 0;   // endedPrefix() as last found (0 at a new execution's start)
    uint64_t stepsTaken_ = 0;
    bool stopped_ = false;
    bool discarded_ = false;
    bool cycleFound_ = false;
    RacesFinder races_;
    // RacesFinder::anyRacyStep: without one, races_ keeps its empty state and ignores a restored
    // one, so a checkpoint need not copy it.
    const bool anyRacyStep_;
    FinalStateChecker finalState_;
    const Footprint* stepFootprint_ = nullptr;   // of the step being run (race rules)
    StepKind stepKind_ = StepKind::Other;
    int32_t stepStmt_ = -1;
    mutable Footprint cachedFootprint_;   // the last footprint asked, reused by step()
    mutable uint32_t cachedActor_ = UINT32_MAX;
    mutable uint64_t cachedAt_ = UINT64_MAX;
    std::vector<report::Finding> detected_;
    std::vector<std::string> recorded_;   // this execution's replayable fingerprints, in order
    bool recordFindings_ = true;
    bool detect_ = true;
};

}  // namespace checker
