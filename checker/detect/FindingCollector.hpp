#pragma once
// Collects findings across executions: the same fingerprint (kind + statements + objects, never
// the schedule) is one finding, with the witness of the first execution that showed it (for a
// lock-order inversion closed from orders of several executions: of the first one that takes
// them all, once there is one) and the number of executions that showed it.

#include "reports/Report.hpp"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace checker {

class FindingCollector {
public:
    // Starts a new execution (for per-execution counting).
    void beginExecution() { seenThisExecution_.clear(); }

    // Counts an already recorded finding for the current execution, as add() would (without a
    // Finding to throw away: its witness can be a long schedule). A checkpoint restored into a
    // new execution recounts the findings its prefix showed.
    void recount(const std::string& fingerprint);
    bool known(const std::string& fingerprint) const { return byFingerprint_.count(fingerprint) != 0; }

    // Gives the recorded finding `fingerprint` a better witness (one that shows all of it), and
    // drops its note `untrue` (what the better witness disproves), if it has it. A fingerprint
    // not recorded here is kept for merge(): it may be one of the collector merged into.
    void rewitness(const std::string& fingerprint, const report::Witness& witness, const std::string& untrue);

    // Adds what `later` collected over executions that come after this collector's (a parallel
    // worker's subtree): the result is what one collector would hold had it seen them all, in
    // that order.
    void merge(const FindingCollector& later);

    // Records `finding` (its fingerprint must be set). Returns true if it is new overall.
    bool add(report::Finding finding);

    // Whether `fingerprint` was already recorded in the current execution.
    bool seenInExecution(const std::string& fingerprint) const
    {
        return seenThisExecution_.count(fingerprint) != 0;
    }

    size_t size() const { return order_.size(); }
    // Findings in the order first found.
    std::vector<report::Finding> findings() const;

private:
    std::map<std::string, report::Finding> byFingerprint_;
    std::vector<std::string> order_;
    std::set<std::string> seenThisExecution_;
    struct Rewitness {
        std::string fingerprint;
        report::Witness witness;
        std::string untrue;
    };
    std::vector<Rewitness> unknownRewitnesses_;   // rewitness() of findings not recorded here
};

}  // namespace checker
