#pragma once
// Call statements ({"call": API, ...arguments}, SCENARIO_FORMAT.md "Kernel synchronization calls"
// and "File-system calls") -> CallInstr. Arguments are checked against the catalog (Api.hpp):
// unknown and missing keys, JSON types, object types, flag names, thread references, the
// per-call extra rules; then LoadOptions::isSupported.
//
// Defaults are compiled in, so the engine never has to know them: `options` of ZwCreateFile and
// ZwOpenFile is FILE_SYNCHRONOUS_IO_NONALERT, `adjustment` of KeReleaseSemaphore is 1, `count` of
// KeInitializeSemaphore is 0; `wait` is true and `signaled`, `replace_if_exists` false (CallInstr's
// own defaults). An absent `offset` stays empty: the handle's current position.

#include "checker/scenario/BodyScope.hpp"

namespace checker {

// Most objects KeWaitForMultipleObjects may wait for (MAXIMUM_WAIT_OBJECTS).
constexpr size_t kMaxWaitObjects = 64;

// Reads the call statement `statement` at `pointer` into a new entry of program.calls and returns
// its index; `text` receives a short rendering for reports, e.g. "s = ZwClose(h)".
int32_t readCall(LoadContext& context, const BodyScope& scope, const Json& statement, const std::string& pointer,
                 std::string& text);

}  // namespace checker
