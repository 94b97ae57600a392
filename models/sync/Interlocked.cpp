// The Interlocked family on shared globals: one atomic read-modify-write step each. All operations
// on one location are totally ordered (every one is a Write to it), which is also the
// happens-before they create (SEMANTICS.md Part A.7). Arithmetic is 64-bit; overflow is a
// runtime_error like every other overflow in a scenario.

#include "checker/exec/Interpreter.hpp"
#include "models/ModelRegistry.hpp"

namespace checker {

namespace {

class InterlockedOp : public CallModel {
public:
    explicit InterlockedOp(Api api) : api_(api) {}

    void footprint(const World&, ThreadId, const PreparedOp& op, Footprint& out) const override
    {
        out.add(makeLocation(LocationClass::Global, op.object), Access::Write);
    }

    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        int64_t& cell = world.globals[op.object];
        int64_t old = cell;
        int64_t next = old;
        int64_t result = old;
        bool overflow = false;
        switch (api_) {
        case Api::InterlockedIncrement: overflow = __builtin_add_overflow(old, 1, &next); result = next; break;
        case Api::InterlockedDecrement: overflow = __builtin_sub_overflow(old, 1, &next); result = next; break;
        case Api::InterlockedExchange: next = op.value; break;
        case Api::InterlockedExchangeAdd: overflow = __builtin_add_overflow(old, op.value, &next); break;
        case Api::InterlockedCompareExchange: next = old == op.comparand ? op.exchange : old; break;
        default: break;
        }
        if (overflow) {
            raiseRuntimeError(effects, t, op.stmt, "integer overflow in " + std::string(apiSpec(api_).name));
            return;
        }
        cell = next;
        setLocal(world, t, op.call->outResult, result);
        if (effects.wantText) effects.result = "result = " + std::to_string(result);
    }

private:
    Api api_;
};

}  // namespace

void registerInterlocked(ModelTable& table)
{
    static const InterlockedOp increment(Api::InterlockedIncrement);
    static const InterlockedOp decrement(Api::InterlockedDecrement);
    static const InterlockedOp exchange(Api::InterlockedExchange);
    static const InterlockedOp exchangeAdd(Api::InterlockedExchangeAdd);
    static const InterlockedOp compareExchange(Api::InterlockedCompareExchange);
    table[size_t(Api::InterlockedIncrement)] = &increment;
    table[size_t(Api::InterlockedDecrement)] = &decrement;
    table[size_t(Api::InterlockedExchange)] = &exchange;
    table[size_t(Api::InterlockedExchangeAdd)] = &exchangeAdd;
    table[size_t(Api::InterlockedCompareExchange)] = &compareExchange;
}

}  // namespace checker
