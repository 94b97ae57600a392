#pragma once
// A benchmark suite file: scenarios with parameter values and, optionally, the execution count an
// exhaustive exploration must report (a published oracle, e.g. ../shared/benchmarks/README.md).
//
//   {"benchmarks": [{"scenario": "readers.json", "params": {"N": 10}, "executions": 1024}, ...]}
//
// Scenario paths are relative to the suite file.

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
};

// Reads a suite file, or makes a one-case suite of a scenario file (a JSON object with a
// top-level "scenario" key). Throws InputError.
std::vector<BenchCase> readBenchCases(const std::string& path);

}  // namespace checker::cli
