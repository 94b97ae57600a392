#pragma once
// What a benchmark suite says its figures should reach, and whether a measured row reaches it.
// The targets are the performance issue's (e.g. ten times faster than the faster of Nidhugg and
// GenMC, 20 M steps/s, under 100 MB); `checker bench` shows each one met or missed with the
// measured figure beside it. A measurement, never a verdict: a missed target changes no exit status.
//
//   "targets": {"vs_fastest_peer": 10, "steps_per_s": 2e7, "peak_rss_mb": 100, "jobs_speedup": 1.8}
//   "peers": {"Nidhugg": 3.43, "GenMC": 0.41}      (on a benchmark: published wall seconds)

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace checker::cli {

// Another tool's published wall time for the same benchmark on the same machine class.
struct PeerTime {
    std::string tool;
    double wallSeconds = 0;
};

struct BenchTargets {
    std::optional<double> vsFastestPeer;   // at least: the fastest peer's wall time / ours
    std::optional<double> stepsPerSecond;  // at least: interpreter steps per exploration second
    std::optional<double> peakRssMb;       // below: the process's peak RSS in MB
    std::optional<double> jobsSpeedup;     // at least: one thread's wall time / N threads' (--jobs N)
};

// Reads a suite's "targets" object at `pointer` of `file`. Throws InputError on an unknown key or
// a value that is not a positive number.
BenchTargets readBenchTargets(const std::string& file, const std::string& pointer, const nlohmann::json& targets);

// Reads a benchmark's "peers" object (tool -> positive seconds), in file order. Throws InputError.
std::vector<PeerTime> readPeerTimes(const std::string& file, const std::string& pointer, const nlohmann::json& peers);

// The fastest of `peers`, or nullptr when there are none.
const PeerTime* fastestPeer(const std::vector<PeerTime>& peers);

// Each target of `targets` that applies to `row` (a bench row with wall_s, steps_per_s,
// peak_rss_kb and, when measured, vs_fastest_peer and jobs_speedup), in the order above:
// [{"target": "vs_fastest_peer", "comparison": ">=", "wanted": 10, "measured": 6.8, "met": false}, ...]
// ("<" for peak_rss_mb, judged on the row's peak_rss_kb / 1024).
nlohmann::ordered_json evaluateTargets(const BenchTargets& targets, const nlohmann::ordered_json& row);

// One line for the text table: "vs_fastest_peer 6.8 (>= 10): missed; peak_rss_mb 82 (< 100): met".
std::string describeTargets(const nlohmann::ordered_json& evaluated);

}  // namespace checker::cli
