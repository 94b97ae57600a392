#include "checker/exec/World.hpp"

namespace checker {

namespace {

// A member added to ThreadState or PreparedOp must be copied by the assignments below too.
static_assert(sizeof(ThreadState) == sizeof(ThreadScalars) + sizeof(std::string) + sizeof(std::vector<Frame>) +
                                         sizeof(PreparedOp) + sizeof(std::vector<uint32_t>));
static_assert(sizeof(PreparedOp) == sizeof(PreparedScalars) + sizeof(std::vector<uint32_t>) + 3 * sizeof(std::string));
static_assert(sizeof(Frame) == 2 * sizeof(int32_t) + sizeof(std::vector<int64_t>));

// `to = from`, skipping the call when both are empty (most texts and lists of a thread are).
template <typename Container>
void assignUnlessBothEmpty(Container& to, const Container& from)
{
    if (!to.empty() || !from.empty()) to = from;
}

void assignLocals(std::vector<int64_t>& to, const std::vector<int64_t>& from)
{
    if (to.size() != from.size()) {
        to = from;
        return;
    }
    for (size_t i = 0; i < from.size(); ++i) to[i] = from[i];
}

void assignFrames(std::vector<Frame>& to, const std::vector<Frame>& from)
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

void assignPending(PreparedOp& to, const PreparedOp& from)
{
    static_cast<PreparedScalars&>(to) = from;
    assignUnlessBothEmpty(to.objects, from.objects);
    assignUnlessBothEmpty(to.path, from.path);
    assignUnlessBothEmpty(to.data, from.data);
    assignUnlessBothEmpty(to.renameTarget, from.renameTarget);
}

}  // namespace

ThreadState& ThreadState::operator=(const ThreadState& other)
{
    if (this == &other) return *this;
    if (name.size() != other.name.size() || decl != other.decl || instance != other.instance) name = other.name;
    static_cast<ThreadScalars&>(*this) = other;
    assignFrames(frames, other.frames);
    assignPending(pending, other.pending);
    assignUnlessBothEmpty(held, other.held);
    return *this;
}

}  // namespace checker
