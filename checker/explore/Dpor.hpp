#pragma once
// The `dpor` strategy: stateless, exhaustive, optimal dynamic partial-order reduction —
// Optimal-DPOR with wakeup trees and sleep sets (Abdulla, Aronis, Jonsson, Sagonas, JACM 2017).
// It explores one complete execution per Mazurkiewicz trace of the program under the footprint
// dependency relation, detecting races incrementally as events run.
//
// Locks whose acquire is disabled while held (fast mutexes) follow the lock-aware treatment of
// Nidhugg: a release -> acquire dependency orders but is not a race; the race to reverse is the
// one between the two acquires.

#include "checker/explore/EventLog.hpp"
#include "checker/explore/ExecutionRunner.hpp"
#include "checker/explore/MemoryBudget.hpp"
#include "checker/explore/WakeupTree.hpp"

#include <chrono>
#include <functional>
#include <vector>

namespace checker {

class DporExplorer {
public:
    DporExplorer(const Program& program, const ExploreOptions& options,
                 const std::function<void(const Progress&)>& onProgress);

    ExploreResult run();

private:
    struct Node {
        // Actors whose next event need not be explored from here, as indices into sleepEvents_
        // (a child inherits most of its parent's set: indices make that cheap on 100k-deep stacks).
        InlineVector<uint32_t, 4> sleep;
        uint32_t sleepEnd = 0;        // sleepEvents_ in use by this node and the ones above it
        WakeupTree wut;               // sequences still to explore from here
    };
    enum class Outcome { Ended, SleepBlocked, Interrupted };

    Outcome forward();
    bool backtrack();
    void checkpoint();
    void saveCheckpoint(size_t bytes);
    static constexpr uint64_t kMinSpacing = 512;   // steps between two checkpoints, at least
    void restoreTo(uint32_t depth);
    bool hasPendingWork() const;
    int32_t chooseFree(const Node& node);
    int32_t postponedStop(const Node& node);
    void processRaces(const std::vector<uint32_t>& races, uint32_t end, const SeqEvent& last);
    void processBlockedRaces();
    void postponeStop();
    void positionProbe(uint32_t depth);
    SeqEvent eventAt(uint32_t depth) const;
    EventView viewAt(uint32_t depth) const;   // the logged event, without a copy
    bool interrupted();
    bool budgetExhausted();
    void reportProgress(bool force);

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
    std::vector<SeqEvent> sequence_;   // scratch: the wakeup sequence of the race being processed
    std::vector<uint32_t> notAfter_;   // scratch: the depths of its events but the last
    WakeupScratch scratch_;            // what inserting it works in
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
    bool lastStopped_ = false;   // the last execution ended with a stopping step
};

}  // namespace checker
