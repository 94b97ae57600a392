#pragma once
// Evaluation of compiled expressions and templates: the interpreter's hot path. Header-inline, no
// allocation (expandTemplate reuses the capacity of its output string).
//
// Arithmetic is 64-bit signed with C semantics where C defines them: `/` truncates toward zero, `%`
// takes the sign of the dividend, `>>` is arithmetic, comparisons, `!`, `&&` and `||` give 0 or 1.
// Where C leaves it undefined it is an EvalError instead: a result outside int64 (including
// INT64_MIN / -1, INT64_MIN % -1, -INT64_MIN and a `<<` whose result does not fit) is Overflow;
// a divisor 0 is DivisionByZero; a shift count < 0 or >= 64 is ShiftRange. The interpreter turns
// an EvalError into a `runtime_error` finding.

#include "checker/program/Program.hpp"

#include <charconv>
#include <cstdint>
#include <string>

namespace checker {

enum class EvalError : uint8_t { None, DivisionByZero, Overflow, ShiftRange };

// The deepest evaluation stack an expression may need; the expression compiler rejects deeper ones,
// so Program::maxExprStack <= kMaxExprStack always holds.
constexpr uint32_t kMaxExprStack = 256;

// A short description for messages: "division by zero", "integer overflow", "shift out of range".
inline const char* evalErrorMessage(EvalError error)
{
    switch (error) {
    case EvalError::None: return "no error";
    case EvalError::DivisionByZero: return "division by zero";
    case EvalError::Overflow: return "integer overflow";
    case EvalError::ShiftRange: return "shift count out of range 0..63";
    }
    return "?";
}

// Applies the unary operator `op` (Neg, Not, BitNot, ToBool, NtSuccess) to `value` in place.
inline EvalError applyUnary(ExprOpCode op, int64_t& value)
{
    switch (op) {
    case ExprOpCode::Neg:
        if (value == INT64_MIN) return EvalError::Overflow;
        value = -value;
        break;
    case ExprOpCode::Not: value = value == 0; break;
    case ExprOpCode::BitNot: value = ~value; break;
    case ExprOpCode::ToBool: value = value != 0; break;
    case ExprOpCode::NtSuccess: value = int32_t(uint32_t(uint64_t(value))) >= 0; break;
    default: break;
    }
    return EvalError::None;
}

// out = a `op` b for the binary operators Mul..BitOr. Always inlined: a call costs as much as the
// operation in the interpreter's loop tests and counters.
[[gnu::always_inline]] inline EvalError applyBinary(ExprOpCode op, int64_t a, int64_t b, int64_t& out)
{
    switch (op) {
    case ExprOpCode::Mul: return __builtin_mul_overflow(a, b, &out) ? EvalError::Overflow : EvalError::None;
    case ExprOpCode::Add: return __builtin_add_overflow(a, b, &out) ? EvalError::Overflow : EvalError::None;
    case ExprOpCode::Sub: return __builtin_sub_overflow(a, b, &out) ? EvalError::Overflow : EvalError::None;
    case ExprOpCode::Div:
    case ExprOpCode::Mod:
        if (b == 0) return EvalError::DivisionByZero;
        if (a == INT64_MIN && b == -1) return EvalError::Overflow;
        out = op == ExprOpCode::Div ? a / b : a % b;
        return EvalError::None;
    case ExprOpCode::Shl:
        if (b < 0 || b > 63) return EvalError::ShiftRange;
        out = int64_t(uint64_t(a) << b);
        return (out >> b) == a ? EvalError::None : EvalError::Overflow;
    case ExprOpCode::Shr:
        if (b < 0 || b > 63) return EvalError::ShiftRange;
        out = a >> b;
        return EvalError::None;
    case ExprOpCode::Lt: out = a < b; break;
    case ExprOpCode::Le: out = a <= b; break;
    case ExprOpCode::Gt: out = a > b; break;
    case ExprOpCode::Ge: out = a >= b; break;
    case ExprOpCode::Eq: out = a == b; break;
    case ExprOpCode::Ne: out = a != b; break;
    case ExprOpCode::BitAnd: out = a & b; break;
    case ExprOpCode::BitXor: out = a ^ b; break;
    case ExprOpCode::BitOr: out = a | b; break;
    default: out = 0; break;
    }
    return EvalError::None;
}

// Evaluates the ops code[0..length) (jump targets are relative to code). `locals` may be null when
// the code reads no local. An empty run evaluates to 0.
inline EvalError evalCode(const ExprOp* code, uint32_t length, const int64_t* locals, int64_t& out)
{
    int64_t stack[kMaxExprStack];
    uint32_t top = 0;  // number of values on the stack
    stack[0] = 0;
    for (uint32_t pc = 0; pc < length; ++pc) {
        const ExprOp& op = code[pc];
        EvalError error = EvalError::None;
        switch (op.code) {
        case ExprOpCode::Const: stack[top++] = op.imm; break;
        case ExprOpCode::Local: stack[top++] = locals[op.imm]; break;
        case ExprOpCode::AndJump:
        case ExprOpCode::OrJump:
            if ((stack[top - 1] != 0) == (op.code == ExprOpCode::OrJump)) {
                stack[top - 1] = op.code == ExprOpCode::OrJump;
                pc = uint32_t(op.imm) - 1;
            } else {
                --top;
            }
            break;
        case ExprOpCode::Neg:
        case ExprOpCode::Not:
        case ExprOpCode::BitNot:
        case ExprOpCode::ToBool:
        case ExprOpCode::NtSuccess: error = applyUnary(op.code, stack[top - 1]); break;
        default:
            --top;
            error = applyBinary(op.code, stack[top - 1], stack[top], stack[top - 1]);
            break;
        }
        if (error != EvalError::None) return error;
    }
    out = stack[0];
    return EvalError::None;
}

// The value a Const or Local op pushes.
inline int64_t operandOf(const ExprOp& op, const int64_t* locals)
{
    return op.code == ExprOpCode::Const ? op.imm : locals[op.imm];
}

inline bool isOperand(const ExprOp& op) { return op.code == ExprOpCode::Const || op.code == ExprOpCode::Local; }

inline bool isBinary(ExprOpCode code) { return code >= ExprOpCode::Mul && code <= ExprOpCode::BitOr; }

// Evaluates expression `expr` of `program` over `locals` (the running body's local slots). The
// shapes loops and handles are made of (`i`, `5`, `i + 1`, `i < N`) skip the stack machine.
inline EvalError evalExpr(const Program& program, ExprRef expr, const int64_t* locals, int64_t& out)
{
    const ExprOp* code = program.exprCode.data() + expr.begin;
    if (expr.length == 1 && isOperand(code[0])) {
        out = operandOf(code[0], locals);
        return EvalError::None;
    }
    if (expr.length == 3 && isOperand(code[0]) && isOperand(code[1]) && isBinary(code[2].code))
        return applyBinary(code[2].code, operandOf(code[0], locals), operandOf(code[1], locals), out);
    return evalCode(code, expr.length, locals, out);
}

// An expression decoded once, when a program is loaded, for the interpreter's hot path: the shapes
// loops and handles are made of (`i`, `5`, `i + 1`, `i < N`) keep their operands and operator
// here, so evaluating one reads neither the bytecode nor its length.
struct DecodedExpr {
    enum class Form : uint8_t {
        Value,         // lhs (an empty expression is the value 0)
        Local,         // locals[lhs]
        LocalOpValue,  // locals[lhs] op rhs
        LocalLtValue,  // locals[lhs] < rhs: a `for` loop's test
        LocalAddValue, // locals[lhs] + rhs: a `for` loop's counter
        Binary,        // (lhsLocal ? locals[lhs] : lhs) op (rhsLocal ? locals[rhs] : rhs)
        Code,          // anything else: the stack machine over `code`
    };
    Form form = Form::Value;
    ExprOpCode op = ExprOpCode::Const;
    bool lhsLocal = false, rhsLocal = false;
    int64_t lhs = 0, rhs = 0;
    ExprRef code;
};

// The decoded form of `expr` (see DecodedExpr); evalDecoded of it gives what evalExpr gives.
inline DecodedExpr decodeExpr(const Program& program, ExprRef expr)
{
    DecodedExpr d;
    d.code = expr;
    if (expr.empty()) return d;
    const ExprOp* code = program.exprCode.data() + expr.begin;
    if (expr.length == 1 && isOperand(code[0])) {
        d.form = code[0].code == ExprOpCode::Local ? DecodedExpr::Form::Local : DecodedExpr::Form::Value;
        d.lhs = code[0].imm;
        return d;
    }
    if (expr.length == 3 && isOperand(code[0]) && isOperand(code[1]) && isBinary(code[2].code)) {
        d.op = code[2].code;
        d.lhsLocal = code[0].code == ExprOpCode::Local;
        d.rhsLocal = code[1].code == ExprOpCode::Local;
        d.lhs = code[0].imm;
        d.rhs = code[1].imm;
        d.form = d.lhsLocal && !d.rhsLocal ? DecodedExpr::Form::LocalOpValue : DecodedExpr::Form::Binary;
        if (d.form == DecodedExpr::Form::LocalOpValue && d.op == ExprOpCode::Lt) d.form = DecodedExpr::Form::LocalLtValue;
        if (d.form == DecodedExpr::Form::LocalOpValue && d.op == ExprOpCode::Add) d.form = DecodedExpr::Form::LocalAddValue;
        return d;
    }
    d.form = DecodedExpr::Form::Code;
    return d;
}

// evalDecoded for the forms that cannot fail and need no program: `x`, `5`, `i < N`, and `i + 1`
// when it does not overflow. Sets `out` and returns true; false (out unspecified) for any other
// form or an overflow, which evalDecoded then evaluates and reports. Small enough to inline where
// evalDecoded is not: a loop's counter and test run at nearly every step. evalDecoded starts here.
[[gnu::always_inline]] inline bool evalSimple(const DecodedExpr& expr, const int64_t* locals, int64_t& out)
{
    switch (expr.form) {
    case DecodedExpr::Form::Value: out = expr.lhs; return true;
    case DecodedExpr::Form::Local: out = locals[expr.lhs]; return true;
    case DecodedExpr::Form::LocalLtValue: out = locals[expr.lhs] < expr.rhs; return true;
    case DecodedExpr::Form::LocalAddValue: return !__builtin_add_overflow(locals[expr.lhs], expr.rhs, &out);
    default: return false;
    }
}

// Evaluates a decoded expression of `program` over `locals`.
[[gnu::always_inline]] inline EvalError evalDecoded(const Program& program, const DecodedExpr& expr,
                                                    const int64_t* locals, int64_t& out)
{
    if (evalSimple(expr, locals, out)) return EvalError::None;
    switch (expr.form) {
    case DecodedExpr::Form::LocalAddValue: return EvalError::Overflow;   // evalSimple's one failure
    case DecodedExpr::Form::LocalOpValue: return applyBinary(expr.op, locals[expr.lhs], expr.rhs, out);
    case DecodedExpr::Form::Binary:
        return applyBinary(expr.op, expr.lhsLocal ? locals[expr.lhs] : expr.lhs,
                           expr.rhsLocal ? locals[expr.rhs] : expr.rhs, out);
    default: break;
    }
    return evalCode(program.exprCode.data() + expr.code.begin, expr.code.length, locals, out);
}

// Clears `out` and appends the expansion of template `id` (-1 expands to ""). On an error `out`
// holds the expansion up to the failing piece.
inline EvalError expandTemplate(const Program& program, TemplateId id, const int64_t* locals, std::string& out)
{
    out.clear();
    if (id < 0) return EvalError::None;
    for (const TemplatePiece& piece : program.templates[size_t(id)].pieces) {
        if (piece.expr.empty()) {
            out += piece.literal;
            continue;
        }
        int64_t value = 0;
        if (EvalError error = evalExpr(program, piece.expr, locals, value); error != EvalError::None) return error;
        char digits[24];
        auto result = std::to_chars(digits, digits + sizeof digits, value);
        out.append(digits, result.ptr);
    }
    return EvalError::None;
}

}  // namespace checker
