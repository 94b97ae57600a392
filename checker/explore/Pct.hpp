#pragma once
// The `pct` strategy: Probabilistic Concurrency Testing (Burckhardt, Kothari, Musuvathi,
// Nagarakatte, ASPLOS 2010). Each run gives every actor a random priority, always runs the
// highest-priority enabled actor, and lowers the running actor at d-1 random change points among
// the first k steps (k: the longest run seen so far). A bug of depth d is found by each run with
// probability at least 1/(n k^(d-1)). Here d = --preemption-bound + 1 (d-1 change points are the
// preemptions it may take). Run k's choices depend only on --seed and k: reproducible.

#include "checker/explore/Explorer.hpp"

#include <functional>

namespace checker {

ExploreResult runPct(const Program& program, const ExploreOptions& options,
                     const std::function<void(const Progress&)>& onProgress);

}  // namespace checker
