// How a call statement's operands become its thread's pending operation (PreparedOp): planned
// once per call of the program when the interpreter is built (which operands and texts it gives,
// its references resolved to their first id, constant texts found), evaluated each time a thread
// reaches the call.

#include "checker/exec/Interpreter.hpp"

#include "checker/program/Eval.hpp"

namespace checker {

Interpreter::PlannedRef Interpreter::planRef(const ObjRef& ref, bool global) const
{
    PlannedRef planned;
    if (ref.decl < 0) return planned;
    planned.ref = &ref;
    planned.global = global;
    planned.first = global ? program_.globals[size_t(ref.decl)].firstSlot : program_.objects[size_t(ref.decl)].firstId;
    planned.size = global ? program_.globals[size_t(ref.decl)].size : program_.objects[size_t(ref.decl)].size;
    planned.index = decodeExpr(program_, ref.index);
    return planned;
}

Interpreter::CallPlan Interpreter::planOf(const CallInstr& call) const
{
    CallPlan plan;
    plan.call = &call;
    plan.model = callModel(call.api);
    plan.object = planRef(call.object, false);
    plan.target = planRef(call.target, true);
    plan.plain = !plan.object.ref && !plan.target.ref && call.objects.empty() && call.thread.decl < 0;
    // In this order: the first operand that fails to evaluate is the one reported.
    const std::pair<ExprRef, int64_t PreparedOp::*> exprs[] = {
        {call.value, &PreparedOp::value}, {call.exchange, &PreparedOp::exchange},
        {call.comparand, &PreparedOp::comparand}, {call.adjustment, &PreparedOp::adjustment},
        {call.length, &PreparedOp::length}, {call.offset, &PreparedOp::offset},
        {call.handle, &PreparedOp::handle}, {call.access, &PreparedOp::access},
        {call.share, &PreparedOp::share}, {call.disposition, &PreparedOp::disposition},
        {call.options, &PreparedOp::options}, {call.count, &PreparedOp::count},
        {call.limit, &PreparedOp::limit}};
    static_assert(std::size(exprs) == std::tuple_size_v<decltype(plan.exprs)>);
    plan.repeatable = plan.plain;
    for (const auto& [ref, field] : exprs) {
        if (ref.empty()) continue;
        auto& planned = plan.exprs[plan.exprCount++];
        planned = {decodeExpr(program_, ref), field};
        const DecodedExpr& decoded = planned.first;
        if (decoded.form == DecodedExpr::Form::Local) plan.locals[plan.localCount++] = {decoded.lhs, field};
        else if (decoded.form != DecodedExpr::Form::Value) plan.repeatable = false;
    }
    const std::pair<TemplateId, CallPlan::Text CallPlan::*> texts[] = {
        {call.path, &CallPlan::path}, {call.data, &CallPlan::data}, {call.renameTarget, &CallPlan::renameTarget}};
    for (const auto& [id, field] : texts) {
        CallPlan::Text& text = plan.*field;
        text.id = id;
        if (id < 0) continue;
        const std::vector<TemplatePiece>& pieces = program_.templates[size_t(id)].pieces;
        bool constant = pieces.size() == 1 && pieces[0].expr.empty();
        text.kind = constant ? CallPlan::Text::Kind::Constant : CallPlan::Text::Kind::Template;
        text.constant = constant ? &pieces[0].literal : nullptr;
        if (!constant) plan.repeatable = false;
    }
    return plan;
}

bool Interpreter::resolvePlanned(const PlannedRef& ref, const int64_t* locals, ThreadId t, int32_t stmt,
                                 uint32_t& out, StepEffects& effects) const
{
    int64_t index = 0;
    if (!evalInto(locals, t, ref.index, stmt, index, effects)) return false;
    if (index < 0 || index >= int64_t(ref.size)) [[unlikely]] {
        raiseOutOfRange(effects, t, stmt, index, *ref.ref, ref.global);
        return false;
    }
    out = ref.first + uint32_t(index);
    return true;
}

bool Interpreter::prepareReferences(World& world, ThreadId t, const CallInstr& call, const CallPlan& plan,
                                    int32_t stmt, StepEffects& effects) const
{
    PreparedOp& op = world.threads[t].pending;
    const int64_t* locals = world.threads[t].locals();
    if (plan.object.ref && !resolvePlanned(plan.object, locals, t, stmt, op.object, effects)) return false;
    if (plan.target.ref && !resolvePlanned(plan.target, locals, t, stmt, op.object, effects)) return false;
    op.objects.resize(call.objects.size());
    for (size_t i = 0; i < op.objects.size(); ++i)
        if (!resolveIndex(world, t, call.objects[i], false, stmt, op.objects[i], effects)) return false;
    op.thread = call.thread.decl >= 0 ? world.threadFor(call.thread.decl, call.thread.instance) : -1;
    return true;
}

namespace {

void clearText(std::string& text, const std::string*& source)
{
    text.clear();
    source = nullptr;
}

}  // namespace

// Inlined into prepareCall, which runs it three times per call.
[[gnu::always_inline]] inline bool Interpreter::prepareText(const CallPlan::Text& text, const int64_t* locals,
                                                            ThreadId t, int32_t stmt, std::string& out,
                                                            const std::string*& source, StepEffects& effects) const
{
    switch (text.kind) {
    case CallPlan::Text::Kind::Absent: clearText(out, source); return true;
    case CallPlan::Text::Kind::Constant:
        if (source != text.constant) {
            out = *text.constant;
            source = text.constant;
        }
        return true;
    case CallPlan::Text::Kind::Template: break;
    }
    source = nullptr;
    EvalError err = expandTemplate(program_, text.id, locals, out);
    if (err == EvalError::None) return true;
    raiseEvalError(effects, t, stmt, err);
    return false;
}

bool Interpreter::prepareCall(World& world, ThreadId t, uint32_t callIndex, int32_t stmt,
                              StepEffects& effects) const
{
    const CallInstr& call = program_.calls[callIndex];
    const CallPlan& plan = plans_[callIndex];
    ThreadState& th = world.threads[t];
    PreparedOp& op = th.pending;
    op.call = &call;
    op.preparedCall = nullptr;
    op.api = call.api;
    op.model = plan.model;
    if (plan.plain) {
        op.objects.clear();
        op.thread = -1;
    } else if (!prepareReferences(world, t, call, plan, stmt, effects)) {
        return false;
    }
    op.clearValues();
    const int64_t* locals = th.locals();
    // A failing operand leaves the texts empty, a failing text the later ones.
    for (uint32_t k = 0; k < plan.exprCount; ++k) {
        if (!evalInto(locals, t, plan.exprs[k].first, stmt, op.*plan.exprs[k].second, effects)) {
            clearText(op.path, op.pathSource);
            clearText(op.data, op.dataSource);
            clearText(op.renameTarget, op.renameTargetSource);
            return false;
        }
    }
    if (!prepareText(plan.path, locals, t, stmt, op.path, op.pathSource, effects)) {
        clearText(op.data, op.dataSource);
        clearText(op.renameTarget, op.renameTargetSource);
        return false;
    }
    if (!prepareText(plan.data, locals, t, stmt, op.data, op.dataSource, effects)) {
        clearText(op.renameTarget, op.renameTargetSource);
        return false;
    }
    if (!prepareText(plan.renameTarget, locals, t, stmt, op.renameTarget, op.renameTargetSource, effects)) return false;
    op.preparedCall = plan.repeatable ? &call : nullptr;
    return true;
}

}  // namespace checker
