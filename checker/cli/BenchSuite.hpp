#pragma once
// A benchmark suite file: scenarios with parameter values and, optionally, the execution count an
// exhaustive exploration must report (a published oracle, e.g. ../shared/benchmarks/README.md),
// other tools' published wall times for it, and the targets the suite's figures should reach
// (BenchTargets.hpp).
//
//   {"targets": {"vs_fastest_peer": 10},
//    "benchmarks": [{"scenario": "readers.json", "params": {"N": 14}, "executions": 16384,
//                    "peers": {"Nidhugg": 3.43, "GenMC": 0.41}}, ...]}
//
// Scenario paths are relative to the suite file.

#include "checker/cli/BenchTargets.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace checker::cli {

struct BenchCase {
    std::string scenario;                                   // path, resolved
    std::vector<std::pair<std::string, int64_t>> params;    // in file order
    std::optional<uint64_t> executions;                     // the oracle, if any
    std::string name;                                       // "readers(N=10)"
    std::vector<PeerTime> peers;                            // published wall times, if any
    BenchTargets targets;                                   // the suite's
};

// Reads a suite file, or makes a one-case suite of a scenario file (a JSON object with a
// top-level "scenario" key). Throws InputError.
std::vector<BenchCase> readBenchCases(const std::string& path);

}  // namespace checker::cli
