#pragma once
// Broken invariants of the checker itself (not of the scenario): the second of the three error
// channels (STYLE.md 6). Bad input throws InputError; findings are values; a broken invariant
// throws InternalError naming file:line, which main turns into exit code 3.

#include <stdexcept>
#include <string>

namespace checker {

class InternalError : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

[[noreturn]] void internalFailure(const char* file, int line, const char* what);

}  // namespace checker

#define CHECKER_INVARIANT(cond)                                         \
    do {                                                                \
        if (!(cond)) ::checker::internalFailure(__FILE__, __LINE__, #cond); \
    } while (0)
