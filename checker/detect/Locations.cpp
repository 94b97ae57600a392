#include "checker/detect/Locations.hpp"

#include "checker/exec/Interpreter.hpp"

namespace checker {

report::Location statementLocation(const Program& program, const std::string& thread, int32_t stmt)
{
    report::Location loc;
    loc.thread = thread;
    if (stmt < 0 || size_t(stmt) >= program.statements.size()) {
        loc.text = "end of thread";
        return loc;
    }
    const StatementInfo& info = program.statements[size_t(stmt)];
    loc.pointer = info.pointer;
    loc.label = info.label;
    loc.line = info.line;
    loc.text = info.text;
    return loc;
}

report::Location pendingLocation(const World& world, ThreadId t)
{
    const ThreadState& th = world.threads[t];
    return statementLocation(*world.program, th.name, th.pending.stmt);
}

namespace {

const char* typeName(ObjectType t)
{
    switch (t) {
    case ObjectType::EX_PUSH_LOCK: return "EX_PUSH_LOCK";
    case ObjectType::KMUTEX: return "KMUTEX";
    case ObjectType::ERESOURCE: return "ERESOURCE";
    case ObjectType::KEVENT: return "KEVENT";
    case ObjectType::KSEMAPHORE: return "KSEMAPHORE";
    case ObjectType::FAST_MUTEX: return "FAST_MUTEX";
    case ObjectType::KSPIN_LOCK: return "KSPIN_LOCK";
    case ObjectType::Count_: break;
    }
    return "object";
}

// Threads parked at a disabled operation on object `id`, in thread order.
std::string waitersOf(const World& world, uint32_t id, int32_t except)
{
    std::string out;
    for (ThreadId t = 0; t < world.threads.size(); ++t) {
        const ThreadState& th = world.threads[t];
        if (int32_t(t) == except || th.status == ThreadStatus::Done) continue;
        if (th.pending.kind != PendingKind::Call || !th.pending.call || th.pending.call->object.decl < 0) continue;
        if (th.pending.object != id) continue;
        out += (out.empty() ? "" : ", ") + th.name;
    }
    return out;
}

}  // namespace

std::string describeObject(const World& world, uint32_t id)
{
    const ObjectState& o = world.objects[id];
    std::string out = objectName(*world.program, id) + ": " + typeName(o.type);
    if (o.owner != kNoThread) out += ", owner " + world.threads[size_t(o.owner)].name;
    else out += ", free";
    return out;
}

std::string describeWait(const World& world, const Interpreter& interpreter, ThreadId t)
{
    WaitInfo w = interpreter.waitInfo(world, t);
    std::string holders;
    for (int32_t h : w.holders) holders += (holders.empty() ? "" : ", ") + world.threads[size_t(h)].name;
    std::string out = world.threads[t].name + " waits (" + w.mode + ") for " + w.objectType + " " + w.object;
    out += holders.empty() ? "; no holder" : "; held " + w.holderMode + " by " + holders;
    if (w.objectId != UINT32_MAX) {
        std::string others = waitersOf(world, w.objectId, int32_t(t));
        out += "; other waiters: " + (others.empty() ? std::string("none") : others);
    }
    out += "; at " + pendingLocation(world, t).text;
    return out;
}

}  // namespace checker
