#pragma once
// Statement lists (SCENARIO_FORMAT.md "Statements") -> one Body of flat code. Each statement
// holds exactly one keyword (call, let, load, store, if, while, for, break, continue, return,
// assert, assume, yield), that keyword's own keys and an optional "label"; "atomic" only on load
// and store, "message" only on assert. break and continue need an enclosing loop. Every
// instruction names its statement (pointer, label, line, text) in Program::statements; the End
// that closes the body names the body array itself, with the text "end".

#include "checker/scenario/LoadContext.hpp"

namespace checker {

// The deepest nesting of if, while and for accepted.
constexpr int kMaxStatementNesting = 64;
// The longest label accepted.
constexpr size_t kMaxLabelLength = 256;

// Compiles the statement list `statements` at `pointer` into a new entry of program.bodies and
// returns its index.
int32_t readBody(LoadContext& context, const Json& statements, const std::string& pointer);

}  // namespace checker
