#pragma once
// Runs a Program's threads one visible step at a time.
//
// Protocol: after init() and after every step(), every live thread is *parked* at its next visible
// operation with its arguments evaluated (ThreadState::pending), so enabled() and footprint() can
// be asked of any thread at any time. step(t) runs t's pending operation, then t's invisible
// instructions (locals, arithmetic, branches, asserts) up to its next visible operation. A thread
// whose body ends parks at an implicit exit operation; running it ends the thread.

#include "checker/exec/CallModel.hpp"
#include "checker/exec/Footprint.hpp"
#include "checker/exec/World.hpp"
#include "checker/program/Eval.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace checker {

struct InterpreterLimits {
    // Invisible instructions a thread may run between two visible operations before the run is
    // judged a livelock (a loop that never reaches a scheduling point).
    uint64_t maxInvisiblePerStep = 1'000'000;
};

class Interpreter {
public:
    Interpreter(const Program& program, InterpreterLimits limits = {});

    // Resets `world` to the initial state: objects, globals, the autostart threads (parked).
    // Problems found while parking (e.g. an assert at the top of a thread) go to `effects`.
    void init(World& world, StepEffects& effects) const;

    bool alive(const World& world, ThreadId t) const
    {
        return world.threads[t].status != ThreadStatus::Done;
    }
    // Whether thread t can take its next step now. Inline, with a pending call first: the
    // explorer asks it of the thread it runs at nearly every step.
    bool enabled(const World& world, ThreadId t) const
    {
        const ThreadState& th = world.threads[t];
        if (th.status == ThreadStatus::Done || th.waiting) return false;
        if (th.pending.kind == PendingKind::Call) [[likely]]
            return !zwHangs(th) && (th.pending.model->alwaysEnabled() || th.pending.model->enabled(world, t, th.pending));
        return th.pending.kind != PendingKind::Gate || gateOpen(world);
    }
    // The footprint of t's next step in the current state. Inline for a pending call in a
    // program without APCs (nearly every step: it is then the call model's footprint alone).
    void footprint(const World& world, ThreadId t, Footprint& out) const
    {
        out.clear();
        const PreparedOp& op = world.threads[t].pending;
        if (op.kind == PendingKind::Call && noApcs_) [[likely]]
            op.model->footprint(world, t, op, out);
        else
            footprintOtherwise(world, t, out);
    }
    // What a parked, disabled thread waits for.
    WaitInfo waitInfo(const World& world, ThreadId t) const;

    // Runs t's next step (t must be enabled). Issues raised go to `effects` (cleared first).
    // Inline for a call that raises nothing and wakes, blocks and creates no thread (nearly every
    // step): the call's model runs, then t parks at its next operation.
    void step(World& world, ThreadId t, StepEffects& effects) const
    {
        effects.clear();
        PreparedOp& op = world.threads[t].pending;
        if (op.kind != PendingKind::Call) [[unlikely]] {
            stepOther(world, t, effects);
            return;
        }
        op.model->execute(world, t, op, effects);
        if (effects.issues.empty() && !effects.blocked && effects.released.empty() && effects.woken.empty() &&
            effects.createdThread < 0) [[likely]] {
            world.threads[t].frame().pc++;
            park(world, t, effects);
            return;
        }
        afterStep(world, t, effects);
    }

    // APC delivery (SCENARIO_FORMAT.md "APCs", SEMANTICS.md §5.4). APC k is delivered at most once,
    // to its target thread, at a scheduling point where the target is alive and may receive a
    // normal kernel APC: IRQL PASSIVE, no critical or guarded region (owning a KMUTEX counts as a
    // critical region), not already running an APC. Its body runs on the target thread.
    uint32_t apcCount() const { return apcCount_; }
    bool apcDeliverable(const World& world, uint32_t k) const;
    // Whether thread th may receive a normal kernel APC now (the conditions above).
    static bool canReceiveApc(const ThreadState& th);
    // Whether some declared APC targets thread t (its steps then touch its ApcSlot).
    bool isApcTarget(const World& world, ThreadId t) const;
    int32_t apcTarget(const World& world, uint32_t k) const;
    void apcFootprint(const World& world, uint32_t k, Footprint& out) const;
    void deliverApc(World& world, uint32_t k, StepEffects& effects) const;

    const Program& program() const { return program_; }

    // A short rendering of t's pending operation ("ExAcquireFastMutex(M[1])", "exit").
    std::string describePending(const World& world, ThreadId t) const;

    // The DriverEntry thread, or -1 (none declared, or not created yet).
    int32_t driverEntryThread(const World& world) const;
    // Whether the unload routine may start: DriverEntry (if declared) has ended.
    bool gateOpen(const World& world) const;

private:
    // Zw* calls wait for their I/O completion, a special kernel APC (SEMANTICS.md §5.4.2): one
    // made with special kernel APCs disabled never completes. The thread's state is tested first,
    // as a branch of its own: it rules the hang out at nearly every step (as one expression, the
    // compiler evaluated all of it).
    static bool zwHangs(const ThreadState& th)
    {
        if (th.specialApcDisable <= 0 && th.irql == Irql::Passive) [[likely]]
            return false;
        return th.pending.kind == PendingKind::Call && th.pending.api >= Api::ZwCreateFile && th.pending.api < Api::Count_;
    }
    // footprint() when the pending operation is not a call or the program declares APCs.
    void footprintOtherwise(const World& world, ThreadId t, Footprint& out) const;
    // footprint() of t's pending operation itself, when it is not a call.
    void operationFootprint(const World& world, ThreadId t, Footprint& out) const;
    void createThread(World& world, int32_t decl, int64_t instance, StepEffects& effects) const;
    // step() of an operation that is not a call.
    void stepOther(World& world, ThreadId t, StepEffects& effects) const;
    // What step() does after t's operation ran: the threads it released or woke, t parked or
    // waiting, a created thread parked.
    void afterStep(World& world, ThreadId t, StepEffects& effects) const;
    void park(World& world, ThreadId t, StepEffects& effects) const;
    bool prepare(World& world, ThreadId t, const Instr& instr, StepEffects& effects) const;
    bool prepareCall(World& world, ThreadId t, uint32_t callIndex, int32_t stmt, StepEffects& effects) const;
    // Inline: loop conditions, counters and handles are evaluated at nearly every step.
    bool evalInto(World& world, ThreadId t, ExprRef e, int32_t stmt, int64_t& out, StepEffects& effects) const
    {
        EvalError err = evalExpr(program_, e, world.threads[t].locals(), out);
        if (err == EvalError::None) [[likely]]
            return true;
        raiseEvalError(effects, t, stmt, err);
        return false;
    }
    bool evalInto(const int64_t* locals, ThreadId t, const DecodedExpr& e, int32_t stmt, int64_t& out,
                  StepEffects& effects) const
    {
        EvalError err = evalDecoded(program_, e, locals, out);
        if (err == EvalError::None) [[likely]]
            return true;
        raiseEvalError(effects, t, stmt, err);
        return false;
    }
    static void raiseEvalError(StepEffects& effects, ThreadId t, int32_t stmt, EvalError err);
    bool resolveIndex(World& world, ThreadId t, const ObjRef& ref, bool global, int32_t stmt,
                      uint32_t& out, StepEffects& effects) const;
    // Raises the runtime error of `index` out of range for the declaration `ref` names.
    void raiseOutOfRange(StepEffects& effects, ThreadId t, int32_t stmt, int64_t index, const ObjRef& ref,
                         bool global) const;
    void runExit(World& world, ThreadId t, StepEffects& effects) const;

    // An object or global reference resolved as far as it can be before running: its declaration's
    // first id (or slot) and size, and its index decoded.
    struct PlannedRef {
        const ObjRef* ref = nullptr;   // nullptr: the call gives none
        bool global = false;
        uint32_t first = 0, size = 1;
        DecodedExpr index;
    };
    PlannedRef planRef(const ObjRef& ref, bool global) const;
    bool resolvePlanned(const PlannedRef& ref, const int64_t* locals, ThreadId t, int32_t stmt, uint32_t& out,
                        StepEffects& effects) const;

    // What preparing a call does, worked out once per call of the program: its model, and the
    // operands it gives (most calls give two or three of the thirteen expressions and three
    // templates: preparing one is on every step's path).
    struct CallPlan {
        const CallInstr* call = nullptr;
        const CallModel* model = nullptr;
        PlannedRef object, target;
        bool plain = true;   // no object, target, object list or thread: nothing but operands and texts
        uint32_t exprCount = 0;
        std::array<std::pair<DecodedExpr, int64_t PreparedOp::*>, 13> exprs{};
        struct Text {
            enum class Kind : uint8_t { Absent, Constant, Template } kind = Kind::Absent;
            TemplateId id = -1;
            const std::string* constant = nullptr;   // the whole text, when it has no {expression}
        };
        Text path, data, renameTarget;
        // Whether preparing the call again over an operation that holds it in full
        // (PreparedOp::preparedCall) need only re-read the locals it gives as operands: it is
        // plain, has no template text and every operand is a value or a local, so nothing else
        // can differ and nothing can fail.
        bool repeatable = false;
        uint32_t localCount = 0;
        std::array<std::pair<int64_t, int64_t PreparedOp::*>, 13> locals{};   // (slot, operand)
    };
    // prepare() of call `callIndex` over an operation that holds it in full, when it is
    // repeatable: re-reads its locals (the rest, its statement and instruction included, is as
    // that preparation left it: a call instruction is the only one with its CallInstr) and
    // returns true; false (nothing changed) otherwise. Inline: a call in a loop is prepared at
    // nearly every step.
    bool prepareAgain(PreparedOp& op, uint32_t callIndex, const int64_t* locals) const
    {
        const CallPlan& plan = plans_[callIndex];
        if (op.preparedCall != plan.call) return false;
        for (uint32_t k = 0; k < plan.localCount; ++k) op.*plan.locals[k].second = locals[plan.locals[k].first];
        return true;
    }
    // Sets `out` to `text` for t's pending call; false (a runtime error raised) when an expression
    // in it fails.
    bool prepareText(const CallPlan::Text& text, const int64_t* locals, ThreadId t, int32_t stmt, std::string& out,
                     const std::string*& source, StepEffects& effects) const;
    // The part of preparing a call that a plain call skips: its objects and thread.
    bool prepareReferences(World& world, ThreadId t, const CallInstr& call, const CallPlan& plan, int32_t stmt,
                           StepEffects& effects) const;
    CallPlan planOf(const CallInstr& call) const;

    // An invisible instruction as park() runs it: its expression decoded once, when the program
    // is loaded (a loop's test and counter run at nearly every step). Visible instructions keep
    // only their opcode here; prepare() reads them from the Program.
    struct PlannedInstr {
        // How park runs it: a loop's jump, counter and test in one dispatch each (the counter
        // goes the general way when it overflows); Other: by op and e1.form. CounterJumpTest: a
        // counter followed by a jump to a test (a `for` loop's back edge), all three in one
        // dispatch when the budget allows them and the counter does not overflow.
        enum class Fast : uint8_t { Other, Jump, LetLocalAddValue, JumpIfNotLocalLtValue, CounterJumpTest };
        OpCode op = OpCode::End;
        Fast fast = Fast::Other;
        int32_t a = -1;
        int32_t stmt = -1;
        int32_t test = -1;   // CounterJumpTest: the test's pc
        DecodedExpr e1;
        const Instr* instr = nullptr;   // the Program's instruction (prepare() reads a visible one)
    };
    static PlannedInstr planInstr(const Program& program, const Instr& in);
    // Marks each counter that jumps to a test (CounterJumpTest) in a planned body.
    static void planBackEdges(std::vector<PlannedInstr>& body);
    // Raises the finding of a false assert or assume (code[pc] of t's running frame).
    void raiseCheckFailure(World& world, ThreadId t, const Instr& in, StepEffects& effects) const;

    const Program& program_;
    InterpreterLimits limits_;
    uint32_t apcCount_;   // the program's APCs (the explorer and footprint() ask at nearly every step)
    bool noApcs_;
    std::vector<CallPlan> plans_;   // per Program::calls entry
    std::vector<std::vector<PlannedInstr>> plannedBodies_;   // per Program::bodies entry
};

// Raises a runtime_error issue for thread t at statement stmt.
void raiseRuntimeError(StepEffects& effects, ThreadId t, int32_t stmt, std::string message);

}  // namespace checker
