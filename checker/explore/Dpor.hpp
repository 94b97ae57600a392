#pragma once
// The `dpor` strategy: stateless, exhaustive, optimal dynamic partial-order reduction —
// Optimal-DPOR with wakeup trees and sleep sets (Abdulla, Aronis, Jonsson, Sagonas, JACM 2017).
// It explores one complete execution per Mazurkiewicz trace of the program under the footprint
// dependency relation, detecting races incrementally as events run.
//
// Locks whose acquire is disabled while held (fast mutexes) follow the lock-aware treatment of
// Nidhugg: a release -> acquire dependency orders but is not a race; the race to reverse is the
// one between the two acquires.
//
// With more than one job, worker threads explore later branches of the nodes on the current path
// ahead of time, and the explorer takes their subtrees where they are what it would have explored
// (Speculation.hpp; DporParallel.cpp): the tree, and so the result, is the one-thread one.

#include "checker/explore/EventLog.hpp"
#include "checker/explore/ExecutionRunner.hpp"
#include "checker/explore/MemoryBudget.hpp"
#include "checker/explore/Speculation.hpp"
#include "checker/explore/WakeupTree.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace checker {

class DporExplorer {
public:
    DporExplorer(const Program& program, const ExploreOptions& options,
                 const std::function<void(const Progress&)>& onProgress);

    ExploreResult run();
    // A parallel worker's job (Speculation.hpp): explores one branch of a node of another
    // explorer's path, recording what it would insert into the wakeup trees of that node and
    // the nodes above it instead of inserting it. It offers branches of its own subtree to
    // `pool`, as the exploration's explorer does.
    SubtreeResult runSubtree(const SubtreeTask& task, const std::atomic<bool>& cancel, SpeculationPool& pool);

private:
    struct Node {
        // Actors whose next event need not be explored from here, as indices into sleepEvents_
        // (a child inherits most of its parent's set: indices make that cheap on 100k-deep stacks).
        InlineVector<uint32_t, 4> sleep;
        uint32_t sleepEnd = 0;        // sleepEvents_ in use by this node and the ones above it
        WakeupTree wut;               // sequences still to explore from here
        // With workers: which node this is (nodes come and go at a depth), how many branches
        // of its wakeup tree were taken (the next is that ordinal), how many offered to workers.
        uint64_t serial = 0;
        uint64_t taken = 0;
        uint64_t offers = 0;
        // The branch that last had a sequence inserted below it, and when (in executions): one
        // still being filled in is not offered until it has been left alone for a while.
        uint64_t lastChanged = UINT64_MAX;
        uint64_t lastChangeAt = 0;
    };
    enum class Outcome { Ended, SleepBlocked, Interrupted };

    void explore();
    void insert(uint32_t depth, const std::vector<EventView>& sequence);
    void insert(uint32_t depth, const std::vector<SeqEvent>& sequence);
    bool sleepStarts(const Node& node, const WakeupSequence& v) const;   // a sleeping actor starts v
    WakeupTree takeBranch(Node& node, int32_t& actor);
    void stepAndLog(uint32_t actor, std::vector<uint32_t>* races);
    // Parallel exploration: offering later branches to the workers, taking their results.
    void offerWork();
    bool findWork(uint32_t& depth, size_t& index, bool settledOnly) const;
    bool doneBefore(const Node& node, size_t index, std::vector<const SubtreeResult*>* results) const;
    bool project(uint32_t depth, size_t index, SubtreeTask& task);
    std::unique_ptr<SubtreeTask> makeTask(uint32_t depth, size_t index);
    void takeSpeculated(uint32_t depth);
    bool stillValid(const Node& node, const SubtreeTask& task, const SubtreeResult& result);
    bool sameLockOrder(const SubtreeTask& task) const;
    void adopt(uint32_t depth, const SubtreeTask& task, SubtreeResult& result);
    std::vector<SeqEvent> sleepOf(const Node& node) const;
    void resetForTask();
    void replayPrefix(const SubtreeTask& task);
    void computeSleepToCome(const SubtreeTask& task, std::vector<SeqEvent>& sleep);
    void recordInsertion(uint32_t depth, const std::vector<EventView>& sequence);
    void addStats(const report::ExplorationStats& more);
    Outcome forward();
    bool backtrack();
    void checkpoint();
    void saveCheckpoint(size_t bytes);
    static constexpr uint64_t kMinSpacing = 512;   // steps between two checkpoints, at least
    // restoreTo(): a replay this long at least is kept as a checkpoint, when the state is small.
    static constexpr uint64_t kMinReplay = 4;
    static constexpr uint64_t kBytesPerReplayedStep = 8000;
    // restoreTo(): a replay this many saves' worth long, and this many steps at least, sets landing_.
    static constexpr uint64_t kLongReplaySaves = 4;
    static constexpr uint64_t kMinLongReplay = 64;
    static constexpr uint64_t kLandingMargin = 8;     // steps above the node it reached
    static constexpr uint64_t kQuietExecutions = 32;   // before a changing branch is offered
    static constexpr uint32_t kOfferDepth = 64;        // offered at any depth up to this
    void restoreTo(uint32_t depth);
    bool hasPendingWork() const;
    int32_t chooseFree(const Node& node);
    // Whether actor's next event is in node's sleep set (inline: asked for most races and steps).
    bool asleep(const Node& node, uint32_t actor) const
    {
        for (uint32_t q : node.sleep)
            if (sleepEvents_[q].actor == actor) return true;
        return false;
    }
    int32_t postponedStop(const Node& node);
    void processRaces(const std::vector<uint32_t>& races, uint32_t end, const EventView& last);
    bool frontCovered(uint32_t depth, uint32_t actor) const;
    void processBlockedRaces();
    void postponeStop();
    void positionProbe(uint32_t depth);
    SeqEvent eventAt(uint32_t depth) const;
    // The logged event, without a copy (inline: the events of every sequence built are read so).
    EventView viewAt(uint32_t depth) const
    {
        const EventRecord& e = log_.event(depth);
        return {e.actor, e.lane, e.createsLane, log_.touches(depth), e.touchCount, log_.wakes(depth), e.wakesCount};
    }
    bool interrupted();
    bool budgetExhausted();
    void reportProgress(bool force);

    const Program& program_;
    const ExploreOptions& options_;
    const std::function<void(const Progress&)>& onProgress_;
    FindingCollector findings_;
    OutcomeTracker outcomes_;
    ExecutionRunner runner_;
    // Looks at states of the current execution other than the runner's (see postponeStop).
    FindingCollector probeFindings_;
    OutcomeTracker probeOutcomes_;
    ExecutionRunner probe_;
    EventLog log_;
    std::vector<SeqEvent> sleepEvents_;  // a stack in depth order: entries past the deepest
                                         // node's sleepEnd belong to no node
    // One per depth. A vector: backtracking shrinks it without giving its storage back, so the
    // next execution's nodes reuse memory already touched (a deque freed and refetched its
    // blocks, a cache miss per step); it grows by moving, rarely, past the deepest depth so far.
    std::vector<Node> nodes_;
    uint32_t freshFrom_ = 0;
    Footprint footprint_;
    std::vector<uint32_t> races_;
    std::vector<EventView> sequence_;  // scratch: the wakeup sequence of the race being processed
    std::vector<uint32_t> notAfter_;   // scratch: the depths of its events but the last
    WakeupScratch scratch_;            // what inserting it works in
    WakeupScratch sleepScratch_;       // what checking it against a sleep set works in
    // insert(): how many sequences the tree was walked for, and how many of them it held already.
    // While most are held, the walk goes first where more than one actor sleeps: then it costs
    // less than asking each of them whether it starts the sequence. (Asking one costs less than a
    // walk down a long branch: a node with one sleeping actor asks it first.)
    uint64_t walks_ = 0;
    uint64_t walksCovered_ = 0;
    std::vector<uint32_t> woken_;
    report::ExplorationStats stats_;
    std::chrono::steady_clock::time_point start_, lastProgress_;
    std::string stopReason_;
    MemoryBudget memory_;
    // Checkpoints of the current execution, by increasing depth: [0, checkpointsInUse_) are
    // valid, the rest keep their storage for reuse. A backtrack restores the deepest one at or
    // above its depth and replays only the steps after it.
    std::vector<ExecutionRunner::Checkpoint> checkpoints_;
    size_t checkpointsInUse_ = 0;
    // The runner's state before the first step: where the probe starts when no checkpoint is
    // deep enough (a copy shares the runner's numbering of paths and files).
    ExecutionRunner::Checkpoint initialState_;
    uint64_t nextSizeCheck_ = 0;   // checkpoint(): the depth before which the state is not measured
    // The depth before which checkpoint() surely saves nothing (0: not known), so that forward()
    // calls it only from there; what it depends on (the checkpoints, nextSizeCheck_) resets it.
    uint64_t checkpointDue_ = 0;
    // Where the last long replay came to, a few steps above the node it restored (0: none yet):
    // restoreTo() and checkpoint() keep the state there, the backtracks that follow land near it.
    uint64_t landing_ = 0;
    bool lastStopped_ = false;   // the last execution ended with a stopping step
    uint64_t interpreterSteps_ = 0;   // run by workers whose subtrees were taken
    ExploreResult::Parallel parallel_;
    // Parallel exploration: the workers (none with one job; the exploration's explorer owns
    // them) and the serial of the next node.
    unsigned workers_ = 0;   // worker threads this exploration may start
    std::unique_ptr<SpeculationPool> ownPool_;
    SpeculationPool* pool_ = nullptr;
    uint64_t serialBlock_ = 0;
    uint64_t nextSerial_ = 0;
    // As a worker: the depth of the node whose branch it explores (insertions at or above it are
    // recorded in subtree_, not made), and what stops it.
    bool worker_ = false;
    uint32_t rootDepth_ = 0;
    SubtreeResult* subtree_ = nullptr;
    const WakeupTree* after_ = nullptr;   // its task's: SubtreeTask::after
    const std::atomic<bool>* cancel_ = nullptr;
    bool adopting_ = false;   // inserting what a worker's subtree recorded
};

}  // namespace checker
