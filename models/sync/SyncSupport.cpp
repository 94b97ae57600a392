#include "models/sync/SyncSupport.hpp"

#include <algorithm>

namespace checker::sync {

std::string nameOf(const World& world, uint32_t id) { return objectName(*world.program, id); }

void raiseMisuse(StepEffects& effects, ThreadId t, int32_t stmt, std::string rule, std::string message,
                 std::vector<uint32_t> objects, bool stops)
{
    ModelIssue issue;
    issue.kind = ModelIssue::Kind::ApiMisuse;
    issue.thread = int32_t(t);
    issue.stmt = stmt;
    issue.rule = std::move(rule);
    issue.message = std::move(message);
    issue.objects = std::move(objects);
    issue.stopsExecution = stops;
    effects.issues.push_back(std::move(issue));
}

bool normalApcsEnabled(const ThreadState& th)
{
    return th.irql == Irql::Passive && th.kernelApcDisable == 0 && th.specialApcDisable == 0;
}

void noteAcquired(World& world, ThreadId t, uint32_t id, int32_t stmt, StepEffects& effects)
{
    world.threads[t].held.push_back(id);
    effects.acquired.push_back(LockAcquisition{int32_t(t), id, stmt});
}

void noteReleased(World& world, ThreadId t, uint32_t id)
{
    auto& held = world.threads[t].held;
    auto it = std::find(held.rbegin(), held.rend(), id);
    if (it != held.rend()) held.erase(std::next(it).base());
}

bool checkReinitialize(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects)
{
    const ObjectState& o = world.objects[op.object];
    bool inUse = o.owner != kNoThread || !o.holders.empty() || !o.waiters.empty();
    if (!inUse) return true;
    raiseMisuse(effects, t, op.stmt, "REINITIALIZED_IN_USE",
                world.threads[t].name + " re-initializes " + nameOf(world, op.object) +
                    " while it is held or waited for: its owners and waiters are lost (corruption; "
                    "Driver Verifier 0xC4/0xD0 for an ERESOURCE)",
                {op.object}, true);
    return false;
}

int32_t holdCount(const ObjectState& o, int32_t thread)
{
    for (const Holder& h : o.holders)
        if (h.thread == thread) return h.count;
    return 0;
}

void addHold(ObjectState& o, int32_t thread)
{
    for (Holder& h : o.holders)
        if (h.thread == thread) {
            h.count++;
            return;
        }
    auto at = std::find_if(o.holders.begin(), o.holders.end(), [&](const Holder& h) { return h.thread > thread; });
    o.holders.insert(at, Holder{thread, 1});
}

bool dropHold(ObjectState& o, int32_t thread)
{
    for (auto it = o.holders.begin(); it != o.holders.end(); ++it) {
        if (it->thread != thread) continue;
        if (--it->count == 0) o.holders.erase(it);
        return true;
    }
    return false;
}

std::vector<int32_t> holderThreads(const ObjectState& o)
{
    std::vector<int32_t> out;
    for (const Holder& h : o.holders) out.push_back(h.thread);
    return out;
}

void enqueue(ObjectState& o, int32_t thread, uint8_t mode) { o.waiters.push_back(Waiter{thread, mode}); }

bool dequeue(ObjectState& o, int32_t thread)
{
    auto it = std::find_if(o.waiters.begin(), o.waiters.end(), [&](const Waiter& w) { return w.thread == thread; });
    if (it == o.waiters.end()) return false;
    o.waiters.erase(it);
    return true;
}

void grantWaiter(World& world, int32_t w, int32_t outSlot, int64_t value, StepEffects& effects)
{
    setLocal(world, ThreadId(w), outSlot, value);
    world.threads[size_t(w)].waiting = false;
    effects.woken.push_back(w);
}

std::string threadList(const World& world, const std::vector<int32_t>& threads)
{
    std::string out;
    for (int32_t t : threads) out += (out.empty() ? "" : ", ") + world.threads[size_t(t)].name;
    return out;
}

std::string statusText(int64_t status)
{
    if (status == ntStatus(kStatusSuccess)) return "STATUS_SUCCESS";
    if (status == ntStatus(kStatusTimeout)) return "STATUS_TIMEOUT";
    if (status == ntStatus(kStatusAbandoned)) return "STATUS_ABANDONED";
    if (status > 0 && status < 64) return "STATUS_WAIT_" + std::to_string(status);
    return std::to_string(status);
}

}  // namespace checker::sync
