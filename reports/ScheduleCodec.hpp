#pragma once
// The JSON form of a witness schedule (REPORTS_AND_CLI.md): one entry per visible step, the
// thread index as a number, an APC delivery as {"apc": k}, and a run of kMinRun or more steps of
// the same thread as [thread, count]. Encoding is deterministic; decoding accepts any mix of the
// three forms (also runs shorter than kMinRun) and is the inverse of encoding.

#include "reports/Report.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace checker::report {

// Shortest run of equal thread entries that is written as [thread, count].
inline constexpr size_t kMinRun = 3;

// Longest schedule decodeSchedule() accepts, so that a hostile report cannot make replay
// allocate without bound.
inline constexpr uint64_t kMaxScheduleSteps = 100'000'000;

nlohmann::ordered_json encodeSchedule(const std::vector<ScheduleEntry>& schedule);

// Decodes the schedule at `pointer` of report `file`. Throws ReportError naming file and the
// pointer of the offending entry when an entry is not one of the three forms, an index or count
// is negative or too large, or the total exceeds kMaxScheduleSteps.
std::vector<ScheduleEntry> decodeSchedule(const nlohmann::json& schedule, const std::string& file,
                                          const std::string& pointer);

}  // namespace checker::report
