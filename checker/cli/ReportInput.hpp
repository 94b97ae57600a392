#pragma once
// Reading a report.json given on the command line (`replay`, `render`).

#include <nlohmann/json.hpp>

#include <string>

namespace checker::cli {

// The parsed report at `path`. Throws report::ReportError when it cannot be read or is not JSON.
nlohmann::json readReportJson(const std::string& path);

}  // namespace checker::cli
