#pragma once
// The distinct final states of complete executions (shared globals now; the file system joins
// with its model), each with a count and the witness of the first execution that reached it.
// More than one distinct final state is an `outcome_divergence` finding.

#include "checker/exec/World.hpp"
#include "reports/Report.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace checker {

class OutcomeTracker {
public:
    // Records the final state of a complete execution reached by `schedule`.
    void record(const World& world, const std::vector<report::ScheduleEntry>& schedule);

    // In discovery order.
    std::vector<report::Outcome> outcomes() const;
    size_t distinct() const { return order_.size(); }

    // The outcome_divergence finding, when there is more than one distinct final state.
    std::optional<report::Finding> divergence() const;

private:
    std::map<std::string, report::Outcome> byDigest_;
    std::vector<std::string> order_;
};

// A one-line human summary of the final globals, e.g. "x = 1, a = [0, 2, 1]".
std::string summarizeGlobals(const World& world);

}  // namespace checker
