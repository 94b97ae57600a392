#pragma once
// The report model: everything a run found, as plain values. The explorer and detectors fill it;
// every writer (JSON, text, DOT, SARIF, JUnit) renders it; `checker replay` reads its witness back.
// This header depends on nothing of the engine (reports/ is a leaf: ARCHITECTURE.md).

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace checker::report {

// Finding kinds with their stable string ids (the JSON `kind`, SARIF `ruleId`, fingerprint prefix).
enum class FindingKind : uint8_t {
    Deadlock,
    LockOrderInversion,
    DataRace,
    FileRace,
    LostFile,
    UnexpectedFile,
    FileContent,
    OutcomeDivergence,
    AssertionFailure,
    ApiMisuse,
    Livelock,
    RuntimeError,
    Count_
};

const char* findingKindId(FindingKind kind);                    // e.g. "deadlock"
std::optional<FindingKind> findingKindFromId(const std::string& id);

// One entry of a witness schedule: the thread (creation order) that took a visible step, or the
// delivery of APC `index` (an APC delivery is its own entry).
struct ScheduleEntry {
    bool apc = false;
    uint32_t index = 0;
    bool operator==(const ScheduleEntry&) const = default;
};

// A counterexample as a value: replaying `schedule` from the initial state reproduces the finding.
struct Witness {
    std::vector<ScheduleEntry> schedule;
    uint64_t steps() const { return schedule.size(); }
};

struct GraphNode {
    std::string id;
    std::string type;    // "thread", or the object type ("FAST_MUTEX", "ERESOURCE", ...), "file"
    std::string detail;  // e.g. "held exclusive by T1", mode/holders; may be empty
};

struct GraphEdge {
    std::string from, to;
    std::string label;   // "held by", "held exclusive by", "waits exclusive", "waits for", ...
};

struct Graph {
    std::vector<GraphNode> nodes;
    std::vector<GraphEdge> edges;
    std::vector<std::string> cycle;  // node ids around the cycle, first not repeated; may be empty
};

struct Location {
    std::string thread;
    std::string pointer;   // JSON pointer of the statement
    std::string label;     // "" = none
    int32_t line = 0;      // 0 = unknown
    std::string text;      // short rendering of the statement
};

// One step of a finding's witness as a replay showed it. The command line fills these by
// replaying the witness (reports/ cannot run anything); the text, interleaving DOT and SARIF
// writers render them. Not part of report.json: the witness schedule is the value, a trace is
// one rendering of it, and `checker replay` makes it again.
struct TraceStep {
    uint64_t index = 0;                // position in the witness, 1-based; blocked attempts follow
                                       // the last step (witness length + 1, + 2, ...)
    std::string thread;
    std::string statement;             // e.g. "ExAcquireFastMutex(B)", "value = load counter", "exit"
    std::string pointer;               // JSON pointer of the statement; "" for exit, APC delivery
    std::string label;                 // "" = none
    int32_t line = 0;                  // 0 = unknown
    std::string result;                // e.g. "status = STATUS_SUCCESS"; for a blocked attempt,
                                       // what it waits for
    std::vector<std::string> objects;  // names of the objects the step touched
    bool blocked = false;              // an attempt that never completed: the thread waits here
};

// The steps of a witness worth showing. Long witnesses are abridged: `steps` keep their witness
// indexes, so a jump in index is a run of steps left out (`checker replay` prints every step).
struct Trace {
    uint64_t witnessSteps = 0;         // length of the whole witness
    std::vector<TraceStep> steps;      // increasing index; blocked attempts last
};

enum class Severity : uint8_t { Error, Warning, Note };
const char* severityId(Severity s);

struct Finding {
    std::string id;                 // F1, F2, ... assigned after sorting
    FindingKind kind = FindingKind::AssertionFailure;
    std::string rule;               // api_misuse rule id; "" = none
    Severity severity = Severity::Error;
    std::string fingerprint;        // schedule-independent: kind + statements + objects
    std::string message;
    uint64_t executions = 1;        // how many explored executions showed it
    std::vector<std::string> threads;
    std::vector<std::string> objects;
    std::vector<Location> locations;
    std::optional<Graph> graph;
    std::string dotFile;            // "" when no DOT is written for this kind
    Witness witness;
    // Facts that explain the finding beyond its message, one per line (e.g. for a lost file:
    // where the file ended up); written as "notes" in report.json when present.
    std::vector<std::string> notes;
    // The witness as replayed, when the command line attached it; "" / nullopt otherwise.
    std::optional<Trace> trace;
    std::string interleavingDotFile;  // "F1-interleaving.dot" when trace is set
};

struct Outcome {
    std::string digest;
    uint64_t executions = 0;
    std::string summary;
    Witness witness;
};

struct ExplorationStats {
    bool complete = true;
    std::string stoppedBy;          // "" = null; "max_executions", "time_limit", "first_finding",
                                    // "interrupt", "memory", "runs"
    uint64_t executions = 0;        // complete executions (all threads ended or a finding stopped it)
    uint64_t blockedExecutions = 0; // sleep-set-blocked executions (0 once the explorer is optimal)
    uint64_t assumeDiscarded = 0;
    uint64_t distinctOutcomes = 0;
    uint64_t steps = 0;             // visible steps executed in total
    uint64_t maxDepth = 0;          // longest execution, in visible steps
    double elapsedSeconds = 0;      // timing: may differ between runs
};

struct RunOptions {
    std::string strategy = "dpor";
    unsigned jobs = 1;
    std::optional<uint64_t> maxExecutions;
    std::optional<double> timeLimitSeconds;
    std::optional<uint64_t> maxSteps;
    std::optional<int64_t> preemptionBound;
    std::optional<uint64_t> seed;
    std::optional<uint64_t> runs;
    bool stopOnFirst = false;
};

struct Expectations {
    bool checked = false;
    bool met = true;
    std::vector<std::string> mismatches;
};

struct Report {
    static constexpr int kSchema = 1;
    std::string checkerVersion;
    std::string scenarioName;
    std::string scenarioFile;
    std::string scenarioDescription;
    std::map<std::string, int64_t> params;
    RunOptions options;
    ExplorationStats exploration;
    std::vector<Finding> findings;   // sorted by kind then fingerprint; ids F1.. in that order
    std::vector<Outcome> outcomes;   // at most 16 listed; total in exploration.distinctOutcomes
    Expectations expectations;

    // "pass" when the expectations are met or, without an expect block, when every finding is an
    // outcome_divergence (SCENARIO_FORMAT.md "Expectations"); "fail" otherwise.
    std::string verdict() const;
};

// Sorts findings by (kind, fingerprint) and assigns ids F1, F2, ...; sets dotFile names for the
// findings that have a graph ("F1-deadlock.dot") and interleavingDotFile for those with a trace
// ("F1-interleaving.dot").
void canonicalize(Report& report);

// canonicalize() also orders outcomes (most executions first, then by digest), keeps the first
// kMaxListedOutcomes of them and makes exploration.distinctOutcomes at least the number it was given.
inline constexpr size_t kMaxListedOutcomes = 16;

}  // namespace checker::report
