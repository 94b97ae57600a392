#pragma once
// References in a scenario: OBJ and GLOBAL_REF ("Name" or "Name[EXPR]", where EXPR may use the
// body's locals) and thread instances ("Name" or "Name[K]", K a constant expression).
// An array must be indexed and a scalar must not; a constant index must be in range.

#include "checker/scenario/LoadContext.hpp"

namespace checker {

// An object whose type is in `acceptedTypes` (ObjectType bits; 0 = any). `user` names what takes
// it, for messages (e.g. "ExAcquireFastMutex").
ObjRef readObjectRef(LoadContext& context, const Json& value, const std::string& pointer, const NameResolver& names,
                     uint8_t acceptedTypes, std::string_view user);

GlobalRef readGlobalRef(LoadContext& context, const Json& value, const std::string& pointer,
                        const NameResolver& names);

// A thread instance. A counted autostart thread is "Name[K]" with 0 <= K < count; an uncounted
// autostart thread is "Name" (instance 0); a template (autostart false) is "Name" (instance 0) or
// "Name[K]" (instance K >= 0, the K-th started).
ThreadRef readThreadRef(const LoadContext& context, const Json& value, const std::string& pointer);

// The declaration index of a template thread (autostart false), named without an index.
int32_t readTemplateThread(const LoadContext& context, const Json& value, const std::string& pointer);

}  // namespace checker
