#pragma once
// Errors of the report layer's own input and output: a malformed report.json given to `checker
// replay`, or an output file that cannot be written. Both are the user's input (a file, a folder),
// so main treats this like checker::InputError: message to stderr, exit 2. reports/ does not
// include checker/ (ARCHITECTURE.md), hence its own type.

#include <stdexcept>
#include <string>

namespace checker::report {

class ReportError : public std::runtime_error {
public:
    // what() is "file: /json/pointer: problem".
    ReportError(const std::string& file, const std::string& pointer, const std::string& problem)
        : std::runtime_error(file + ": " + (pointer.empty() ? std::string("/") : pointer) + ": " +
                             problem) {}

    // For errors without a JSON location, e.g. "out/x/report.json: is a directory".
    explicit ReportError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace checker::report
