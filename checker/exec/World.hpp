#pragma once
// The state of one execution: threads, kernel objects, shared globals. Copyable: a copy is a
// checkpoint. Models (models/) read and change it; the explorer never looks inside it.

#include "checker/exec/PreparedCall.hpp"
#include "checker/program/Program.hpp"
#include "models/fs/FileSystem.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace checker {

using ThreadId = uint32_t;
constexpr int32_t kNoThread = -1;

enum class Irql : int8_t { Passive = 0, Apc = 1, Dispatch = 2 };

enum class ThreadStatus : uint8_t {
    Parked,   // stopped at its next visible operation (`pending`), which may or may not be enabled
    Done,     // ended (its exit step has run)
};

// A frame: the body a thread is running and its locals. A thread runs its own body; a delivered
// APC pushes a frame for the APC's body on top.
struct Frame {
    int32_t body = -1;
    uint32_t pc = 0;
    std::vector<int64_t> locals;

    bool operator==(const Frame&) const = default;
};

// What a thread's state holds in plain values: a copy is a few moves.
struct ThreadScalars {
    int32_t decl = -1;            // Program::threadDecls index; -1 for DriverUnload
    int64_t instance = 0;         // instance number (`self`)
    ThreadStatus status = ThreadStatus::Parked;
    Irql irql = Irql::Passive;
    int32_t kernelApcDisable = 0; // KeEnterCriticalRegion depth (also implicit while owning a KMUTEX)
    int32_t specialApcDisable = 0;// KeEnterGuardedRegion depth
    bool waiting = false;         // queued in an object's wait list (disabled until granted)

    bool operator==(const ThreadScalars&) const = default;
};

struct ThreadState : ThreadScalars {
    std::string name;             // "FileMoveThread", "Reader[2]", ...: fixed by decl and instance
    std::vector<Frame> frames;    // frames.back() is running
    PreparedOp pending;           // the next visible operation, evaluated
    std::vector<uint32_t> held;   // object ids held, in acquisition order (diagnostics, lock order)

    ThreadState() = default;
    ThreadState(const ThreadState&) = default;
    ThreadState(ThreadState&&) noexcept = default;
    ThreadState& operator=(ThreadState&&) noexcept = default;
    // The same as assigning each member, without the work that cannot change anything: every
    // restore of a checkpoint assigns every thread, and most of what a thread holds is the same
    // as before or empty. A name of the same length is left alone when decl and instance are
    // the same (the name is theirs; a state not named yet has an empty one); storage is kept.
    ThreadState& operator=(const ThreadState& other);
    bool operator==(const ThreadState&) const = default;

    Frame& frame() { return frames.back(); }
    const Frame& frame() const { return frames.back(); }
    int64_t* locals() { return frames.back().locals.data(); }
};

// A thread's hold on a shared-capable object (ERESOURCE owner table, push-lock sharers).
struct Holder {
    int32_t thread = kNoThread;
    int32_t count = 0;            // recursion count
};

// One entry of an object's FIFO wait queue.
struct Waiter {
    int32_t thread = kNoThread;
    uint8_t mode = 0;             // per primitive (e.g. shared / exclusive request)
};

// State of one kernel object. One shape serves every primitive; each model in models/sync/ gives
// the fields their meaning (and documents it in its own file).
struct ObjectState {
    ObjectType type = ObjectType::FAST_MUTEX;
    int32_t owner = kNoThread;    // exclusive owner, if the primitive has one
    int64_t signal = 0;           // signal state / count / recursion, per primitive
    int64_t limit = 0;            // KSEMAPHORE limit
    int8_t savedIrql = 0;         // IRQL to restore at release (fast mutex, spin lock)
    uint8_t flags = 0;            // per primitive (event type, deleted, ...)
    std::vector<Holder> holders;  // owners with counts, where a primitive has several
    std::vector<Waiter> waiters;  // FIFO wait queue (queued primitives, SEMANTICS.md Part A.1)
};

struct World {
    const Program* program = nullptr;
    std::vector<ThreadState> threads;        // in creation order: the schedule's thread indices
    std::vector<ObjectState> objects;        // by object id
    std::vector<int64_t> globals;            // by global slot
    std::vector<int64_t> templateInstances;  // per thread decl: instances started so far
    std::vector<std::vector<int32_t>> threadOf;  // per thread decl: instance -> thread index
    std::vector<uint8_t> apcDelivered;       // per declared APC: delivered yet
    fs::FileSystem fs;                       // the simulated NT file system (models/fs)

    // The thread index of instance `instance` of declaration `decl`, or -1 if not created (yet).
    int32_t threadFor(int32_t decl, int64_t instance) const
    {
        if (decl < 0 || size_t(decl) >= threadOf.size()) return -1;
        const auto& v = threadOf[size_t(decl)];
        return instance >= 0 && size_t(instance) < v.size() ? v[size_t(instance)] : -1;
    }
};

// ThreadState's copy assignment and its parts, inline: a restore assigns every thread.
namespace threadcopy {

// A member added to ThreadState or PreparedOp must be copied by the assignments below too.
static_assert(sizeof(ThreadState) == sizeof(ThreadScalars) + sizeof(std::string) + sizeof(std::vector<Frame>) +
                                         sizeof(PreparedOp) + sizeof(std::vector<uint32_t>));
static_assert(sizeof(PreparedOp) == sizeof(PreparedScalars) + sizeof(std::vector<uint32_t>) + 3 * sizeof(std::string));
static_assert(sizeof(Frame) == 2 * sizeof(int32_t) + sizeof(std::vector<int64_t>));

// `to = from`, skipping the call when both are empty (most texts and lists of a thread are).
template <typename Container>
inline void assignUnlessBothEmpty(Container& to, const Container& from)
{
    if (!to.empty() || !from.empty()) to = from;
}

inline void assignLocals(std::vector<int64_t>& to, const std::vector<int64_t>& from)
{
    if (to.size() != from.size()) {
        to = from;
        return;
    }
    for (size_t i = 0; i < from.size(); ++i) to[i] = from[i];
}

inline void assignFrames(std::vector<Frame>& to, const std::vector<Frame>& from)
{
    if (to.size() != from.size()) {
        to = from;
        return;
    }
    for (size_t i = 0; i < from.size(); ++i) {
        to[i].body = from[i].body;
        to[i].pc = from[i].pc;
        assignLocals(to[i].locals, from[i].locals);
    }
}

inline void assignPending(PreparedOp& to, const PreparedOp& from)
{
    static_cast<PreparedScalars&>(to) = from;
    assignUnlessBothEmpty(to.objects, from.objects);
    assignUnlessBothEmpty(to.path, from.path);
    assignUnlessBothEmpty(to.data, from.data);
    assignUnlessBothEmpty(to.renameTarget, from.renameTarget);
}

}  // namespace threadcopy

inline ThreadState& ThreadState::operator=(const ThreadState& other)
{
    if (this == &other) return *this;
    if (name.size() != other.name.size() || decl != other.decl || instance != other.instance) name = other.name;
    // An ended thread's pending operation is the default one (its exit reset it, and nothing
    // prepares an operation for it again): between two ended threads there is none to copy.
    const bool bothEnded = status == ThreadStatus::Done && other.status == ThreadStatus::Done;
    static_cast<ThreadScalars&>(*this) = other;
    threadcopy::assignFrames(frames, other.frames);
    if (!bothEnded) threadcopy::assignPending(pending, other.pending);
    threadcopy::assignUnlessBothEmpty(held, other.held);
    return *this;
}

}  // namespace checker
