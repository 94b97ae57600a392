// The expression compiler and evaluator: precedence, short-circuit, C division, the EvalErrors,
// folding, NT_SUCCESS and the named constants, and every syntax error.

#include "checker/program/Constants.hpp"
#include "checker/program/Eval.hpp"
#include "checker/program/ExprCompiler.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

using namespace checker;

namespace {

// Binds a, b, c, d to local slots 0..3 and g to an invalid global.
NameBinding testNames(std::string_view name)
{
    if (name.size() == 1 && name[0] >= 'a' && name[0] <= 'd') return NameBinding::local(name[0] - 'a');
    if (name == "N") return NameBinding::constant(10);
    if (name == "g") return NameBinding::invalid("\"g\" is a global: load it into a local first");
    return {};
}

EvalError evaluate(const std::string& text, std::vector<int64_t> locals, int64_t& out)
{
    const CompiledExpr expr = compileExpr(text, testNames);
    CPPUNIT_ASSERT(expr.stackNeed <= kMaxExprStack);
    locals.resize(4);
    return evalCode(expr.code.data(), uint32_t(expr.code.size()), locals.data(), out);
}

int64_t value(const std::string& text, std::vector<int64_t> locals = {})
{
    int64_t out = 0;
    const EvalError error = evaluate(text, std::move(locals), out);
    CPPUNIT_ASSERT_MESSAGE(text + ": " + evalErrorMessage(error), error == EvalError::None);
    return out;
}

EvalError errorOf(const std::string& text, std::vector<int64_t> locals = {})
{
    int64_t out = 0;
    return evaluate(text, std::move(locals), out);
}

std::string compileFailure(const std::string& text)
{
    try {
        compileExpr(text, testNames);
    } catch (const CompileError& error) {
        return error.what();
    }
    CPPUNIT_FAIL("no compile error for: " + text);
    return {};
}

void assertFailure(const std::string& text, const std::string& expected)
{
    const std::string message = compileFailure(text);
    CPPUNIT_ASSERT_MESSAGE(text + " -> " + message, message.find(expected) != std::string::npos);
}

}  // namespace

class ExprTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ExprTest);
    CPPUNIT_TEST(precedenceMatchesC);
    CPPUNIT_TEST(evaluatorMatchesFolding);
    CPPUNIT_TEST(divisionTruncatesTowardZero);
    CPPUNIT_TEST(shortCircuitSkipsTheRightSide);
    CPPUNIT_TEST(overflowIsAnError);
    CPPUNIT_TEST(divisionByZeroIsAnError);
    CPPUNIT_TEST(shiftsOutOfRangeAreErrors);
    CPPUNIT_TEST(constantsFoldToOneOp);
    CPPUNIT_TEST(failingConstantsAreNotFolded);
    CPPUNIT_TEST(literals);
    CPPUNIT_TEST(ntSuccessLooksAtTheLow32Bits);
    CPPUNIT_TEST(statusConstantsAreSignExtended);
    CPPUNIT_TEST(flagConstantsHaveTheirRealValues);
    CPPUNIT_TEST(syntaxErrorsNameTheColumn);
    CPPUNIT_TEST(namesAreResolved);
    CPPUNIT_TEST(limitsAreErrors);
    CPPUNIT_TEST(appendPlacesTheCode);
    CPPUNIT_TEST(shortShapesEvaluateAsTheStackMachineDoes);
    CPPUNIT_TEST_SUITE_END();

public:
    void precedenceMatchesC()
    {
        CPPUNIT_ASSERT_EQUAL(int64_t(7), value("1 + 2 * 3"));
        CPPUNIT_ASSERT_EQUAL(int64_t(9), value("(1 + 2) * 3"));
        CPPUNIT_ASSERT_EQUAL(int64_t(5), value("10 - 3 - 2"));
        CPPUNIT_ASSERT_EQUAL(int64_t(2), value("100 / 10 / 5"));
        CPPUNIT_ASSERT_EQUAL(int64_t(8), value("1 << 2 + 1"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("1 < 2 == 1"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), value("2 < 3 < 1"));
        CPPUNIT_ASSERT_EQUAL(int64_t(11), value("6 & 3 ^ 1 | 8"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("1 || 0 && 0"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), value("(1 || 0) && 0"));
        CPPUNIT_ASSERT_EQUAL(int64_t(-6), value("-2 * 3"));
        CPPUNIT_ASSERT_EQUAL(int64_t(2), value("!0 + 1"));
        CPPUNIT_ASSERT_EQUAL(int64_t(-1), value("~0"));
        CPPUNIT_ASSERT_EQUAL(int64_t(3), value("- -3"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("!!7"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("1 & 3 == 3"));  // == binds tighter than &
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("5 > 4 != 0"));
    }

    void evaluatorMatchesFolding()
    {
        const std::vector<int64_t> locals{1, 2, 3, 0};
        CPPUNIT_ASSERT_EQUAL(int64_t(7), value("a + b * c", locals));
        CPPUNIT_ASSERT_EQUAL(int64_t(9), value("(a + b) * c", locals));
        CPPUNIT_ASSERT_EQUAL(int64_t(16), value("a << b + b", locals));
        CPPUNIT_ASSERT_EQUAL(int64_t((2 ^ 3) | 1), value("b ^ c | a", locals));
        CPPUNIT_ASSERT_EQUAL(int64_t(-3), value("-c", locals));
        CPPUNIT_ASSERT_EQUAL(int64_t(~2), value("~b", locals));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("!d", locals));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("a < b && b <= 2 && c >= 3 && c > b && a != b && a == 1", locals));
        CPPUNIT_ASSERT_EQUAL(int64_t(a_right_deep()), value("a + (b * (c - (a + (b - (c * (a + 1))))))", locals));
        CPPUNIT_ASSERT_EQUAL(int64_t(12), value("N + b", locals));
    }

    static int64_t a_right_deep() { return 1 + (2 * (3 - (1 + (2 - (3 * (1 + 1)))))); }

    void divisionTruncatesTowardZero()
    {
        CPPUNIT_ASSERT_EQUAL(int64_t(-3), value("a / b", {-7, 2}));
        CPPUNIT_ASSERT_EQUAL(int64_t(-1), value("a % b", {-7, 2}));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("a % b", {7, -2}));
        CPPUNIT_ASSERT_EQUAL(int64_t(-4), value("a >> 1", {-8}));
        CPPUNIT_ASSERT_EQUAL(int64_t(-1), value("a >> 63", {-8}));
    }

    void shortCircuitSkipsTheRightSide()
    {
        CPPUNIT_ASSERT_EQUAL(int64_t(0), value("a && b / c", {0, 1, 0}));
        CPPUNIT_ASSERT(errorOf("a && b / c", {1, 1, 0}) == EvalError::DivisionByZero);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("a || b / c", {1, 1, 0}));
        CPPUNIT_ASSERT(errorOf("a || b / c", {0, 1, 0}) == EvalError::DivisionByZero);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("a && b", {5, 7}));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), value("a || b", {0, 0}));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("a || b", {0, -4}));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("a && b || c", {0, 1, 1}));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), value("a && (b || c)", {0, 1, 1}));
        CPPUNIT_ASSERT_EQUAL(int64_t(3), value("(a || b) + (c && 1) + (a && c || 1)", {0, 2, 5}));
    }

    void overflowIsAnError()
    {
        CPPUNIT_ASSERT(errorOf("a + 1", {INT64_MAX}) == EvalError::Overflow);
        CPPUNIT_ASSERT(errorOf("a - 1", {INT64_MIN}) == EvalError::Overflow);
        CPPUNIT_ASSERT(errorOf("a * 2", {INT64_MAX / 2 + 1}) == EvalError::Overflow);
        CPPUNIT_ASSERT(errorOf("-a", {INT64_MIN}) == EvalError::Overflow);
        CPPUNIT_ASSERT(errorOf("a / b", {INT64_MIN, -1}) == EvalError::Overflow);
        CPPUNIT_ASSERT(errorOf("a % b", {INT64_MIN, -1}) == EvalError::Overflow);
        CPPUNIT_ASSERT(errorOf("a << 1", {int64_t(1) << 62}) == EvalError::Overflow);
        CPPUNIT_ASSERT(errorOf("1 << a", {63}) == EvalError::Overflow);
        CPPUNIT_ASSERT_EQUAL(INT64_MIN, value("-1 << a", {63}));
        CPPUNIT_ASSERT_EQUAL(int64_t(-8), value("a << 3", {-1}));
        CPPUNIT_ASSERT_EQUAL(INT64_MAX, value("a + 0", {INT64_MAX}));
        CPPUNIT_ASSERT(errorOf("9223372036854775807 + 1") == EvalError::Overflow);
        CPPUNIT_ASSERT_EQUAL(INT64_MIN, value("-9223372036854775807 - 1"));
    }

    void divisionByZeroIsAnError()
    {
        CPPUNIT_ASSERT(errorOf("a / b", {1, 0}) == EvalError::DivisionByZero);
        CPPUNIT_ASSERT(errorOf("a % b", {1, 0}) == EvalError::DivisionByZero);
        CPPUNIT_ASSERT(errorOf("1 / 0") == EvalError::DivisionByZero);
        CPPUNIT_ASSERT(errorOf("5 % (3 - 3)") == EvalError::DivisionByZero);
    }

    void shiftsOutOfRangeAreErrors()
    {
        CPPUNIT_ASSERT(errorOf("1 << a", {64}) == EvalError::ShiftRange);
        CPPUNIT_ASSERT(errorOf("1 << a", {-1}) == EvalError::ShiftRange);
        CPPUNIT_ASSERT(errorOf("1 >> a", {64}) == EvalError::ShiftRange);
        CPPUNIT_ASSERT(errorOf("1 >> -1") == EvalError::ShiftRange);
        CPPUNIT_ASSERT_EQUAL(int64_t(0), value("1 >> a", {63}));
    }

    void constantsFoldToOneOp()
    {
        for (const char* text : {"1 + 2 * 3", "N * N - 1", "(TRUE || a) ", "0 && a", "NT_SUCCESS(STATUS_TIMEOUT)",
                                 "-(3)", "!FALSE", "GENERIC_READ | GENERIC_WRITE", "0 && 1 / 0"}) {
            const CompiledExpr expr = compileExpr(text, testNames);
            CPPUNIT_ASSERT_MESSAGE(text, expr.constant().has_value());
        }
        CPPUNIT_ASSERT_EQUAL(int64_t(99), *compileExpr("N * N - 1", testNames).constant());
        CPPUNIT_ASSERT_EQUAL(int64_t(0x80000000 | 0x40000000),
                             *compileExpr("GENERIC_READ | GENERIC_WRITE", testNames).constant());
        CPPUNIT_ASSERT(!compileExpr("a + 1", testNames).constant());
        CPPUNIT_ASSERT(!compileExpr("1 && a", testNames).constant());
    }

    void failingConstantsAreNotFolded()
    {
        const CompiledExpr expr = compileExpr("1 + 1 / 0", testNames);
        CPPUNIT_ASSERT(!expr.constant());
        int64_t out = 0;
        CPPUNIT_ASSERT(evalCode(expr.code.data(), uint32_t(expr.code.size()), nullptr, out) ==
                       EvalError::DivisionByZero);
    }

    void literals()
    {
        CPPUNIT_ASSERT_EQUAL(int64_t(255), value("0xff"));
        CPPUNIT_ASSERT_EQUAL(int64_t(255), value("0XFF"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), value("0"));
        CPPUNIT_ASSERT_EQUAL(INT64_MAX, value("9223372036854775807"));
        CPPUNIT_ASSERT_EQUAL(INT64_MAX, value("0x7FFFFFFFFFFFFFFF"));
        CPPUNIT_ASSERT_EQUAL(int64_t(3221225480), value("0xC0000008"));
        CPPUNIT_ASSERT_EQUAL(int64_t(3), value(" \t(\n1 + 2 ) "));
    }

    void ntSuccessLooksAtTheLow32Bits()
    {
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("NT_SUCCESS(STATUS_SUCCESS)"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("NT_SUCCESS(STATUS_TIMEOUT)"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("NT_SUCCESS(STATUS_PENDING)"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), value("NT_SUCCESS(STATUS_INVALID_HANDLE)"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), value("NT_SUCCESS(0xC0000008)"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), value("NT_SUCCESS(a)", {ntStatus(0xC0000034)}));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("NT_SUCCESS(a)", {ntStatus(0x00000102)}));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), value("!NT_SUCCESS(a + 0)", {0}));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("a == STATUS_OBJECT_NAME_COLLISION", {ntStatus(0xC0000035)}));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("a < 0", {ntStatus(0xC0000035)}));
    }

    void statusConstantsAreSignExtended()
    {
        const std::vector<std::pair<const char*, uint32_t>> codes{
            {"STATUS_SUCCESS", 0},
            {"STATUS_WAIT_0", 0},
            {"STATUS_ABANDONED", 0x80},
            {"STATUS_ABANDONED_WAIT_0", 0x80},
            {"STATUS_USER_APC", 0xC0},
            {"STATUS_ALERTED", 0x101},
            {"STATUS_TIMEOUT", 0x102},
            {"STATUS_PENDING", 0x103},
            {"STATUS_MUTANT_NOT_OWNED", 0xC0000046},
            {"STATUS_SEMAPHORE_LIMIT_EXCEEDED", 0xC0000047},
            {"STATUS_MUTANT_LIMIT_EXCEEDED", 0xC0000191},
            {"STATUS_END_OF_FILE", 0xC0000011},
            {"STATUS_INVALID_HANDLE", 0xC0000008},
            {"STATUS_INVALID_PARAMETER", 0xC000000D},
            {"STATUS_INVALID_DEVICE_REQUEST", 0xC0000010},
            {"STATUS_ACCESS_DENIED", 0xC0000022},
            {"STATUS_OBJECT_TYPE_MISMATCH", 0xC0000024},
            {"STATUS_OBJECT_NAME_INVALID", 0xC0000033},
            {"STATUS_OBJECT_NAME_NOT_FOUND", 0xC0000034},
            {"STATUS_OBJECT_NAME_COLLISION", 0xC0000035},
            {"STATUS_OBJECT_PATH_NOT_FOUND", 0xC000003A},
            {"STATUS_OBJECT_PATH_SYNTAX_BAD", 0xC000003B},
            {"STATUS_SHARING_VIOLATION", 0xC0000043},
            {"STATUS_DELETE_PENDING", 0xC0000056},
            {"STATUS_FILE_IS_A_DIRECTORY", 0xC00000BA},
            {"STATUS_NOT_SAME_DEVICE", 0xC00000D4},
            {"STATUS_DIRECTORY_NOT_EMPTY", 0xC0000101},
            {"STATUS_NOT_A_DIRECTORY", 0xC0000103},
            {"STATUS_CANNOT_DELETE", 0xC0000121},
        };
        for (const auto& [name, code] : codes) {
            CPPUNIT_ASSERT_MESSAGE(name, namedConstant(name).has_value());
            CPPUNIT_ASSERT_EQUAL_MESSAGE(name, int64_t(int32_t(code)), *namedConstant(name));
        }
        CPPUNIT_ASSERT_EQUAL(int64_t(-1073741816), *namedConstant("STATUS_INVALID_HANDLE"));
    }

    void flagConstantsHaveTheirRealValues()
    {
        const std::vector<std::pair<const char*, int64_t>> flags{
            {"TRUE", 1},
            {"FALSE", 0},
            {"NULL", 0},
            {"GENERIC_READ", 0x80000000},
            {"GENERIC_WRITE", 0x40000000},
            {"GENERIC_ALL", 0x10000000},
            {"FILE_READ_DATA", 1},
            {"FILE_WRITE_DATA", 2},
            {"FILE_APPEND_DATA", 4},
            {"DELETE", 0x10000},
            {"SYNCHRONIZE", 0x100000},
            {"FILE_GENERIC_READ", 0x120089},
            {"FILE_GENERIC_WRITE", 0x120116},
            {"FILE_ALL_ACCESS", 0x1F01FF},
            {"FILE_READ_ATTRIBUTES", 0x80},
            {"MAXIMUM_ALLOWED", 0x02000000},
            {"FILE_SHARE_READ", 1},
            {"FILE_SHARE_WRITE", 2},
            {"FILE_SHARE_DELETE", 4},
            {"FILE_SUPERSEDE", 0},
            {"FILE_OPEN", 1},
            {"FILE_CREATE", 2},
            {"FILE_OPEN_IF", 3},
            {"FILE_OVERWRITE", 4},
            {"FILE_OVERWRITE_IF", 5},
            {"FILE_DIRECTORY_FILE", 1},
            {"FILE_SYNCHRONOUS_IO_NONALERT", 0x20},
            {"FILE_NON_DIRECTORY_FILE", 0x40},
            {"FILE_DELETE_ON_CLOSE", 0x1000},
            {"FILE_SUPERSEDED", 0},
            {"FILE_OPENED", 1},
            {"FILE_CREATED", 2},
            {"FILE_OVERWRITTEN", 3},
            {"FILE_EXISTS", 4},
            {"FILE_DOES_NOT_EXIST", 5},
        };
        for (const auto& [name, expected] : flags) {
            CPPUNIT_ASSERT_MESSAGE(name, namedConstant(name).has_value());
            CPPUNIT_ASSERT_EQUAL_MESSAGE(name, expected, *namedConstant(name));
        }
        CPPUNIT_ASSERT(!namedConstant("STATUS_NOPE"));
        CPPUNIT_ASSERT_EQUAL(size_t(3), flagNames(FlagGroup::Share).size());
        CPPUNIT_ASSERT_EQUAL(size_t(6), flagNames(FlagGroup::Disposition).size());
    }

    void syntaxErrorsNameTheColumn()
    {
        assertFailure("", "empty expression");
        assertFailure("   ", "empty expression");
        assertFailure("1 +", "expected a value at the end");
        assertFailure("1 + $", "expected a value, found '$' at column 5");
        assertFailure("(1", "expected ')' at the end");
        assertFailure("1)", "unmatched ')' at column 2");
        assertFailure("a = 1", "'=' is not an operator (compare with ==) at column 3");
        assertFailure("1 2", "expected an operator, found '2' at column 3");
        assertFailure("foo(1)", "unknown function \"foo\"");
        assertFailure("NT_SUCCESS", "NT_SUCCESS needs an argument");
        assertFailure("NT_SUCCESS(1", "expected ')' closing NT_SUCCESS(");
        assertFailure("010", "may not start with 0");
        assertFailure("0x", "malformed integer literal at column 1");
        assertFailure("0xg", "malformed integer literal");
        assertFailure("12abc", "unexpected 'a' after an integer literal at column 3");
        assertFailure("99999999999999999999", "out of the 64-bit signed range");
        assertFailure("0x8000000000000000", "out of the 64-bit signed range");
        assertFailure("1 +* 2", "expected a value, found '*' at column 4");
        assertFailure("a ? b : c", "expected an operator, found '?'");
        assertFailure("a ** b", "expected a value, found '*'");
    }

    void namesAreResolved()
    {
        assertFailure("x + 1", "unknown name \"x\" at column 1");
        assertFailure("1 + g", "\"g\" is a global: load it into a local first at column 5");
        CPPUNIT_ASSERT_EQUAL(int64_t(20), value("N + N"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value("TRUE"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), value("NULL"));
    }

    void limitsAreErrors()
    {
        std::string nested = std::string(64, '(') + "1" + std::string(64, ')');
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value(nested));
        nested = "(" + nested + ")";
        assertFailure(nested, "nested deeper than 64 levels at column 65");
        assertFailure(std::string(65, '-') + "1", "nested deeper than 64 levels");
        assertFailure(std::string(kMaxExprText + 1, ' ') + "1", "longer than 4096 characters");
        std::string complex = "a";
        for (int i = 0; i < 40; ++i) complex = "a || a && a | a ^ a & a == a < a << a + a * (" + complex + ")";
        assertFailure(complex, "too complex");
        std::string deepButSmall = "a";
        for (int i = 0; i < 20; ++i)
            deepButSmall = "a || a && a | a ^ a & a == a < a << a + a * (" + deepButSmall + ")";
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value(deepButSmall, {1}));
    }

    void appendPlacesTheCode()
    {
        Program program;
        const ExprRef first = appendExpr(program, compileExpr("a + 1", testNames));
        const ExprRef second = appendExpr(program, compileExpr("(a || b) && c", testNames));
        CPPUNIT_ASSERT_EQUAL(uint32_t(0), first.begin);
        CPPUNIT_ASSERT_EQUAL(uint32_t(3), first.length);
        CPPUNIT_ASSERT_EQUAL(uint32_t(3), second.begin);
        const int64_t locals[4] = {0, 1, 1, 0};
        int64_t out = 0;
        CPPUNIT_ASSERT(evalExpr(program, second, locals, out) == EvalError::None);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), out);
        CPPUNIT_ASSERT(evalExpr(program, first, locals, out) == EvalError::None);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), out);
        CPPUNIT_ASSERT(program.maxExprStack >= 2);
        CPPUNIT_ASSERT(!constantValue(program, first));
        const ExprRef constant = appendExpr(program, constantExpr(42));
        CPPUNIT_ASSERT_EQUAL(int64_t(42), *constantValue(program, constant));
    }

    // evalExpr takes a short cut for `x`, `x op y` (x, y a local or a constant): the same values
    // and the same errors as evalCode, for every binary operator at the edges of int64.
    // evalExpr's short cuts and the decoded forms the interpreter runs (evalSimple's among them) give
    // what the stack machine gives.
    void shortShapesEvaluateAsTheStackMachineDoes()
    {
        const char* ops[] = {"*", "/", "%", "+", "-", "<<", ">>", "<", "<=", ">", ">=", "==", "!=", "&", "^", "|"};
        const int64_t values[] = {0, 1, -1, 2, 63, 64, -64, 7, INT64_MAX, INT64_MIN};
        for (const char* op : ops)
            for (const char* shape : {"a OP b", "a OP 3", "-9 OP b", "a", "b", "5", "(a OP b) OP 2"}) {
                std::string text = shape;
                for (size_t at = text.find("OP"); at != std::string::npos; at = text.find("OP")) text.replace(at, 2, op);
                const CompiledExpr compiled = compileExpr(text, testNames);
                Program program;
                const ExprRef ref = appendExpr(program, compiled);
                for (int64_t a : values)
                    for (int64_t b : values) {
                        const int64_t locals[4] = {a, b, 0, 0};
                        int64_t slow = 0, fast = 0;
                        const EvalError slowError = evalCode(compiled.code.data(), uint32_t(compiled.code.size()), locals, slow);
                        const EvalError fastError = evalExpr(program, ref, locals, fast);
                        CPPUNIT_ASSERT_MESSAGE(text, slowError == fastError);
                        if (slowError == EvalError::None) CPPUNIT_ASSERT_EQUAL_MESSAGE(text, slow, fast);
                        int64_t decoded = 0;
                        const DecodedExpr decodedExpr = decodeExpr(program, ref);
                        const EvalError decodedError = evalDecoded(program, decodedExpr, locals, decoded);
                        CPPUNIT_ASSERT_MESSAGE(text, slowError == decodedError);
                        if (slowError == EvalError::None) CPPUNIT_ASSERT_EQUAL_MESSAGE(text, slow, decoded);
                        // evalSimple answers for its four forms unless they fail, and then as evalDecoded.
                        int64_t simple = 0;
                        const bool answered = evalSimple(decodedExpr, locals, simple);
                        const bool simpleForm = decodedExpr.form == DecodedExpr::Form::Value ||
                                                decodedExpr.form == DecodedExpr::Form::Local ||
                                                decodedExpr.form == DecodedExpr::Form::LocalLtValue ||
                                                decodedExpr.form == DecodedExpr::Form::LocalAddValue;
                        CPPUNIT_ASSERT_MESSAGE(text, answered == (simpleForm && decodedError == EvalError::None));
                        if (answered) CPPUNIT_ASSERT_EQUAL_MESSAGE(text, decoded, simple);
                    }
            }
        Program none;
        int64_t empty = 7;
        CPPUNIT_ASSERT(evalDecoded(none, decodeExpr(none, ExprRef{}), nullptr, empty) == EvalError::None);
        CPPUNIT_ASSERT_EQUAL(int64_t(0), empty);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ExprTest);
