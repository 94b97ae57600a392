// Every statement form compiles to the expected code and runs to the expected result.

#include "ScenarioTestSupport.hpp"

#include "checker/program/Constants.hpp"

using namespace checker;
using namespace checker::test;

namespace {

std::vector<OpCode> opsOf(const Program& program, int32_t body = 0)
{
    std::vector<OpCode> ops;
    for (const Instr& instr : program.bodies[size_t(body)].code) ops.push_back(instr.op);
    return ops;
}

const StatementInfo& statementOf(const Program& program, size_t instr, int32_t body = 0)
{
    return program.statements.at(size_t(program.bodies[size_t(body)].code.at(instr).stmt));
}

}  // namespace

class StatementTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(StatementTest);
    CPPUNIT_TEST(emptyBodyIsOneEnd);
    CPPUNIT_TEST(letSetsALocal);
    CPPUNIT_TEST(localsAreDeclaredAnywhereInTheBody);
    CPPUNIT_TEST(selfIsSlotZero);
    CPPUNIT_TEST(ifElseBranches);
    CPPUNIT_TEST(whileLoops);
    CPPUNIT_TEST(forLoopsEvaluateBoundsOnce);
    CPPUNIT_TEST(forLoopVariableIsAnOrdinaryLocal);
    CPPUNIT_TEST(breakAndContinueLeaveTheInnermostLoop);
    CPPUNIT_TEST(returnEndsTheBody);
    CPPUNIT_TEST(assertAndAssume);
    CPPUNIT_TEST(loadAndStoreAreVisible);
    CPPUNIT_TEST(yieldIsVisible);
    CPPUNIT_TEST(everyInstructionNamesItsStatement);
    CPPUNIT_TEST(statementTexts);
    CPPUNIT_TEST(linesAreFoundDespiteCommentsAndEscapes);
    CPPUNIT_TEST(statusLocalsCompareWithNames);
    CPPUNIT_TEST(booleansAndIntegersAreExpressions);
    CPPUNIT_TEST_SUITE_END();

public:
    void emptyBodyIsOneEnd()
    {
        const Program program = load(withBody("[]"));
        CPPUNIT_ASSERT_EQUAL(size_t(1), program.bodies.size());
        CPPUNIT_ASSERT(opsOf(program) == std::vector<OpCode>{OpCode::End});
        CPPUNIT_ASSERT_EQUAL(uint32_t(1), program.bodies[0].localCount);
        CPPUNIT_ASSERT_EQUAL(std::string("self"), program.bodies[0].localNames[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("/threads/0/body"), statementOf(program, 0).pointer);
        CPPUNIT_ASSERT_EQUAL(std::string("end"), statementOf(program, 0).text);
    }

    void letSetsALocal()
    {
        const Program program = load(withBody(R"([{"let": "x", "value": "6 * 7"}, {"let": "y", "value": "x + 1"}])"));
        CPPUNIT_ASSERT((opsOf(program) == std::vector<OpCode>{OpCode::Let, OpCode::Let, OpCode::End}));
        CPPUNIT_ASSERT_EQUAL(int32_t(1), program.bodies[0].code[0].a);
        CPPUNIT_ASSERT_EQUAL(int64_t(43), finalLocal(program, "y"));
    }

    void localsAreDeclaredAnywhereInTheBody()
    {
        const Program program = load(withBody(R"([
            {"let": "a", "value": "b + 1"},
            {"if": false, "then": [{"let": "b", "value": 5}]},
            {"call": "ZwClose", "handle": 0, "status": "s"},
            {"for": "i", "from": 0, "below": 2, "do": [{"load": "v", "from": "g"}]}
        ])",
                                              R"("globals": {"g": 3})"));
        const std::vector<std::string> expected{"self", "a", "b", "s", "i", "v"};
        CPPUNIT_ASSERT(program.bodies[0].localNames == expected);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), finalLocal(program, "a"));
        CPPUNIT_ASSERT_EQUAL(int64_t(3), finalLocal(program, "v"));
    }

    void selfIsSlotZero()
    {
        const Program program = load(R"({"scenario": "t", "threads": [{"name": "R", "count": 3, "body": [
            {"let": "twice", "value": "self * 2"}]}]})");
        const Run run = runBody(program, 0, 2);
        CPPUNIT_ASSERT_EQUAL(int64_t(4), run.locals[size_t(slotOf(program, 0, "twice"))]);
        CPPUNIT_ASSERT_EQUAL(int64_t(3), program.threadDecls[0].count);
        CPPUNIT_ASSERT(program.threadDecls[0].counted);
    }

    void ifElseBranches()
    {
        const std::string body = R"([{"let": "x", "value": %}, {"if": "x > 1", "then": [{"let": "r", "value": 1}],
            "else": [{"let": "r", "value": 2}]}, {"if": "x == 5", "then": [{"let": "r", "value": "r + 10"}]}])";
        auto with = [&](const char* x) {
            std::string text = body;
            text.replace(text.find('%'), 1, x);
            return text;
        };
        const Program taken = load(withBody(with("5")));
        CPPUNIT_ASSERT(
            (opsOf(taken) == std::vector<OpCode>{OpCode::Let, OpCode::JumpIfFalse, OpCode::Let, OpCode::Jump,
                                                 OpCode::Let, OpCode::JumpIfFalse, OpCode::Let, OpCode::End}));
        CPPUNIT_ASSERT_EQUAL(int32_t(4), taken.bodies[0].code[1].a);
        CPPUNIT_ASSERT_EQUAL(int32_t(5), taken.bodies[0].code[3].a);
        CPPUNIT_ASSERT_EQUAL(int32_t(7), taken.bodies[0].code[5].a);
        CPPUNIT_ASSERT_EQUAL(int64_t(11), finalLocal(taken, "r"));
        CPPUNIT_ASSERT_EQUAL(int64_t(2), finalLocal(load(withBody(with("0"))), "r"));
    }

    void whileLoops()
    {
        const Program program = load(withBody(R"([{"let": "n", "value": 0}, {"let": "s", "value": 0},
            {"while": "n < 10", "do": [{"let": "n", "value": "n + 1"}, {"let": "s", "value": "s + n"}]}])"));
        CPPUNIT_ASSERT((opsOf(program) == std::vector<OpCode>{OpCode::Let, OpCode::Let, OpCode::JumpIfFalse,
                                                              OpCode::Let, OpCode::Let, OpCode::Jump, OpCode::End}));
        CPPUNIT_ASSERT_EQUAL(int32_t(6), program.bodies[0].code[2].a);
        CPPUNIT_ASSERT_EQUAL(int32_t(2), program.bodies[0].code[5].a);
        CPPUNIT_ASSERT_EQUAL(int64_t(55), finalLocal(program, "s"));
    }

    void forLoopsEvaluateBoundsOnce()
    {
        const Program constant = load(withBody(R"([{"for": "i", "from": 2, "below": "N", "do": [
            {"let": "s", "value": "s + i"}]}])",
                                               R"("params": {"N": 5})"));
        CPPUNIT_ASSERT_EQUAL(uint32_t(3), constant.bodies[0].localCount);
        CPPUNIT_ASSERT_EQUAL(int64_t(2 + 3 + 4), finalLocal(constant, "s"));
        CPPUNIT_ASSERT_EQUAL(int64_t(5), finalLocal(constant, "i"));

        const Program variable = load(withBody(R"([{"let": "n", "value": 4}, {"for": "i", "from": "n - 4",
            "below": "n", "do": [{"let": "n", "value": "n + 1"}, {"let": "c", "value": "c + 1"}]}])"));
        const std::vector<std::string> names{"self", "n", "i", "c", "i.below"};
        CPPUNIT_ASSERT(variable.bodies[0].localNames == names);
        CPPUNIT_ASSERT_EQUAL(int64_t(4), finalLocal(variable, "c"));
        CPPUNIT_ASSERT_EQUAL(int64_t(8), finalLocal(variable, "n"));

        const Program empty =
            load(withBody(R"([{"for": "i", "from": 3, "below": 1, "do": [{"let": "c", "value": 1}]}])"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), finalLocal(empty, "c"));
        CPPUNIT_ASSERT_EQUAL(int64_t(3), finalLocal(empty, "i"));
    }

    void forLoopVariableIsAnOrdinaryLocal()
    {
        const Program program = load(withBody(R"([{"for": "i", "from": 0, "below": 10, "do": [
            {"let": "c", "value": "c + 1"}, {"let": "i", "value": "i + 2"}]}])"));
        CPPUNIT_ASSERT_EQUAL(int64_t(4), finalLocal(program, "c"));
        CPPUNIT_ASSERT_EQUAL(int64_t(12), finalLocal(program, "i"));
    }

    void breakAndContinueLeaveTheInnermostLoop()
    {
        const Program program = load(withBody(R"([
            {"for": "i", "from": 0, "below": 5, "do": [
                {"if": "i == 1", "then": [{"continue": true}]},
                {"let": "j", "value": 0},
                {"while": "TRUE", "do": [
                    {"let": "j", "value": "j + 1"},
                    {"if": "j == 2", "then": [{"continue": true}]},
                    {"if": "j >= 3", "then": [{"break": true}]},
                    {"let": "inner", "value": "inner + 1"}]},
                {"if": "i == 3", "then": [{"break": true}]},
                {"let": "outer", "value": "outer + 1"}]}])"));
        const Run run = runBody(program, 0);
        CPPUNIT_ASSERT_EQUAL(int64_t(3), run.locals[size_t(slotOf(program, 0, "i"))]);
        CPPUNIT_ASSERT_EQUAL(int64_t(2), run.locals[size_t(slotOf(program, 0, "outer"))]);
        CPPUNIT_ASSERT_EQUAL(int64_t(3), run.locals[size_t(slotOf(program, 0, "inner"))]);
    }

    void returnEndsTheBody()
    {
        const Program program = load(withBody(R"([{"let": "x", "value": 1}, {"if": "x", "then": [{"return": true}]},
            {"let": "x", "value": 2}])"));
        CPPUNIT_ASSERT(program.bodies[0].code[2].op == OpCode::End);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), finalLocal(program, "x"));
    }

    void assertAndAssume()
    {
        const Program program = load(withBody(R"([{"let": "x", "value": 3},
            {"assume": "x > 0"}, {"assert": "x == 4", "message": "x is {x}, not {x + 1}"}])"));
        const Instr& check = program.bodies[0].code[2];
        CPPUNIT_ASSERT(check.op == OpCode::Assert);
        CPPUNIT_ASSERT(program.bodies[0].code[1].op == OpCode::Assume);
        const Run run = runBody(program, 0);
        CPPUNIT_ASSERT(run.assertionFailed);
        std::string message;
        CPPUNIT_ASSERT(expandTemplate(program, check.b, run.locals.data(), message) == EvalError::None);
        CPPUNIT_ASSERT_EQUAL(std::string("x is 3, not 4"), message);
        const Program assumed = load(withBody(R"([{"assume": 0}, {"assert": true}])"));
        CPPUNIT_ASSERT(runBody(assumed, 0).discarded);
        CPPUNIT_ASSERT_EQUAL(TemplateId(-1), assumed.bodies[0].code[1].b);
    }

    void loadAndStoreAreVisible()
    {
        const Program program = load(withBody(R"([{"store": "g[1]", "value": 5},
            {"load": "x", "from": "g[1]", "atomic": true}, {"store": "h", "value": "x + 1", "atomic": false},
            {"let": "k", "value": 2}, {"load": "y", "from": "g[k]"}])",
                                              R"("globals": {"h": 7, "g": {"array": 3, "init": -1}})"));
        const auto& code = program.bodies[0].code;
        CPPUNIT_ASSERT(code[0].op == OpCode::Store && !code[0].atomic);
        CPPUNIT_ASSERT(code[1].op == OpCode::Load && code[1].atomic);
        CPPUNIT_ASSERT_EQUAL(slotOf(program, 0, "x"), code[1].a);
        CPPUNIT_ASSERT(isVisible(OpCode::Load) && isVisible(OpCode::Store) && !isVisible(OpCode::Let));
        CPPUNIT_ASSERT_EQUAL(std::string("g"), program.globals[size_t(code[1].global.decl)].name);
        const Run run = runBody(program, 0);
        CPPUNIT_ASSERT_EQUAL(int64_t(5), run.locals[size_t(slotOf(program, 0, "x"))]);
        CPPUNIT_ASSERT_EQUAL(int64_t(-1), run.locals[size_t(slotOf(program, 0, "y"))]);
        CPPUNIT_ASSERT_EQUAL(uint32_t(4), program.globalSlots);
        CPPUNIT_ASSERT_EQUAL(int64_t(6), run.globals[program.globals[size_t(code[2].global.decl)].firstSlot]);
    }

    void yieldIsVisible()
    {
        const Program program = load(withBody(R"([{"yield": true, "label": "pause"}])"));
        CPPUNIT_ASSERT(program.bodies[0].code[0].op == OpCode::Yield);
        CPPUNIT_ASSERT_EQUAL(std::string("pause"), statementOf(program, 0).label);
        CPPUNIT_ASSERT_EQUAL(std::string("yield"), statementOf(program, 0).text);
    }

    void everyInstructionNamesItsStatement()
    {
        const Program program = load(withBody(R"([{"for": "i", "from": 0, "below": "j", "do": [
            {"if": "i", "then": [{"break": true}], "else": [{"continue": true}]}]}, {"while": 0, "do": []},
            {"let": "j", "value": 1}])"));
        for (const Instr& instr : program.bodies[0].code) {
            CPPUNIT_ASSERT(instr.stmt >= 0 && size_t(instr.stmt) < program.statements.size());
            if (instr.op == OpCode::Jump || instr.op == OpCode::JumpIfFalse)
                CPPUNIT_ASSERT(instr.a >= 0 && size_t(instr.a) < program.bodies[0].code.size());
        }
        CPPUNIT_ASSERT_EQUAL(std::string("/threads/0/body/0"), statementOf(program, 0).pointer);
        CPPUNIT_ASSERT(program.bodies[0].code.back().op == OpCode::End);
    }

    void statementTexts()
    {
        const Program program = load(withBody(R"([
            {"call": "ExAcquireFastMutex", "mutex": "M[i]"},
            {"load": "x", "from": "g[2]"},
            {"store": "g[0]", "value": "v + 1", "atomic": true},
            {"call": "ZwCreateFile", "path": "C:\\f_{i}.txt", "access": "GENERIC_WRITE", "share": 0,
             "disposition": "FILE_CREATE", "handle": "h", "status": "s"},
            {"let": "v", "value": 3},
            {"if": "v > 2", "then": []},
            {"for": "i", "from": 0, "below": 2, "do": []},
            {"assert": "v", "message": "m"}])",
                                              R"("objects": [{"name": "M", "type": "FAST_MUTEX", "array": 2}],
            "globals": {"g": {"array": 3}})"));
        std::vector<std::string> texts;
        for (const StatementInfo& info : program.statements) texts.push_back(info.text);
        const std::vector<std::string> expected{
            "ExAcquireFastMutex(M[i])",
            "x = load g[2]",
            "store atomic g[0] = v + 1",
            "s = ZwCreateFile(\"C:\\f_{i}.txt\", GENERIC_WRITE, 0, FILE_CREATE) -> h",
            "v = 3",
            "if (v > 2)",
            "for i from 0 below 2",
            "assert(v)",
            "end"};
        for (size_t i = 0; i < expected.size(); ++i) CPPUNIT_ASSERT_EQUAL(expected[i], texts.at(i));
    }

    void linesAreFoundDespiteCommentsAndEscapes()
    {
        const std::string text =
            "// a scenario\n{\"scenario\": \"t\", /* two\nlines */ \"description\": \"a \\\"{quoted\\\" [x]\",\n"
            "\"threads\": [{\"name\": \"T\",\n \"body\": [\n  {\"yield\": true},\n\n"
            "  {\"if\": 1, \"then\": [\n   {\"label\": \"l\", \"yield\": true}]}]}]}\n";
        const Program program = load(text);
        CPPUNIT_ASSERT_EQUAL(int32_t(6), statementOf(program, 0).line);
        CPPUNIT_ASSERT_EQUAL(int32_t(8), statementOf(program, 1).line);
        CPPUNIT_ASSERT_EQUAL(int32_t(9), statementOf(program, 2).line);
        CPPUNIT_ASSERT_EQUAL(std::string("/threads/0/body/1/then/0"), statementOf(program, 2).pointer);
        CPPUNIT_ASSERT_EQUAL(int32_t(5), program.statements.back().line);
    }

    void statusLocalsCompareWithNames()
    {
        const Program program = load(withBody(R"J([{"call": "ZwClose", "handle": 0, "status": "s"},
            {"let": "collision", "value": "s == STATUS_OBJECT_NAME_COLLISION"},
            {"let": "failed", "value": "!NT_SUCCESS(s)"}])J"));
        Run run;
        run.locals.assign(program.bodies[0].localCount, 0);
        run.locals[size_t(slotOf(program, 0, "s"))] = ntStatus(0xC0000035);
        int64_t value = 0;
        CPPUNIT_ASSERT(evalExpr(program, program.bodies[0].code[1].e1, run.locals.data(), value) == EvalError::None);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value);
        CPPUNIT_ASSERT(evalExpr(program, program.bodies[0].code[2].e1, run.locals.data(), value) == EvalError::None);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), value);
    }

    void booleansAndIntegersAreExpressions()
    {
        const Program program = load(withBody(R"([{"let": "t", "value": true}, {"let": "f", "value": false},
            {"let": "n", "value": -12}, {"let": "big", "value": 9223372036854775807}])"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), finalLocal(program, "t"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), finalLocal(program, "f"));
        CPPUNIT_ASSERT_EQUAL(int64_t(-12), finalLocal(program, "n"));
        CPPUNIT_ASSERT_EQUAL(INT64_MAX, finalLocal(program, "big"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(StatementTest);
