#include "checker/program/Invariant.hpp"

namespace checker {

void internalFailure(const char* file, int line, const char* what)
{
    throw InternalError(std::string("internal error at ") + file + ":" + std::to_string(line) +
                        ": invariant violated: " + what);
}

}  // namespace checker
