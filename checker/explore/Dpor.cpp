#include "checker/explore/Dpor.hpp"

#include "checker/program/Invariant.hpp"

#include <algorithm>
#include <thread>

namespace checker {

namespace {

double secondsSince(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

DporExplorer::DporExplorer(const Program& program, const ExploreOptions& options,
                           const std::function<void(const Progress&)>& onProgress)
    : program_(program), options_(options), onProgress_(onProgress),
      runner_(program, options, findings_, outcomes_), probe_(program, options, probeFindings_, probeOutcomes_),
      memory_(options.maxMemoryMb)
{
    probe_.setRecordFindings(false);
    probe_.setDetect(false);
}

ExploreResult DporExplorer::run()
{
    start_ = lastProgress_ = std::chrono::steady_clock::now();
    // A budget in executions or findings stops part-way through a subtree: one thread then.
    // Threads beyond the machine's cores (two at least) would only add explorers' memory.
    unsigned cores = std::max(2u, std::thread::hardware_concurrency());
    if (!options_.maxExecutions && !options_.stopOnFirst) workers_ = std::min(options_.jobs, cores) - 1;
    runner_.begin();
    runner_.save(initialState_);
    log_.begin(runner_.initialLanes());
    nodes_.clear();
    nodes_.emplace_back().serial = nextSerial_++;
    sleepEvents_.clear();
    explore();
    pool_ = nullptr;
    ownPool_.reset();
    stats_.complete = stopReason_.empty();
    stats_.stoppedBy = stopReason_;
    stats_.elapsedSeconds = secondsSince(start_);
    reportProgress(true);
    ExploreResult result = exploreResult(stats_, findings_, outcomes_,
                                         runner_.stepsTaken() + probe_.stepsTaken() + interpreterSteps_);
    result.parallel = parallel_;
    return result;
}

// Executions, one after the other, until the tree is done or something stops it.
void DporExplorer::explore()
{
    for (;;) {
        Outcome outcome = forward();
        if (outcome == Outcome::Interrupted) break;
        if (outcome == Outcome::SleepBlocked) {
            stats_.blockedExecutions++;
        } else {
            processBlockedRaces();
            runner_.account(runner_.finish(), stats_);
            postponeStop();
        }
        lastStopped_ = outcome == Outcome::Ended && runner_.stopped();
        if (budgetExhausted() && hasPendingWork()) break;
        stopReason_.clear();
        if ((pool_ || workers_ > 0) && stats_.executions >= options_.warmUpExecutions) offerWork();
        if (!backtrack()) break;
    }
}

// Runs the current execution to its end, following the wakeup tree where one is given and
// otherwise the first enabled actor not asleep.
DporExplorer::Outcome DporExplorer::forward()
{
    for (;;) {
        if (runner_.stopped()) return Outcome::Ended;
        uint32_t depth = log_.size();
        WakeupTree guide;
        int32_t actor;
        if (!nodes_[depth].wut.empty()) {
            guide = takeBranch(nodes_[depth], actor);
            // A sequence may end with the step of an actor left unable to run, placed where it
            // might have run; it need not be able to there either (a wait for a thread nobody
            // creates): that branch cannot be followed, and is dropped.
            if (!runner_.enabled(uint32_t(actor))) continue;
        } else {
            actor = chooseFree(nodes_[depth]);
            if (actor < 0) actor = postponedStop(nodes_[depth]);
            if (actor < 0) return runner_.anyEnabled() ? Outcome::SleepBlocked : Outcome::Ended;
        }
        bool fresh = depth >= freshFrom_;
        stepAndLog(uint32_t(actor), fresh ? &races_ : nullptr);

        // Made in place (a node is moved only when the vector grows past the deepest depth yet).
        Node& child = nodes_.emplace_back();
        const Node& node = nodes_[depth];
        child.serial = nextSerial_++;
        child.wut = std::move(guide);
        child.sleepEnd = node.sleepEnd;
        if (!node.sleep.empty()) {
            const EventView taken = viewAt(depth);
            auto awake = [&](uint32_t q) { return eventsDependent(viewOf(sleepEvents_[q]), taken); };
            if (log_.latestRepeats()) {
                // The entries the node inherited (below its parent's sleepEnd) were kept for
                // being independent of the parent's event, which this one repeats.
                const uint32_t inherited = nodes_[depth - 1].sleepEnd;
                for (uint32_t q : node.sleep)
                    if (q < inherited || !awake(q)) child.sleep.push_back(q);
            } else {
                for (uint32_t q : node.sleep)
                    if (!awake(q)) child.sleep.push_back(q);
            }
        }
        if (fresh && !races_.empty()) processRaces(races_, depth, viewAt(depth));
        if (fresh && runner_.depth() >= checkpointDue_) checkpoint();

        if (options_.stopOnFirst && findings_.size() > 0) {
            runner_.account(ExecutionRunner::End::Stopped, stats_);
            stopReason_ = "first_finding";
            return Outcome::Interrupted;
        }
        if ((log_.size() & 255) == 0) {
            reportProgress(false);
            if (interrupted()) return Outcome::Interrupted;
        }
    }
}

// Runs `actor`'s step and appends it to the event log (its races into `races`, if given).
void DporExplorer::stepAndLog(uint32_t actor, std::vector<uint32_t>* races)
{
    const Footprint& footprint = runner_.nextFootprint(actor);
    const StepEffects& effects = runner_.step(actor);
    const bool woke = ExecutionRunner::wokeAny(effects);
    if (woke) runner_.wokenLanes(effects, woken_);
    log_.push(actor, runner_.laneOf(actor), footprint, runner_.createdLane(effects), races, woke ? &woken_ : nullptr);
}

// Takes the node's leftmost branch: its first actor, and the rest as the child's wakeup tree.
WakeupTree DporExplorer::takeBranch(Node& node, int32_t& actor)
{
    if (pool_ && node.offers > 0) pool_->forget(node.serial, node.taken);
    WakeupTree subtree;
    actor = int32_t(node.wut.takeLeftmost(subtree));
    ++node.taken;
    return subtree;
}

int32_t DporExplorer::chooseFree(const Node& node)
{
    // Past the threads that ended; asleep (a look at a few entries), then enabled(), which reads
    // two fields (ended, queued) before it may ask the actor's model. (Reading those first, to
    // skip the look for an actor that cannot run, cost more: most actors asleep can run.)
    const std::vector<uint32_t>& actors = runner_.actors();
    for (size_t k = runner_.endedPrefix(); k < actors.size(); ++k) {
        uint32_t a = actors[k];
        if (node.sleep.empty()) {
            if (runner_.enabled(a)) return int32_t(a);
            continue;
        }
        if (!asleep(node, a) && runner_.enabled(a)) return int32_t(a);
    }
    return -1;
}

// When every actor that can run is asleep: one whose step stopped the execution where it went
// to sleep, run now, at the end (-1 if none). Its trace with everything else done before it was
// not explored: the stop cut it short.
int32_t DporExplorer::postponedStop(const Node& node)
{
    for (uint32_t q : node.sleep)
        if (sleepEvents_[q].stopped && runner_.enabled(sleepEvents_[q].actor)) return int32_t(sleepEvents_[q].actor);
    return -1;
}

SeqEvent DporExplorer::eventAt(uint32_t depth) const
{
    return seqEventOf(viewAt(depth));
}

// For each race (e at depth i, e' = `last`, an event at depth `end` or a pending one with
// end = the log size): the sequence v = notdep(e).e' — the events between them that do not happen
// after e, then e' — is a way to reverse the race. Unless a sleeping actor at i could start v
// (that trace is explored already), v goes into i's wakeup tree.
void DporExplorer::processRaces(const std::vector<uint32_t>& races, uint32_t end, const EventView& last)
{
    for (uint32_t i : races) {
        auto covered = [&](uint32_t first) { return frontCovered(i, first < end ? log_.event(first).actor : last.actor); };
        if (!log_.notAfterUnless(i, end, notAfter_, covered)) continue;
        sequence_.clear();
        for (uint32_t k : notAfter_) sequence_.push_back(viewAt(k));
        sequence_.push_back(last);
        insert(i, sequence_);
    }
}

// Whether the sequences insert() is about to check at `depth` are known covered by their first
// event's actor, before they are built: a sleeping actor takes it (it could start them: their
// first event is a weak initial), or the tree's leftmost branch is that actor's event alone (the
// walk would take it, first, and end there). For a worker's own branch or above, where they are
// recorded: only at the branch's node, by what the worker knows of it (see recordInsertion).
bool DporExplorer::frontCovered(uint32_t depth, uint32_t actor) const
{
    const Node& node = nodes_[depth];
    if (worker_ && depth <= rootDepth_)
        return depth == rootDepth_ && (asleep(node, actor) || after_->leftmostIsLeafOf(actor));
    return asleep(node, actor) || node.wut.leftmostIsLeafOf(actor);
}

// Unless a sleeping actor at `depth` could start `sequence` (that trace is explored already),
// it goes into the node's wakeup tree. A worker records it instead when the node is its
// branch's or above: the explorer it works for inserts it there, in order. The sleeping actors
// and the tree may be asked in either order (walks_): the sequence is inserted only where the
// tree takes it and no sleeping actor starts it, whichever answers first.
void DporExplorer::insert(uint32_t depth, const std::vector<EventView>& sequence)
{
    if (worker_ && depth <= rootDepth_) return recordInsertion(depth, sequence);
    WakeupSequence v(sequence, scratch_);
    Node& node = nodes_[depth];
    const bool walkFirst = node.sleep.size() > 1 && 2 * walksCovered_ > walks_;
    if (!walkFirst && sleepStarts(node, v)) return;
    const WakeupTree::Placement placement = node.wut.place(v);
    ++walks_;
    if (!placement.inserts) {
        ++walksCovered_;
        return;
    }
    if (walkFirst && sleepStarts(node, WakeupSequence(sequence, sleepScratch_))) return;   // v lost the events walked
    size_t changed = node.wut.commit(placement, v);
    // A worker's copy of that branch is out of date: its subtree would not be the one explored
    // (unless the sequence comes from a worker's subtree, which a projected task assumed).
    if (pool_ && !adopting_ && changed != WakeupTree::kUnchanged) {
        node.lastChanged = node.taken + changed;
        node.lastChangeAt = stats_.executions;
        if (node.offers > 0) pool_->forget(node.serial, node.lastChanged);
    }
}

bool DporExplorer::sleepStarts(const Node& node, const WakeupSequence& v) const
{
    size_t position;
    return std::any_of(node.sleep.begin(), node.sleep.end(),
                       [&](uint32_t q) { return v.weakInitial(sleepEvents_[q], &position); });
}

void DporExplorer::insert(uint32_t depth, const std::vector<SeqEvent>& sequence)
{
    viewsOf(sequence, sequence_);
    insert(depth, sequence_);
}

// An actor left unable to run at the end of an execution never took its step, so the races that
// step would have been in were never seen — a thread blocked on an acquire (Nidhugg's failed-lock
// races), or an APC whose target ended first: find them now, as if the step ran. When a finding
// stopped the execution (a bug check), every actor still able to run is such an actor too: the
// interleavings where it ran before the stop must still be explored.
void DporExplorer::processBlockedRaces()
{
    bool stopped = runner_.stopped();
    const std::vector<uint32_t>& actors = runner_.actors();
    for (size_t k = runner_.endedPrefix(); k < actors.size(); ++k) {   // an ended thread could not have run
        const uint32_t a = actors[k];
        if (!runner_.couldHaveRun(a) || (!stopped && runner_.enabled(a))) continue;
        runner_.footprint(a, footprint_);
        log_.pendingRaces(runner_.laneOf(a), footprint_, races_);
        if (races_.empty()) continue;
        SeqEvent pending;
        pending.actor = a;
        pending.lane = runner_.laneOf(a);
        pending.touches.assign(footprint_.touches.data(), footprint_.touches.data() + footprint_.touches.size());
        processRaces(races_, log_.size(), viewOf(pending));
    }
}

// A step that stopped the execution (a bug check) hides what the other actors would have done
// after it: the explorer also tries each of them at that point, with the stopping step asleep
// until something it depends on happens (e.g. the unload routine deleting a resource is tried
// again once the owner has released it). "Each of them" means those able to run *before* the
// stopping step, with their footprints there: the probe runner is put in that state (a step
// that stopped may have woken a thread that could not run before it).
void DporExplorer::postponeStop()
{
    if (!runner_.stopped() || log_.size() == 0) return;
    uint32_t d = log_.size() - 1;
    uint32_t stopper = log_.event(d).actor;
    positionProbe(d);
    for (uint32_t a : probe_.actors()) {
        if (a == stopper || !probe_.enabled(a)) continue;
        SeqEvent e;
        e.actor = a;
        e.lane = probe_.laneOf(a);
        probe_.footprint(a, footprint_);
        e.touches.assign(footprint_.touches.data(), footprint_.touches.data() + footprint_.touches.size());
        sequence_.assign(1, viewOf(e));
        insert(d, sequence_);
    }
}

// Puts the probe runner at `depth` steps into the current execution: from the deepest
// checkpoint at or above it, else from the initial state, replaying the steps between. Its
// findings and outcomes go nowhere.
void DporExplorer::positionProbe(uint32_t depth)
{
    size_t k = checkpointsInUse_;
    while (k > 0 && checkpoints_[k - 1].depth > depth) --k;
    // Not probe_.begin(): its own initial state would number paths and files in the order the
    // probe meets them, and its footprints must name them as the runner's events do.
    const ExecutionRunner::Checkpoint& from = k > 0 ? checkpoints_[k - 1] : initialState_;
    probe_.restoreDepth(from);
    for (uint32_t i = uint32_t(from.depth); i < depth; ++i) probe_.step(log_.event(i).actor);
}

// Finds the deepest node with sequences left to explore, restores the state there (re-running
// the prefix from the initial state) and returns true; false when exploration is complete.
bool DporExplorer::backtrack()
{
    for (uint32_t d = log_.size(); d-- > 0;) {
        Node& node = nodes_[d];
        if (node.wut.empty()) continue;  // dropped below: its sleep set no longer matters
        sleepEvents_.resize(node.sleepEnd);  // the entries of the deeper nodes dropped below
        node.sleep.push_back(uint32_t(sleepEvents_.size()));
        sleepEvents_.push_back(eventAt(d));
        sleepEvents_.back().stopped = lastStopped_ && d + 1 == log_.size();
        node.sleepEnd = uint32_t(sleepEvents_.size());
        if (pool_) takeSpeculated(d);
        if (!stopReason_.empty()) return false;
        if (node.wut.empty()) continue;
        restoreTo(d);
        log_.truncate(d);
        nodes_.resize(d + 1);
        freshFrom_ = d;
        return true;
    }
    return false;
}

// Keeps a checkpoint every so many steps: by default as many as copying the state costs,
// counted as ~200 bytes per step (a 2 MB state: every 10,000 steps) so that saving costs about a
// tenth of running, and at least 512. At most 16 are kept, and no more than fit in 32 MiB; when
// full, every other one goes (so memory grows with the logarithm of the depth, not the depth).
void DporExplorer::checkpoint()
{
    if (runner_.stopped()) return;
    if (options_.checkpointSpacing == uint64_t(0)) {
        checkpointDue_ = UINT64_MAX;
        return;
    }
    uint64_t depth = runner_.depth();
    uint64_t last = checkpointsInUse_ ? checkpoints_[checkpointsInUse_ - 1].depth : 0;
    if (depth == landing_ && last < depth) return saveCheckpoint(runner_.stateBytes());
    // Due at `at`, or at the landing depth if that comes first.
    auto due = [&](uint64_t at) { return landing_ > depth ? std::min(at, landing_) : at; };
    uint64_t spacing = options_.checkpointSpacing.value_or(kMinSpacing);
    if (checkpointsInUse_ >= 2)
        spacing = std::max(spacing, last - checkpoints_[checkpointsInUse_ - 2].depth);
    checkpointDue_ = due(std::max(last + spacing, nextSizeCheck_));
    if (depth < checkpointDue_) return;
    size_t bytes = runner_.stateBytes();
    if (!options_.checkpointSpacing && depth < last + bytes / 200) {
        // Measuring the state every step costs more than the step: look again where this size
        // would be due (the state grows on the way, so the real spacing is a little wider).
        nextSizeCheck_ = last + bytes / 200;
        checkpointDue_ = due(nextSizeCheck_);
        return;
    }
    saveCheckpoint(bytes);
}

// Saves the runner's state as the deepest checkpoint: at most 16, no more than fit in 16 MiB
// (`bytes` each); when full, every other one goes first.
void DporExplorer::saveCheckpoint(size_t bytes)
{
    constexpr size_t kBudgetBytes = size_t(16) << 20;
    size_t maxCheckpoints = std::clamp<size_t>(kBudgetBytes / std::max<size_t>(bytes, 1), 2, 16);
    if (checkpointsInUse_ >= maxCheckpoints) {
        size_t kept = 0;
        for (size_t i = 1; i < checkpointsInUse_; i += 2) std::swap(checkpoints_[kept++], checkpoints_[i]);
        checkpointsInUse_ = kept;
    }
    if (checkpoints_.size() == checkpointsInUse_) checkpoints_.emplace_back();
    runner_.save(checkpoints_[checkpointsInUse_++]);
    checkpointDue_ = 0;
}

// Puts the runner at `depth` steps into the current execution as a new execution: from the
// deepest checkpoint at or above it, else from the initial state, replaying the steps between.
void DporExplorer::restoreTo(uint32_t depth)
{
    nextSizeCheck_ = checkpointDue_ = 0;
    while (checkpointsInUse_ > 0 && checkpoints_[checkpointsInUse_ - 1].depth > depth) --checkpointsInUse_;
    uint32_t from = 0;
    if (checkpointsInUse_ > 0) {
        runner_.restore(checkpoints_[checkpointsInUse_ - 1]);
        from = uint32_t(checkpoints_[checkpointsInUse_ - 1].depth);
    } else {
        runner_.begin();
    }
    // Backtracking comes back to the same node for its other branches, and once they are done
    // goes on to the deepest node above with branches left, then to the next one up: after a
    // replay that cost more than saving the state does, keep the state at this node and at each
    // node on the way with branches left, where it is that far from the last one kept (or each
    // later backtrack there replays from `from` again). A step costs about as much as copying
    // kBytesPerReplayedStep bytes of state; kMinSpacing steps are always worth it.
    const bool keep = !options_.checkpointSpacing && depth - from >= kMinReplay;
    const uint64_t worth =
        keep ? std::clamp<uint64_t>(runner_.stateBytes() / kBytesPerReplayedStep, kMinReplay, kMinSpacing) : 0;
    // A long replay (several saves' worth, and kMinLongReplay steps): the nodes around `depth`
    // tend to get branches of their own from the executions after it, and backtracking comes
    // back to about this depth under each branch of the nodes above: keep the state a few steps
    // above it, now and whenever a later execution passes there (checkpoint()), so that those
    // backtracks do not replay from `from` again. (From shorter replays too, those later
    // executions kept states no backtrack used: lastzero(10) +1.3%, filesystem(20) +1.4%.)
    if (keep && depth - from >= std::max(kLongReplaySaves * worth, kMinLongReplay)) landing_ = depth - kLandingMargin;
    uint32_t saved = from;
    for (uint32_t k = from; k < depth; ++k) {
        if (keep && (k == landing_ ? k > saved : !nodes_[k].wut.empty() && k - saved >= worth) && !runner_.stopped()) {
            saveCheckpoint(runner_.stateBytes());
            saved = k;
        }
        runner_.step(log_.event(k).actor);
    }
    if (keep && depth - saved >= worth && !runner_.stopped()) saveCheckpoint(runner_.stateBytes());
}

bool DporExplorer::hasPendingWork() const
{
    return std::any_of(nodes_.begin(), nodes_.end(), [](const Node& n) { return !n.wut.empty(); });
}


bool DporExplorer::interrupted()
{
    if ((options_.interrupt && options_.interrupt->load()) || (cancel_ && cancel_->load()))
        stopReason_ = "interrupt";
    else if (worker_ && pool_->pastDeadline())
        stopReason_ = "time_limit";
    else if (options_.timeLimitSeconds && secondsSince(start_) >= *options_.timeLimitSeconds)
        stopReason_ = "time_limit";
    else if (memory_.exceeded(runner_.stepsTaken()))
        stopReason_ = "memory";
    return !stopReason_.empty();
}

bool DporExplorer::budgetExhausted()
{
    if (interrupted()) return true;
    if (options_.maxExecutions && stats_.executions >= *options_.maxExecutions)
        stopReason_ = "max_executions";
    else if (options_.stopOnFirst && findings_.size() > 0)
        stopReason_ = "first_finding";
    return !stopReason_.empty();
}

void DporExplorer::reportProgress(bool force)
{
    if (!onProgress_) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && std::chrono::duration<double>(now - lastProgress_).count() < 0.5) return;
    lastProgress_ = now;
    Progress p;
    p.executions = stats_.executions;
    p.steps = stats_.steps;
    p.depth = log_.size();
    p.findings = findings_.size();
    p.elapsedSeconds = secondsSince(start_);
    onProgress_(p);
}

}  // namespace checker
