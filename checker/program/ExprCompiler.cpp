#include "checker/program/ExprCompiler.hpp"

#include "checker/program/Constants.hpp"
#include "checker/program/Eval.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace checker {

namespace {

// A compiled operand: the ops code[begin..] that leave its value on the stack.
struct Operand {
    uint32_t begin = 0;
    uint32_t need = 1;
};

struct BinaryOperator {
    std::string_view symbol;
    ExprOpCode op;
    int precedence;  // higher binds tighter
};

// Two-character symbols first, so that "<<" is not read as "<".
constexpr std::array<BinaryOperator, 18> kBinaryOperators{{
    {"||", ExprOpCode::OrJump, 1},
    {"&&", ExprOpCode::AndJump, 2},
    {"<<", ExprOpCode::Shl, 8},
    {">>", ExprOpCode::Shr, 8},
    {"<=", ExprOpCode::Le, 7},
    {">=", ExprOpCode::Ge, 7},
    {"==", ExprOpCode::Eq, 6},
    {"!=", ExprOpCode::Ne, 6},
    {"|", ExprOpCode::BitOr, 3},
    {"^", ExprOpCode::BitXor, 4},
    {"&", ExprOpCode::BitAnd, 5},
    {"<", ExprOpCode::Lt, 7},
    {">", ExprOpCode::Gt, 7},
    {"+", ExprOpCode::Add, 9},
    {"-", ExprOpCode::Sub, 9},
    {"*", ExprOpCode::Mul, 10},
    {"/", ExprOpCode::Div, 10},
    {"%", ExprOpCode::Mod, 10},
}};

bool isIdentStart(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool isIdentChar(char c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9');
}

std::string shown(std::string_view name)
{
    constexpr size_t kMax = 64;
    std::string text(1, '"');
    text.append(name.substr(0, kMax));
    text.append(name.size() > kMax ? "...\"" : "\"");
    return text;
}

class Parser {
public:
    Parser(std::string_view text, const NameResolver& names) : text_(text), names_(names) {}

    CompiledExpr parse();

private:
    Operand parseBinary(int minPrecedence);
    Operand parseShortCircuit(Operand lhs, const BinaryOperator& op);
    Operand parseUnary();
    Operand parsePrimary();
    Operand parseNumber();
    Operand parseName();
    Operand parseNtSuccess(size_t at);
    const BinaryOperator* peekBinary();
    void expect(char c, const char* what);

    Operand pushConst(int64_t value);
    void replaceByConst(Operand& operand, int64_t value);
    bool isSingleConst(uint32_t begin, uint32_t end) const;
    void foldUnary(Operand& operand);
    void foldBinary(Operand& lhs, uint32_t rhsBegin);

    void enter(size_t at);
    void leave() { --nesting_; }
    void skipSpace();
    bool atEnd()
    {
        skipSpace();
        return pos_ >= text_.size();
    }
    [[noreturn]] void fail(size_t at, const std::string& what) const;

    std::string_view text_;
    const NameResolver& names_;
    size_t pos_ = 0;
    int nesting_ = 0;
    std::vector<ExprOp> code_;
};

CompiledExpr Parser::parse()
{
    if (text_.size() > kMaxExprText)
        throw CompileError("expression longer than " + std::to_string(kMaxExprText) + " characters");
    if (atEnd()) throw CompileError("empty expression");
    Operand whole = parseBinary(1);
    if (!atEnd()) {
        if (text_[pos_] == '=') fail(pos_, "'=' is not an operator (compare with ==)");
        if (text_[pos_] == ')') fail(pos_, "unmatched ')'");
        fail(pos_, "expected an operator, found '" + std::string(1, text_[pos_]) + "'");
    }
    if (whole.need > kMaxExprStack)
        throw CompileError("expression too complex: it needs an evaluation stack deeper than " +
                           std::to_string(kMaxExprStack));
    return CompiledExpr{std::move(code_), whole.need};
}

Operand Parser::parseBinary(int minPrecedence)
{
    Operand lhs = parseUnary();
    for (const BinaryOperator* op = peekBinary(); op && op->precedence >= minPrecedence; op = peekBinary()) {
        pos_ += op->symbol.size();
        if (op->op == ExprOpCode::AndJump || op->op == ExprOpCode::OrJump) {
            lhs = parseShortCircuit(lhs, *op);
            continue;
        }
        Operand rhs = parseBinary(op->precedence + 1);
        code_.push_back({op->op, 0});
        lhs.need = std::max(lhs.need, rhs.need + 1);
        foldBinary(lhs, rhs.begin);
    }
    return lhs;
}

// lhs AndJump/OrJump(end) rhs ToBool end:
Operand Parser::parseShortCircuit(Operand lhs, const BinaryOperator& op)
{
    const auto jumpAt = uint32_t(code_.size());
    code_.push_back({op.op, 0});
    Operand rhs = parseBinary(op.precedence + 1);
    code_.push_back({ExprOpCode::ToBool, 0});
    code_[jumpAt].imm = int64_t(code_.size());
    lhs.need = std::max(lhs.need, rhs.need);
    if (!isSingleConst(lhs.begin, jumpAt)) return lhs;
    const bool left = code_[lhs.begin].imm != 0;
    const bool isOr = op.op == ExprOpCode::OrJump;
    if (left == isOr)
        replaceByConst(lhs, left);
    else if (isSingleConst(rhs.begin, uint32_t(code_.size()) - 1))
        replaceByConst(lhs, code_[rhs.begin].imm != 0);
    return lhs;
}

Operand Parser::parseUnary()
{
    skipSpace();
    if (pos_ >= text_.size()) fail(pos_, "expected a value");
    ExprOpCode op;
    switch (text_[pos_]) {
    case '-': op = ExprOpCode::Neg; break;
    case '!': op = ExprOpCode::Not; break;
    case '~': op = ExprOpCode::BitNot; break;
    default: return parsePrimary();
    }
    enter(pos_);
    ++pos_;
    Operand operand = parseUnary();
    leave();
    code_.push_back({op, 0});
    foldUnary(operand);
    return operand;
}

Operand Parser::parsePrimary()
{
    const char c = text_[pos_];
    if (c == '(') {
        enter(pos_);
        ++pos_;
        Operand inner = parseBinary(1);
        expect(')', "')'");
        leave();
        return inner;
    }
    if (c >= '0' && c <= '9') return parseNumber();
    if (isIdentStart(c)) return parseName();
    fail(pos_, "expected a value, found '" + std::string(1, c) + "'");
}

Operand Parser::parseNumber()
{
    const size_t start = pos_;
    int base = 10;
    size_t digitsAt = pos_;
    if (text_[pos_] == '0' && pos_ + 1 < text_.size() && (text_[pos_ + 1] == 'x' || text_[pos_ + 1] == 'X')) {
        base = 16;
        digitsAt = pos_ + 2;
    } else if (text_[pos_] == '0' && pos_ + 1 < text_.size() && text_[pos_ + 1] >= '0' && text_[pos_ + 1] <= '9') {
        fail(start, "a decimal literal may not start with 0 (octal is not supported)");
    }
    int64_t value = 0;
    const char* first = text_.data() + digitsAt;
    const char* last = text_.data() + text_.size();
    auto [end, error] = std::from_chars(first, last, value, base);
    if (error == std::errc::result_out_of_range) fail(start, "integer literal out of the 64-bit signed range");
    if (error != std::errc() || end == first) fail(start, "malformed integer literal");
    pos_ = size_t(end - text_.data());
    if (pos_ < text_.size() && isIdentChar(text_[pos_]))
        fail(pos_, "unexpected '" + std::string(1, text_[pos_]) + "' after an integer literal");
    return pushConst(value);
}

Operand Parser::parseName()
{
    const size_t start = pos_;
    while (pos_ < text_.size() && isIdentChar(text_[pos_])) ++pos_;
    const std::string_view name = text_.substr(start, pos_ - start);
    if (name == "NT_SUCCESS") return parseNtSuccess(start);
    if (!atEnd() && text_[pos_] == '(') fail(start, "unknown function " + shown(name) + " (only NT_SUCCESS)");
    NameBinding binding = names_(name);
    if (binding.kind == NameBinding::Kind::Unknown) {
        if (std::optional<int64_t> value = namedConstant(name)) return pushConst(*value);
        fail(start, "unknown name " + shown(name));
    }
    if (binding.kind == NameBinding::Kind::Invalid) fail(start, binding.problem);
    if (binding.kind == NameBinding::Kind::Constant) return pushConst(binding.value);
    Operand operand{uint32_t(code_.size()), 1};
    code_.push_back({ExprOpCode::Local, binding.value});
    return operand;
}

Operand Parser::parseNtSuccess(size_t at)
{
    if (atEnd() || text_[pos_] != '(') fail(at, "NT_SUCCESS needs an argument: NT_SUCCESS(x)");
    enter(at);
    ++pos_;
    Operand argument = parseBinary(1);
    expect(')', "')' closing NT_SUCCESS(");
    leave();
    code_.push_back({ExprOpCode::NtSuccess, 0});
    foldUnary(argument);
    return argument;
}

const BinaryOperator* Parser::peekBinary()
{
    if (atEnd()) return nullptr;
    const std::string_view rest = text_.substr(pos_);
    for (const BinaryOperator& op : kBinaryOperators)
        if (rest.starts_with(op.symbol)) return &op;
    return nullptr;
}

void Parser::expect(char c, const char* what)
{
    if (atEnd() || text_[pos_] != c) fail(pos_, std::string("expected ") + what);
    ++pos_;
}

Operand Parser::pushConst(int64_t value)
{
    Operand operand{uint32_t(code_.size()), 1};
    code_.push_back({ExprOpCode::Const, value});
    return operand;
}

void Parser::replaceByConst(Operand& operand, int64_t value)
{
    code_.resize(operand.begin);
    operand = pushConst(value);
}

bool Parser::isSingleConst(uint32_t begin, uint32_t end) const
{
    return end == begin + 1 && code_[begin].code == ExprOpCode::Const;
}

// operand's code ends with the unary op just pushed.
void Parser::foldUnary(Operand& operand)
{
    const auto opAt = uint32_t(code_.size()) - 1;
    if (!isSingleConst(operand.begin, opAt)) return;
    int64_t value = code_[operand.begin].imm;
    if (applyUnary(code_[opAt].code, value) == EvalError::None) replaceByConst(operand, value);
}

// lhs's code is [lhs ops][rhs ops from rhsBegin][binary op].
void Parser::foldBinary(Operand& lhs, uint32_t rhsBegin)
{
    const auto opAt = uint32_t(code_.size()) - 1;
    if (!isSingleConst(lhs.begin, rhsBegin) || !isSingleConst(rhsBegin, opAt)) return;
    int64_t value = 0;
    if (applyBinary(code_[opAt].code, code_[lhs.begin].imm, code_[rhsBegin].imm, value) == EvalError::None)
        replaceByConst(lhs, value);
}

void Parser::enter(size_t at)
{
    if (++nesting_ > kMaxExprNesting)
        fail(at, "expression nested deeper than " + std::to_string(kMaxExprNesting) + " levels");
}

void Parser::skipSpace()
{
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
        ++pos_;
}

void Parser::fail(size_t at, const std::string& what) const
{
    if (at >= text_.size()) throw CompileError(what + " at the end");
    throw CompileError(what + " at column " + std::to_string(at + 1));
}

}  // namespace

std::optional<int64_t> CompiledExpr::constant() const
{
    if (code.size() == 1 && code[0].code == ExprOpCode::Const) return code[0].imm;
    return std::nullopt;
}

CompiledExpr compileExpr(std::string_view text, const NameResolver& names)
{
    return Parser(text, names).parse();
}

CompiledExpr constantExpr(int64_t value)
{
    return CompiledExpr{{ExprOp{ExprOpCode::Const, value}}, 1};
}

ExprRef appendExpr(Program& program, const CompiledExpr& expr)
{
    ExprRef ref{uint32_t(program.exprCode.size()), uint32_t(expr.code.size())};
    program.exprCode.insert(program.exprCode.end(), expr.code.begin(), expr.code.end());
    program.maxExprStack = std::max(program.maxExprStack, expr.stackNeed);
    return ref;
}

std::optional<int64_t> constantValue(const Program& program, ExprRef expr)
{
    if (expr.length == 1 && program.exprCode[expr.begin].code == ExprOpCode::Const)
        return program.exprCode[expr.begin].imm;
    return std::nullopt;
}

}  // namespace checker
