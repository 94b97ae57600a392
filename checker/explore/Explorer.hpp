#pragma once
// The explorer's public face: run a compiled Program under a strategy and return everything the
// command line needs (STYLE.md 4: the run returns a result object; main only maps it to output).

#include "checker/program/Program.hpp"
#include "reports/Report.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace checker {

enum class Strategy : uint8_t { Dpor, Bounded, Random, Pct };

struct ExploreOptions {
    Strategy strategy = Strategy::Dpor;
    std::optional<uint64_t> maxExecutions;   // stop after this many complete executions
    std::optional<double> timeLimitSeconds;  // stop after this much wall time
    bool stopOnFirst = false;                // stop at the first finding
    uint64_t maxSteps = 1'000'000;           // per-execution visible-step bound -> livelock
    // Memory budget in MiB (0: none): when the process's resident set grows past it, exploration
    // stops with stoppedBy "memory" (an incomplete report, not an out-of-memory kill).
    uint64_t maxMemoryMb = 4096;
    // dpor: threads exploring (Speculation.hpp), at most the machine's cores (two at least); the
    // result is the same for any value. Without effect with maxExecutions or stopOnFirst (a
    // budget that stops part-way through a subtree). Workers stop at half maxMemoryMb.
    unsigned jobs = 1;
    // jobs > 1, for tests: a branch offered to the workers is always explored by one (the
    // explorer waits for it, or explores it as a worker would), never taken back when no thread
    // has started on it yet: whether a test sees workers' subtrees taken does not hang on timing.
    bool waitForWorkers = false;
    // jobs > 1: executions explored before offering any branch to the workers (a tree smaller
    // than this is done sooner than a worker's first task, which runs on cold memory).
    uint64_t warmUpExecutions = 32;
    uint64_t seed = 0;                       // random / pct
    uint64_t runs = 1000;                    // random / pct
    int64_t preemptionBound = 2;             // bounded
    // dpor: steps between two checkpoints of the current execution — unset: chosen from the
    // size of the state (the default); 0: none, every backtrack replays from the initial state.
    // Only speed depends on it, never the result.
    std::optional<uint64_t> checkpointSpacing;
    // Set from another thread (e.g. a SIGINT handler) to stop exploration; the result is then
    // incomplete with stoppedBy "interrupt".
    const std::atomic<bool>* interrupt = nullptr;
};

// Progress, reported every so often while exploring (never affects the result).
struct Progress {
    uint64_t executions = 0;
    uint64_t steps = 0;
    uint64_t depth = 0;
    uint64_t findings = 0;
    double elapsedSeconds = 0;
};

struct ExploreResult {
    report::ExplorationStats stats;
    std::vector<report::Finding> findings;   // deduplicated by fingerprint, with counts; unsorted
    std::vector<report::Outcome> outcomes;   // every distinct final state, in discovery order
    uint64_t interpreterSteps = 0;           // steps actually run, replayed prefixes included
                                             // (a measure of work, for `checker bench`)
    // With jobs > 1: subtrees explored by workers and taken as they were, and those explored
    // again because what a worker started from had changed by then (timing: for `checker bench`).
    struct Parallel {
        uint64_t taken = 0;
        uint64_t redone = 0;
        uint64_t insertionsDropped = 0;   // by workers, as covered where the explorer replays them
    } parallel;
};

// Throws InputError naming the statement when the program uses a call (or a part of the format)
// the engine cannot run yet. explore() and replay() call it first; `checker validate` too.
void checkSupported(const Program& program);

// Explores `program`. Deterministic: the same program and options give the same result (timing
// aside), whatever `jobs` is. Throws InputError for options that do not fit the program.
ExploreResult explore(const Program& program, const ExploreOptions& options,
                      const std::function<void(const Progress&)>& onProgress = {});

// One visible step of a replayed witness, rendered for `checker replay`.
struct ReplayStep {
    uint64_t index = 0;                  // 1-based
    std::string thread;                  // thread name
    std::string statement;               // statement text, e.g. "ExAcquireFastMutex(M[1])"
    std::string pointer;                 // its JSON pointer
    int32_t line = 0;
    std::string result;                  // e.g. "status = STATUS_SUCCESS", "x = 42", "blocked"
    std::vector<std::string> objectStates;  // touched objects after the step: "M[1]: owner T1, waiters: T2"
    std::vector<std::string> objects;       // the touched objects' names, e.g. "M[1]"
};

struct ReplayResult {
    bool scheduleValid = true;           // false: an entry named a thread that could not step
    std::string problem;                 // why the schedule did not replay, if it did not
    std::vector<ReplayStep> steps;
    uint64_t stepsRun = 0;               // steps of the witness that ran
    std::vector<report::Finding> findings;     // findings raised during the replayed execution
    std::vector<std::string> blockedThreads;   // at the end: "T2 waits for M[1] (owner T1; other waiters: -)"
    // The same threads as steps (index 0): where each waits, result = its blockedThreads entry.
    std::vector<ReplayStep> blockedSteps;
    std::string finalState;                    // summary of the final globals, when every thread ended
};

// What replay() knows of a step before running it, for a caller that describes only some.
struct ReplayProbe {
    uint64_t index = 0;       // 1-based
    int32_t stmt = -1;        // the statement it runs (-1: an APC delivery, a thread's exit)
    int32_t object = -1;      // the kernel object its call names, -1 if none
};

// Re-executes `witness` from the initial state, step by step. With `describe`, a step it
// refuses is run without being rendered and gets no ReplayStep (rendering and keeping every step
// of a 100,000-step witness costs more than running it): `steps` then holds the described ones,
// by increasing index, and `stepsRun` counts them all. Without `detect`, the steps run without the
// race, lock-order and wait-for-cycle detectors (about twice as fast; `findings` then lacks what
// those find): for a caller that wants the steps, not the findings.
ReplayResult replay(const Program& program, const report::Witness& witness,
                    const ExploreOptions& options,
                    const std::function<bool(const ReplayProbe&)>& describe = {}, bool detect = true);

// Replays every witness as replay(program, *witnesses[i], options, describes[i], false) does,
// each step the witnesses have in common run once: the results, in the same order, are those,
// except that `findings` stays empty. Witnesses of one exploration share long prefixes (a
// 100,000-step loop before each finding of a seed program): their traces cost one replay.
std::vector<ReplayResult> replayShared(const Program& program, const std::vector<const report::Witness*>& witnesses,
                                       const ExploreOptions& options,
                                       const std::vector<std::function<bool(const ReplayProbe&)>>& describes);

}  // namespace checker
