#pragma once
// The distinct final states of complete executions (shared globals and the file system), each
// with a count and the witness of the first execution that reached it.
// More than one distinct final state is an `outcome_divergence` finding.

#include "checker/exec/World.hpp"
#include "reports/Report.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace checker {

class OutcomeTracker {
public:
    // Records the final state of a complete execution reached by `schedule`.
    void record(const World& world, const std::vector<report::ScheduleEntry>& schedule);

    // Adds the final states of executions that come after this tracker's (a parallel worker's
    // subtree), as if this tracker had recorded them itself.
    void merge(const OutcomeTracker& later);

    // In discovery order.
    std::vector<report::Outcome> outcomes() const;
    size_t distinct() const { return order_.size(); }

    // The outcome_divergence finding, when there is more than one distinct final state.
    std::optional<report::Finding> divergence() const;

private:
    // By the digest's value: its text is made once per distinct outcome, not per execution.
    std::unordered_map<uint64_t, report::Outcome> byDigest_;
    std::vector<uint64_t> order_;
};

// A one-line human summary of the final globals, e.g. "x = 1, a = [0, 2, 1]".
std::string summarizeGlobals(const World& world);

// A one-line human summary of the final file system: each directory (sorted) with how many files
// it holds directly, naming them when there are at most 3, e.g.
// "C:\Temp: 1 file (file_2.txt); C:\Temp2: 999 files". "" when there is no directory or file
// besides the volume root.
std::string summarizeFileSystem(const World& world);

}  // namespace checker
