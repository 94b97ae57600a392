#pragma once
// The `expect.final` predicates (SCENARIO_FORMAT.md "Expectations"), checked against the file
// system at the end of every complete execution:
//  - lost_file: a path expected to exist (`exists: true`, or a `size` / `content` to match) is
//    absent;
//  - unexpected_file: a path expected absent (`exists: false`) is present;
//  - file_content: a present path has another size or other bytes than expected.
// One finding per predicate and kind: its fingerprint is the predicate's JSON pointer, so the
// executions that break it in different ways count as one finding, with the witness and the
// paths of the first. The message lists the offending paths (the first few, and how many).

#include "checker/exec/World.hpp"
#include "reports/Report.hpp"

#include <vector>

namespace checker {

class FinalStateChecker {
public:
    explicit FinalStateChecker(const Program& program) : program_(program) {}

    // Appends a finding (without witness) for each predicate and kind that `world` breaks.
    void check(const World& world, std::vector<report::Finding>& out) const;

private:
    void checkPredicate(const World& world, const FinalPredicate& p, std::vector<report::Finding>& out) const;

    const Program& program_;
};

}  // namespace checker
