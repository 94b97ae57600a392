#pragma once
// The `random` strategy: seeded random walks for scenarios too large to explore exhaustively.
// Each run starts from the initial state and, at every step, picks uniformly among the enabled
// threads with a generator seeded from --seed and the run number, so run k is the same walk on
// every machine and for every --jobs. Never complete: it samples, it does not prove.

#include "checker/explore/ExecutionRunner.hpp"

#include <functional>

namespace checker {

ExploreResult runRandomWalks(const Program& program, const ExploreOptions& options,
                             const std::function<void(const Progress&)>& onProgress);

}  // namespace checker
