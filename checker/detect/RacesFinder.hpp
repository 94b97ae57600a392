#pragma once
// Turns the steps of an execution into data_race and file_race findings: keeps happens-before
// (HappensBefore.hpp), checks each step's accesses (Races.hpp), and builds one finding per pair of
// statements and execution (the collector then counts executions). A finding names both
// statements with their threads, the location (global or path), and carries the schedule up to
// the second access as its witness (the caller attaches it).

#include "checker/detect/HappensBefore.hpp"
#include "checker/detect/Races.hpp"
#include "checker/exec/World.hpp"
#include "reports/Report.hpp"

#include <array>
#include <compare>
#include <cstdint>
#include <vector>

namespace checker {

class RacesFinder {
public:
    explicit RacesFinder(const Program& program) : program_(program), anyRacyStep_(anyRacyStep(program)) {}

    // Whether some step of `program` can be in a race at all: a plain (not atomic) load or store
    // of a global, or a file call. Without one, every step is skipped: atomic accesses never race
    // with one another, and synchronization alone is no race (the classic benchmarks are all
    // atomics: keeping happens-before for nothing was a fifth of their time).
    static bool anyRacyStep(const Program& program);

    // A pair of statements found racing (lower statement first).
    struct StatementPair {
        bool file = false;
        int32_t first = -1, second = -1;
        auto operator<=>(const StatementPair&) const = default;
    };
    // The latest step observed, as far as the next one may repeat it: a step of the same thread,
    // kind and footprint right after a repeatable one judges nothing and synchronizes nothing
    // (RaceDetector::recordRepeat), unless it wakes or creates a thread.
    struct LatestStep {
        static constexpr uint32_t kMaxTouches = RaceDetector::kMaxRepeatedTouches;
        bool repeatable = false;   // a file call whose touches synchronize nothing, that judged
                                   // only exclusive ones, and has at most kMaxTouches
        StepKind kind = StepKind::Other;
        uint32_t thread = 0;
        uint32_t count = 0;
        std::array<Touch, kMaxTouches> touches{};
        // Repeats since the step the detector recorded: the latest one's epoch and statement,
        // which the detector records (recordRepeat) before it looks at its histories again.
        // (Recording each repeat rewrote the same histories at every step of a loop.)
        bool repeated = false;
        uint32_t repeatEpoch = 0;
        int32_t repeatStmt = -1;
        bool repeatedBy(uint32_t t, StepKind k, const Footprint& fp) const
        {
            if (!repeatable || thread != t || kind != k || fp.touches.size() != count) return false;
            for (uint32_t i = 0; i < count; ++i)
                if (fp.touches[i] != touches[i]) return false;
            return true;
        }
    };
    // What an execution has built up so far: a copy is part of a checkpoint.
    struct State {
        HappensBefore hb;
        RaceDetector detector;
        std::vector<StatementPair> reported;   // this execution's statement pairs, sorted (few)
        LatestStep latest;
    };
    const State& state() const { return state_; }
    // (A finder of a program with nothing racy keeps the empty state it started with: restoring
    // one copied a checkpoint's empty state for nothing, at every backtrack.)
    void restore(const State& state)
    {
        if (anyRacyStep_) state_ = state;
    }

    // Starts an execution from `world`'s initial state.
    void begin(const World& world);

    // What a step is, for the race rules: read from the stepping thread's pending operation
    // before the step runs (inline: asked before every step).
    static StepKind stepKind(const PreparedOp& op)
    {
        switch (op.kind) {
        case PendingKind::Load:
        case PendingKind::Store:
            if (!op.instr || !op.instr->atomic) return StepKind::PlainGlobal;
            return op.kind == PendingKind::Load ? StepKind::AtomicLoad : StepKind::AtomicStore;
        case PendingKind::Call: return callKind(op.api);
        default: return StepKind::Other;
        }
    }
    // The kind of a call to `api` (below Api::Count_): callKindRule's, looked up in a table (the
    // rule took up to three range tests before every call step).
    static StepKind callKind(Api api) { return kCallKinds[size_t(api)]; }
    // The race rules' kind of a call to `api`: interlocked calls update atomically, ZwClose
    // closes, the other Zw calls are file calls, the rest is nothing racy.
    static constexpr StepKind callKindRule(Api api)
    {
        if (api >= Api::InterlockedIncrement && api <= Api::InterlockedCompareExchange) return StepKind::AtomicUpdate;
        if (api == Api::ZwClose) return StepKind::FileClose;
        if (api >= Api::ZwCreateFile && api <= Api::ZwDeleteFile) return StepKind::FileCall;
        return StepKind::Other;
    }

    // Thread t took a step: `fp` and `kind` / `stmt` were taken before it ran, `effects` is what
    // it did, `world` the state after it. New findings go to `out` (without witness).
    // (Inline: a program with nothing racy returns at once, and most steps of a thread's loop
    // repeat its latest step and take the short way, both without the general one's frame.)
    void onStep(const World& world, uint32_t t, StepKind kind, int32_t stmt, const Footprint& fp,
                const StepEffects& effects, std::vector<report::Finding>& out)
    {
        if (!anyRacyStep_) return;
        // A woken or created thread takes t's clock: publish() must run.
        LatestStep& latest = state_.latest;
        if (latest.repeatedBy(t, kind, fp) && effects.woken.empty() && effects.createdThread < 0) {
            latest.repeated = true;
            latest.repeatEpoch = state_.hb.epoch(t);
            latest.repeatStmt = stmt;
            state_.hb.advance(t);
            return;
        }
        if (latest.repeated) recordRepeats();
        onStepGeneral(world, t, kind, stmt, fp, effects, out);
    }

private:
    // Records the latest step's repeats in the detector: the latest one alone (each repeat
    // replaces the records of the one before it, and raced with nothing).
    void recordRepeats();
    // onStep for any step.
    void onStepGeneral(const World& world, uint32_t t, StepKind kind, int32_t stmt, const Footprint& fp,
                       const StepEffects& effects, std::vector<report::Finding>& out);
    // Keeps thread t's step (kind `kind`, footprint `fp`) as the latest one;
    // `touchesSynchronizeNothing` when its touches were seen to join and publish nothing (a
    // blocked step's were not looked at).
    void remember(uint32_t t, StepKind kind, const Footprint& fp, bool touchesSynchronizeNothing);
    // Describes to `out` each race of races_ whose statement pair this execution has not
    // reported yet (out of line: most steps find none, and describing needs a large frame).
    void reportNew(const World& world, std::vector<report::Finding>& out);
    report::Finding describe(const World& world, const RacePair& race) const;
    std::string locationName(const World& world, Location l) const;

    const Program& program_;
    bool anyRacyStep_;
    State state_;
    std::vector<RacePair> races_;   // scratch

    // callKindRule() of every Api, by its number.
    static const std::array<StepKind, size_t(Api::Count_)> kCallKinds;
};

inline const std::array<StepKind, size_t(Api::Count_)> RacesFinder::kCallKinds = [] {
    std::array<StepKind, size_t(Api::Count_)> kinds{};
    for (size_t i = 0; i < kinds.size(); ++i) kinds[i] = callKindRule(Api(i));
    return kinds;
}();

}  // namespace checker
