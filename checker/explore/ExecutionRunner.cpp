#include "checker/explore/ExecutionRunner.hpp"

#include "checker/detect/Locations.hpp"
#include "checker/program/Invariant.hpp"

#include <algorithm>
#include <set>

namespace checker {

namespace {

const Footprint kNoFootprint;   // an APC's delivery accesses nothing the race rules judge

report::FindingKind kindOf(ModelIssue::Kind kind)
{
    switch (kind) {
    case ModelIssue::Kind::ApiMisuse: return report::FindingKind::ApiMisuse;
    case ModelIssue::Kind::RuntimeError: return report::FindingKind::RuntimeError;
    case ModelIssue::Kind::AssertionFailure: return report::FindingKind::AssertionFailure;
    case ModelIssue::Kind::Livelock: return report::FindingKind::Livelock;
    case ModelIssue::Kind::AssumeFailed: break;
    }
    return report::FindingKind::RuntimeError;
}

}  // namespace

ExploreResult exploreResult(report::ExplorationStats stats, const FindingCollector& findings,
                            const OutcomeTracker& outcomes, uint64_t interpreterSteps)
{
    stats.distinctOutcomes = outcomes.distinct();
    ExploreResult result;
    result.stats = std::move(stats);
    result.findings = findings.findings();
    if (auto divergence = outcomes.divergence()) result.findings.push_back(std::move(*divergence));
    result.outcomes = outcomes.outcomes();
    result.interpreterSteps = interpreterSteps;
    return result;
}

ExecutionRunner::ExecutionRunner(const Program& program, const ExploreOptions& options,
                                 FindingCollector& findings, OutcomeTracker& outcomes)
    : program_(program), options_(options), findings_(findings), outcomes_(outcomes),
      interp_(program), deadlocks_(interp_), races_(program),
      anyRacyStep_(RacesFinder::anyRacyStep(program)), finalState_(program)
{
}

void ExecutionRunner::begin()
{
    schedule_.clear();
    recorded_.clear();
    invalidateFootprintCache();
    endedPrefix_ = 0;
    stopped_ = discarded_ = cycleFound_ = false;
    findings_.beginExecution();
    lockOrder_.beginExecution();
    buildInitialState();
    world_ = initialWorld_;
    absorb(initialEffects_);
    races_.begin(world_);
}

// The initial state is the same for every execution: built once, then copied (a copy reuses the
// capacity the previous execution left, so no allocation once warm).
void ExecutionRunner::buildInitialState()
{
    if (initialReady_) return;
    interp_.init(initialWorld_, initialEffects_);
    initialReady_ = true;
}

const fs::FsIds& ExecutionRunner::fsIds()
{
    buildInitialState();
    return initialWorld_.fs.ids();
}

// The initial state interns the same paths in the same order in every runner: `ids`, another
// runner's table, extends this one's.
void ExecutionRunner::adoptFsIds(const fs::FsIds& ids)
{
    buildInitialState();
    initialWorld_.fs.adoptIds(ids.copyIds());
    finalState_.forgetIds();
}

void ExecutionRunner::save(Checkpoint& into) const
{
    into.depth = schedule_.size();
    into.world = world_;
    if (anyRacyStep_) into.races = races_.state();
    into.lockEdges = lockOrder_.executionEdges();
    into.findings = recorded_;
    into.stopped = stopped_;
    into.discarded = discarded_;
    into.cycleFound = cycleFound_;
}

void ExecutionRunner::restore(const Checkpoint& from, const std::vector<report::ScheduleEntry>* schedule)
{
    if (schedule) {
        CHECKER_INVARIANT(from.depth <= schedule->size());
        schedule_.assign(schedule->begin(), schedule->begin() + std::ptrdiff_t(from.depth));
    }
    CHECKER_INVARIANT(from.depth <= schedule_.size());
    schedule_.resize(from.depth);
    invalidateFootprintCache();
    endedPrefix_ = 0;
    world_ = from.world;
    lockOrder_.beginExecution();
    if (detect_) {
        races_.restore(from.races);
        lockOrder_.restoreExecution(from.lockEdges);
    }
    findings_.beginExecution();
    recorded_ = from.findings;
    for (const std::string& fingerprint : recorded_) findings_.recount(fingerprint);
    stopped_ = from.stopped;
    discarded_ = from.discarded;
    cycleFound_ = from.cycleFound;
}

void ExecutionRunner::restoreDepth(const Checkpoint& from)
{
    CHECKER_INVARIANT(!recordFindings_);
    if (schedule_.size() < from.depth) schedule_.resize(from.depth);
    restore(from);
}

size_t ExecutionRunner::stateBytes() const
{
    size_t bytes = sizeof(World) + world_.fs.stateBytes() + world_.globals.size() * sizeof(int64_t) +
                   world_.objects.size() * sizeof(ObjectState) + races_.state().detector.stateBytes();
    for (const ThreadState& t : world_.threads)
        bytes += sizeof(ThreadState) + t.frames.size() * (sizeof(Frame) + 64);
    return bytes;
}

void ExecutionRunner::listActors()
{
    actors_.clear();
    for (uint32_t t = 0; t < threadCount(); ++t) actors_.push_back(t);
    for (uint32_t k = 0; k < interp_.apcCount(); ++k) actors_.push_back(kApcActor + k);
}

void ExecutionRunner::wokenLanes(const StepEffects& effects, std::vector<uint32_t>& out) const
{
    out.clear();
    for (int32_t t : effects.woken) out.push_back(laneOfThread(t));
    for (int32_t t : effects.released) out.push_back(laneOfThread(t));
}

bool ExecutionRunner::couldHaveRun(uint32_t actor) const
{
    if (!isApcActor(actor))
        return actor < threadCount() && interp_.alive(world_, actor) && !world_.threads[actor].waiting;
    uint32_t k = actor - kApcActor;
    return k < interp_.apcCount() && !world_.apcDelivered[k] && interp_.apcTarget(world_, k) >= 0;
}

bool ExecutionRunner::anyEnabled()
{
    const std::vector<uint32_t>& all = actors();
    for (size_t k = endedPrefix(); k < all.size(); ++k)
        if (enabled(all[k])) return true;
    return false;
}

const Footprint& ExecutionRunner::computeFootprint(uint32_t actor) const
{
    if (isApcActor(actor)) interp_.apcFootprint(world_, actor - kApcActor, cachedFootprint_);
    else interp_.footprint(world_, actor, cachedFootprint_);
    cachedActor_ = actor;
    cachedAt_ = stepsTaken_;
    return cachedFootprint_;
}

const StepEffects& ExecutionRunner::step(uint32_t actor)
{
    schedule_.push_back(entryOf(actor));
    if (!detect_) {
        runUnobserved(actor);
        return effects_;
    }
    prepareObservation(actor);
    interpret(actor);
    observeStep(actor);
    for (const LockAcquisition& a : effects_.acquired) {
        if (auto inversion = lockOrder_.onAcquire(world_, a)) record(std::move(*inversion), false);
        if (recordFindings_)
            for (const std::string& fingerprint : lockOrder_.takeCompleted())
                findings_.rewitness(fingerprint, {schedule_}, kOrdersOfSeveralExecutions);
    }
    if (!stopped()) {
        if (auto dl = deadlocks_.checkCycleThrough(world_, threadOf(actor))) {
            cycleFound_ = true;
            if (dl->misuse) record(std::move(*dl->misuse));
            record(std::move(dl->finding));
        }
        checkStepBound();
    }
    return effects_;
}

void ExecutionRunner::runUnobserved(uint32_t actor)
{
    interpret(actor);
    if (!stopped()) checkStepBound();
}

// The step itself, and what it raised.
void ExecutionRunner::interpret(uint32_t actor)
{
    stepsTaken_++;
    if (isApcActor(actor)) interp_.deliverApc(world_, actor - kApcActor, effects_);
    else interp_.step(world_, actor, effects_);
    absorb(effects_);
}

void ExecutionRunner::absorbIssues(const StepEffects& effects)
{
    for (const ModelIssue& issue : effects.issues) {
        if (issue.kind == ModelIssue::Kind::AssumeFailed) {
            discarded_ = true;
            continue;
        }
        if (issue.stopsExecution) stopped_ = true;
        record(fromIssue(issue));
    }
}

report::Finding ExecutionRunner::fromIssue(const ModelIssue& issue) const
{
    report::Finding f;
    f.kind = kindOf(issue.kind);
    f.rule = issue.rule;
    std::string thread = issue.thread >= 0 ? world_.threads[size_t(issue.thread)].name : "";
    report::Location loc = statementLocation(program_, thread, issue.stmt);
    f.message = issue.message.empty() ? report::findingKindId(f.kind) + (" at " + loc.text) : issue.message;
    if (f.kind == report::FindingKind::AssertionFailure)
        f.message = "assertion failed in " + thread + ": " + loc.text + (issue.message.empty() ? "" : " — " + issue.message);
    if (!thread.empty()) f.threads.push_back(thread);
    std::string objects;
    for (uint32_t id : issue.objects) {
        f.objects.push_back(objectName(program_, id));
        objects += (objects.empty() ? "" : ",") + f.objects.back();
    }
    f.fingerprint = std::string(report::findingKindId(f.kind)) + ":" + (f.rule.empty() ? "" : f.rule + ":") +
                    loc.pointer + (objects.empty() ? "" : ":" + objects);
    f.locations.push_back(std::move(loc));
    return f;
}

void ExecutionRunner::record(report::Finding finding, bool replayable)
{
    if (!recordFindings_ || findings_.seenInExecution(finding.fingerprint)) return;
    if (replayable) recorded_.push_back(finding.fingerprint);
    if (findings_.known(finding.fingerprint)) {
        findings_.recount(finding.fingerprint);   // the witness stays the first execution's
        return;
    }
    finding.witness.schedule = schedule_;
    findings_.add(std::move(finding));
}

void ExecutionRunner::reportStepBound()
{
    std::set<std::string> running;
    report::Finding f;
    f.kind = report::FindingKind::Livelock;
    for (ThreadId t = 0; t < world_.threads.size(); ++t) {
        if (!interp_.alive(world_, t)) continue;
        int32_t decl = world_.threads[t].decl;
        running.insert(decl >= 0 ? program_.threadDecls[size_t(decl)].name : world_.threads[t].name);
        f.threads.push_back(world_.threads[t].name);
        f.locations.push_back(pendingLocation(world_, t));
    }
    std::string names;
    for (const auto& n : running) names += (names.empty() ? "" : ",") + n;
    f.message = "the execution reached the step bound (" + std::to_string(options_.maxSteps) +
                " visible steps, --max-steps) with threads still running";
    f.fingerprint = "livelock:" + names;
    stopped_ = true;
    record(std::move(f));
}

ExecutionRunner::End ExecutionRunner::finish()
{
    if (discarded_) return End::Discarded;
    if (stopped_) return End::Stopped;
    // The first thread past the ended ones at the front is alive, if there is one.
    if (endedPrefix() < threadCount()) {
        if (!cycleFound_) {
            DeadlockReport dl = deadlocks_.globalDeadlock(world_);
            record(std::move(dl.finding));
        }
        return End::Deadlocked;
    }
    detected_.clear();
    finalState_.check(world_, detected_);
    for (report::Finding& f : detected_) record(std::move(f));
    outcomes_.record(world_, schedule_);
    return End::Complete;
}

void ExecutionRunner::account(End end, report::ExplorationStats& stats) const
{
    if (end == End::Discarded) {
        stats.assumeDiscarded++;
        return;
    }
    stats.executions++;
    stats.steps += depth();
    stats.maxDepth = std::max<uint64_t>(stats.maxDepth, depth());
}

// An APC's delivery is neither an access nor synchronization (its body's steps are the target
// thread's own): it is observed with an empty footprint.
void ExecutionRunner::prepareObservation(uint32_t actor)
{
    stepFootprint_ = &kNoFootprint;
    stepKind_ = StepKind::Other;
    stepStmt_ = -1;
    if (isApcActor(actor)) return;
    const PreparedOp& op = world_.threads[actor].pending;
    stepKind_ = RacesFinder::stepKind(op);
    stepStmt_ = op.stmt;
    stepFootprint_ = &nextFootprint(actor);
}

// A step that stopped the execution still ran its access; one that an `assume` discarded did not
// count.
void ExecutionRunner::observeStep(uint32_t actor)
{
    if (discarded_) return;
    detected_.clear();
    races_.onStep(world_, threadOf(actor), stepKind_, stepStmt_, *stepFootprint_, effects_, detected_);
    for (report::Finding& f : detected_) record(std::move(f));
}

}  // namespace checker
