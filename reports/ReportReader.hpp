#pragma once
// Reading a report.json back, for `checker replay`: which scenario (file and bound params) it was
// made from, the run's step bound, and one finding with its witness. Only what replay needs is
// read; everything read is checked, and a malformed report is a ReportError naming the report file
// and the JSON pointer of the problem, never a crash.

#include "reports/Report.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace checker::report {

// A finding as read back from a report.
struct ReportedFinding {
    std::string id;
    FindingKind kind = FindingKind::AssertionFailure;
    std::string rule;         // "" = none
    std::string fingerprint;
    std::string message;
    Witness witness;
    std::vector<std::string> notes;
};

// What `checker replay` needs to re-run one finding.
struct ReplayTarget {
    std::string scenarioName;
    std::string scenarioFile;                 // as recorded (relative to where `run` was started)
    std::map<std::string, int64_t> params;    // the bound values of the run
    std::optional<uint64_t> maxSteps;         // options.max_steps, when recorded
    ReportedFinding finding;
};

// What `checker render` draws: a finding's DOT files, named as canonicalize() names them.
struct FindingDrawings {
    std::string id;
    FindingKind kind = FindingKind::AssertionFailure;
    std::string graphDot;         // "F1-deadlock.dot", or "" when the finding has no graph
    std::string interleavingDot;  // "F1-interleaving.dot", or ""
};

// Parses report text. Throws ReportError("file: line:column: ...") when it is not JSON.
nlohmann::json parseReportText(const std::string& text, const std::string& file);

// The witness of finding `findingId` ("F1") of `report`. Throws ReportError when the report is not
// schema 1, has no such finding, or the witness is malformed (including `steps` disagreeing with
// the schedule's length).
Witness readWitnessFromReport(const nlohmann::json& report, const std::string& findingId,
                              const std::string& file = "report.json");

// The scenario, params, step bound and finding `findingId` of `report`; without an id, the first
// finding. Throws ReportError as readWitnessFromReport does, and when the report has no findings.
ReplayTarget readReplayTarget(const nlohmann::json& report, const std::optional<std::string>& findingId,
                              const std::string& file);

// The drawings of finding `findingId`; without an id, of the first finding that has the wanted
// one (a graph, or with `interleaving` an interleaving). Throws ReportError as readReplayTarget
// does, when no finding has the wanted drawing, and when a DOT name is not of the form
// F<n>-<word>.dot (so that a report cannot make render read or write outside its folder).
FindingDrawings readFindingDrawings(const nlohmann::json& report, const std::optional<std::string>& findingId,
                                    bool interleaving, const std::string& file);

}  // namespace checker::report
