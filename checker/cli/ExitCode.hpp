#pragma once
// The exit codes of `checker`, in one place (STYLE.md 5; REPORTS_AND_CLI.md "Exit status").

namespace checker::cli {

enum class ExitCode : int {
    Clean = 0,     // nothing unexpected: no findings, or all expected; every test scenario passed
    Findings = 1,  // unexpected findings, unmet expectations, a gate failure, a replay that differs
    Usage = 2,     // bad usage, an invalid scenario or report, an output that cannot be written
    Internal = 3,  // a broken invariant of the checker itself, or any other unexpected exception
};

}  // namespace checker::cli
