#include "checker/exec/Interpreter.hpp"

#include "checker/program/Eval.hpp"
#include "checker/program/Invariant.hpp"
#include "models/fs/FsHooks.hpp"

#include <algorithm>

namespace checker {

namespace {

const char* evalErrorText(EvalError e)
{
    switch (e) {
    case EvalError::DivisionByZero: return "division by zero";
    case EvalError::Overflow: return "integer overflow";
    case EvalError::ShiftRange: return "shift count out of range";
    case EvalError::None: break;
    }
    return "evaluation error";
}

std::string threadDisplayName(const ThreadDecl& decl, int64_t instance)
{
    if (decl.counted || (!decl.autostart && instance > 0))
        return decl.name + "[" + std::to_string(instance) + "]";
    return decl.name;
}

void raiseIssue(StepEffects& effects, ModelIssue::Kind kind, ThreadId t, int32_t stmt,
                std::string message)
{
    ModelIssue issue;
    issue.kind = kind;
    issue.thread = int32_t(t);
    issue.stmt = stmt;
    issue.message = std::move(message);
    issue.stopsExecution = true;
    effects.issues.push_back(std::move(issue));
}

void initObjects(const Program& program, World& world)
{
    world.objects.assign(program.objectCount, ObjectState{});
    for (const auto& decl : program.objects)
        for (uint32_t k = 0; k < decl.size; ++k) initObjectState(decl, world.objects[decl.firstId + k]);
}

// The unload routine's thread (SCENARIO_FORMAT.md "Lifecycle"): it exists from the start and
// waits at an implicit gate until DriverEntry (if any) has ended.
void addUnloadThread(const Program& program, World& world)
{
    ThreadState thread;
    thread.name = "DriverUnload";
    Frame frame;
    frame.body = program.unloadBody;
    frame.locals.assign(std::max<uint32_t>(1, program.bodies[size_t(program.unloadBody)].localCount), 0);
    thread.frames.push_back(std::move(frame));
    thread.pending.kind = PendingKind::Gate;
    world.threads.push_back(std::move(thread));
}

}  // namespace

void raiseRuntimeError(StepEffects& effects, ThreadId t, int32_t stmt, std::string message)
{
    raiseIssue(effects, ModelIssue::Kind::RuntimeError, t, stmt, std::move(message));
}

int32_t spawnThread(World& world, int32_t decl, int64_t instance)
{
    const Program& program = *world.program;
    const ThreadDecl& d = program.threadDecls[size_t(decl)];
    ThreadState thread;
    thread.decl = decl;
    thread.instance = instance;
    thread.name = threadDisplayName(d, instance);
    Frame frame;
    frame.body = d.body;
    frame.locals.assign(std::max<uint32_t>(1, program.bodies[size_t(d.body)].localCount), 0);
    frame.locals[0] = instance;
    thread.frames.push_back(std::move(frame));
    int32_t index = int32_t(world.threads.size());
    world.threads.push_back(std::move(thread));
    auto& slots = world.threadOf[size_t(decl)];
    if (slots.size() <= size_t(instance)) slots.resize(size_t(instance) + 1, -1);
    slots[size_t(instance)] = index;
    return index;
}

Interpreter::Interpreter(const Program& program, InterpreterLimits limits)
    : program_(program), limits_(limits), apcCount_(uint32_t(program.apcs.size())), noApcs_(apcCount_ == 0)
{
    plans_.reserve(program_.calls.size());
    for (const CallInstr& call : program_.calls) plans_.push_back(planOf(call));
    plannedBodies_.reserve(program_.bodies.size());
    for (const Body& body : program_.bodies) {
        std::vector<PlannedInstr>& planned = plannedBodies_.emplace_back();
        planned.reserve(body.code.size());
        for (const Instr& in : body.code) planned.push_back(planInstr(program_, in));
        planBackEdges(planned);
    }
}

void Interpreter::planBackEdges(std::vector<PlannedInstr>& body)
{
    using Fast = PlannedInstr::Fast;
    for (size_t pc = 0; pc + 1 < body.size(); ++pc) {
        if (body[pc].fast != Fast::LetLocalAddValue || body[pc + 1].fast != Fast::Jump) continue;
        const int32_t test = body[pc + 1].a;
        if (body[size_t(test)].fast != Fast::JumpIfNotLocalLtValue) continue;
        body[pc].fast = Fast::CounterJumpTest;
        body[pc].test = test;
    }
}

Interpreter::PlannedInstr Interpreter::planInstr(const Program& program, const Instr& in)
{
    using Fast = PlannedInstr::Fast;
    PlannedInstr planned{in.op, Fast::Other, in.a, in.stmt, -1, decodeExpr(program, in.e1), &in};
    if (in.op == OpCode::Jump) planned.fast = Fast::Jump;
    else if (in.op == OpCode::Let && planned.e1.form == DecodedExpr::Form::LocalAddValue) planned.fast = Fast::LetLocalAddValue;
    else if (in.op == OpCode::JumpIfFalse && planned.e1.form == DecodedExpr::Form::LocalLtValue)
        planned.fast = Fast::JumpIfNotLocalLtValue;
    return planned;
}

void Interpreter::init(World& world, StepEffects& effects) const
{
    effects.clear();
    world.program = &program_;
    world.threads.clear();
    initObjects(program_, world);
    resetFileSystem(world);
    world.globals.assign(program_.globalSlots, 0);
    for (const auto& g : program_.globals)
        std::fill_n(world.globals.begin() + g.firstSlot, g.size, g.init);
    world.templateInstances.assign(program_.threadDecls.size(), 0);
    world.threadOf.assign(program_.threadDecls.size(), {});
    world.apcDelivered.assign(program_.apcs.size(), 0);
    for (size_t d = 0; d < program_.threadDecls.size(); ++d) {
        const ThreadDecl& decl = program_.threadDecls[d];
        if (!decl.autostart) continue;
        for (int64_t i = 0; i < decl.count; ++i) spawnThread(world, int32_t(d), i);
    }
    if (program_.unloadBody >= 0) addUnloadThread(program_, world);
    for (ThreadId t = 0; t < world.threads.size() && !effects.stop(); ++t)
        if (world.threads[t].pending.kind != PendingKind::Gate) park(world, t, effects);
}

int32_t Interpreter::driverEntryThread(const World& world) const
{
    return program_.driverEntryDecl < 0 ? -1 : world.threadFor(program_.driverEntryDecl, 0);
}

bool Interpreter::gateOpen(const World& world) const
{
    if (program_.driverEntryDecl < 0) return true;
    int32_t entry = driverEntryThread(world);
    return entry >= 0 && world.threads[size_t(entry)].status == ThreadStatus::Done;
}

void Interpreter::footprintOtherwise(const World& world, ThreadId t, Footprint& out) const
{
    const ThreadState& th = world.threads[t];
    const PreparedOp& op = th.pending;
    if (op.kind == PendingKind::Call) [[likely]]
        op.model->footprint(world, t, op, out);
    else
        operationFootprint(world, t, out);
    // A step taken while the thread cannot receive an APC is no delivery point: it is a Release
    // of the slot (it may end the APC-disabled stretch), so a later delivery, an Acquire, races
    // with the last step taken while delivery was possible, not with one it could not precede.
    if (!program_.apcs.empty() && isApcTarget(world, t))
        out.add(makeLocation(LocationClass::ApcSlot, t), canReceiveApc(th) ? Access::Write : Access::Release);
}

void Interpreter::operationFootprint(const World& world, ThreadId t, Footprint& out) const
{
    const PreparedOp& op = world.threads[t].pending;
    switch (op.kind) {
    case PendingKind::Load: out.add(makeLocation(LocationClass::Global, op.object), Access::Read); break;
    case PendingKind::Store: out.add(makeLocation(LocationClass::Global, op.object), Access::Write); break;
    case PendingKind::Exit:
        out.add(makeLocation(LocationClass::Thread, t), Access::Release);
        exitFootprint(world, t, out);
        fileSystemExitFootprint(world, t, out);
        break;
    case PendingKind::Gate: {
        int32_t entry = driverEntryThread(world);
        if (entry >= 0) out.add(makeLocation(LocationClass::Thread, uint32_t(entry)), Access::Observe);
        else if (program_.driverEntryDecl >= 0) out.add(makeLocation(LocationClass::ThreadTable, 0), Access::Read);
        break;
    }
    case PendingKind::Call: op.model->footprint(world, t, op, out); break;
    case PendingKind::Yield:
    case PendingKind::None: break;
    }
}

bool Interpreter::isApcTarget(const World& world, ThreadId t) const
{
    const ThreadState& th = world.threads[t];
    for (const ApcDecl& apc : program_.apcs)
        if (apc.target.decl == th.decl && apc.target.instance == th.instance) return true;
    return false;
}

WaitInfo Interpreter::waitInfo(const World& world, ThreadId t) const
{
    const ThreadState& th = world.threads[t];
    if (th.pending.kind == PendingKind::Gate) {
        WaitInfo info;
        info.object = "DriverEntry";
        info.objectType = "thread";
        info.mode = "exit (unload gate)";
        info.holderMode = "running";
        if (driverEntryThread(world) >= 0) info.holders.push_back(driverEntryThread(world));
        return info;
    }
    if (th.pending.kind != PendingKind::Call) return {};
    if (zwHangs(th)) {
        WaitInfo info;
        info.object = "I/O completion APC of " + th.name;
        info.objectType = "special kernel APC";
        info.mode = "completion";
        info.holderMode = "special kernel APCs disabled by";
        info.holders.push_back(int32_t(t));
        info.selfDeadlockRule = "SYNC_IO_WITH_SPECIAL_APCS_DISABLED";
        info.selfDeadlockMessage = th.name + " calls " + std::string(apiSpec(th.pending.api).name) +
            " with special kernel APCs disabled (" +
            (th.irql == Irql::Dispatch ? "holding a spin lock, IRQL DISPATCH_LEVEL"
             : th.irql == Irql::Apc   ? "holding a fast mutex, IRQL APC_LEVEL"
                                      : "inside a guarded region") +
            "): the I/O completion APC can never run and the call hangs (Driver Verifier 0xC4/0xE6)";
        return info;
    }
    return th.pending.model->waitInfo(world, t, th.pending);
}

void Interpreter::stepOther(World& world, ThreadId t, StepEffects& effects) const
{
    const PreparedOp& op = world.threads[t].pending;
    switch (op.kind) {
    case PendingKind::Load: setLocal(world, t, op.instr->a, world.globals[op.object]); break;
    case PendingKind::Store: world.globals[op.object] = op.value; break;
    case PendingKind::Yield: break;
    case PendingKind::Call: CHECKER_INVARIANT(!"stepOther of a call");
    case PendingKind::Exit: runExit(world, t, effects); return;
    case PendingKind::Gate: park(world, t, effects); return;
    case PendingKind::None: CHECKER_INVARIANT(!"step of a thread with no pending operation");
    }
    afterStep(world, t, effects);
}

void Interpreter::afterStep(World& world, ThreadId t, StepEffects& effects) const
{
    if (effects.stop()) return;
    for (int32_t r : effects.released) world.threads[size_t(r)].waiting = false;
    if (effects.blocked) {
        world.threads[t].waiting = true;
    } else {
        world.threads[t].frame().pc++;
        park(world, t, effects);
    }
    for (int32_t w : effects.woken) {
        if (effects.stop()) return;
        world.threads[size_t(w)].waiting = false;
        world.threads[size_t(w)].frame().pc++;
        park(world, ThreadId(w), effects);
    }
    if (effects.createdThread >= 0 && !effects.stop()) park(world, ThreadId(effects.createdThread), effects);
}

void Interpreter::runExit(World& world, ThreadId t, StepEffects& effects) const
{
    checkThreadExit(world, t, effects);
    fileSystemThreadExit(world, t, effects);
    ThreadState& th = world.threads[t];
    th.status = ThreadStatus::Done;
    th.pending.reset();
}

// Inlined into park, its one caller, at every step.
[[gnu::always_inline]] inline bool Interpreter::prepare(World& world, ThreadId t, const Instr& in,
                                                        StepEffects& effects) const
{
    PreparedOp& op = world.threads[t].pending;
    op.stmt = in.stmt;
    op.instr = &in;
    op.call = nullptr;
    switch (in.op) {
    case OpCode::Load:
        op.kind = PendingKind::Load;
        op.preparedCall = nullptr;
        return resolveIndex(world, t, in.global, true, in.stmt, op.object, effects);
    case OpCode::Store:
        op.kind = PendingKind::Store;
        op.preparedCall = nullptr;
        return resolveIndex(world, t, in.global, true, in.stmt, op.object, effects) &&
               evalInto(world, t, in.e1, in.stmt, op.value, effects);
    case OpCode::Yield:
        op.kind = PendingKind::Yield;
        op.preparedCall = nullptr;
        return true;
    case OpCode::Call:
        op.kind = PendingKind::Call;
        return prepareCall(world, t, uint32_t(in.a), in.stmt, effects);
    default: CHECKER_INVARIANT(!"prepare of an invisible opcode");
    }
    return false;
}

void Interpreter::park(World& world, ThreadId t, StepEffects& effects) const
{
    uint64_t budget = limits_.maxInvisiblePerStep;
    ThreadState& th = world.threads[t];
    for (;;) {
        Frame& frame = th.frame();
        const PlannedInstr* code = plannedBodies_[size_t(frame.body)].data();
        int64_t* locals = frame.locals.data();
        uint32_t& pc = frame.pc;
        for (;;) {
            const PlannedInstr& in = code[pc];
            if (isVisible(in.op)) {
                if (in.op != OpCode::Call || !prepareAgain(th.pending, uint32_t(in.a), locals))
                    prepare(world, t, *in.instr, effects);
                return;
            }
            if (budget-- == 0) {
                raiseIssue(effects, ModelIssue::Kind::Livelock, t, in.stmt,
                           th.name + " ran " + std::to_string(limits_.maxInvisiblePerStep) +
                               " instructions without reaching a scheduling point");
                return;
            }
            switch (in.fast) {
            case PlannedInstr::Fast::Jump: pc = uint32_t(in.a); continue;
            case PlannedInstr::Fast::CounterJumpTest:
                // The jump and the test each take one more instruction of the budget: with less
                // than two left the counter runs alone, and the next ones as usual.
                if (int64_t sum; budget >= 2 && !__builtin_add_overflow(locals[in.e1.lhs], in.e1.rhs, &sum)) [[likely]] {
                    locals[in.a] = sum;
                    budget -= 2;
                    const PlannedInstr& test = code[in.test];
                    pc = locals[test.e1.lhs] < test.e1.rhs ? uint32_t(in.test) + 1 : uint32_t(test.a);
                    continue;
                }
                [[fallthrough]];
            case PlannedInstr::Fast::LetLocalAddValue:
                if (int64_t sum; !__builtin_add_overflow(locals[in.e1.lhs], in.e1.rhs, &sum)) [[likely]] {
                    locals[in.a] = sum;
                    pc++;
                    continue;
                }
                break;
            case PlannedInstr::Fast::JumpIfNotLocalLtValue:
                pc = locals[in.e1.lhs] < in.e1.rhs ? pc + 1 : uint32_t(in.a);
                continue;
            case PlannedInstr::Fast::Other: break;
            }
            if (in.op == OpCode::End) break;
            int64_t v = 0;
            if (!evalSimple(in.e1, locals, v) && !evalInto(locals, t, in.e1, in.stmt, v, effects)) return;
            switch (in.op) {
            case OpCode::Let:
                locals[in.a] = v;
                pc++;
                break;
            case OpCode::JumpIfFalse: pc = v ? pc + 1 : uint32_t(in.a); break;
            case OpCode::Assert:
            case OpCode::Assume:
                if (!v) {
                    raiseCheckFailure(world, t, *in.instr, effects);
                    return;
                }
                pc++;
                break;
            default: CHECKER_INVARIANT(!"visible opcode in the invisible loop");
            }
        }
        // End of the running body.
        if (th.frames.size() == 1) {
            th.pending.reset();
            th.pending.kind = PendingKind::Exit;
            return;
        }
        // An APC's body ended: the thread goes back to where the APC found it.
        th.frames.pop_back();
    }
}

void Interpreter::raiseCheckFailure(World& world, ThreadId t, const Instr& in, StepEffects& effects) const
{
    std::string message;
    if (in.op == OpCode::Assert && in.b >= 0)
        expandTemplate(program_, in.b, world.threads[t].locals(), message);
    raiseIssue(effects, in.op == OpCode::Assert ? ModelIssue::Kind::AssertionFailure : ModelIssue::Kind::AssumeFailed,
               t, in.stmt, message);
}

void Interpreter::raiseEvalError(StepEffects& effects, ThreadId t, int32_t stmt, EvalError err)
{
    raiseRuntimeError(effects, t, stmt, evalErrorText(err));
}

bool Interpreter::resolveIndex(World& world, ThreadId t, const ObjRef& ref, bool global,
                               int32_t stmt, uint32_t& out, StepEffects& effects) const
{
    uint32_t first = global ? program_.globals[size_t(ref.decl)].firstSlot
                            : program_.objects[size_t(ref.decl)].firstId;
    uint32_t size = global ? program_.globals[size_t(ref.decl)].size
                           : program_.objects[size_t(ref.decl)].size;
    int64_t index = 0;
    if (!ref.index.empty() && !evalInto(world, t, ref.index, stmt, index, effects)) return false;
    if (index < 0 || index >= int64_t(size)) {
        raiseOutOfRange(effects, t, stmt, index, ref, global);
        return false;
    }
    out = first + uint32_t(index);
    return true;
}

void Interpreter::raiseOutOfRange(StepEffects& effects, ThreadId t, int32_t stmt, int64_t index, const ObjRef& ref,
                                  bool global) const
{
    const std::string& name = global ? program_.globals[size_t(ref.decl)].name : program_.objects[size_t(ref.decl)].name;
    uint32_t size = global ? program_.globals[size_t(ref.decl)].size : program_.objects[size_t(ref.decl)].size;
    raiseRuntimeError(effects, t, stmt,
                      "index " + std::to_string(index) + " is out of range for " + name + "[" + std::to_string(size) + "]");
}

int32_t Interpreter::apcTarget(const World& world, uint32_t k) const
{
    const ThreadRef& target = program_.apcs[k].target;
    return world.threadFor(target.decl, target.instance);
}

bool Interpreter::canReceiveApc(const ThreadState& th)
{
    return th.status != ThreadStatus::Done && th.frames.size() == 1 && th.irql == Irql::Passive &&
           th.kernelApcDisable == 0 && th.specialApcDisable == 0;
}

bool Interpreter::apcDeliverable(const World& world, uint32_t k) const
{
    if (world.apcDelivered[k]) return false;
    int32_t t = apcTarget(world, k);
    return t >= 0 && canReceiveApc(world.threads[size_t(t)]);
}

void Interpreter::apcFootprint(const World& world, uint32_t k, Footprint& out) const
{
    out.clear();
    ThreadId t = ThreadId(apcTarget(world, k));
    const ThreadState& th = world.threads[t];
    out.add(makeLocation(LocationClass::ApcSlot, t), Access::Acquire);  // disabled while it cannot receive
    if (th.waiting && th.pending.kind == PendingKind::Call)
        th.pending.model->cancelFootprint(world, t, th.pending, out);
}

void Interpreter::deliverApc(World& world, uint32_t k, StepEffects& effects) const
{
    effects.clear();
    ThreadId t = ThreadId(apcTarget(world, k));
    world.apcDelivered[k] = 1;
    ThreadState& th = world.threads[t];
    if (th.waiting) {
        th.pending.model->cancelWait(world, t, th.pending);
        world.threads[t].waiting = false;
    }
    const ApcDecl& apc = program_.apcs[k];
    Frame frame;
    frame.body = apc.body;
    frame.locals.assign(std::max<uint32_t>(1, program_.bodies[size_t(apc.body)].localCount), 0);
    frame.locals[0] = world.threads[t].instance;
    world.threads[t].frames.push_back(std::move(frame));
    park(world, t, effects);
    if (effects.wantText) effects.result = "APC " + apc.name + " delivered to " + world.threads[t].name;
}

std::string Interpreter::describePending(const World& world, ThreadId t) const
{
    const PreparedOp& op = world.threads[t].pending;
    if (op.kind == PendingKind::Exit) return "exit";
    if (op.kind == PendingKind::Gate) return "start of the unload routine";
    if (op.stmt < 0) return "-";
    return program_.statements[size_t(op.stmt)].text;
}

std::string objectName(const Program& program, uint32_t id)
{
    for (const auto& d : program.objects) {
        if (id < d.firstId || id >= d.firstId + d.size) continue;
        return d.isArray ? d.name + "[" + std::to_string(id - d.firstId) + "]" : d.name;
    }
    return "object#" + std::to_string(id);
}

}  // namespace checker
