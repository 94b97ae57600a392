#pragma once
// Report locations from the program's statement table.

#include "checker/exec/World.hpp"
#include "reports/Report.hpp"

#include <string>

namespace checker {

// The statement `stmt` (Program::statements index) as run by `thread`; an unknown statement
// (-1: a thread's implicit exit) gives the pointer of the thread's body.
report::Location statementLocation(const Program& program, const std::string& thread, int32_t stmt);

// Where thread t is parked.
report::Location pendingLocation(const World& world, ThreadId t);

class Interpreter;

// The state of object `id` for a step listing: "M[1]: FAST_MUTEX, owner T1, waiters: T2".
std::string describeObject(const World& world, uint32_t id);

// A blocked thread the way a debugger shows it: thread, wait reason, object, holders, other waiters.
std::string describeWait(const World& world, const Interpreter& interpreter, ThreadId t);

}  // namespace checker
