#include "checker/detect/DeadlockDetector.hpp"

#include "checker/detect/Locations.hpp"

#include <algorithm>
#include <set>

namespace checker {

namespace {

std::string joinSorted(std::vector<std::string> items)
{
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ",") + s;
    return out;
}

}  // namespace

std::optional<DeadlockReport> DeadlockDetector::cycleThrough(const World& world, ThreadId t) const
{
    std::vector<ThreadId> cycle = findCycle(world, t);
    if (cycle.empty()) return std::nullopt;
    return describe(world, cycle, true);
}

DeadlockReport DeadlockDetector::globalDeadlock(const World& world) const
{
    std::vector<ThreadId> blocked;
    for (ThreadId t = 0; t < world.threads.size(); ++t)
        if (interp_.alive(world, t)) blocked.push_back(t);
    return describe(world, blocked, false);
}

// Depth-first search along wait edges from `start`; returns the threads of a cycle back to
// `start` (start first), or nothing.
std::vector<ThreadId> DeadlockDetector::findCycle(const World& world, ThreadId start) const
{
    std::vector<ThreadId> path{start};
    std::vector<std::vector<int32_t>> pendingHolders{interp_.waitInfo(world, start).holders};
    std::set<ThreadId> visited{start};
    while (!path.empty()) {
        auto& holders = pendingHolders.back();
        if (holders.empty()) {
            path.pop_back();
            pendingHolders.pop_back();
            continue;
        }
        ThreadId next = ThreadId(holders.back());
        holders.pop_back();
        if (next == start) return path;
        if (visited.count(next) || !interp_.alive(world, next) || interp_.enabled(world, next)) continue;
        visited.insert(next);
        path.push_back(next);
        pendingHolders.push_back(interp_.waitInfo(world, next).holders);
    }
    return {};
}

DeadlockReport DeadlockDetector::describe(const World& world, const std::vector<ThreadId>& threads,
                                          bool cycle) const
{
    DeadlockReport out;
    report::Finding& f = out.finding;
    f.kind = report::FindingKind::Deadlock;
    report::Graph graph;
    std::vector<std::string> objects, pointers, clauses;
    std::set<std::string> nodeIds;
    auto addNode = [&](const std::string& id, const std::string& type, const std::string& detail) {
        if (nodeIds.insert(id).second) graph.nodes.push_back({id, type, detail});
    };
    for (ThreadId t : threads) {
        const ThreadState& th = world.threads[t];
        WaitInfo w = interp_.waitInfo(world, t);
        report::Location loc = pendingLocation(world, t);
        addNode(th.name, "thread", loc.text);
        std::string holders;
        for (int32_t h : w.holders) holders += (holders.empty() ? "" : ", ") + world.threads[size_t(h)].name;
        addNode(w.object, w.objectType, holders.empty() ? "" : "held " + w.holderMode + " by " + holders);
        graph.edges.push_back({th.name, w.object, "waits " + w.mode});
        for (int32_t h : w.holders)
            graph.edges.push_back({w.object, world.threads[size_t(h)].name, "held " + w.holderMode + " by"});
        if (cycle) {
            graph.cycle.push_back(th.name);
            graph.cycle.push_back(w.object);
        }
        clauses.push_back(th.name + " waits for " + w.objectType + " " + w.object +
                          (holders.empty() ? std::string(" (no holder)") : " held by " + holders));
        f.threads.push_back(th.name);
        objects.push_back(w.object);
        pointers.push_back(loc.pointer);
        f.locations.push_back(std::move(loc));
        if (cycle && threads.size() == 1 && !w.selfDeadlockRule.empty()) {
            report::Finding misuse;
            misuse.kind = report::FindingKind::ApiMisuse;
            misuse.rule = w.selfDeadlockRule;
            misuse.message = w.selfDeadlockMessage;
            misuse.threads = {th.name};
            misuse.objects = {w.object};
            misuse.locations = f.locations;
            misuse.fingerprint = "api_misuse:" + w.selfDeadlockRule + ":" + pointers.back() + ":" + w.object;
            out.misuse = std::move(misuse);
        }
    }
    std::string message = cycle ? "wait-for cycle: " : "no thread can run: ";
    for (size_t i = 0; i < clauses.size(); ++i) message += (i ? "; " : "") + clauses[i];
    f.message = message;
    f.objects = objects;
    f.fingerprint = "deadlock:" + joinSorted(objects) + ":" + joinSorted(pointers);
    f.graph = std::move(graph);
    return out;
}

}  // namespace checker
