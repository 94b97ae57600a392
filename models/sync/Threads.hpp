#pragma once
// Waits on thread objects, for the wait model (Wait.cpp): a thread object is a notification
// object signalled when the thread ends (SEMANTICS.md §4.3, Part A.7).

#include "checker/exec/CallModel.hpp"

namespace checker::sync {

inline bool isThreadWait(const PreparedOp& op) { return op.call->thread.decl >= 0; }
bool threadWaitEnabled(const World& world, const PreparedOp& op);
void threadWaitFootprint(const World& world, const PreparedOp& op, Footprint& out);
void threadWaitExecute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects);
WaitInfo threadWaitInfo(const World& world, const PreparedOp& op);

}  // namespace checker::sync
