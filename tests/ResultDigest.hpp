#pragma once
// A text of everything of an exploration's result that the exploration decides (not timing):
// two explorations that must agree (with and without checkpoints, with one thread or several)
// are compared through it, so that a difference shows as text.

#include "checker/explore/Explorer.hpp"

#include <string>
#include <utility>
#include <vector>

namespace checker::test {

using Params = std::vector<std::pair<std::string, int64_t>>;

inline std::string scheduleText(const std::vector<report::ScheduleEntry>& entries)
{
    std::string out;
    for (const auto& e : entries) out += (e.apc ? "a" : "t") + std::to_string(e.index) + " ";
    return out;
}

inline std::string resultDigest(const ExploreResult& r)
{
    std::string out = "executions " + std::to_string(r.stats.executions) + " blocked " +
                      std::to_string(r.stats.blockedExecutions) + " discarded " + std::to_string(r.stats.assumeDiscarded) +
                      " steps " + std::to_string(r.stats.steps) + " depth " + std::to_string(r.stats.maxDepth) +
                      " outcomes " + std::to_string(r.stats.distinctOutcomes) + " complete " +
                      std::to_string(r.stats.complete) + " " + r.stats.stoppedBy + "\n";
    for (const auto& f : r.findings) {
        out += f.fingerprint + " x" + std::to_string(f.executions) + ": " + f.message + " | " + scheduleText(f.witness.schedule);
        for (const auto& note : f.notes) out += " [" + note + "]";
        out += "\n";
    }
    for (const auto& o : r.outcomes)
        out += o.summary + " " + o.digest + " x" + std::to_string(o.executions) + ": " + scheduleText(o.witness.schedule) + "\n";
    return out;
}

}  // namespace checker::test
