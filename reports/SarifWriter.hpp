#pragma once
// SARIF 2.1.0 (REPORTS_AND_CLI.md "SARIF and JUnit"), for `--format sarif` and report.sarif, so
// that code-scanning viewers (GitHub, VS Code's SARIF viewer) show findings in the scenario file:
// - one run; tool.driver.rules = every finding kind, then "api_misuse/RULE" for every misuse
//   rule of RuleCatalog (and any other rule a finding names), each with descriptions and help;
// - one result per finding: ruleId, ruleIndex, level (the finding's severity), message,
//   locations (its first statement in the scenario file, line as region.startLine; the others as
//   relatedLocations), partialFingerprints from the schedule-independent fingerprint;
// - one codeFlow per finding whose threadFlows (one per thread, in order of first step) hold its
//   steps with executionOrder = the step's index in the witness, global across threads.
// Paths become relative URI references (percent-encoded); absolute paths file:// URIs.

#include "reports/ReportWriter.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace checker::report {

inline constexpr const char* kSarifSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

// The key of Finding::fingerprint in result.partialFingerprints.
inline constexpr const char* kSarifFingerprintKey = "checkerFingerprint/v1";

class SarifWriter : public ReportWriter {
public:
    std::string render(const Report& report) const override;
};

nlohmann::ordered_json reportToSarif(const Report& report);

// `path` as a URI reference: '/'-separated, bytes outside RFC 3986 unreserved characters and '/'
// percent-encoded; an absolute path becomes "file://" + path.
std::string uriOfPath(const std::string& path);

}  // namespace checker::report
