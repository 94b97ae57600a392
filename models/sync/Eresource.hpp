#pragma once
// ERESOURCE state shared by Eresource.cpp (acquisition, queries) and EresourceRelease.cpp
// (release, conversion, deletion). See Eresource.cpp for the rules.

#include "models/sync/SyncSupport.hpp"

namespace checker::sync {

constexpr uint8_t kResourceExclusive = 0;   // Waiter::mode
constexpr uint8_t kResourceShared = 1;
constexpr uint8_t kResourceDeleted = 1;     // ObjectState::flags

// Raises APCS_NOT_DISABLED (Verifier 0xC4/0x37 acquire, 0x38 release) when normal kernel APCs
// are enabled in t.
void checkResourceApcs(const World& world, ThreadId t, const PreparedOp& op, bool acquire, StepEffects& effects);

// Raises RESOURCE_USED_AFTER_DELETE and returns false when the resource was deleted.
bool checkNotDeleted(const World& world, ThreadId t, const PreparedOp& op, StepEffects& effects);

// Grants every queued shared waiter (each becomes an owner with count 1), in FIFO order.
void grantSharedWaiters(World& world, uint32_t id, StepEffects& effects);

}  // namespace checker::sync
