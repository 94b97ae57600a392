#pragma once
// Parallel exploration (--jobs N) whose reports are byte-identical to one thread's.
//
// Under optimal DPOR the subtrees explored depend on the order of exploration (the wakeup trees a
// subtree inserts into, the sleep sets it inherits, the lock-order graph and the file system's
// location ids it starts from), so the exploration tree is kept the sequential one: the explorer
// thread walks it in order, as with one job, while workers explore *later* branches of nodes on
// its current path ahead of time. A worker is given everything the branch will have when the
// explorer gets there, as far as is known now (the node's sleep set, the branch's wakeup subtree,
// the lock-order graph, the location ids); what it would change above its subtree (insertions into
// the wakeup trees of its node and the nodes above) it records instead. When the explorer reaches
// the branch, it checks that every one of those inputs is still what the worker used; if so, it
// takes the worker's findings, outcomes, counts and graph as if it had explored the subtree itself
// and replays the recorded insertions in order; if not, it explores the branch itself. Either way
// the tree, and so the report, is the one-thread one.

#include "checker/detect/FindingCollector.hpp"
#include "checker/detect/LockOrder.hpp"
#include "checker/detect/Outcomes.hpp"
#include "checker/explore/Explorer.hpp"
#include "checker/explore/WakeupTree.hpp"
#include "models/fs/FsIds.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace checker {

// A branch of a node on the explorer's path, to explore ahead of time, with what the explorer
// knows now of what the branch will start from.
struct SubtreeTask {
    uint64_t node = 0;                  // the node's serial number
    uint64_t ordinal = 0;               // the branch is the node's ordinal-th taken (from 0)
    std::vector<uint32_t> prefix;       // actors of the steps to the node
    // The node's sleep set as it will be when the branch is taken, but for the branches taken
    // between now and then, which have not run yet: their first actors (the worker runs each one
    // step from the node for its event; one unable to run there is dropped, as the explorer does).
    std::vector<SeqEvent> sleep;
    std::vector<uint32_t> sleepToCome;
    WakeupTree branch;                  // a copy of the branch: its first event and its subtree
    // The branch as it will be once the results workers have for the branches before it are
    // taken (their insertions made): a task that assumes them.
    bool projected = false;
    // The node's branches after this one, as they are now: whatever they cover, the node's tree
    // covers when the explorer replays the subtree's insertions (DporExplorer::recordInsertion).
    WakeupTree after;
    LockOrderGraph lockOrder;           // the graph now, and its size and inversions now
    uint64_t lockEdges = 0, lockPartials = 0, lockInversions = 0;
    std::shared_ptr<const fs::FsIds> ids;   // a copy of the location ids now
};

// What exploring the branch's subtree found and would have changed.
struct SubtreeResult {
    bool aborted = false;               // stopped before the subtree was done (cancel, memory)
    bool dropped = false;               // the branch's first actor cannot run at the node
    std::vector<SeqEvent> sleep;        // the node's whole sleep set it explored with
    SeqEvent first;                     // its first event (to the node's sleep set after it)
    report::ExplorationStats stats;
    FindingCollector findings;
    OutcomeTracker outcomes;
    LockOrderGraph lockOrder;           // the graph after the subtree
    std::unique_ptr<fs::FsIds> ids;     // the ids after the subtree, if it added any
    struct Insertion {
        uint32_t depth = 0;             // a node at or above the branch's
        std::vector<SeqEvent> sequence;
    };
    std::vector<Insertion> insertions;  // in the order the subtree made them
    uint64_t interpreterSteps = 0;
    ExploreResult::Parallel parallel;   // subtrees its explorer took from other workers
};

class SpeculationPool;
class DporExplorer;

// Explores `task`'s subtree (DporExplorer does the work), stopping early when `cancel` is set;
// it offers branches of its own subtree to `pool` as the explorer does.
// `reuse`, when given, is an explorer of the same program and options (made on first use) whose
// memory the task reuses: a worker thread keeps one.
SubtreeResult exploreSubtree(const Program& program, const ExploreOptions& options, const SubtreeTask& task,
                             const std::atomic<bool>& cancel, SpeculationPool& pool,
                             std::unique_ptr<DporExplorer>* reuse = nullptr);

// Tasks offered by explorers (the exploration's and the workers' own), explored by worker
// threads in the order offered, and by an explorer waiting for a task to be done (work it
// would otherwise spend idle); their results kept until the explorer that offered them claims
// them. A waiting explorer only waits for a task of its own subtree, deeper in the tree than
// itself: the waits cannot form a cycle.
class SpeculationPool {
public:
    // `start`: when the exploration started (its time limit counts from there).
    SpeculationPool(const Program& program, const ExploreOptions& options, unsigned workers,
                    std::chrono::steady_clock::time_point start);
    ~SpeculationPool();
    SpeculationPool(const SpeculationPool&) = delete;
    SpeculationPool& operator=(const SpeculationPool&) = delete;

    // Serial numbers for nodes, unique across the explorers sharing the pool: each takes a block.
    static constexpr int kBlockShift = 40;
    uint64_t serialBlock() { return nextBlock_.fetch_add(1) << kBlockShift; }
    // Drops every task offered by the explorer of serial block `block`: it stopped before
    // taking them (cancelled), or ended.
    void forgetBlock(uint64_t block);
    // Whether the exploration's time limit has passed (workers stop then: their subtrees would
    // not be taken).
    bool pastDeadline() const { return deadline_ && std::chrono::steady_clock::now() >= *deadline_; }

    // Whether a task offered now would start at once: a thread is idle (a worker, or an
    // explorer waiting for a task) with no task queued for it, the tasks held are few enough to
    // take another, and the process uses less than half the memory budget. (A task that waits in
    // the queue mostly waits until its explorer gets there and drops it: offering one costs a
    // copy of the path to its node.)
    bool wantsWork() const;
    // Whether the process uses the workers' share of the memory budget (half of it) or more.
    bool overWorkersBudget() const;
    void submit(std::unique_ptr<SubtreeTask> task);

    struct Claimed {
        std::unique_ptr<SubtreeTask> task;
        std::unique_ptr<SubtreeResult> result;
    };
    // The task for (node, ordinal) with its result, once done: while it runs, the caller
    // explores other tasks (or waits), polling `stop` (true: drop it, return nothing). Nothing
    // either when there is no such task or no thread has started on it yet (the caller does the
    // branch itself, as soon as a worker would).
    Claimed claim(uint64_t node, uint64_t ordinal, const std::function<bool()>& stop);
    // Frees, on a thread with nothing else to do (but see Speculation.cpp), what the caller is
    // done with: a claimed task and its result, and the wakeup subtree of the branch it stood
    // for (freeing a large one costs the explorer, whose time is the exploration's, as much as
    // a few executions).
    void discard(Claimed claimed, WakeupTree subtree);
    // Drops the task for (node, ordinal), if any: the caller took that branch itself, or it
    // changed since it was offered.
    bool forget(uint64_t node, uint64_t ordinal);   // whether there was one
    // Drops the projected tasks for the node's branches after `ordinal`: they assumed what a
    // worker found for it, and the caller explores it itself.
    void forgetProjectedAfter(uint64_t node, uint64_t ordinal);
    // Whether there is a task for (node, ordinal).
    bool has(uint64_t node, uint64_t ordinal) const;
    // The result of the task for (node, ordinal) if it is done (valid until claimed or dropped:
    // only the caller does either), else nullptr.
    const SubtreeResult* done(uint64_t node, uint64_t ordinal) const;

private:
    enum class State { Queued, Running, Done };
    struct Job {
        std::unique_ptr<SubtreeTask> task;
        std::unique_ptr<SubtreeResult> result;
        State state = State::Queued;
        bool abandoned = false;         // dropped while running: in abandoned_
        // The job a thread waiting for this one runs meanwhile: once this one is done, that one
        // stops and goes back to the queue (the waiting explorer's own progress comes first).
        Job* helper = nullptr;
        bool preempted = false;
        std::atomic<bool> cancel{false};
    };
    using JobRef = std::list<Job>::iterator;
    void work();
    // Runs a queued job (the lock held on entry and return, not while it runs).
    void run(std::unique_lock<std::mutex>& lock, JobRef job, std::unique_ptr<DporExplorer>* reuse = nullptr);
    JobRef firstQueued();
    JobRef find(uint64_t node, uint64_t ordinal);
    std::list<Job>::const_iterator find(uint64_t node, uint64_t ordinal) const;
    void drop(JobRef job);
    void freeDiscarded(std::unique_lock<std::mutex>& lock);   // the lock held on entry and return

    struct Discarded {
        Claimed claimed;
        WakeupTree subtree;
    };

    const Program& program_;
    ExploreOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable wake_, done_;
    std::list<Job> jobs_;              // a list: a running job stays where it is
    std::list<Job> abandoned_;         // dropped while running: freed when their thread is done
    std::vector<Discarded> discarded_;   // freed by the next thread idle
    size_t queued_ = 0;
    size_t idle_ = 0;                  // threads waiting with nothing to run
    size_t capacity_;                  // jobs held at most (queued, running and done)
    bool stopping_ = false;
    std::atomic<uint64_t> nextBlock_{1};
    std::optional<std::chrono::steady_clock::time_point> deadline_;
    // The explorer the exploration's own thread runs tasks on while it waits (reused: warm).
    std::unique_ptr<DporExplorer> waiterExplorer_;
    std::vector<std::thread> threads_;
};

}  // namespace checker
