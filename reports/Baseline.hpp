#pragma once
// The accepted findings of `checker test --baseline FILE` (written by --write-baseline FILE): per
// scenario, the schedule-independent fingerprints of findings a project has decided to live with
// for now. The gate then fails only on findings not in it; entries that no longer occur are
// listed as gone, so that the file shrinks as bugs are fixed. A JSON file, sorted, one entry per
// finding, so that its diffs review well:
//
//   {"checker_baseline": 1, "findings": [
//     {"scenario": "abba_fast_mutex", "kind": "deadlock", "fingerprint": "deadlock:A,B:...",
//      "message": "wait-for cycle: ..."}]}

#include <string>
#include <vector>

namespace checker::report {

struct BaselineEntry {
    std::string scenario;
    std::string kind;
    std::string fingerprint;
    std::string message;   // for the reader only; not compared
    bool operator<(const BaselineEntry& other) const;
};

class Baseline {
public:
    Baseline() = default;
    explicit Baseline(std::vector<BaselineEntry> entries);  // sorted, duplicates dropped

    bool contains(const std::string& scenario, const std::string& fingerprint) const;
    // The entries of `scenario`, in order.
    std::vector<BaselineEntry> entriesOf(const std::string& scenario) const;
    const std::vector<BaselineEntry>& entries() const { return entries_; }

private:
    std::vector<BaselineEntry> entries_;
};

inline constexpr int kBaselineVersion = 1;

// The file text, ending with a newline.
std::string renderBaseline(const Baseline& baseline);

// Parses a baseline file. Throws ReportError ("file: /json/pointer: problem") when it is not one.
Baseline parseBaseline(const std::string& text, const std::string& file);

}  // namespace checker::report
