#include "checker/explore/WakeupTree.hpp"

namespace checker {

bool seqDependent(const SeqEvent& a, const SeqEvent& b)
{
    if (a.lane == b.lane) return true;
    if (a.createsLane == int32_t(b.lane) || b.createsLane == int32_t(a.lane)) return true;
    for (uint32_t w : a.wakes)
        if (w == b.lane) return true;
    for (uint32_t w : b.wakes)
        if (w == a.lane) return true;
    return dependent(a.touches.data(), uint32_t(a.touches.size()), b.touches.data(),
                     uint32_t(b.touches.size()));
}

bool isWeakInitial(const SeqEvent& p, const std::vector<SeqEvent>& v, size_t* position)
{
    for (size_t i = 0; i < v.size(); ++i) {
        if (v[i].actor != p.actor) continue;
        for (size_t j = 0; j < i; ++j)
            if (seqDependent(v[j], v[i])) return false;
        *position = i;
        return true;
    }
    for (const SeqEvent& e : v)
        if (seqDependent(p, e)) return false;
    *position = SIZE_MAX;
    return true;
}

void WakeupTree::insert(std::vector<SeqEvent> v)
{
    std::vector<std::unique_ptr<Node>>* level = &roots_;
    for (;;) {
        Node* match = nullptr;
        size_t position = SIZE_MAX;
        for (auto& child : *level) {
            if (isWeakInitial(child->event, v, &position)) {
                match = child.get();
                break;
            }
        }
        if (!match) break;
        if (match->children.empty()) return;  // a leaf: this trace is already scheduled
        if (position != SIZE_MAX) v.erase(v.begin() + std::ptrdiff_t(position));
        if (v.empty()) return;
        level = &match->children;
    }
    for (SeqEvent& e : v) {
        auto node = std::make_unique<Node>();
        node->event = std::move(e);
        level->push_back(std::move(node));
        level = &level->back()->children;
    }
}

SeqEvent WakeupTree::takeLeftmost(WakeupTree& subtree)
{
    std::unique_ptr<Node> first = std::move(roots_.front());
    roots_.erase(roots_.begin());
    subtree.roots_ = std::move(first->children);
    return std::move(first->event);
}

}  // namespace checker
