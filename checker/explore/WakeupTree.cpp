#include "checker/explore/WakeupTree.hpp"

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
    if (!indexed_) {
        indexed_ = true;
        for (size_t i = 0; i < events_.size(); ++i) {
            if (removed_[i]) continue;
            ActorEvents* entry = nullptr;
            for (ActorEvents& a : byActor_)
                if (a.actor == events_[i].actor) entry = &a;
            if (!entry) entry = &byActor_.emplace_back(ActorEvents{events_[i].actor, {}, 0});
            entry->positions.push_back(uint32_t(i));
        }
    }
    for (ActorEvents& a : byActor_) {
        if (a.actor != actor) continue;
        while (a.next < a.positions.size() && removed_[a.positions[a.next]]) ++a.next;
        return a.next < a.positions.size() ? &a : nullptr;
    }
    return nullptr;
}

bool WakeupSequence::weakInitial(const SeqEvent& p, size_t* position) const
{
    if (const ActorEvents* a = eventsOf(p.actor)) {
        *position = a->positions[a->next];
        return !blocked(*position);
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
    return WakeupSequence(copy).weakInitial(p, position);
}

void WakeupTree::insert(WakeupSequence& v)
{
    std::vector<std::unique_ptr<Node>>* level = &roots_;
    for (;;) {
        Node* match = nullptr;
        size_t position = SIZE_MAX;
        for (auto& child : *level) {
            if (v.weakInitial(child->event, &position)) {
                match = child.get();
                break;
            }
        }
        if (!match) break;
        if (match->children.empty()) return;  // a leaf: this trace is already scheduled
        if (position != SIZE_MAX) v.remove(position);
        if (v.empty()) return;
        level = &match->children;
    }
    v.takeRemaining([&level](SeqEvent&& e) {
        auto node = std::make_unique<Node>();
        node->event = std::move(e);
        level->push_back(std::move(node));
        level = &level->back()->children;
    });
}

SeqEvent WakeupTree::takeLeftmost(WakeupTree& subtree)
{
    std::unique_ptr<Node> first = std::move(roots_.front());
    roots_.erase(roots_.begin());
    subtree.roots_ = std::move(first->children);
    return std::move(first->event);
}

}  // namespace checker
