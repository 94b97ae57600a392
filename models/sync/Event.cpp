// KEVENT (SEMANTICS.md §4.1). State: signal 0/1; flags bit 0 = SynchronizationEvent; FIFO queue
// of waiters (Dispatcher.hpp). Waits are in Wait.cpp.
// - KeSetEvent: returns the previous state. Already signalled: nothing changes (sets do not
//   accumulate). Otherwise the event is signalled and waiters are satisfied inside this step in
//   FIFO order (Dispatcher waitTest): a notification event releases every waiter whose wait it
//   satisfies and stays signalled; a synchronization event releases the first WaitAny waiter (or
//   a WaitAll waiter whose whole set is ready) and is reset at once; with no waiter it stays
//   signalled until exactly one later wait consumes it.
// - KeResetEvent (returns the previous state) / KeClearEvent: state 0; nobody is woken.
// - KePulseEvent: if unsignalled with waiters, set-and-wake as KeSetEvent; then state 0 in every
//   case; returns the previous state. A waiter running a kernel APC at that moment is not in the
//   queue (cancelWait) and misses the pulse.
// - KeReadStateEvent: the state, unsynchronized (a Read).
// - KeInitializeEvent: type and state; re-initializing with waiters is corruption.
// Footprints: a call that changes the event writes it (a set publishes to the waits it satisfies);
// one that leaves it as it is only reads it (a second KeSetEvent commutes with satisfied waits).

#include "models/ModelRegistry.hpp"
#include "models/sync/Dispatcher.hpp"

namespace checker {

namespace {

using namespace sync;

class EventCall : public CallModel {
public:
    explicit EventCall(Api api) : api_(api) {}

    void footprint(const World& world, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(objectLocation(op.object), changes(world.objects[op.object]) ? Access::Write : Access::Read);
    }

    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        ObjectState& e = world.objects[op.object];
        int64_t previous = e.signal;
        switch (api_) {
        case Api::KeSetEvent:
            if (e.signal == 0) {
                e.signal = 1;
                waitTest(world, op.object, effects);
            }
            break;
        case Api::KePulseEvent:
            if (e.signal == 0 && !e.waiters.empty()) {
                e.signal = 1;
                waitTest(world, op.object, effects);
            }
            world.objects[op.object].signal = 0;
            break;
        case Api::KeResetEvent:
        case Api::KeClearEvent: e.signal = 0; break;
        case Api::KeReadStateEvent:
            setLocal(world, t, op.call->outResult, previous);
            if (effects.wantText) effects.result = "result = " + std::to_string(previous);
            return;
        case Api::KeInitializeEvent:
            if (!checkReinitialize(world, t, op, effects)) return;
            e.flags = op.call->eventType == EventType::SynchronizationEvent ? kSynchronizationEvent : 0;
            e.signal = op.call->signaled ? 1 : 0;
            return;
        default: return;
        }
        if (api_ == Api::KeClearEvent) return;
        setLocal(world, t, op.call->outPrevious, previous);
        if (effects.wantText) effects.result = "previous = " + std::to_string(previous);
    }

private:
    // Whether the call changes the event now: a set of a signalled event, a reset or clear of an
    // unsignalled one and a pulse of an unsignalled event nobody waits for only read it.
    bool changes(const ObjectState& e) const
    {
        switch (api_) {
        case Api::KeSetEvent: return e.signal == 0;
        case Api::KeResetEvent:
        case Api::KeClearEvent: return e.signal != 0;
        case Api::KePulseEvent: return e.signal != 0 || !e.waiters.empty();
        case Api::KeReadStateEvent: return false;
        default: return true;
        }
    }

    Api api_;
};

}  // namespace

void registerEvent(ModelTable& table)
{
    static const EventCall set(Api::KeSetEvent), reset(Api::KeResetEvent), pulse(Api::KePulseEvent),
        clear(Api::KeClearEvent), read(Api::KeReadStateEvent), init(Api::KeInitializeEvent);
    table[size_t(Api::KeSetEvent)] = &set;
    table[size_t(Api::KeResetEvent)] = &reset;
    table[size_t(Api::KePulseEvent)] = &pulse;
    table[size_t(Api::KeClearEvent)] = &clear;
    table[size_t(Api::KeReadStateEvent)] = &read;
    table[size_t(Api::KeInitializeEvent)] = &init;
}

}  // namespace checker
