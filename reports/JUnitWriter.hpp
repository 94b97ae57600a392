#pragma once
// JUnit XML for `checker test --junit FILE` (REPORTS_AND_CLI.md): one <testcase> per scenario, a
// <failure> listing the mismatches of a scenario that did not meet its expectations.

#include <cstdint>
#include <string>
#include <vector>

namespace checker::report {

// The outcome of one scenario under `checker test`.
struct TestCaseResult {
    std::string name;                     // the scenario's name (or its file stem if it did not load)
    std::string file;                     // the scenario file
    bool passed = false;
    std::vector<std::string> mismatches;  // why it failed (expectation mismatches or an error)
    uint64_t executions = 0;
    double elapsedSeconds = 0;
};

class JUnitWriter {
public:
    // One <testsuite name="checker"> with the cases in the given order; ends with a newline.
    std::string render(const std::vector<TestCaseResult>& cases) const;
};

// `text` with &, <, >, " and ' replaced by XML entities and other control characters dropped.
std::string xmlEscaped(const std::string& text);

}  // namespace checker::report
