#include "checker/explore/WakeupTree.hpp"

#include <algorithm>
#include <iterator>

namespace checker {

bool WakeupSequence::findBlocker(size_t i) const
{
    const int32_t b = blocker_[i];
    // Everything before `from` was removed or found independent of event i.
    for (size_t j = b >= 0 ? size_t(b) + 1 : first_; j < i; ++j) {
        if (removed_[j] || !eventsDependent(events_[j], events_[i])) continue;
        blocker_[i] = int32_t(j);
        return true;
    }
    blocker_[i] = kFree;
    return false;
}

WakeupSequence::ActorEvents* WakeupSequence::findActor(uint32_t actor) const
{
    for (size_t a = 0; a < scratch_.actors; ++a)
        if (scratch_.byActor[a].actor == actor) return &scratch_.byActor[a];
    return nullptr;
}

const WakeupSequence::ActorEvents* WakeupSequence::eventsOf(uint32_t actor) const
{
    std::vector<ActorEvents>& byActor = scratch_.byActor;
    if (!indexed_) {
        indexed_ = true;
        ActorEvents* entry = nullptr;   // the last event's: an actor's events come in runs
        for (size_t i = 0; i < count_; ++i) {
            if (removed_[i]) continue;
            if (!entry || entry->actor != events_[i].actor) entry = findActor(events_[i].actor);
            if (!entry) {
                if (scratch_.actors == byActor.size()) byActor.emplace_back();
                entry = &byActor[scratch_.actors++];
                entry->actor = events_[i].actor;
                entry->positions.clear();
                entry->next = 0;
            }
            entry->positions.push_back(uint32_t(i));
        }
    }
    ActorEvents* a = findActor(actor);
    if (!a) return nullptr;
    while (a->next < a->positions.size() && removed_[a->positions[a->next]]) ++a->next;
    return a->next < a->positions.size() ? a : nullptr;
}

size_t WakeupSequence::scanFor(uint32_t actor) const
{
    for (size_t i = first_; i < count_; ++i)
        if (events_[i].actor == actor && !removed_[i]) return i;   // the actor first: it rarely matches
    return SIZE_MAX;
}

// Most sequences are a few events long (firstOf() reads their actors' bits). A long one is
// often asked about a few actors only (its sleeping ones, found near its front): it is scanned
// until the scans have read as many events as it holds, then indexed.
size_t WakeupSequence::firstOfLong(uint32_t actor) const
{
    if (!indexed_ && scanned_ < count_) {
        size_t i = scanFor(actor);
        scanned_ += (i == SIZE_MAX ? count_ : i + 1) - first_;
        return i;
    }
    const ActorEvents* a = eventsOf(actor);
    return a ? a->positions[a->next] : SIZE_MAX;
}

bool WakeupSequence::weakInitialBehindFront(const SeqEvent& p, size_t* position) const
{
    size_t first = firstOf(p.actor);
    if (first != SIZE_MAX) {
        *position = first;
        return !blocked(first);
    }
    *position = SIZE_MAX;
    return independentOfAll(p);
}

bool WakeupSequence::independentOfAll(const SeqEvent& p) const
{
    const EventView view = viewOf(p);
    return count_ > kScanLimit ? independentOfAllLong(view) : noneDependsOn(view);
}

// Any dependency decides, wherever it is: looked for from the end, where the race's second
// event (which a sleeping event of a race often depends on too) is.
bool WakeupSequence::noneDependsOn(const EventView& p) const
{
    for (size_t i = count_; i-- > first_;)
        if (!removed_[i] && eventsDependent(p, events_[i])) return false;
    return true;
}

bool WakeupSequence::independentOfAllLong(const EventView& p) const
{
    if (summaryRulesOut(p)) return true;
    scannedAllOnce_ = true;
    return noneDependsOn(p);
}

namespace {

uint64_t laneBit(uint32_t lane) { return uint64_t(1) << (lane & 63); }
// Fibonacci hashing: the top bits of the product, as many as the table's size takes.
std::size_t slotOf(Location l, unsigned shift) { return uint32_t(l * 0x9E3779B1u) >> shift; }

}  // namespace

bool WakeupSequence::summaryRulesOut(const EventView& p) const
{
    if (!summarized_) {
        if (!scannedAllOnce_) return false;
        summarize();
    }
    if ((laneBits_ | reachedBits_) & laneBit(p.lane)) return false;
    if (p.createsLane >= 0 && laneBits_ & laneBit(uint32_t(p.createsLane))) return false;
    for (uint32_t k = 0; k < p.wakeCount; ++k)
        if (laneBits_ & laneBit(p.wakes[k])) return false;
    for (uint32_t k = 0; k < p.touchCount; ++k)
        if (touchedMayConflict(p.touches[k])) return false;
    return true;
}

bool WakeupSequence::touchedMayConflict(const Touch& t) const
{
    const std::vector<Location>& locations = scratch_.slotLocation;
    const std::vector<uint8_t>& flags = scratch_.slotFlags;
    for (size_t s = slotOf(t.location, slotShift_); flags[s]; s = (s + 1) & slotMask_)
        if (locations[s] == t.location)
            return conflictsWithAll(t.access) || (flags[s] & WakeupScratch::kExclusive);
    return false;
}

void WakeupSequence::summarize() const
{
    summarized_ = true;
    size_t touches = 0;
    for (size_t i = first_; i < count_; ++i) touches += events_[i].touchCount;
    size_t slots = 64;
    slotShift_ = 26;
    for (; slots < 2 * touches; slots *= 2) --slotShift_;
    slotMask_ = slots - 1;
    std::vector<Location>& locations = scratch_.slotLocation;
    std::vector<uint8_t>& flags = scratch_.slotFlags;
    if (locations.size() < slots) locations.resize(slots);
    flags.assign(slots, 0);
    for (size_t i = first_; i < count_; ++i) {
        if (removed_[i]) continue;
        const EventView& e = events_[i];
        laneBits_ |= laneBit(e.lane);
        if (e.createsLane >= 0) reachedBits_ |= laneBit(uint32_t(e.createsLane));
        for (uint32_t k = 0; k < e.wakeCount; ++k) reachedBits_ |= laneBit(e.wakes[k]);
        for (uint32_t k = 0; k < e.touchCount; ++k) {
            const Touch& t = e.touches[k];
            size_t s = slotOf(t.location, slotShift_);
            while (flags[s] && locations[s] != t.location) s = (s + 1) & slotMask_;
            locations[s] = t.location;
            flags[s] |= WakeupScratch::kTouched | (conflictsWithAll(t.access) ? WakeupScratch::kExclusive : 0);
        }
    }
}

bool isWeakInitial(const SeqEvent& p, const std::vector<SeqEvent>& v, size_t* position)
{
    std::vector<EventView> views;
    viewsOf(v, views);
    WakeupScratch scratch;
    return WakeupSequence(views, scratch).weakInitial(p, position);
}

// Makes chain[at..] (and the children) a child node of its own: chain[at - 1] gets a sibling.
void WakeupTree::split(Node& node, std::size_t at)
{
    std::unique_ptr<Node> rest = newNode();
    rest->chain.assign(std::make_move_iterator(node.chain.begin() + std::ptrdiff_t(at)),
                       std::make_move_iterator(node.chain.end()));
    rest->firstChild = std::move(node.firstChild);
    // The tail's share of a long chain moved out: given back, when worth a copy of the rest.
    const bool shrink = node.chain.size() - at >= kSpareChain;
    node.chain.resize(at);
    if (shrink) node.chain.shrink_to_fit();
    node.firstChild = std::move(rest);
}

WakeupTree::Placement WakeupTree::place(WakeupSequence& v)
{
    Placement placement;
    std::unique_ptr<Node>* level = &first_;   // the first branch of the level being searched
    for (;;) {
        Node* match = nullptr;
        size_t position = SIZE_MAX;
        std::unique_ptr<Node>* slot = level;
        std::size_t index = 0;
        for (; *slot; slot = &(*slot)->next, ++index) {
            if (v.weakInitial((*slot)->chain[(*slot)->start], &position)) {
                match = slot->get();
                break;
            }
        }
        if (!match) {
            placement.level = slot;   // the end of the level: the new branch goes there, rightmost
            placement.inserts = true;
            return placement;
        }
        if (level == &first_) placement.changed = index;
        for (size_t k = match->start;; ++k) {
            bool last = k + 1 == match->chain.size();
            if (last && !match->firstChild) return {};  // a leaf: this trace is already scheduled
            if (position != SIZE_MAX) v.remove(position);
            if (v.empty()) return {};
            if (last) {
                level = &match->firstChild;
                break;
            }
            if (!v.weakInitial(match->chain[k + 1], &position)) {
                placement.split = match;
                placement.splitAt = k + 1;
                placement.inserts = true;
                return placement;
            }
        }
    }
}

std::size_t WakeupTree::commit(const Placement& placement, WakeupSequence& v)
{
    std::unique_ptr<Node>* level = placement.level;
    if (placement.split) {
        split(*placement.split, placement.splitAt);
        level = &placement.split->firstChild;
    }
    while (*level) level = &(*level)->next;
    std::unique_ptr<Node> node = newNode();
    node->chain.reserve(v.size());
    v.takeRemaining([&node](const EventView& e) { assignEvent(node->chain.emplace_back(), e); });   // copied in place
    *level = std::move(node);
    return placement.changed;
}

std::vector<std::unique_ptr<WakeupTree::Node>>& WakeupTree::spareNodes()
{
    thread_local std::vector<std::unique_ptr<Node>> spares;
    return spares;
}

std::unique_ptr<WakeupTree::Node> WakeupTree::newNode()
{
    std::vector<std::unique_ptr<Node>>& spares = spareNodes();
    if (spares.empty()) return std::make_unique<Node>();
    std::unique_ptr<Node> node = std::move(spares.back());
    spares.pop_back();
    return node;
}

void WakeupTree::recycle(std::unique_ptr<Node> node)
{
    std::vector<std::unique_ptr<Node>>& spares = spareNodes();
    if (spares.size() >= kSpareNodes || node->chain.capacity() > kSpareChain) return;
    node->chain.clear();
    node->start = 0;
    spares.push_back(std::move(node));
}

uint32_t WakeupTree::takeLeftmost(WakeupTree& subtree)
{
    std::unique_ptr<Node> first = std::move(first_);
    first_ = std::move(first->next);
    const uint32_t actor = first->chain[first->start++].actor;
    if (first->start == first->chain.size()) {
        subtree.first_ = std::move(first->firstChild);
        recycle(std::move(first));
        return actor;
    }
    // Give back the memory of a long chain's explored half now and then (amortized O(1)): the
    // rest moves once, into storage of its size (an erase and a shrink moved it twice).
    if (first->start >= 1024 && first->start * 2 >= first->chain.size()) {
        std::vector<SeqEvent> rest(std::make_move_iterator(first->chain.begin() + std::ptrdiff_t(first->start)),
                                   std::make_move_iterator(first->chain.end()));
        first->chain.swap(rest);
        first->start = 0;
    }
    subtree.first_ = std::move(first);
    return actor;
}

}  // namespace checker

namespace checker {

bool sameEvent(const SeqEvent& a, const SeqEvent& b)
{
    return a.actor == b.actor && a.lane == b.lane && a.createsLane == b.createsLane && a.stopped == b.stopped &&
           std::equal(a.touches.begin(), a.touches.end(), b.touches.begin(), b.touches.end()) &&
           std::equal(a.wakes.begin(), a.wakes.end(), b.wakes.begin(), b.wakes.end());
}

const WakeupTree::Node* WakeupTree::branch(std::size_t k) const
{
    const Node* n = first_.get();
    for (; n && k > 0; --k) n = n->next.get();
    return n;
}

std::size_t WakeupTree::branchCount() const
{
    std::size_t count = 0;
    for (const Node* n = first_.get(); n; n = n->next.get()) ++count;
    return count;
}

uint32_t WakeupTree::branchActor(std::size_t k) const
{
    const Node* n = branch(k);
    return n->chain[n->start].actor;
}

bool WakeupTree::branchIsLeaf(std::size_t k) const
{
    const Node* n = branch(k);
    return n->start + 1 == n->chain.size() && !n->firstChild;
}

WakeupTree WakeupTree::copyBranch(std::size_t k) const
{
    WakeupTree copy;
    if (const Node* source = branch(k)) copy.first_ = copyOf(*source);
    return copy;
}

WakeupTree WakeupTree::copyBranchesFrom(std::size_t k) const
{
    WakeupTree copy;
    std::unique_ptr<Node>* slot = &copy.first_;
    for (const Node* source = branch(k); source; source = source->next.get(), slot = &(*slot)->next)
        *slot = copyOf(*source);
    return copy;
}

std::unique_ptr<WakeupTree::Node> WakeupTree::copyOf(const Node& source)
{
    auto copy = std::make_unique<Node>();
    // (source node, its copy): the copy's chain is filled, its children still to make.
    std::vector<std::pair<const Node*, Node*>> pending{{&source, copy.get()}};
    while (!pending.empty()) {
        auto [from, to] = pending.back();
        pending.pop_back();
        to->chain.assign(from->chain.begin() + std::ptrdiff_t(from->start), from->chain.end());
        std::unique_ptr<Node>* slot = &to->firstChild;
        for (const Node* child = from->firstChild.get(); child; child = child->next.get()) {
            *slot = std::make_unique<Node>();
            pending.emplace_back(child, slot->get());
            slot = &(*slot)->next;
        }
    }
    return copy;
}

WakeupTree WakeupTree::copyBranchAfterStubs(std::size_t k) const
{
    WakeupTree copy;
    std::unique_ptr<Node>* slot = &copy.first_;
    const Node* n = first_.get();
    for (std::size_t i = 0; i < k; ++i, n = n->next.get()) {
        *slot = std::make_unique<Node>();
        (*slot)->chain.push_back(n->chain[n->start]);
        slot = &(*slot)->next;
    }
    *slot = std::move(copyBranch(k).first_);
    return copy;
}

// Compares event by event, reading a chain followed by an only child the same as one longer
// chain (the same sequences, split differently).
bool WakeupTree::leftmostEquals(const WakeupTree& single) const
{
    using Position = std::pair<const Node*, std::size_t>;
    auto children = [](Position p, std::vector<Position>& out) {
        out.clear();
        if (p.second + 1 < p.first->chain.size()) {
            out.emplace_back(p.first, p.second + 1);
            return;
        }
        for (const Node* c = p.first->firstChild.get(); c; c = c->next.get()) out.emplace_back(c, c->start);
    };
    const Node* a = first_.get();
    const Node* b = single.first_.get();
    if (!a || !b || b->next) return a == b;
    std::vector<std::pair<Position, Position>> pending{{{a, a->start}, {b, b->start}}};
    std::vector<Position> left, right;
    while (!pending.empty()) {
        auto [p, q] = pending.back();
        pending.pop_back();
        if (!sameEvent(p.first->chain[p.second], q.first->chain[q.second])) return false;
        children(p, left);
        children(q, right);
        if (left.size() != right.size()) return false;
        for (std::size_t i = 0; i < left.size(); ++i) pending.emplace_back(left[i], right[i]);
    }
    return true;
}

}  // namespace checker
