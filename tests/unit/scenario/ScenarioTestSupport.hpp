#pragma once
// Helpers for the scenario tests: load inline JSON, expect an InputError at a pointer, and a tiny
// stepper that runs a body's code with visible operations reduced to plain effects (Load/Store
// on a local copy of the globals, Call and Yield recorded), so that compiled control flow can be
// checked by its results.

#include "checker/program/Eval.hpp"
#include "checker/scenario/InputError.hpp"
#include "checker/scenario/ScenarioLoader.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

namespace checker::test {

inline Program load(const std::string& json, const LoadOptions& options = {})
{
    try {
        return loadScenarioText(json, "test.json", options);
    } catch (const InputError& error) {
        CPPUNIT_FAIL(std::string("unexpected InputError: ") + error.what());
    }
    return {};
}

// Loads `json` and requires an InputError at `pointer` whose problem contains `substring`.
inline void expectError(const std::string& json, const std::string& pointer, const std::string& substring,
                        const LoadOptions& options = {})
{
    try {
        loadScenarioText(json, "test.json", options);
    } catch (const InputError& error) {
        const std::string what = error.what();
        CPPUNIT_ASSERT_EQUAL_MESSAGE(what, pointer, error.pointer());
        CPPUNIT_ASSERT_MESSAGE(what + "\n   does not contain: " + substring,
                               what.find(substring) != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(what, what.find('\n') == std::string::npos);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(what, std::string("test.json: ") + pointer + ": ",
                                     what.substr(0, 13 + pointer.size()));
        return;
    }
    CPPUNIT_FAIL("no InputError for: " + json);
}

// A scenario with one thread whose body is `body` (a JSON array), plus `extra` top-level members.
inline std::string withBody(const std::string& body, const std::string& extra = "")
{
    return R"({"scenario": "t", )" + extra + (extra.empty() ? "" : ", ") + R"("threads": [{"name": "T", "body": )" +
           body + "}]}";
}

struct Run {
    std::vector<int64_t> locals;
    std::vector<int64_t> globals;
    std::vector<int32_t> calls;       // call indexes, in order
    std::vector<std::string> events;  // "assert", "assume", "yield", "load", "store", "call"
    EvalError error = EvalError::None;
    bool assertionFailed = false;
    bool discarded = false;
    size_t steps = 0;
};

inline int64_t eval(const Program& program, ExprRef expr, Run& run)
{
    int64_t value = 0;
    const EvalError error = evalExpr(program, expr, run.locals.data(), value);
    if (error != EvalError::None && run.error == EvalError::None) run.error = error;
    return value;
}

inline size_t globalSlot(const Program& program, const GlobalRef& ref, Run& run)
{
    const GlobalDecl& decl = program.globals[size_t(ref.decl)];
    return decl.firstSlot + size_t(ref.index.empty() ? 0 : eval(program, ref.index, run));
}

// Runs body `body` from the start to its End (or a failed assert/assume, or an eval error).
inline Run runBody(const Program& program, int32_t body, int64_t self = 0)
{
    const Body& code = program.bodies[size_t(body)];
    Run run;
    run.locals.assign(code.localCount, 0);
    run.locals[0] = self;
    run.globals.assign(program.globalSlots, 0);
    for (const GlobalDecl& decl : program.globals)
        for (uint32_t k = 0; k < decl.size; ++k) run.globals[decl.firstSlot + k] = decl.init;
    for (size_t pc = 0; run.steps < 100000 && run.error == EvalError::None; ++run.steps) {
        const Instr& in = code.code.at(pc++);
        switch (in.op) {
        case OpCode::Let: run.locals[size_t(in.a)] = eval(program, in.e1, run); break;
        case OpCode::Jump: pc = size_t(in.a); break;
        case OpCode::JumpIfFalse:
            if (!eval(program, in.e1, run)) pc = size_t(in.a);
            break;
        case OpCode::Assert:
            run.events.push_back("assert");
            if (!eval(program, in.e1, run)) {
                run.assertionFailed = true;
                return run;
            }
            break;
        case OpCode::Assume:
            run.events.push_back("assume");
            if (!eval(program, in.e1, run)) {
                run.discarded = true;
                return run;
            }
            break;
        case OpCode::End: return run;
        case OpCode::Load:
            run.events.push_back("load");
            run.locals[size_t(in.a)] = run.globals.at(globalSlot(program, in.global, run));
            break;
        case OpCode::Store: {
            run.events.push_back("store");
            const int64_t value = eval(program, in.e1, run);
            run.globals.at(globalSlot(program, in.global, run)) = value;
            break;
        }
        case OpCode::Yield: run.events.push_back("yield"); break;
        case OpCode::Call:
            run.events.push_back("call");
            run.calls.push_back(in.a);
            break;
        }
    }
    return run;
}

// The slot of local `name` in body `body`.
inline int32_t slotOf(const Program& program, int32_t body, const std::string& name)
{
    const auto& names = program.bodies[size_t(body)].localNames;
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return int32_t(i);
    CPPUNIT_FAIL("no local " + name);
    return -1;
}

// The value of local `name` after running the first thread's body.
inline int64_t finalLocal(const Program& program, const std::string& name)
{
    const Run run = runBody(program, 0);
    CPPUNIT_ASSERT(run.error == EvalError::None);
    return run.locals[size_t(slotOf(program, 0, name))];
}

}  // namespace checker::test
