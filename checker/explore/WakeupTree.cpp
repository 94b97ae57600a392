#include "checker/explore/WakeupTree.hpp"

#include <iterator>

namespace checker {

bool WakeupSequence::blocked(size_t i) const
{
    int32_t b = blocker_[i];
    if (b == kFree) return false;
    if (b >= 0 && !removed_[size_t(b)]) return true;
    // Everything before `from` was removed or found independent of event i.
    for (size_t j = b >= 0 ? size_t(b) + 1 : first_; j < i; ++j) {
        if (removed_[j] || !seqDependent(events_[j], events_[i])) continue;
        blocker_[i] = int32_t(j);
        return true;
    }
    blocker_[i] = kFree;
    return false;
}

const WakeupSequence::ActorEvents* WakeupSequence::eventsOf(uint32_t actor) const
{
    std::vector<ActorEvents>& byActor = scratch_.byActor;
    if (!indexed_) {
        indexed_ = true;
        for (size_t i = 0; i < events_.size(); ++i) {
            if (removed_[i]) continue;
            ActorEvents* entry = nullptr;
            for (size_t a = 0; a < scratch_.actors; ++a)
                if (byActor[a].actor == events_[i].actor) entry = &byActor[a];
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
    for (size_t k = 0; k < scratch_.actors; ++k) {
        ActorEvents& a = byActor[k];
        if (a.actor != actor) continue;
        while (a.next < a.positions.size() && removed_[a.positions[a.next]]) ++a.next;
        return a.next < a.positions.size() ? &a : nullptr;
    }
    return nullptr;
}

size_t WakeupSequence::firstOf(uint32_t actor) const
{
    // Most sequences are a few events long: a scan costs less than building the index.
    if (events_.size() <= kScanLimit) {
        for (size_t i = first_; i < events_.size(); ++i)
            if (!removed_[i] && events_[i].actor == actor) return i;
        return SIZE_MAX;
    }
    const ActorEvents* a = eventsOf(actor);
    return a ? a->positions[a->next] : SIZE_MAX;
}

bool WakeupSequence::weakInitial(const SeqEvent& p, size_t* position) const
{
    size_t first = firstOf(p.actor);
    if (first != SIZE_MAX) {
        *position = first;
        return !blocked(first);
    }
    for (size_t i = first_; i < events_.size(); ++i)
        if (!removed_[i] && seqDependent(p, events_[i])) return false;
    *position = SIZE_MAX;
    return true;
}

void WakeupSequence::remove(size_t position)
{
    removed_[position] = 1;
    --left_;
    while (first_ < removed_.size() && removed_[first_]) ++first_;
}

bool isWeakInitial(const SeqEvent& p, const std::vector<SeqEvent>& v, size_t* position)
{
    std::vector<SeqEvent> copy = v;
    WakeupScratch scratch;
    return WakeupSequence(copy, scratch).weakInitial(p, position);
}

// Makes chain[at..] (and the children) a child node of its own: chain[at - 1] gets a sibling.
void WakeupTree::split(Node& node, std::size_t at)
{
    auto rest = std::make_unique<Node>();
    rest->chain.assign(std::make_move_iterator(node.chain.begin() + std::ptrdiff_t(at)),
                       std::make_move_iterator(node.chain.end()));
    rest->firstChild = std::move(node.firstChild);
    node.chain.resize(at);
    node.chain.shrink_to_fit();  // the tail's share of a long chain moved out
    node.firstChild = std::move(rest);
}

void WakeupTree::insert(WakeupSequence& v)
{
    std::unique_ptr<Node>* level = &first_;   // the first branch of the level being searched
    for (bool descend = true; descend;) {
        Node* match = nullptr;
        size_t position = SIZE_MAX;
        std::unique_ptr<Node>* slot = level;
        for (; *slot; slot = &(*slot)->next) {
            if (v.weakInitial((*slot)->chain[(*slot)->start], &position)) {
                match = slot->get();
                break;
            }
        }
        if (!match) {
            level = slot;   // the end of the level: the new branch goes there, rightmost
            break;
        }
        for (size_t k = match->start;; ++k) {
            bool last = k + 1 == match->chain.size();
            if (last && !match->firstChild) return;  // a leaf: this trace is already scheduled
            if (position != SIZE_MAX) v.remove(position);
            if (v.empty()) return;
            if (last) {
                level = &match->firstChild;
                break;
            }
            if (!v.weakInitial(match->chain[k + 1], &position)) {
                split(*match, k + 1);
                level = &match->firstChild;
                descend = false;
                break;
            }
        }
    }
    while (*level) level = &(*level)->next;
    auto node = std::make_unique<Node>();
    node->chain.reserve(v.size());
    v.takeRemaining([&node](SeqEvent&& e) { node->chain.push_back(std::move(e)); });
    *level = std::move(node);
}

SeqEvent WakeupTree::takeLeftmost(WakeupTree& subtree)
{
    std::unique_ptr<Node> first = std::move(first_);
    first_ = std::move(first->next);
    SeqEvent event = std::move(first->chain[first->start++]);
    if (first->start == first->chain.size()) {
        subtree.first_ = std::move(first->firstChild);
        return event;
    }
    // Give back the memory of a long chain's explored half now and then (amortized O(1)).
    if (first->start >= 1024 && first->start * 2 >= first->chain.size()) {
        first->chain.erase(first->chain.begin(), first->chain.begin() + std::ptrdiff_t(first->start));
        first->chain.shrink_to_fit();
        first->start = 0;
    }
    subtree.first_ = std::move(first);
    return event;
}

}  // namespace checker
