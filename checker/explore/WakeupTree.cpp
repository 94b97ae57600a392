#include "checker/explore/WakeupTree.hpp"

namespace checker {

bool WakeupSequence::blocked(size_t i) const
{
    if (blocked_[i] == kUnknown) {
        blocked_[i] = 0;
        for (size_t j = 0; j < i && !blocked_[i]; ++j)
            if (blocked_[j] != kRemoved && seqDependent(events_[j], events_[i])) blocked_[i] = 1;
    }
    return blocked_[i] == 1;
}

bool WakeupSequence::weakInitial(const SeqEvent& p, size_t* position) const
{
    for (size_t i = 0; i < events_.size(); ++i) {
        if (blocked_[i] == kRemoved || events_[i].actor != p.actor) continue;
        *position = i;
        return !blocked(i);
    }
    for (size_t i = 0; i < events_.size(); ++i)
        if (blocked_[i] != kRemoved && seqDependent(p, events_[i])) return false;
    *position = SIZE_MAX;
    return true;
}

void WakeupSequence::remove(size_t position)
{
    blocked_[position] = kRemoved;
    --left_;
    // A later event may have depended only on the removed one: those that were blocked are
    // re-examined when asked; free ones stay free (removing an event adds no dependency).
    for (size_t i = position + 1; i < blocked_.size(); ++i)
        if (blocked_[i] == 1) blocked_[i] = kUnknown;
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
