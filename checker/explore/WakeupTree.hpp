#pragma once
// Wakeup trees (Abdulla, Aronis, Jonsson, Sagonas: "Optimal Dynamic Partial Order Reduction",
// POPL 2014 / JACM 2017). At each node of the exploration, an ordered tree of event sequences
// still to explore from there. Inserting a sequence does nothing when the tree already holds one
// that starts the same trace (up to reordering of independent events); otherwise it is added as
// the new rightmost branch below the longest prefix it shares.

#include "checker/exec/Footprint.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace checker {

// An event inside a wakeup sequence: who takes it and what it touches.
struct SeqEvent {
    uint32_t actor = 0;
    uint32_t lane = 0;
    int32_t createsLane = -1;
    std::vector<Touch> touches;
    std::vector<uint32_t> wakes;  // lanes whose wait this event ended
};

// Whether two events (of any lanes) are dependent: same lane (program order), one creates or
// wakes the other's lane, or their footprints conflict.
bool seqDependent(const SeqEvent& a, const SeqEvent& b);

// Whether `p` (the next event of p.actor here) is a weak initial of `v`: either p.actor's first
// event in v depends on nothing before it in v (then *position is its index), or p.actor has no
// event in v and p is independent of all of v (then *position is SIZE_MAX).
bool isWeakInitial(const SeqEvent& p, const std::vector<SeqEvent>& v, size_t* position);

class WakeupTree {
public:
    bool empty() const { return roots_.empty(); }

    // Inserts `v` unless an equivalent start is already present (see above).
    void insert(std::vector<SeqEvent> v);

    // Removes the leftmost branch; returns its first event and moves the rest of that branch
    // (its subtree) into `subtree`.
    SeqEvent takeLeftmost(WakeupTree& subtree);

private:
    struct Node {
        SeqEvent event;
        std::vector<std::unique_ptr<Node>> children;
    };
    std::vector<std::unique_ptr<Node>> roots_;
};

}  // namespace checker
