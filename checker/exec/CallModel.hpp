#pragma once
// The interface every modelled call implements (models/ provide the implementations, one primitive
// per file). The interpreter asks a model, for a thread parked at a call:
//   enabled()   - can the call run now without blocking?
//   footprint() - what would it touch if it ran now? (must be a function of the state of the
//                 locations it names, so that only dependent steps can change it)
//   execute()   - run it (only when enabled).
//   waitInfo()  - when not enabled: what the thread waits for, for the wait-for graph.
// Adding a primitive = one new file in models/sync/ + one line in models/ModelRegistry.cpp.

#include "checker/exec/Footprint.hpp"
#include "checker/exec/World.hpp"

#include <string>
#include <vector>

namespace checker {

// A problem raised during a step, by a model or by the interpreter itself.
struct ModelIssue {
    enum class Kind : uint8_t {
        ApiMisuse,        // a model's misuse rule
        RuntimeError,     // bad index, division by zero, overflow, ... in the scenario's code
        AssertionFailure, // an `assert` was false
        Livelock,         // the per-execution step bound (or the invisible-instruction bound) hit
        AssumeFailed,     // an `assume` was false: the execution is discarded, not a finding
    } kind = Kind::ApiMisuse;
    int32_t thread = -1;     // the thread that raised it
    int32_t stmt = -1;       // the statement (Program::statements index), -1 if none
    std::string rule;        // api_misuse rule id (SEMANTICS.md Part A.4)
    std::string message;     // includes the real bug-check / status code where there is one
    std::vector<uint32_t> objects;  // object ids involved
    bool stopsExecution = false;    // BUG-class: the machine is down
};

// A lock taken in a step (for the lock-order graph): by `thread` at statement `stmt`. A hand-off
// inside a release records the woken thread, at the statement it waited at.
struct LockAcquisition {
    int32_t thread = -1;
    uint32_t object = 0;
    int32_t stmt = -1;
};

// What a step did, besides changing the world.
struct StepEffects {
    std::vector<ModelIssue> issues;
    int32_t createdThread = -1;     // PsCreateSystemThread: the new thread's index (not parked yet)
    bool blocked = false;           // the stepping thread now waits in a queue (ThreadState::waiting);
                                    // its operation completes when a later step grants it
    std::vector<int32_t> woken;     // threads whose queued wait this step granted
    std::vector<int32_t> released;  // threads this step took out of a wait queue without a grant
                                    // (push locks: they re-compete; their pending call runs again)
    std::vector<LockAcquisition> acquired;  // owned locks taken in this step (lock order)
    bool wantText = false;          // set by replay: models then fill `result`
    std::string result;             // a short rendering of the result, for replay ("status = ...")
    bool stop() const
    {
        for (const auto& i : issues)
            if (i.stopsExecution) return true;
        return false;
    }
    void clear()
    {
        issues.clear();
        createdThread = -1;
        blocked = false;
        woken.clear();
        released.clear();
        acquired.clear();
        result.clear();
    }
};

// What a blocked thread waits for.
struct WaitInfo {
    std::string object;             // display name, e.g. "M[1]" or the thread name
    std::string objectType;         // "FAST_MUTEX", "thread", ...
    std::string mode;               // "exclusive", "shared", "exit", ...
    std::vector<int32_t> holders;   // threads that must act before the wait can end
    std::string holderMode;         // "exclusive", "shared", "running", ...
    uint32_t objectId = UINT32_MAX; // object id, if it is a kernel object
    // The misuse rule to raise when the waiter is its own holder (a one-thread deadlock), e.g.
    // RECURSIVE_ACQUIRE for a non-recursive lock; "" when a self-wait needs no rule of its own.
    std::string selfDeadlockRule;
    std::string selfDeadlockMessage;
};

class CallModel {
public:
    virtual ~CallModel() = default;

    // Whether this model can run `call` (checked once per program before exploring). Returns ""
    // when supported, else what is missing (e.g. "waits on KEVENT are not supported yet").
    virtual std::string unsupported(const Program&, const CallInstr&) const { return {}; }

    virtual bool enabled(const World&, ThreadId, const PreparedOp&) const { return true; }
    // Whether enabled() is true in every state, so that the interpreter need not ask it (a call
    // model that never blocks says so at construction; enabled() is asked at nearly every step).
    bool alwaysEnabled() const { return alwaysEnabled_; }
    virtual void footprint(const World&, ThreadId, const PreparedOp&, Footprint&) const = 0;
    virtual void execute(World&, ThreadId, const PreparedOp&, StepEffects&) const = 0;
    virtual WaitInfo waitInfo(const World&, ThreadId, const PreparedOp&) const { return {}; }

    // For models that queue waiters (ThreadState::waiting): a kernel APC delivered to the waiting
    // thread takes it out of the wait queue; after the APC the thread runs the call again and so
    // re-enters the queue at its tail (SEMANTICS.md Part A.6). cancelFootprint() is what the
    // delivery touches (the queue); cancelWait() removes the thread from it.
    virtual void cancelFootprint(const World&, ThreadId, const PreparedOp&, Footprint&) const {}
    virtual void cancelWait(World&, ThreadId, const PreparedOp&) const {}

protected:
    CallModel() = default;
    // For a model whose enabled() is the default (true): the interpreter then skips the call.
    explicit CallModel(bool alwaysEnabled) : alwaysEnabled_(alwaysEnabled) {}

private:
    bool alwaysEnabled_ = false;
};

// The registered model of `api`, or nullptr if the engine cannot run that call yet.
const CallModel* callModel(Api api);

// Whether any model is registered for `api` (for the loader's "not supported yet" check).
bool isCallSupported(Api api);

// Sets up object state from its declaration (models/: each primitive's initial state).
void initObjectState(const ObjectDecl& decl, ObjectState& out);

// What a thread's implicit exit touches besides its own termination (models/: e.g. the unload
// routine's exit reads whether the driver's other threads are alive).
void exitFootprint(const World& world, ThreadId t, Footprint& out);

// The rules checked when thread t ends (locks still held, unbalanced regions, unload with threads
// running); they run before the thread is marked ended.
void checkThreadExit(const World& world, ThreadId t, StepEffects& effects);

// The display name of object `id` ("M" or "M[3]").
std::string objectName(const Program& program, uint32_t id);

// Adds a new thread for instance `instance` of thread declaration `decl` and returns its index.
// The thread is not parked yet: the interpreter parks it at the end of the step that created it.
int32_t spawnThread(World& world, int32_t decl, int64_t instance);

// Stores `value` into the local slot `slot` of thread `tid`'s running frame (slot -1: ignored).
// Inline: a call model writes its result locals at nearly every step.
inline void setLocal(World& world, ThreadId tid, int32_t slot, int64_t value)
{
    if (slot >= 0) world.threads[tid].frame().locals[size_t(slot)] = value;
}

}  // namespace checker
