#pragma once
// The `bounded` strategy: CHESS-style preemption bounding (Musuvathi and Qadeer, PLDI 2007). A
// depth-first search over every schedule that switches away from a still-enabled actor at most
// K times (--preemption-bound); switching when the running actor is blocked or done is free. The
// first schedule is the one without preemptions. No partial-order reduction: each schedule within
// the bound is run, so keep K small (0, 1, 2). The report is complete only if the bound pruned
// nothing; otherwise stopped_by is "preemption_bound".

#include "checker/explore/Explorer.hpp"

#include <functional>

namespace checker {

ExploreResult runBounded(const Program& program, const ExploreOptions& options,
                         const std::function<void(const Progress&)>& onProgress);

}  // namespace checker
