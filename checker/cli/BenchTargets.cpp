#include "checker/cli/BenchTargets.hpp"

#include "checker/scenario/InputError.hpp"

#include <cmath>
#include <cstdio>

namespace checker::cli {

namespace {

// One kind of target: its key in the suite, the row's figure it is judged on (times `scale`), and
// which way it points.
struct TargetKind {
    const char* key;
    std::optional<double> BenchTargets::*wanted;
    const char* rowKey;
    double scale;
    bool atLeast;  // met when measured >= wanted; otherwise when measured < wanted
};

constexpr TargetKind kKinds[] = {
    {"vs_fastest_peer", &BenchTargets::vsFastestPeer, "vs_fastest_peer", 1.0, true},
    {"steps_per_s", &BenchTargets::stepsPerSecond, "steps_per_s", 1.0, true},
    {"peak_rss_mb", &BenchTargets::peakRssMb, "peak_rss_kb", 1.0 / 1024, false},
    {"jobs_speedup", &BenchTargets::jobsSpeedup, "jobs_speedup", 1.0, true},
};

double positiveNumber(const std::string& file, const std::string& pointer, const nlohmann::json& value)
{
    if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() <= 0)
        throw InputError(file, pointer, "expected a positive number");
    return value.get<double>();
}

// The row's figure a target is about; none when the row did not measure it (no peers, one job).
std::optional<double> measuredFor(const TargetKind& kind, const nlohmann::ordered_json& row)
{
    if (!row.contains(kind.rowKey) || !row[kind.rowKey].is_number()) return std::nullopt;
    return row[kind.rowKey].get<double>() * kind.scale;
}

// Figures as people read them: 6.8, 82.3, 6.52e+06.
std::string figure(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", value);
    return text;
}

}  // namespace

BenchTargets readBenchTargets(const std::string& file, const std::string& pointer, const nlohmann::json& targets)
{
    if (!targets.is_object()) throw InputError(file, pointer, "expected an object of targets");
    BenchTargets read;
    for (const auto& [key, value] : targets.items()) {
        const TargetKind* kind = nullptr;
        for (const TargetKind& k : kKinds)
            if (key == k.key) kind = &k;
        if (!kind)
            throw InputError(file, pointer + "/" + key,
                             "unknown target (allowed: vs_fastest_peer, steps_per_s, peak_rss_mb, jobs_speedup)");
        read.*(kind->wanted) = positiveNumber(file, pointer + "/" + key, value);
    }
    return read;
}

std::vector<PeerTime> readPeerTimes(const std::string& file, const std::string& pointer, const nlohmann::json& peers)
{
    if (!peers.is_object()) throw InputError(file, pointer, "expected an object TOOL -> wall seconds");
    std::vector<PeerTime> read;
    for (const auto& [tool, seconds] : peers.items())
        read.push_back({tool, positiveNumber(file, pointer + "/" + tool, seconds)});
    return read;
}

const PeerTime* fastestPeer(const std::vector<PeerTime>& peers)
{
    const PeerTime* fastest = nullptr;
    for (const PeerTime& peer : peers)
        if (!fastest || peer.wallSeconds < fastest->wallSeconds) fastest = &peer;
    return fastest;
}

nlohmann::ordered_json evaluateTargets(const BenchTargets& targets, const nlohmann::ordered_json& row)
{
    nlohmann::ordered_json evaluated = nlohmann::ordered_json::array();
    for (const TargetKind& kind : kKinds) {
        const std::optional<double>& wanted = targets.*(kind.wanted);
        const std::optional<double> measured = measuredFor(kind, row);
        if (!wanted || !measured) continue;
        const bool met = kind.atLeast ? *measured >= *wanted : *measured < *wanted;
        evaluated.push_back({{"target", kind.key}, {"comparison", kind.atLeast ? ">=" : "<"}, {"wanted", *wanted},
                             {"measured", *measured}, {"met", met}});
    }
    return evaluated;
}

std::string describeTargets(const nlohmann::ordered_json& evaluated)
{
    std::string line;
    for (const auto& t : evaluated)
        line += (line.empty() ? "" : "; ") + t["target"].get<std::string>() + " " + figure(t["measured"].get<double>()) +
                " (" + t["comparison"].get<std::string>() + " " + figure(t["wanted"].get<double>()) + "): " +
                (t["met"].get<bool>() ? "met" : "MISSED");
    return line;
}

}  // namespace checker::cli
