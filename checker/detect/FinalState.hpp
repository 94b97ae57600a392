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
    // Forgets the resolved path ids: the runner names paths with another table from now on.
    void forgetIds() { resolvedFor_ = nullptr; }

private:
    // One path a predicate names, with what is expected of it. The predicates depend only on the
    // program, so their paths are expanded and parsed, their sizes and contents evaluated, once:
    // an execution's check is one path-id lookup per path.
    struct Target {
        int64_t value = 0;             // the `for` variable's value (to name the path in a message)
        uint32_t path = fs::kNoPath;   // its path id; kNoPath: the name does not parse
        bool sized = false;            // a `size` to match, `size`
        int64_t size = 0;
        int32_t content = -1;          // the content to match: contents_ index; -1 for none
    };
    struct Resolved {
        std::vector<Target> targets;   // the values whose path expanded, in order
        int64_t checked = 0;           // how many values the predicate ranges over
    };
    // Fills resolved_ for the path ids of `fs` (and its copies).
    void resolve(const fs::FileSystem& fs) const;
    void checkPredicate(const World& world, size_t index, std::vector<report::Finding>& out) const;

    const Program& program_;
    mutable std::vector<Resolved> resolved_;    // per predicate
    mutable std::vector<std::string> contents_;
    mutable const void* resolvedFor_ = nullptr;  // the idSpace() of resolved_'s path ids
};

}  // namespace checker
