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
    // In a sleep set: the step stopped the execution where it was explored (a bug check), so
    // the traces that go on after it were not explored; asleep, it is postponed, not excluded.
    bool stopped = false;
};

// An event wherever it is stored (a SeqEvent, the event log), without a copy: who takes it and
// what dependence looks at.
struct EventView {
    uint32_t actor = 0;
    uint32_t lane = 0;
    int32_t createsLane = -1;
    const Touch* touches = nullptr;
    uint32_t touchCount = 0;
    const uint32_t* wakes = nullptr;
    uint32_t wakeCount = 0;
};

inline EventView viewOf(const SeqEvent& e)
{
    return {e.actor, e.lane, e.createsLane, e.touches.data(), uint32_t(e.touches.size()), e.wakes.data(),
            uint32_t(e.wakes.size())};
}

// Makes `e` (not stopped) the event `v` views, in place.
inline void assignEvent(SeqEvent& e, const EventView& v)
{
    e.actor = v.actor;
    e.lane = v.lane;
    e.createsLane = v.createsLane;
    e.touches.assign(v.touches, v.touches + v.touchCount);
    e.wakes.assign(v.wakes, v.wakes + v.wakeCount);
}

// The event as a SeqEvent of its own (not stopped: only a sleeping event is).
inline SeqEvent seqEventOf(const EventView& v)
{
    SeqEvent e;
    assignEvent(e, v);
    return e;
}

// Views of the events of `events`, which must outlive them.
inline void viewsOf(const std::vector<SeqEvent>& events, std::vector<EventView>& out)
{
    out.clear();
    for (const SeqEvent& e : events) out.push_back(viewOf(e));
}

// Whether two events (of any lanes) are dependent: same lane (program order), one creates or
// wakes the other's lane, or their footprints conflict.
inline bool eventsDependent(const EventView& a, const EventView& b)
{
    if (a.lane == b.lane) return true;
    if (a.createsLane == int32_t(b.lane) || b.createsLane == int32_t(a.lane)) return true;
    for (uint32_t k = 0; k < a.wakeCount; ++k)
        if (a.wakes[k] == b.lane) return true;
    for (uint32_t k = 0; k < b.wakeCount; ++k)
        if (b.wakes[k] == a.lane) return true;
    return dependent(a.touches, a.touchCount, b.touches, b.touchCount);
}

inline bool seqDependent(const SeqEvent& a, const SeqEvent& b) { return eventsDependent(viewOf(a), viewOf(b)); }

// The same event: same actor, lane, creation, footprint (in order), wakes and stop flag.
bool sameEvent(const SeqEvent& a, const SeqEvent& b);

// A wakeup sequence being inserted. Per position it remembers an earlier event it depends on
// (its *blocker*), found on first use and kept: removing events never adds a dependency, so a free
// event stays free and a blocked one only needs a new look, from just after its blocker, once the
// blocker is removed. Events are found per actor, and removal moves a front cursor, so walking a
// long sequence down a tree that shares its prefix costs about its length, not its square (the
// sequences reversing a race of an early step with a late one hold the whole execution between).
// The bookkeeping a WakeupSequence works in. A user that inserts many sequences keeps one and
// hands it to each, so that a long sequence's bookkeeping reuses storage instead of allocating
// (and first-touching) it again: races across a 100,000-step loop make sequences that long.
struct WakeupScratch {
    struct ActorEvents {
        uint32_t actor = 0;
        std::vector<uint32_t> positions;
        std::size_t next = 0;   // first entry of `positions` not removed
    };
    std::vector<int32_t> blocker;
    std::vector<uint8_t> removed;
    std::vector<ActorEvents> byActor;   // [0, actors) in use; the rest keep their capacity
    std::size_t actors = 0;
    // A long sequence's locations, an open-addressed table (a power of two in size): per slot
    // the location and kTouched, or kTouched | kExclusive when an access to it conflicts with
    // every access; 0 is a free slot.
    static constexpr uint8_t kTouched = 1;
    static constexpr uint8_t kExclusive = 2;
    std::vector<Location> slotLocation;
    std::vector<uint8_t> slotFlags;
};

// The events are views (of the event log, mostly): a sequence that turns out to be covered, or
// to start like a branch already in the tree, is never copied; what is inserted is copied once.
class WakeupSequence {
public:
    WakeupSequence(const std::vector<EventView>& events, WakeupScratch& scratch)
        : events_(events.data()), count_(events.size()), scratch_(scratch), left_(events.size())
    {
        scratch.blocker.assign(count_, kUnknown);
        scratch.removed.assign(count_, 0);
        blocker_ = scratch.blocker.data();
        removed_ = scratch.removed.data();
        scratch_.actors = 0;
    }

    bool empty() const { return left_ == 0; }
    std::size_t size() const { return left_; }
    // The events not removed, in order.
    template <class F>
    void takeRemaining(F&& sink) const
    {
        for (std::size_t i = first_; i < count_; ++i)
            if (!removed_[i]) sink(events_[i]);
    }

    // Whether `p` (the next event of p.actor here) is a weak initial of the sequence: either
    // p.actor's first event in it depends on nothing before it (*position = its index), or
    // p.actor has no event in it and p is independent of all of it (*position = SIZE_MAX).
    bool weakInitial(const SeqEvent& p, std::size_t* position) const
    {
        // The front event is free (nothing is left before it): walking a tree branch that shares
        // the sequence's prefix meets it at every step, so neither the index nor a blocker is
        // needed (inline: it is the answer about as often as not).
        if (first_ < count_ && events_[first_].actor == p.actor) {
            *position = first_;
            return true;
        }
        return weakInitialBehindFront(p, position);
    }

    // Removes the event at `position` (a weak initial, now explored first).
    void remove(std::size_t position)
    {
        removed_[position] = 1;
        --left_;
        while (first_ < count_ && removed_[first_]) ++first_;
    }

private:
    static constexpr int32_t kUnknown = -2;
    static constexpr int32_t kFree = -1;
    using ActorEvents = WakeupScratch::ActorEvents;
    static constexpr std::size_t kScanLimit = 32;
    static uint64_t actorBit(uint32_t actor) { return uint64_t(1) << (actor & 63); }
    // weakInitial() for an actor whose event is not the front one.
    bool weakInitialBehindFront(const SeqEvent& p, std::size_t* position) const;
    // Whether an event not removed before position i depends on event i. What was found is
    // kept (blocker_): inline, the answer is mostly known already.
    bool blocked(std::size_t i) const
    {
        const int32_t b = blocker_[i];
        if (b == kFree) return false;
        if (b >= 0 && !removed_[std::size_t(b)]) return true;
        return findBlocker(i);
    }
    bool findBlocker(std::size_t i) const;   // blocked(), looked for past the last blocker
    // p (whose actor has no event left here) is independent of every event left.
    bool independentOfAll(const SeqEvent& p) const;
    bool noneDependsOn(const EventView& p) const;          // the same, read from the end
    bool independentOfAllLong(const EventView& p) const;   // the same, summary first
    // For a long sequence: whether the summary of its events rules out that any depends on
    // `p`: false when one might, or before the second question (the summary costs about a
    // scan, and many sequences are asked once). Events removed after it was built only take
    // dependencies away: a "none" stays exact.
    bool summaryRulesOut(const EventView& p) const;
    void summarize() const;
    bool touchedMayConflict(const Touch& t) const;   // by an event summarized
    // The position of actor's first event not removed, SIZE_MAX if none. A short sequence
    // answers from its actors' bits (inline: most actors asked about have no event in it).
    std::size_t firstOf(uint32_t actor) const
    {
        if (count_ > kScanLimit) return firstOfLong(actor);
        if (!actorBits_)
            for (std::size_t i = 0; i < count_; ++i) actorBits_ |= actorBit(events_[i].actor);
        return actorBits_ & actorBit(actor) ? scanFor(actor) : SIZE_MAX;
    }
    std::size_t firstOfLong(uint32_t actor) const;
    std::size_t scanFor(uint32_t actor) const;   // the same, read from the front
    const ActorEvents* eventsOf(uint32_t actor) const;
    ActorEvents* findActor(uint32_t actor) const;   // actor's entry in the index, null if none

    // Raw pointers, not the vectors: nothing resizes them while the sequence lives, and a
    // vector reached through a reference is read again after every store (it might alias).
    const EventView* const events_;
    const std::size_t count_;
    int32_t* blocker_;                      // per position: kUnknown, kFree, or a blocking index
    uint8_t* removed_;
    WakeupScratch& scratch_;                // byActor: per actor its positions, built on first use
    mutable bool indexed_ = false;
    mutable std::size_t scanned_ = 0;       // events firstOf() read before the index was built
    // One bit per actor & 63 with an event in a short sequence (removed ones too), set by the
    // first firstOf(): a clear bit tells, without a scan, that the actor has none (most actors
    // asked about have none). 0 until then (a sequence not empty sets one at least).
    mutable uint64_t actorBits_ = 0;
    // The summary for independentOfAll() on a long sequence: whether it scanned once, whether
    // it was built, the lanes of the events and the lanes they create or wake (one
    // bit per lane & 63), and scratch_'s location table (mask: its size - 1; shift: 32 - log2
    // of its size).
    mutable bool scannedAllOnce_ = false;
    mutable bool summarized_ = false;
    mutable uint64_t laneBits_ = 0;
    mutable uint64_t reachedBits_ = 0;
    mutable std::size_t slotMask_ = 0;
    mutable unsigned slotShift_ = 0;
    std::size_t first_ = 0;                 // every position before it is removed
    std::size_t left_;
};

// The same test on a plain sequence (for tests and one-off checks).
bool isWeakInitial(const SeqEvent& p, const std::vector<SeqEvent>& v, size_t* position);

class WakeupTree {
public:
    bool empty() const { return !first_; }

    // Inserts the sequence unless an equivalent start is already present (see above). The
    // sequence is consumed. Returns the index of the branch below the root it went into when
    // that branch was there before (it changed), kUnchanged otherwise (nothing inserted, or a
    // new branch).
    static constexpr std::size_t kUnchanged = SIZE_MAX;
    std::size_t insert(WakeupSequence& v)
    {
        Placement placement = place(v);
        return placement.inserts ? commit(placement, v) : kUnchanged;
    }
    // insert() in two halves, so that a caller can look at the sequence between them (a sleep
    // set that would exclude it costs more to check than most walks that end in nothing).
    // place() walks the tree as insert() does, removing from `v` the events it follows, and
    // changes nothing; commit() then makes the insertion it found, if it `inserts`, and returns
    // what insert() would. Nothing may change the tree in between.
    struct Placement;
    Placement place(WakeupSequence& v);
    std::size_t commit(const Placement& placement, WakeupSequence& v);
    std::size_t insert(const std::vector<SeqEvent>& v)
    {
        std::vector<EventView> views;
        viewsOf(v, views);
        WakeupScratch scratch;
        WakeupSequence sequence(views, scratch);
        return insert(sequence);
    }

    // Removes the leftmost branch; returns its first event's actor and moves the rest of that
    // branch (its subtree) into `subtree`. (The actor alone: the event itself is the one the
    // actor's step logs, and a copy of it cost a move and a destruction per step taken.)
    uint32_t takeLeftmost(WakeupTree& subtree);

    // The branches below the root, left to right: how many, the actor starting branch `k`, and
    // a copy of branch `k` as a tree of its own (a parallel worker explores it while this tree
    // goes on changing).
    std::size_t branchCount() const;
    uint32_t branchActor(std::size_t k) const;
    bool branchIsLeaf(std::size_t k) const;   // one event: nothing inserted can change it
    WakeupTree copyBranch(std::size_t k) const;
    WakeupTree copyBranchesFrom(std::size_t k) const;   // branches k, k + 1, ... (none past the last)
    // Branch `k` whole, after the branches before it cut to their first event: whatever is
    // inserted goes into branch `k` exactly when it would in this tree (insertion looks at a
    // branch's first event to choose it).
    WakeupTree copyBranchAfterStubs(std::size_t k) const;
    // Whether the leftmost branch is one event of `actor` and nothing below it: insert() then
    // changes nothing for a sequence that starts with an event of `actor`.
    bool leftmostIsLeafOf(uint32_t actor) const
    {
        return first_ && first_->start + 1 == first_->chain.size() && !first_->firstChild &&
               first_->chain[first_->start].actor == actor;
    }
    // Whether insert() would change nothing for `v` (it walks `v` as place() does).
    bool covers(WakeupSequence& v) const { return !const_cast<WakeupTree*>(this)->place(v).inserts; }
    void dropAllButLeftmost()
    {
        if (first_) first_->next.reset();
    }
    // Whether the leftmost branch is the same sequences as `single`'s only branch (what a copy
    // taken earlier was, if nothing was inserted below it since).
    bool leftmostEquals(const WakeupTree& single) const;

private:
    // A path of the tree in which each event is the only child of the one before, stored as one
    // vector (a race's reversing sequence may hold a whole 100k-step execution), then the branches
    // below its last event. Branches are lists (first child, next sibling): a tree is one pointer,
    // and following the leftmost path hands nodes over without allocating.
    struct Node {
        std::vector<SeqEvent> chain;  // chain[start..] are the path's events (never empty)
        std::size_t start = 0;
        std::unique_ptr<Node> firstChild;
        std::unique_ptr<Node> next;   // the next sibling, to the right

        Node() = default;
        Node(const Node&) = delete;
        Node& operator=(const Node&) = delete;
        // Iterative: a node may have many siblings and descendants, too many to recurse through.
        ~Node()
        {
            std::vector<std::unique_ptr<Node>> pending;
            if (next) pending.push_back(std::move(next));
            if (firstChild) pending.push_back(std::move(firstChild));
            while (!pending.empty()) {
                std::unique_ptr<Node> n = std::move(pending.back());
                pending.pop_back();
                if (n->next) pending.push_back(std::move(n->next));
                if (n->firstChild) pending.push_back(std::move(n->firstChild));
            }
        }
    };
    static void split(Node& node, std::size_t at);
    static std::unique_ptr<Node> copyOf(const Node& source);   // source and its subtree, not its siblings
    // A node whose events were all taken is kept for the next new branch of a tree of this
    // thread (with its chain's storage, when small): a branch is inserted and then taken at
    // nearly every race reversed, and the two allocations and frees of a node cost as much as
    // the rest of both. Up to kSpareNodes: a node's tree that grew wide early (many branches
    // inserted before any is taken) hands many back at once as they are taken.
    static std::unique_ptr<Node> newNode();
    static void recycle(std::unique_ptr<Node> node);   // node has no children nor sibling
    static std::vector<std::unique_ptr<Node>>& spareNodes();
    static constexpr std::size_t kSpareNodes = 256;
    static constexpr std::size_t kSpareChain = 64;    // events a kept chain may have room for

public:
    struct Placement {
        bool inserts = false;                 // the sequence is not covered by the tree
        std::size_t changed = kUnchanged;     // what insert() returns when it inserts
        std::unique_ptr<Node>* level = nullptr;   // a branch of the level it goes into, at the end
        Node* split = nullptr;                // the chain to split first (at splitAt), if any:
        std::size_t splitAt = 0;              // its children become the level
    };

private:
    const Node* branch(std::size_t k) const;
    std::unique_ptr<Node> first_;     // the leftmost branch; null when the tree is empty
};

}  // namespace checker
