#pragma once
// Dispatcher objects a thread can wait on with KeWaitFor*: KMUTEX, KEVENT, KSEMAPHORE
// (SEMANTICS.md §2, §4). The wait model (Wait.cpp) and the signalling calls (KMutex.cpp,
// Event.cpp, Semaphore.cpp) share these rules:
//  - satisfiable(): would a wait of thread t on the object be satisfied now?
//  - consume():     apply a satisfied wait's side effect (mutex ownership, synchronization-event
//                   reset, semaphore count - 1) and return its status.
//  - waitTest():    after the object was signalled, satisfy queued waiters in FIFO order while it
//                   stays signalled (KiWaitTest) — the hand-off happens inside the signalling step.
// Queued waits: the thread is in the queue of every object of its wait (KeWaitForMultipleObjects:
// all of them), with Waiter::mode kWaitAny or kWaitAll.
//
// State: KMUTEX signal = 1 - recursion depth (1 free), owner; KEVENT signal 0/1, flags bit 0 =
// SynchronizationEvent; KSEMAPHORE signal = count, limit.

#include "models/sync/SyncSupport.hpp"

namespace checker::sync {

constexpr uint8_t kWaitAny = 0;
constexpr uint8_t kWaitAll = 1;
constexpr uint8_t kSynchronizationEvent = 1;

bool isDispatcherObject(ObjectType type);
bool satisfiable(const World& world, ThreadId t, uint32_t id);
// The access a satisfied wait touches the object with: Observe when it changes nothing (a
// signalled notification event: waits commute, and join the KeSetEvent that signalled it),
// Write otherwise (every consuming wait is an atomic change of the object).
Access consumeAccess(const World& world, uint32_t id);
// Returns STATUS_SUCCESS, or STATUS_ABANDONED for an abandoned mutant.
int64_t consume(World& world, ThreadId t, uint32_t id, int32_t stmt, StepEffects& effects);
void waitTest(World& world, uint32_t id, StepEffects& effects);

// The objects of thread t's pending wait call (one for KeWaitForSingleObject).
uint32_t waitObjectCount(const PreparedOp& op);
uint32_t waitObject(const PreparedOp& op, uint32_t i);
bool isWaitAll(const PreparedOp& op);

// Takes waiting thread t out of every queue of its wait (APC delivery, grant).
void leaveQueues(World& world, ThreadId t);

}  // namespace checker::sync
