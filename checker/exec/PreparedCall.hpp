#pragma once
// A thread's next visible operation with its arguments evaluated (against the thread's locals at
// the moment it reached the operation). Models read it; it holds no pointers into the world.

#include "checker/program/Program.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace checker {

class CallModel;

// Gate: the unload routine's implicit first operation, enabled once DriverEntry has ended.
enum class PendingKind : uint8_t { None, Load, Store, Yield, Call, Exit, Gate };

// What a prepared operation holds besides its objects and texts: plain values, so that a reset
// assigns a new one (the defaults here are the one place they are written).
struct PreparedScalars {
    PendingKind kind = PendingKind::None;
    int32_t stmt = -1;            // Program::statements index (-1 for the implicit exit)
    const Instr* instr = nullptr; // the instruction (Load/Store/Yield/Call)
    const CallInstr* call = nullptr;
    Api api = Api::Count_;
    const CallModel* model = nullptr;   // callModel(api), looked up once per call

    // Resolved operands.
    uint32_t object = 0;          // object id (call.object) or global slot (Load/Store/Interlocked)
    int32_t thread = -1;          // call.thread resolved to a thread index; -1 = not (yet) created
    int64_t value = 0, exchange = 0, comparand = 0, adjustment = 0, length = 0, offset = 0,
            handle = 0, access = 0, share = 0, disposition = 0, options = 0, count = 0, limit = 0;

    // The program's constant text each of path, data and renameTarget was last set to (nullptr:
    // anything else), so that a call in a loop does not copy its constant texts at every iteration.
    const std::string* pathSource = nullptr;
    const std::string* dataSource = nullptr;
    const std::string* renameTargetSource = nullptr;

    // The call this operation was last prepared for in full, when preparing it again need only
    // re-read the locals it gives (nullptr: none, an operation that is not a call, a preparation
    // that failed or a call that gives more): Interpreter, a call in a loop.
    const CallInstr* preparedCall = nullptr;

    bool operator==(const PreparedScalars&) const = default;
};

struct PreparedOp : PreparedScalars {
    // KeWaitForMultipleObjects's objects (a vector: a thread's state is copied at every
    // checkpoint and backtrack, and most calls have none).
    std::vector<uint32_t> objects;
    std::string path, data, renameTarget;   // expanded templates (capacity reused)

    bool operator==(const PreparedOp&) const = default;

    // As default-constructed, keeping the texts' and objects' storage (a thread's pending
    // operation is reset at its exit, on every execution's path).
    void reset()
    {
        static_cast<PreparedScalars&>(*this) = PreparedScalars{};
        objects.clear();
        path.clear();
        data.clear();
        renameTarget.clear();
    }

    // Every operand 0: what a call that does not give one sees (the interpreter sets the texts).
    void clearValues()
    {
        value = exchange = comparand = adjustment = length = offset = handle = access = share = disposition =
            options = count = limit = 0;
    }
};

}  // namespace checker
