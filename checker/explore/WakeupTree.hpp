#pragma once
// Wakeup trees (Abdulla, Aronis, Jonsson, Sagonas: "Optimal Dynamic Partial Order Reduction",
// POPL 2014 / JACM 2017). At each node of the exploration, an ordered tree of event sequences
// still to explore from there. Inserting a sequence does nothing when the tree already holds one
// that starts the same trace (up to reordering of independent events); otherwise it is added as
// the new rightmost branch below the longest prefix it shares.

#include "checker/exec/Footprint.hpp"
#include "checker/explore/InlineVector.hpp"

#include <cstdint>
#include <memory>
#include <vector>

namespace checker {

// An event inside a wakeup sequence: who takes it and what it touches.
struct SeqEvent {
    uint32_t actor = 0;
    uint32_t lane = 0;
    int32_t createsLane = -1;
    InlineVector<Touch, 3> touches;
    InlineVector<uint32_t, 2> wakes;  // lanes whose wait this event ended
};

// Whether two events (of any lanes) are dependent: same lane (program order), one creates or
// wakes the other's lane, or their footprints conflict.
inline bool seqDependent(const SeqEvent& a, const SeqEvent& b)
{
    if (a.lane == b.lane) return true;
    if (a.createsLane == int32_t(b.lane) || b.createsLane == int32_t(a.lane)) return true;
    for (uint32_t w : a.wakes)
        if (w == b.lane) return true;
    for (uint32_t w : b.wakes)
        if (w == a.lane) return true;
    return dependent(a.touches.data(), uint32_t(a.touches.size()), b.touches.data(), uint32_t(b.touches.size()));
}

// A wakeup sequence being inserted, with, per position, whether some earlier event of the
// sequence depends on it — computed on first use and kept, so repeated weak-initial tests (the
// sleep set, then each level of the tree) do not rescan the sequence.
class WakeupSequence {
public:
    explicit WakeupSequence(std::vector<SeqEvent>& events)
        : events_(events), blocked_(events.size(), kUnknown), left_(events.size())
    {
    }

    bool empty() const { return left_ == 0; }
    // The events not removed, in order (moved out: call once, at the end).
    template <class F>
    void takeRemaining(F&& sink)
    {
        for (std::size_t i = 0; i < events_.size(); ++i)
            if (blocked_[i] != kRemoved) sink(std::move(events_[i]));
    }

    // Whether `p` (the next event of p.actor here) is a weak initial of the sequence: either
    // p.actor's first event in it depends on nothing before it (*position = its index), or
    // p.actor has no event in it and p is independent of all of it (*position = SIZE_MAX).
    bool weakInitial(const SeqEvent& p, std::size_t* position) const;

    // Removes the event at `position` (a weak initial, now explored first).
    void remove(std::size_t position);

private:
    static constexpr uint8_t kUnknown = 2;
    static constexpr uint8_t kRemoved = 3;
    bool blocked(std::size_t i) const;
    std::vector<SeqEvent>& events_;
    mutable std::vector<uint8_t> blocked_;  // per position: 0 free, 1 blocked, kUnknown, kRemoved
    std::size_t left_;
};

// The same test on a plain sequence (for tests and one-off checks).
bool isWeakInitial(const SeqEvent& p, const std::vector<SeqEvent>& v, size_t* position);

class WakeupTree {
public:
    bool empty() const { return roots_.empty(); }

    // Inserts the sequence unless an equivalent start is already present (see above). The
    // sequence is consumed.
    void insert(WakeupSequence& v);
    void insert(std::vector<SeqEvent> v)
    {
        WakeupSequence sequence(v);
        insert(sequence);
    }

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
