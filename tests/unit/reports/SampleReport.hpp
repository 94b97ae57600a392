#pragma once
// A hand-built report shared by the writer tests: one deadlock with a graph, one api_misuse with a
// rule and no graph, two outcomes, unmet expectations.

#include "reports/Report.hpp"

#include <fstream>
#include <sstream>
#include <string>

namespace checker::report::testing {

inline Witness witnessOf(std::initializer_list<int> entries)
{
    Witness witness;
    for (const int entry : entries)
        witness.schedule.push_back(entry < 0 ? ScheduleEntry{true, uint32_t(-entry - 1)}
                                             : ScheduleEntry{false, uint32_t(entry)});
    return witness;
}

inline Finding deadlockFinding()
{
    Finding finding;
    finding.kind = FindingKind::Deadlock;
    finding.fingerprint = "deadlock:FileResource1,FileResource2:/threads/0/body/1,/threads/1/body/1";
    finding.message = "FileMoveThread holds FileResource1 and waits for FileResource2; "
                      "FileDeletionThread holds FileResource2 and waits for FileResource1";
    finding.executions = 3;
    finding.threads = {"FileMoveThread", "FileDeletionThread"};
    finding.objects = {"FileResource1", "FileResource2"};
    finding.locations = {{"FileMoveThread", "/threads/0/body/1", "", 12, "ExAcquireResourceExclusiveLite(FileResource2)"},
                         {"FileDeletionThread", "/threads/1/body/1", "take_first", 0, ""}};
    Graph graph;
    graph.nodes = {{"FileMoveThread", "thread", ""},
                   {"FileDeletionThread", "thread", ""},
                   {"FileResource1", "ERESOURCE", "exclusive"},
                   {"FileResource2", "ERESOURCE", ""},
                   {"C:\\Temp\\a \"b\".txt", "file", ""}};
    graph.edges = {{"FileResource1", "FileMoveThread", "held exclusive by"},
                   {"FileMoveThread", "FileResource2", "waits exclusive"},
                   {"FileResource2", "FileDeletionThread", "held exclusive by"},
                   {"FileDeletionThread", "FileResource1", "waits exclusive"},
                   {"FileMoveThread", "C:\\Temp\\a \"b\".txt", "opened by"}};
    graph.cycle = {"FileMoveThread", "FileResource2", "FileDeletionThread", "FileResource1"};
    finding.graph = graph;
    finding.witness = witnessOf({0, 0, 1, 1, 1, 1, -1, 0, 1, 1, 1});
    return finding;
}

// The deadlock with the trace the command line would attach: an abridged witness (steps 3-8 left
// out) and the two blocked attempts.
inline Finding tracedDeadlockFinding()
{
    Finding finding = deadlockFinding();
    Trace trace;
    trace.witnessSteps = 11;
    trace.steps = {
        {1, "FileMoveThread", "ExAcquireResourceExclusiveLite(FileResource1)", "/threads/0/body/0", "", 11,
         "result = TRUE", {"FileResource1"}, false},
        {2, "FileDeletionThread", "ExAcquireResourceExclusiveLite(FileResource2)", "/threads/1/body/0", "take_first", 29,
         "", {"FileResource2"}, false},
        {9, "FileDeletionThread", "x = load <counter>", "/threads/1/body/2", "", 31, "", {}, false},
        {10, "FileDeletionThread", "exit", "", "", 0, "", {}, false},
        {11, "FileMoveThread", "store counter = x + 1 & \"big\"", "/threads/0/body/3", "", 14, "", {}, false},
        {12, "FileMoveThread", "ExAcquireResourceExclusiveLite(FileResource2)", "/threads/0/body/1", "", 12,
         "waits for FileResource2", {"FileResource2"}, true},
        {13, "FileDeletionThread", "ExAcquireResourceExclusiveLite(FileResource1)", "/threads/1/body/1", "take_first", 0,
         "waits for FileResource1", {"FileResource1"}, true},
    };
    finding.trace = trace;
    finding.notes = {"both threads run at PASSIVE_LEVEL"};
    return finding;
}

inline Finding misuseFinding()
{
    Finding finding;
    finding.kind = FindingKind::ApiMisuse;
    finding.rule = "RELEASE_NOT_OWNED";
    finding.severity = Severity::Warning;
    finding.fingerprint = "api_misuse:RELEASE_NOT_OWNED:/threads/1/body/4";
    finding.message = "FileDeletionThread releases FileResource1, which it does not own";
    finding.threads = {"FileDeletionThread"};
    finding.objects = {"FileResource1"};
    finding.locations = {{"FileDeletionThread", "/threads/1/body/4", "", 30, "ExReleaseResourceLite(FileResource1)"}};
    finding.witness = witnessOf({1, 1});
    return finding;
}

// The sample before canonicalize(): findings out of order and without ids.
inline Report sampleReport()
{
    Report report;
    report.checkerVersion = "0.1.0";
    report.scenarioName = "lock_order";
    report.scenarioFile = "scenarios/lock_order.json";
    report.scenarioDescription = "two threads take two resources in opposite orders";
    report.params = {{"N", 1000}, {"DELAY", -2}};
    report.options.maxSteps = 10000000;
    report.exploration = {true, "", 7, 0, 1, 2, 412345, 208011, 0.2104};
    report.findings = {misuseFinding(), deadlockFinding()};
    report.outcomes = {{"b2", 1, "C:\\Temp: 0 files", witnessOf({1, 1, 0})},
                       {"a1", 6, "C:\\Temp: 1000 files; C:\\Temp2: 0 files", witnessOf({})}};
    report.expectations = {true, false, {"api_misuse: expected 0, found 1"}};
    return report;
}

inline std::string readTextFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline std::string goldenPath(const std::string& name)
{
    return std::string(CHECKER_SOURCE_ROOT) + "/tests/unit/reports/golden/" + name;
}

// The sample with traces, as `checker run` writes it.
inline Report tracedSampleReport()
{
    Report report = sampleReport();
    report.findings = {misuseFinding(), tracedDeadlockFinding()};
    Trace misuseTrace;
    misuseTrace.witnessSteps = 2;
    misuseTrace.steps = {{1, "FileDeletionThread", "ExAcquireResourceExclusiveLite(FileResource2)", "/threads/1/body/0", "", 29, "", {}, false},
                         {2, "FileDeletionThread", "ExReleaseResourceLite(FileResource1)", "/threads/1/body/4", "", 30, "", {}, false}};
    report.findings[0].trace = misuseTrace;
    return report;
}

}  // namespace checker::report::testing
