#pragma once
// Compiles templates (SCENARIO_FORMAT.md "Templates"): `{EXPR}` becomes the expression's decimal
// value, `{{` and `}}` are literal braces. An unclosed `{`, a lone `}` and an empty `{}` are errors.

#include "checker/program/ExprCompiler.hpp"

namespace checker {

// The longest template text accepted, in bytes.
constexpr size_t kMaxTemplateText = 4096;

// Compiles `text` (names bound by `names`, as in expressions) into a new entry of
// program.templates and returns its id. Adjacent literal text is one piece. Throws CompileError.
TemplateId compileTemplate(Program& program, std::string_view text, const NameResolver& names);

}  // namespace checker
