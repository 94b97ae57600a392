#pragma once
// Compiles the expression language of SCENARIO_FORMAT.md ("Expressions") to the stack bytecode of
// Program.hpp: decimal and 0x literals, names, the unary operators ! ~ -, the binary operators with
// C precedence (* / % above + - above << >> above < <= > >= above == != above & ^ | && ||, all
// left-associative), parentheses and NT_SUCCESS(x). && and || short-circuit. Subexpressions whose
// operands are all constants are folded when their evaluation has no error (so an expression over
// params and built-in constants compiles to one Const op); `0 && x` and `1 || x` fold too.

#include "checker/program/CompileError.hpp"
#include "checker/program/Program.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace checker {

// The longest expression text accepted, in bytes.
constexpr size_t kMaxExprText = 4096;
// The deepest nesting of parentheses, unary operators and NT_SUCCESS accepted.
constexpr int kMaxExprNesting = 64;

// How a name used in an expression is bound. The caller knows its params, locals and globals.
struct NameBinding {
    enum class Kind : uint8_t { Unknown, Constant, Local, Invalid };
    Kind kind = Kind::Unknown;
    int64_t value = 0;    // Constant: the value; Local: the slot
    std::string problem;  // Invalid: why the name cannot be used here

    static NameBinding constant(int64_t value) { return {Kind::Constant, value, {}}; }
    static NameBinding local(int32_t slot) { return {Kind::Local, slot, {}}; }
    static NameBinding invalid(std::string problem) { return {Kind::Invalid, 0, std::move(problem)}; }
};

// Binds a name; returns Kind::Unknown for names it does not know, which are then looked up among
// the built-in constants (Constants.hpp) and are an error if not found there either.
using NameResolver = std::function<NameBinding(std::string_view name)>;

// One compiled expression, not yet placed in a Program. Jump targets are relative to code[0].
struct CompiledExpr {
    std::vector<ExprOp> code;
    uint32_t stackNeed = 1;  // evaluation stack depth it needs (<= kMaxExprStack)

    // The value, if the expression folded to a single constant.
    std::optional<int64_t> constant() const;
};

// Compiles `text`. Throws CompileError (with the column) on a syntax error, an unknown or invalid
// name, a literal outside int64, text longer than kMaxExprText or nesting deeper than
// kMaxExprNesting.
CompiledExpr compileExpr(std::string_view text, const NameResolver& names);

// The expression that is the constant `value`.
CompiledExpr constantExpr(int64_t value);

// Appends `expr` to program.exprCode, raises program.maxExprStack to its need, and returns its ref.
ExprRef appendExpr(Program& program, const CompiledExpr& expr);

// The value of `expr` in `program` if it is a single Const op.
std::optional<int64_t> constantValue(const Program& program, ExprRef expr);

}  // namespace checker
