#pragma once
// Helpers shared by the synchronization models: misuse issues, held-lock bookkeeping, owner
// tables, FIFO wait queues and hand-off grants. The state they change is the World's; what each
// field means for a primitive is documented in that primitive's file.

#include "checker/exec/CallModel.hpp"
#include "checker/program/Constants.hpp"

#include <string>
#include <vector>

namespace checker::sync {

constexpr uint32_t kStatusSuccess = 0x0;
constexpr uint32_t kStatusAbandoned = 0x80;
constexpr uint32_t kStatusTimeout = 0x102;

inline Location objectLocation(uint32_t id) { return makeLocation(LocationClass::Object, id); }

// "M[1]".
std::string nameOf(const World& world, uint32_t id);

// Raises an api_misuse issue. `stops`: BUG-class (the machine is down); else Verifier-only.
void raiseMisuse(StepEffects& effects, ThreadId t, int32_t stmt, std::string rule, std::string message,
                 std::vector<uint32_t> objects, bool stops);

// Whether normal kernel APCs can run in the thread now (SEMANTICS.md §5.4): IRQL PASSIVE, no
// critical or guarded region (owning a KMUTEX counts as a critical region).
bool normalApcsEnabled(const ThreadState& th);

// Held-lock bookkeeping (ThreadState::held, acquisition order) and the lock-order report.
void noteAcquired(World& world, ThreadId t, uint32_t id, int32_t stmt, StepEffects& effects);
void noteReleased(World& world, ThreadId t, uint32_t id);

// For every KeInitialize*/ExInitialize* call: re-initializing an object that is held or waited
// for loses its owners and waiters (REINITIALIZED_IN_USE, corruption: the execution stops).
// Returns false after raising it.
bool checkReinitialize(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects);

// Owner tables (ObjectState::holders, kept sorted by thread so equal states look equal).
int32_t holdCount(const ObjectState& o, int32_t thread);
void addHold(ObjectState& o, int32_t thread);
// Drops one hold of `thread`; false if it has none.
bool dropHold(ObjectState& o, int32_t thread);
std::vector<int32_t> holderThreads(const ObjectState& o);

// FIFO wait queues (ObjectState::waiters).
void enqueue(ObjectState& o, int32_t thread, uint8_t mode);
// Removes `thread` from the queue; false if it was not queued.
bool dequeue(ObjectState& o, int32_t thread);

// Grants the queued wait of thread w inside the current step (Part A.2 hand-off): the interpreter
// then advances w past its call. Writes `value` to the call's `outSlot` local of w.
void grantWaiter(World& world, int32_t w, int32_t outSlot, int64_t value, StepEffects& effects);

// The statement thread t is parked at (the call it waits in).
inline int32_t pendingStmt(const World& world, int32_t t) { return world.threads[size_t(t)].pending.stmt; }

// "T1, T2".
std::string threadList(const World& world, const std::vector<int32_t>& threads);

// A status for replay text: "STATUS_SUCCESS", "STATUS_TIMEOUT", "STATUS_WAIT_1", ...
std::string statusText(int64_t status);

}  // namespace checker::sync
