#pragma once
// The `random` strategy: seeded random walks for scenarios too large to explore exhaustively. At
// every step each enabled actor is equally likely; run k is seeded from --seed and k.

#include "checker/explore/Explorer.hpp"

#include <functional>

namespace checker {

ExploreResult runRandomWalks(const Program& program, const ExploreOptions& options,
                             const std::function<void(const Progress&)>& onProgress);

}  // namespace checker
