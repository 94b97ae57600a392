#pragma once
// The declarations of a scenario (SCENARIO_FORMAT.md "Top level", "Objects", "Threads", "APCs"):
// each reader validates its part of the JSON and fills the Program and the context's name tables.
// Call them in this order: params, objects, globals, thread declarations, APC declarations,
// filesystem. Bodies are compiled afterwards (BodyReader), when every name is known.

#include "checker/scenario/LoadContext.hpp"

namespace checker {

// Limits, so that bad input is an error rather than exhaustion.
constexpr int64_t kMaxArrayElements = 1'000'000;   // per object or global array
constexpr int64_t kMaxTotalElements = 16'000'000;  // objects in all, and global slots in all
constexpr int64_t kMaxThreadInstances = 256;       // autostart thread instances in all

// `params` (may be null), then the overrides of context.options; fills program.params.
void readParams(LoadContext& context, const Json* params);
void readObjects(LoadContext& context, const Json* objects);
void readGlobals(LoadContext& context, const Json* globals);
// Names, counts and autostart of every thread; checks that each has a body array.
void readThreadDecls(LoadContext& context, const Json& threads);
void readApcDecls(LoadContext& context, const Json* apcs);
void readFilesystem(LoadContext& context, const Json* filesystem);

}  // namespace checker
