#pragma once
// Bad input (a scenario file, a parameter override, a report given to replay): the one exception
// type of the input-error channel. main catches it once, prints what() to stderr and exits 2.
// what() is always "file: /json/pointer: problem" (or "file:line:column: problem" for JSON syntax).

#include <stdexcept>
#include <string>

namespace checker {

class InputError : public std::runtime_error {
public:
    InputError(const std::string& file, const std::string& pointer, const std::string& problem)
        : std::runtime_error(file + ": " + (pointer.empty() ? std::string("/") : pointer) + ": " + problem),
          file_(file), pointer_(pointer.empty() ? "/" : pointer), problem_(problem) {}

    // For errors that have no JSON location (a missing file, a bad command-line value).
    explicit InputError(const std::string& message) : std::runtime_error(message) {}

    const std::string& file() const { return file_; }
    const std::string& pointer() const { return pointer_; }
    const std::string& problem() const { return problem_; }

private:
    std::string file_, pointer_, problem_;
};

}  // namespace checker
