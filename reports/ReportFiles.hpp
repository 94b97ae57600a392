#pragma once
// The files of one run in its output folder: report.json, report.sarif, one .dot per finding
// that has a graph and one per finding that has a trace (named by canonicalize():
// "F1-deadlock.dot", "F1-interleaving.dot"). Nothing is written outside the folder.

#include "reports/Report.hpp"

#include <filesystem>

namespace checker::report {

// The name of the report file inside an output folder.
inline constexpr const char* kReportFileName = "report.json";
inline constexpr const char* kSarifFileName = "report.sarif";

// Writes the DOT files, report.sarif, then report.json (so a report never names a DOT file that
// is not there yet), each atomically, into `folder`, which must exist. DOT files left there by an earlier run
// (F<n>-<kind>.dot) that this report does not name are removed. Returns report.json's path.
// Throws ReportError when a file cannot be written.
std::filesystem::path writeReportFiles(const Report& report, const std::filesystem::path& folder);

}  // namespace checker::report
