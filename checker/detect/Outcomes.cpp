#include "checker/detect/Outcomes.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>

namespace checker {

namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

void mix(uint64_t& h, const void* data, size_t size)
{
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < size; ++i) {
        h ^= p[i];
        h *= kFnvPrime;
    }
}

// The file system's part: one hash per live entry (its canonical path, the case of its own name,
// its kind and bytes; the case of the directories above is their own entries'), summed, so that
// the order in which an execution created the entries does not matter; 0 when only the volume
// root exists.
uint64_t fileSystemDigest(const fs::FileSystem& fs)
{
    uint64_t sum = 0;
    for (uint32_t i = 0; i < fs.nodeCount(); ++i) {
        const fs::FsNode& n = fs.node(i);
        if (!n.alive() || n.parent < 0) continue;  // the root is always there
        uint64_t h = fs::hashBytes(fs.pathKey(n));
        h = (h ^ fs::hashBytes(n.leaf)) * kFnvPrime;
        h = (h ^ (n.directory ? 0x64 : 0x66)) * kFnvPrime;
        h = (h ^ n.data.contentHash()) * kFnvPrime;  // hashed once per buffer
        sum += h;
    }
    return sum;
}

// FNV-1a over the final values: stable across machines and runs.
uint64_t digestOf(const World& world)
{
    uint64_t h = kFnvOffset;
    for (int64_t v : world.globals) {
        for (int i = 0; i < 8; ++i) {
            h ^= uint64_t(v >> (8 * i)) & 0xFF;
            h *= kFnvPrime;
        }
    }
    // Without files the digest stays what it was before the file system existed.
    if (uint64_t files = fileSystemDigest(world.fs)) mix(h, &files, sizeof files);
    return h;
}

std::string digestText(uint64_t digest)
{
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(digest));
    return text;
}

}  // namespace

std::string summarizeFileSystem(const World& world)
{
    const fs::FileSystem& fs = world.fs;
    const size_t kNamed = 3;
    std::map<std::string, std::vector<std::string>> filesIn;   // directory -> its files
    for (uint32_t i = 0; i < fs.nodeCount(); ++i) {
        const fs::FsNode& n = fs.node(i);
        if (!n.alive()) continue;
        if (n.directory && n.parent >= 0) filesIn[fs.displayPath(n)];
        if (!n.directory) filesIn[fs.displayPath(fs.node(uint32_t(n.parent)))].push_back(n.leaf);
    }
    std::string out;
    for (auto& [dir, files] : filesIn) {
        std::sort(files.begin(), files.end());
        out += (out.empty() ? "" : "; ") + dir + ": " + std::to_string(files.size()) +
               (files.size() == 1 ? " file" : " files");
        if (files.empty() || files.size() > kNamed) continue;
        std::string names;
        for (const auto& f : files) names += (names.empty() ? "" : ", ") + f;
        out += " (" + names + ")";
    }
    return out;
}

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
    uint64_t digest = digestOf(world);
    auto it = byDigest_.find(digest);
    if (it != byDigest_.end()) {
        it->second.executions++;
        return;
    }
    report::Outcome outcome;
    outcome.digest = digestText(digest);
    outcome.executions = 1;
    std::string files = summarizeFileSystem(world);
    outcome.summary = files.empty() ? summarizeGlobals(world)
                      : world.program->globals.empty() ? files
                                                      : files + "; " + summarizeGlobals(world);
    outcome.witness.schedule = schedule;
    byDigest_.emplace(digest, std::move(outcome));
    order_.push_back(digest);
}

void OutcomeTracker::merge(const OutcomeTracker& later)
{
    for (uint64_t digest : later.order_) {
        const report::Outcome& outcome = later.byDigest_.at(digest);
        auto it = byDigest_.find(digest);
        if (it != byDigest_.end()) {
            it->second.executions += outcome.executions;
            continue;
        }
        byDigest_.emplace(digest, outcome);
        order_.push_back(digest);
    }
}

std::vector<report::Outcome> OutcomeTracker::outcomes() const
{
    std::vector<report::Outcome> out;
    for (uint64_t d : order_) out.push_back(byDigest_.at(d));
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
