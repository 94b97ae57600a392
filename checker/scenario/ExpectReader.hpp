#pragma once
// The `expect` block (SCENARIO_FORMAT.md "Expectations") -> Program::expect.
//   findings:   finding kind -> integer (exact) | ">=K" | "<=K" | "any"
//   final:      [{for, from, below, path, exists, size, content}]; `from` and `below` go with `for`
//               (constants over params); path, size and content may use params and the `for`
//               variable, which is local slot 0 of those expressions; size and content need
//               `exists` true or unset
//   executions: integer >= 0

#include "checker/scenario/LoadContext.hpp"

namespace checker {

// The finding kinds of SCENARIO_FORMAT.md "Finding kinds", in that order.
const std::vector<std::string_view>& findingKinds();

// The most paths one `final` predicate may name (below - from).
constexpr int64_t kMaxFinalRange = 1'000'000;

void readExpect(LoadContext& context, const Json* expect);

}  // namespace checker
