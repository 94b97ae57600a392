#pragma once
// A problem in the text of one expression or template, found while compiling it. what() says what
// is wrong and at which 1-based column of that text. The scenario loader, which knows the file and
// the JSON pointer, turns it into an InputError; program/ itself knows nothing of JSON.

#include <stdexcept>
#include <string>

namespace checker {

class CompileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace checker
