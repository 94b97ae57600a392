#pragma once
// A bad command line: an unknown command or option, a missing or malformed value. It is an
// InputError (exit 2); main adds a hint pointing at the command's --help.

#include "checker/scenario/InputError.hpp"

#include <string>
#include <utility>

namespace checker::cli {

class UsageError : public InputError {
public:
    // `command` is "" for the top level, else "run", "test", ...
    UsageError(std::string command, const std::string& message)
        : InputError(message), command_(std::move(command)) {}

    const std::string& command() const { return command_; }

private:
    std::string command_;
};

}  // namespace checker::cli
