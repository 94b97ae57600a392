#pragma once
// The lock-order graph, lockdep-style, over every execution a runner explores: when a thread takes
// lock B while holding lock A, the edge A -> B (labelled with the thread and the statement that
// took B) is added. An edge that closes a cycle is a lock-order inversion — a finding even when no
// explored execution deadlocked, since another timing of the same code paths can (Driver
// Verifier's deadlock detection works the same way: SEMANTICS.md §6). Every owned lock kind
// takes part: push locks, ERESOURCEs, KMUTEXes, fast mutexes, spin locks. A recursive acquisition
// (B already held) adds nothing.

#include "checker/exec/CallModel.hpp"
#include "reports/Report.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace checker {

// The note of an inversion no explored execution took every order of (each order was seen in a
// different one). `checker replay` knows it: replaying such a witness shows the closing order only.
inline constexpr const char* kOrdersOfSeveralExecutions =
    "no explored execution takes every order of this cycle (each was taken in a different one): the "
    "witness is the execution that closed the cycle, and shows its order only";

class LockOrderGraph {
public:
    using Edge = std::pair<uint32_t, uint32_t>;

    // Starts a new execution (edges persist across executions).
    void beginExecution() { thisExecution_.clear(); }
    // The edges the current execution has taken so far (part of a checkpoint), and restoring
    // them: the execution goes on from that point.
    const std::set<Edge>& executionEdges() const { return thisExecution_; }
    void restoreExecution(const std::set<Edge>& edges) { thisExecution_ = edges; }

    // Records acquisition `a` (the lock is already in the thread's held list, as its latest
    // entry). Returns the inversion when a new edge closes a cycle: kind lock_order_inversion,
    // fingerprint from the sorted lock names and statements of the cycle, the cycle as its graph;
    // the witness is left to the caller (the current execution, which closed the cycle).
    std::optional<report::Finding> onAcquire(const World& world, const LockAcquisition& a);

    // The inversions whose whole cycle the current execution has now taken, after closing them
    // in an execution that had taken only part of it (the other orders were seen in earlier
    // executions; the finding carried the note kOrdersOfSeveralExecutions): each is reported
    // once, so that its witness can become this execution, which shows every order and replays
    // the inversion on its own.
    std::vector<std::string> takeCompleted();

    size_t edgeCount() const { return edges_.size(); }
    // Inversions still waiting for an execution that takes their whole cycle. Edges and partial
    // inversions only come and go by executions: the same counts at two times mean the same graph.
    size_t partialCount() const { return partial_.size(); }

    // Merging graphs grown apart from one copy (a parallel worker's and its explorer's): how
    // many inversions were found or completed so far (only grows), whether adding `other`'s edges
    // to this graph would close no cycle, and adding them (this graph's labels kept: its edges
    // were taken first). When neither graph found an inversion since the copy and the merge
    // closes no cycle, the merged graph is the one taking the edges one by one would have made.
    uint64_t inversionEvents() const { return inversionEvents_; }
    bool mergeClosesNoCycle(const LockOrderGraph& other) const;
    void mergeEdges(const LockOrderGraph& other);

private:
    struct EdgeLabel {
        std::string thread;
        report::Location where;   // the statement that took the edge's target lock
        std::string fromType, toType;
    };
    std::optional<report::Finding> addEdge(const World& world, uint32_t from, uint32_t to,
                                           const LockAcquisition& a);
    // A shortest path of edges from `from` to `to`, or empty.
    std::vector<Edge> path(uint32_t from, uint32_t to) const;
    report::Finding describe(const World& world, const std::vector<Edge>& cycle) const;

    // Inversions found while the execution that closed them lacked part of the cycle.
    struct Partial {
        std::string fingerprint;
        std::vector<Edge> cycle;
    };
    bool takenNow(const std::vector<Edge>& cycle) const;

    std::vector<Partial> partial_;
    std::map<Edge, EdgeLabel> edges_;
    std::map<uint32_t, std::set<uint32_t>> successors_;
    std::set<Edge> thisExecution_;
    uint64_t inversionEvents_ = 0;
};

}  // namespace checker
