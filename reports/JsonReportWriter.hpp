#pragma once
// report.json, schema 1 (REPORTS_AND_CLI.md): keys in the documented order, `null` for unset
// options and absent values, `graph` only when a finding has one, witness schedules run-length
// encoded (ScheduleCodec.hpp). Deterministic: the same Report gives byte-identical text.

#include "reports/ReportWriter.hpp"

#include <nlohmann/json.hpp>

namespace checker::report {

// The report as a JSON value, keys in schema order. `elapsed_s` is rounded to milliseconds.
nlohmann::ordered_json reportToJson(const Report& report);

class JsonReportWriter : public ReportWriter {
public:
    // formatJson(reportToJson(report)) followed by a newline.
    std::string render(const Report& report) const override;
};

}  // namespace checker::report
