// DporExplorer's side of parallel exploration (Speculation.hpp): as the explorer, offering later
// branches of its path to workers and taking their subtrees when it gets there; as a worker,
// exploring one such branch.

#include "checker/explore/Dpor.hpp"

namespace checker {

// Offers workers branches of the nodes on the path, shallowest first (the explorer gets to
// those last, so a worker has the longest time to finish one), settled ones first: a branch of
// one event (nothing inserted later can change it), or one after branches whose workers are done
// (offered with their insertions made: it changes only if the explorer's own branch at the node
// inserts below it). Any other may get sequences inserted below it while the branches before it
// are explored: its task is then dropped, and the branch offered again as it is then.
void DporExplorer::offerWork()
{
    if (!pool_) {
        // Workers start once the tree has shown it is worth them (the nodes so far keep serial
        // numbers from 0: the pool's blocks start above them).
        ownPool_ = std::make_unique<SpeculationPool>(program_, options_, workers_, start_);
        pool_ = ownPool_.get();
        nextSerial_ = serialBlock_ = pool_->serialBlock();
    }
    while (pool_->wantsWork()) {
        uint32_t depth = 0;
        size_t index = 0;
        if (!findWork(depth, index, true) && !findWork(depth, index, false)) return;
        pool_->submit(makeTask(depth, index));
    }
}

bool DporExplorer::findWork(uint32_t& depth, size_t& index, bool settledOnly) const
{
    // A worker offers the branches of its own subtree only: the nodes above are another's. A
    // task replays the steps to its node first: nodes deep into a long execution (whose
    // subtrees tend to be a few executions of its last steps) are left to the explorer.
    uint32_t deepest = std::max<uint32_t>(kOfferDepth, log_.size() / 8);
    size_t count = 0;
    for (depth = worker_ ? rootDepth_ + 1 : 0; depth < log_.size() && depth <= deepest; ++depth) {
        const Node& node = nodes_[depth];
        if (node.wut.empty()) continue;
        for (index = 0, count = node.wut.branchCount(); index < count; ++index) {
            if (node.offers > 0 && pool_->has(node.serial, node.taken + index)) continue;
            if (node.wut.branchIsLeaf(index)) return true;
            if (node.lastChanged == node.taken + index && stats_.executions < node.lastChangeAt + kQuietExecutions)
                continue;
            if (!settledOnly || (index > 0 && doneBefore(node, index, nullptr))) return true;
        }
    }
    return false;
}

// Whether workers are done with every branch before `index` (and added no location ids, which
// a projection would have to follow): their results, in order, into `results`.
bool DporExplorer::doneBefore(const Node& node, size_t index, std::vector<const SubtreeResult*>* results) const
{
    for (size_t k = 0; k < index; ++k) {
        const SubtreeResult* result = node.offers > 0 ? pool_->done(node.serial, node.taken + k) : nullptr;
        if (!result || result->aborted || result->ids) return false;
        if (results) results->push_back(result);
    }
    return true;
}

std::vector<SeqEvent> DporExplorer::sleepOf(const Node& node) const
{
    std::vector<SeqEvent> events;
    events.reserve(node.sleep.size());
    for (uint32_t q : node.sleep) events.push_back(sleepEvents_[q]);
    return events;
}

// Branch `index` of the node at `depth`, with what it will start from as far as is known: the
// node's sleep set then holds the branch being explored now and the ones before it.
std::unique_ptr<SubtreeTask> DporExplorer::makeTask(uint32_t depth, size_t index)
{
    Node& node = nodes_[depth];
    auto task = std::make_unique<SubtreeTask>();
    task->node = node.serial;
    task->ordinal = node.taken + index;
    task->prefix.reserve(depth);
    for (uint32_t k = 0; k < depth; ++k) task->prefix.push_back(log_.event(k).actor);
    task->sleep = sleepOf(node);
    task->sleep.push_back(eventAt(depth));
    task->sleep.back().stopped = lastStopped_ && depth + 1 == log_.size();
    task->lockOrder = runner_.lockOrder();
    task->after = node.wut.copyBranchesFrom(index + 1);
    if (!project(depth, index, *task)) {
        for (size_t k = 0; k < index; ++k) task->sleepToCome.push_back(node.wut.branchActor(k));
        task->branch = node.wut.copyBranch(index);
    }
    task->lockEdges = task->lockOrder.edgeCount();
    task->lockPartials = task->lockOrder.partialCount();
    task->lockInversions = task->lockOrder.inversionEvents();
    task->ids = runner_.fsIds().copyIds();
    ++node.offers;
    return task;
}

// When workers are done with the branches before `index`: the branch as it will be after
// taking their results (as takeSpeculated() and adopt() will), with the sleep set and
// lock-order graph they leave. False when they are not all done.
bool DporExplorer::project(uint32_t depth, size_t index, SubtreeTask& task)
{
    std::vector<const SubtreeResult*> before;
    if (index == 0 || !doneBefore(nodes_[depth], index, &before)) return false;
    // Only the branch matters, and of the ones before it only where a sequence would go.
    WakeupTree tree = nodes_[depth].wut.copyBranchAfterStubs(index);
    for (const SubtreeResult* result : before) {
        WakeupTree explored;
        tree.takeLeftmost(explored);
        if (result->dropped) continue;
        for (const SubtreeResult::Insertion& insertion : result->insertions) {
            if (insertion.depth != depth) continue;
            viewsOf(insertion.sequence, sequence_);
            WakeupSequence v(sequence_, scratch_);
            size_t position;
            bool covered = std::any_of(task.sleep.begin(), task.sleep.end(),
                                       [&](const SeqEvent& e) { return v.weakInitial(e, &position); });
            if (!covered) tree.insert(v);
        }
        task.sleep.push_back(result->first);
        task.lockOrder = result->lockOrder;
    }
    tree.dropAllButLeftmost();   // new branches come after it
    task.branch = std::move(tree);
    task.projected = true;
    return true;
}

// Takes, in order, the node's next branches that workers explored, while what they started
// from is still what the explorer has; stops at the first it must explore itself.
void DporExplorer::takeSpeculated(uint32_t depth)
{
    Node& node = nodes_[depth];
    while (!node.wut.empty() && node.offers > 0) {
        SpeculationPool::Claimed claimed = pool_->claim(node.serial, node.taken, [this] { return interrupted(); });
        if (!claimed.result || !stillValid(node, *claimed.task, *claimed.result)) {
            parallel_.redone += claimed.result != nullptr;
            pool_->forgetProjectedAfter(node.serial, node.taken);
            if (claimed.result) pool_->discard(std::move(claimed), {});
            return;
        }
        ++parallel_.taken;
        WakeupTree explored;
        node.wut.takeLeftmost(explored);
        ++node.taken;
        if (!claimed.result->dropped) adopt(depth, *claimed.task, *claimed.result);
        pool_->discard(std::move(claimed), std::move(explored));
    }
}

// Whether the worker explored the branch from what the explorer has now: the same branch and
// subtree (nothing inserted below it since), the same sleep set, lock-order graph and ids.
bool DporExplorer::stillValid(const Node& node, const SubtreeTask& task, const SubtreeResult& result)
{
    if (result.aborted || !node.wut.leftmostEquals(task.branch)) return false;
    if (result.dropped) return true;
    std::vector<SeqEvent> sleep = sleepOf(node);
    if (!std::equal(sleep.begin(), sleep.end(), result.sleep.begin(), result.sleep.end(), sameEvent)) return false;
    // The lock-order graph the subtree would have started from: the worker's, or one that grew
    // since only by edges that, with the worker's, close no cycle (no inversion on either side).
    const LockOrderGraph& graph = runner_.lockOrder();
    if (!sameLockOrder(task) &&
        (graph.inversionEvents() != task.lockInversions || result.lockOrder.inversionEvents() != task.lockInversions ||
         !graph.mergeClosesNoCycle(result.lockOrder)))
        return false;
    // The worker's ids name what the explorer's name when one table extends the other (ids only
    // added, in the order met: the explorer's, since the task was made, or the worker's).
    return !result.ids || runner_.fsIds().extends(*result.ids) || result.ids->extends(runner_.fsIds());
}

bool DporExplorer::sameLockOrder(const SubtreeTask& task) const
{
    const LockOrderGraph& graph = runner_.lockOrder();
    return graph.edgeCount() == task.lockEdges && graph.partialCount() == task.lockPartials;
}

// What exploring the branch here would have done: its insertions above it, in order, then the
// branch asleep at the node; its counts, findings, outcomes and lock-order graph.
void DporExplorer::adopt(uint32_t depth, const SubtreeTask& task, SubtreeResult& result)
{
    adopting_ = true;
    for (SubtreeResult::Insertion& insertion : result.insertions) insert(insertion.depth, insertion.sequence);
    adopting_ = false;
    Node& node = nodes_[depth];
    node.sleep.push_back(uint32_t(sleepEvents_.size()));
    sleepEvents_.push_back(std::move(result.first));
    node.sleepEnd = uint32_t(sleepEvents_.size());
    addStats(result.stats);
    findings_.merge(result.findings);
    outcomes_.merge(result.outcomes);
    if (sameLockOrder(task)) {
        runner_.setLockOrder(result.lockOrder);
    } else {
        LockOrderGraph merged = runner_.lockOrder();
        merged.mergeEdges(result.lockOrder);
        runner_.setLockOrder(merged);
    }
    if (result.ids && !runner_.fsIds().extends(*result.ids)) runner_.extendFsIds(*result.ids);
    interpreterSteps_ += result.interpreterSteps;
    parallel_.taken += result.parallel.taken;
    parallel_.redone += result.parallel.redone;
    parallel_.insertionsDropped += result.parallel.insertionsDropped;
}

void DporExplorer::addStats(const report::ExplorationStats& more)
{
    stats_.executions += more.executions;
    stats_.blockedExecutions += more.blockedExecutions;
    stats_.assumeDiscarded += more.assumeDiscarded;
    stats_.steps += more.steps;
    stats_.maxDepth = std::max(stats_.maxDepth, more.maxDepth);
}

SubtreeResult DporExplorer::runSubtree(const SubtreeTask& task, const std::atomic<bool>& cancel,
                                       SpeculationPool& pool)
{
    SubtreeResult result;
    resetForTask();
    uint64_t stepsBefore = runner_.stepsTaken() + probe_.stepsTaken();
    worker_ = true;
    pool_ = &pool;
    nextSerial_ = serialBlock_ = pool.serialBlock();
    subtree_ = &result;
    after_ = &task.after;
    cancel_ = &cancel;
    rootDepth_ = uint32_t(task.prefix.size());
    start_ = lastProgress_ = std::chrono::steady_clock::now();
    runner_.adoptFsIds(*task.ids);
    runner_.setLockOrder(task.lockOrder);
    runner_.begin();
    runner_.save(initialState_);
    log_.begin(runner_.initialLanes());
    nodes_.clear();
    sleepEvents_.clear();
    replayPrefix(task);

    result.sleep = task.sleep;
    computeSleepToCome(task, result.sleep);
    Node& root = nodes_.emplace_back();
    root.serial = nextSerial_++;
    for (const SeqEvent& e : result.sleep) {
        root.sleep.push_back(uint32_t(sleepEvents_.size()));
        sleepEvents_.push_back(e);
    }
    root.sleepEnd = uint32_t(sleepEvents_.size());
    root.wut = task.branch.copyBranch(0);
    freshFrom_ = rootDepth_;
    if (!runner_.enabled(task.branch.branchActor(0))) {
        result.dropped = true;   // as forward() drops it
        return result;
    }

    explore();
    pool.forgetBlock(serialBlock_);   // what it offered and did not take (when cancelled)
    result.aborted = !stopReason_.empty();
    result.stats = stats_;
    if (result.aborted) return result;
    result.first = eventAt(rootDepth_);   // the log still holds the subtree's last execution
    result.first.stopped = lastStopped_ && rootDepth_ + 1 == log_.size();
    result.findings = std::move(findings_);
    result.outcomes = std::move(outcomes_);
    result.lockOrder = runner_.lockOrder();
    if (runner_.fsIds().idCount() != task.ids->idCount()) result.ids = runner_.fsIds().copyIds();
    result.parallel = parallel_;
    result.interpreterSteps = runner_.stepsTaken() + probe_.stepsTaken() - stepsBefore + interpreterSteps_;
    return result;
}

// A worker's explorer runs one task after another: each starts from nothing but warm memory.
void DporExplorer::resetForTask()
{
    findings_ = FindingCollector();
    outcomes_ = OutcomeTracker();
    probeFindings_ = FindingCollector();
    probeOutcomes_ = OutcomeTracker();
    stats_ = {};
    stopReason_.clear();
    lastStopped_ = false;
    interpreterSteps_ = 0;
    parallel_ = {};
    checkpointsInUse_ = 0;
    nextSizeCheck_ = checkpointDue_ = landing_ = 0;
    freshFrom_ = 0;
}

// Runs the steps to the branch's node as the explorer did (its races are the explorer's), with
// checkpoints on the way: the worker's backtracks come back to them.
void DporExplorer::replayPrefix(const SubtreeTask& task)
{
    for (uint32_t depth = 0; depth < rootDepth_; ++depth) {
        nodes_.emplace_back().serial = nextSerial_++;
        stepAndLog(task.prefix[depth], nullptr);
        checkpoint();
    }
}

// An insertion at the worker's branch's node or above (depth), for the explorer to replay there
// in order; but not one the explorer will find covered at the branch's node (a walk and a copy
// it need not make): one a sleeping actor starts (it replays them with the sleep set the worker
// explored with: stillValid), or one after_ covers. A projection of the node's next branch,
// which replays them too, is the same without them: they change nothing there.
//
// Why the explorer's tree covers what after_ covers: from the task's offer to the replay, the
// explorer takes at the node only the branches up to the worker's, which after_ leaves out, and
// an insertion adds a branch to the right of a node's children and never below a leaf (a walk
// that reaches a leaf, or uses up the sequence, inserts nothing). So every node of after_ has,
// in the tree then, the same children first, then maybe others, and its leaves are leaves there:
// a walk of after_ (the leftmost child whose event is a weak initial, down to a leaf or to the
// end of the sequence) is a walk of that tree too, and ends as it did. (Not above the node: the
// copies would cost the explorer more than the walks they save it.)
void DporExplorer::recordInsertion(uint32_t depth, const std::vector<EventView>& sequence)
{
    if (depth == rootDepth_) {
        WakeupSequence v(sequence, scratch_);
        if (after_->covers(v) || sleepStarts(nodes_[depth], WakeupSequence(sequence, sleepScratch_))) {
            ++parallel_.insertionsDropped;
            return;
        }
    }
    SubtreeResult::Insertion& recorded = subtree_->insertions.emplace_back();
    recorded.depth = depth;
    for (const EventView& e : sequence) recorded.sequence.push_back(seqEventOf(e));
}

// The events the branches taken before this one will have put to sleep at the node: each
// first actor's step from the node, on the probe (one unable to run there is dropped unrun).
void DporExplorer::computeSleepToCome(const SubtreeTask& task, std::vector<SeqEvent>& sleep)
{
    for (uint32_t actor : task.sleepToCome) {
        positionProbe(rootDepth_);
        if (!probe_.enabled(actor)) continue;
        SeqEvent e;
        e.actor = actor;
        e.lane = probe_.laneOf(actor);
        const Footprint& footprint = probe_.nextFootprint(actor);
        e.touches.assign(footprint.touches.data(), footprint.touches.data() + footprint.touches.size());
        const StepEffects& effects = probe_.step(actor);
        e.createsLane = probe_.createdLane(effects);
        probe_.wokenLanes(effects, woken_);
        e.wakes.assign(woken_.data(), woken_.data() + woken_.size());
        e.stopped = probe_.stopped();
        sleep.push_back(std::move(e));
    }
}

}  // namespace checker
