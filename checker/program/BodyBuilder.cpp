#include "checker/program/BodyBuilder.hpp"

#include "checker/program/ExprCompiler.hpp"
#include "checker/program/Invariant.hpp"

namespace checker {

namespace {

CompiledExpr binary(ExprOp lhs, ExprOp rhs, ExprOpCode op)
{
    return CompiledExpr{{lhs, rhs, ExprOp{op, 0}}, 2};
}

ExprOp local(int32_t slot)
{
    return ExprOp{ExprOpCode::Local, slot};
}

}  // namespace

BodyBuilder::BodyBuilder(Program& program, int32_t body) : program_(program), body_(body) {}

Body& BodyBuilder::body()
{
    return program_.bodies[size_t(body_)];
}

int32_t BodyBuilder::here()
{
    return int32_t(body().code.size());
}

int32_t BodyBuilder::addStatement(StatementInfo info)
{
    program_.statements.push_back(std::move(info));
    return int32_t(program_.statements.size() - 1);
}

void BodyBuilder::emit(const Instr& instr)
{
    body().code.push_back(instr);
}

int32_t BodyBuilder::emitJump(OpCode op, ExprRef condition, int32_t stmt)
{
    Instr jump{};
    jump.op = op;
    jump.e1 = condition;
    jump.stmt = stmt;
    emit(jump);
    return here() - 1;
}

void BodyBuilder::patch(int32_t jumpAt, int32_t target)
{
    body().code[size_t(jumpAt)].a = target;
}

void BodyBuilder::emitLet(int32_t slot, ExprRef value, int32_t stmt)
{
    Instr let{};
    let.op = OpCode::Let;
    let.a = slot;
    let.e1 = value;
    let.stmt = stmt;
    emit(let);
}

int32_t BodyBuilder::addHiddenLocal(std::string name)
{
    body().localNames.push_back(std::move(name));
    body().localCount = uint32_t(body().localNames.size());
    return int32_t(body().localCount - 1);
}

void BodyBuilder::beginIf(ExprRef condition, int32_t stmt)
{
    Block block;
    block.stmt = stmt;
    block.pendingJump = emitJump(OpCode::JumpIfFalse, condition, stmt);
    blocks_.push_back(std::move(block));
}

void BodyBuilder::beginElse(int32_t stmt)
{
    CHECKER_INVARIANT(!blocks_.empty() && !blocks_.back().isLoop);
    const int32_t overElse = emitJump(OpCode::Jump, ExprRef{}, stmt);
    patch(blocks_.back().pendingJump, here());
    blocks_.back().pendingJump = overElse;
}

void BodyBuilder::endIf()
{
    CHECKER_INVARIANT(!blocks_.empty() && !blocks_.back().isLoop);
    patch(blocks_.back().pendingJump, here());
    blocks_.pop_back();
}

void BodyBuilder::beginWhile(ExprRef condition, int32_t stmt)
{
    Block loop;
    loop.isLoop = true;
    loop.stmt = stmt;
    loop.head = here();
    loop.breaks.push_back(emitJump(OpCode::JumpIfFalse, condition, stmt));
    blocks_.push_back(std::move(loop));
}

void BodyBuilder::beginFor(int32_t var, ExprRef from, ExprRef below, int32_t stmt)
{
    emitLet(var, from, stmt);
    ExprOp bound = local(var);
    if (std::optional<int64_t> constant = constantValue(program_, below)) {
        bound = ExprOp{ExprOpCode::Const, *constant};
    } else {
        bound = local(addHiddenLocal(body().localNames[size_t(var)] + ".below"));
        emitLet(int32_t(bound.imm), below, stmt);
    }
    Block loop;
    loop.isLoop = true;
    loop.var = var;
    loop.stmt = stmt;
    loop.head = here();
    const ExprRef condition = appendExpr(program_, binary(local(var), bound, ExprOpCode::Lt));
    loop.breaks.push_back(emitJump(OpCode::JumpIfFalse, condition, stmt));
    blocks_.push_back(std::move(loop));
}

void BodyBuilder::endLoop()
{
    CHECKER_INVARIANT(!blocks_.empty() && blocks_.back().isLoop);
    Block loop = std::move(blocks_.back());
    blocks_.pop_back();
    if (loop.var >= 0) {
        for (int32_t jump : loop.continues) patch(jump, here());
        const CompiledExpr next = binary(local(loop.var), ExprOp{ExprOpCode::Const, 1}, ExprOpCode::Add);
        emitLet(loop.var, appendExpr(program_, next), loop.stmt);
    }
    patch(emitJump(OpCode::Jump, ExprRef{}, loop.stmt), loop.head);
    for (int32_t jump : loop.breaks) patch(jump, here());
}

bool BodyBuilder::inLoop() const
{
    for (const Block& block : blocks_)
        if (block.isLoop) return true;
    return false;
}

BodyBuilder::Block& BodyBuilder::innermostLoop()
{
    for (auto it = blocks_.rbegin(); it != blocks_.rend(); ++it)
        if (it->isLoop) return *it;
    internalFailure(__FILE__, __LINE__, "break or continue outside a loop");
}

void BodyBuilder::emitBreak(int32_t stmt)
{
    Block& loop = innermostLoop();
    loop.breaks.push_back(emitJump(OpCode::Jump, ExprRef{}, stmt));
}

void BodyBuilder::emitContinue(int32_t stmt)
{
    Block& loop = innermostLoop();
    const int32_t jump = emitJump(OpCode::Jump, ExprRef{}, stmt);
    if (loop.var >= 0)
        loop.continues.push_back(jump);
    else
        patch(jump, loop.head);
}

void BodyBuilder::emitEnd(int32_t stmt)
{
    Instr end{};
    end.op = OpCode::End;
    end.stmt = stmt;
    emit(end);
}

void BodyBuilder::finish(int32_t stmt)
{
    CHECKER_INVARIANT(blocks_.empty());
    emitEnd(stmt);
}

}  // namespace checker
