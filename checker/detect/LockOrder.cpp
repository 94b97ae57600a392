#include "checker/detect/LockOrder.hpp"

#include "checker/detect/Locations.hpp"
#include "checker/program/TypeNames.hpp"

#include <algorithm>
#include <deque>

namespace checker {

std::optional<report::Finding> LockOrderGraph::onAcquire(const World& world, const LockAcquisition& a)
{
    const std::vector<uint32_t>& held = world.threads[size_t(a.thread)].held;
    auto last = std::find(held.rbegin(), held.rend(), a.object);
    if (last == held.rend()) return std::nullopt;
    size_t lastIndex = size_t(std::distance(held.begin(), last.base()) - 1);
    for (size_t i = 0; i < lastIndex; ++i)
        if (held[i] == a.object) return std::nullopt;  // recursive: no new order
    std::optional<report::Finding> found;
    std::set<uint32_t> seen;
    for (size_t i = 0; i < lastIndex; ++i) {
        if (!seen.insert(held[i]).second) continue;
        auto inversion = addEdge(world, held[i], a.object, a);
        if (inversion && !found) found = std::move(inversion);
    }
    return found;
}

std::optional<report::Finding> LockOrderGraph::addEdge(const World& world, uint32_t from, uint32_t to,
                                                       const LockAcquisition& a)
{
    Edge edge{from, to};
    thisExecution_.insert(edge);
    if (edges_.count(edge)) return std::nullopt;
    std::vector<Edge> back = path(to, from);
    EdgeLabel label;
    label.thread = world.threads[size_t(a.thread)].name;
    label.where = statementLocation(*world.program, label.thread, a.stmt);
    label.fromType = std::string(objectTypeName(world.objects[from].type));
    label.toType = std::string(objectTypeName(world.objects[to].type));
    edges_.emplace(edge, std::move(label));
    successors_[from].insert(to);
    if (back.empty()) return std::nullopt;
    ++inversionEvents_;
    back.insert(back.begin(), edge);
    report::Finding found = describe(world, back);
    if (!takenNow(back)) {
        found.notes.push_back(kOrdersOfSeveralExecutions);
        partial_.push_back({found.fingerprint, std::move(back)});
    }
    return found;
}

bool LockOrderGraph::takenNow(const std::vector<Edge>& cycle) const
{
    return std::all_of(cycle.begin(), cycle.end(), [this](const Edge& e) { return thisExecution_.count(e) != 0; });
}

std::vector<std::string> LockOrderGraph::takeCompleted()
{
    std::vector<std::string> completed;
    for (size_t i = 0; i < partial_.size();) {
        if (!takenNow(partial_[i].cycle)) {
            ++i;
            continue;
        }
        completed.push_back(std::move(partial_[i].fingerprint));
        partial_.erase(partial_.begin() + std::ptrdiff_t(i));
        ++inversionEvents_;
    }
    return completed;
}

void LockOrderGraph::mergeEdges(const LockOrderGraph& other)
{
    for (const auto& [edge, label] : other.edges_) {
        if (!edges_.emplace(edge, label).second) continue;
        successors_[edge.first].insert(edge.second);
    }
}

bool LockOrderGraph::mergeClosesNoCycle(const LockOrderGraph& other) const
{
    LockOrderGraph merged = *this;
    merged.mergeEdges(other);
    for (const auto& entry : other.edges_) {
        const Edge& edge = entry.first;
        if (!edges_.count(edge) && !merged.path(edge.second, edge.first).empty()) return false;
    }
    return true;
}

std::vector<LockOrderGraph::Edge> LockOrderGraph::path(uint32_t from, uint32_t to) const
{
    std::map<uint32_t, uint32_t> parent{{from, from}};
    std::deque<uint32_t> queue{from};
    while (!queue.empty()) {
        uint32_t node = queue.front();
        queue.pop_front();
        if (node == to) break;
        auto it = successors_.find(node);
        if (it == successors_.end()) continue;
        for (uint32_t next : it->second)
            if (parent.emplace(next, node).second) queue.push_back(next);
    }
    if (!parent.count(to)) return {};
    std::vector<Edge> out;
    for (uint32_t node = to; node != from; node = parent[node]) out.push_back({parent[node], node});
    std::reverse(out.begin(), out.end());
    return out;
}

report::Finding LockOrderGraph::describe(const World& world, const std::vector<Edge>& cycle) const
{
    const Program& program = *world.program;
    report::Finding f;
    f.kind = report::FindingKind::LockOrderInversion;
    report::Graph graph;
    std::vector<std::string> names, pointers, clauses;
    bool oneExecution = true;
    for (const Edge& e : cycle) {
        const EdgeLabel& label = edges_.at(e);
        std::string from = objectName(program, e.first), to = objectName(program, e.second);
        graph.nodes.push_back({from, label.fromType, ""});
        graph.cycle.push_back(from);
        std::string site = label.where.label.empty() ? label.where.text : label.where.label;
        graph.edges.push_back({from, to, label.thread + ": " + site + " (" + label.where.pointer + ")"});
        clauses.push_back(label.thread + " takes " + to + " while holding " + from + " at " +
                          label.where.text + " (" + label.where.pointer + ")");
        names.push_back(from);
        pointers.push_back(label.where.pointer);
        if (std::find(f.threads.begin(), f.threads.end(), label.thread) == f.threads.end())
            f.threads.push_back(label.thread);
        f.objects.push_back(from);
        f.locations.push_back(label.where);
        oneExecution = oneExecution && thisExecution_.count(e);
    }
    std::string message = "lock order inversion (possible deadlock): ";
    for (size_t i = 0; i < clauses.size(); ++i) message += (i ? "; " : "") + clauses[i];
    if (!oneExecution) message += " (the orders were seen in different executions)";
    f.message = message;
    std::sort(names.begin(), names.end());
    std::sort(pointers.begin(), pointers.end());
    std::string key;
    for (const auto& n : names) key += (key.empty() ? "" : ",") + n;
    key += ":";
    for (size_t i = 0; i < pointers.size(); ++i) key += (i ? "," : "") + pointers[i];
    f.fingerprint = "lock_order_inversion:" + key;
    f.graph = std::move(graph);
    return f;
}

}  // namespace checker
