#include "checker/detect/Outcomes.hpp"

#include <cstdio>

namespace checker {

namespace {

// FNV-1a over the final values: stable across machines and runs.
std::string digestOf(const World& world)
{
    uint64_t h = 1469598103934665603ull;
    for (int64_t v : world.globals) {
        for (int i = 0; i < 8; ++i) {
            h ^= uint64_t(v >> (8 * i)) & 0xFF;
            h *= 1099511628211ull;
        }
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
    return text;
}

}  // namespace

std::string summarizeGlobals(const World& world)
{
    const size_t kMaxShown = 16;
    std::string out;
    for (const auto& g : world.program->globals) {
        if (!out.empty()) out += ", ";
        out += g.name + " = ";
        if (!g.isArray) {
            out += std::to_string(world.globals[g.firstSlot]);
            continue;
        }
        out += "[";
        for (uint32_t k = 0; k < g.size && k < kMaxShown; ++k)
            out += (k ? ", " : "") + std::to_string(world.globals[g.firstSlot + k]);
        out += g.size > kMaxShown ? ", ...]" : "]";
    }
    return out.empty() ? "no shared state" : out;
}

void OutcomeTracker::record(const World& world, const std::vector<report::ScheduleEntry>& schedule)
{
    std::string digest = digestOf(world);
    auto it = byDigest_.find(digest);
    if (it != byDigest_.end()) {
        it->second.executions++;
        return;
    }
    report::Outcome outcome;
    outcome.digest = digest;
    outcome.executions = 1;
    outcome.summary = summarizeGlobals(world);
    outcome.witness.schedule = schedule;
    byDigest_.emplace(digest, std::move(outcome));
    order_.push_back(digest);
}

std::vector<report::Outcome> OutcomeTracker::outcomes() const
{
    std::vector<report::Outcome> out;
    for (const auto& d : order_) out.push_back(byDigest_.at(d));
    return out;
}

std::optional<report::Finding> OutcomeTracker::divergence() const
{
    if (order_.size() < 2) return std::nullopt;
    const report::Outcome& first = byDigest_.at(order_[0]);
    const report::Outcome& second = byDigest_.at(order_[1]);
    report::Finding f;
    f.kind = report::FindingKind::OutcomeDivergence;
    f.severity = report::Severity::Note;
    f.fingerprint = "outcome_divergence";
    f.message = std::to_string(order_.size()) + " distinct final states, e.g. \"" + first.summary +
                "\" and \"" + second.summary + "\"";
    uint64_t others = 0;
    for (size_t i = 1; i < order_.size(); ++i) others += byDigest_.at(order_[i]).executions;
    f.executions = others;
    f.witness = second.witness;
    return f;
}

}  // namespace checker
