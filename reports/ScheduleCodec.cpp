#include "reports/ScheduleCodec.hpp"

#include "reports/ReportError.hpp"

#include <limits>

namespace checker::report {

namespace {

constexpr const char* kEntryForms =
    "a schedule entry must be a thread index, [thread, count] or {\"apc\": index}";

uint32_t indexValue(const nlohmann::json& value, const std::string& file, const std::string& pointer)
{
    if (!value.is_number_unsigned() || value.get<uint64_t>() > std::numeric_limits<uint32_t>::max())
        throw ReportError(file, pointer, "expected an index from 0 to 4294967295");
    return uint32_t(value.get<uint64_t>());
}

uint64_t runCount(const nlohmann::json& value, const std::string& file, const std::string& pointer)
{
    if (!value.is_number_unsigned() || value.get<uint64_t>() == 0 ||
        value.get<uint64_t>() > kMaxScheduleSteps)
        throw ReportError(file, pointer,
                          "expected a run length from 1 to " + std::to_string(kMaxScheduleSteps));
    return value.get<uint64_t>();
}

// A checked schedule entry: `count` steps of thread or APC `index`.
struct Run {
    ScheduleEntry entry;
    uint64_t count = 1;
};

Run parseEntry(const nlohmann::json& entry, const std::string& file, const std::string& pointer)
{
    if (entry.is_number()) return {{false, indexValue(entry, file, pointer)}, 1};
    if (entry.is_array()) {
        if (entry.size() != 2) throw ReportError(file, pointer, kEntryForms);
        return {{false, indexValue(entry[0], file, pointer + "/0")}, runCount(entry[1], file, pointer + "/1")};
    }
    if (entry.is_object()) {
        if (entry.size() != 1 || !entry.contains("apc")) throw ReportError(file, pointer, kEntryForms);
        return {{true, indexValue(entry["apc"], file, pointer + "/apc")}, 1};
    }
    throw ReportError(file, pointer, kEntryForms);
}

}  // namespace

nlohmann::ordered_json encodeSchedule(const std::vector<ScheduleEntry>& schedule)
{
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (size_t i = 0; i < schedule.size();) {
        const ScheduleEntry entry = schedule[i];
        if (entry.apc) {
            out.push_back({{"apc", entry.index}});
            ++i;
            continue;
        }
        size_t end = i + 1;
        while (end < schedule.size() && schedule[end] == entry) ++end;
        const size_t run = end - i;
        if (run >= kMinRun) {
            out.push_back(nlohmann::ordered_json::array({entry.index, run}));
        } else {
            for (size_t k = 0; k < run; ++k) out.push_back(entry.index);
        }
        i = end;
    }
    return out;
}

std::vector<ScheduleEntry> decodeSchedule(const nlohmann::json& schedule, const std::string& file,
                                          const std::string& pointer)
{
    if (!schedule.is_array()) throw ReportError(file, pointer, "expected an array of schedule entries");
    std::vector<Run> runs;
    uint64_t total = 0;
    for (size_t i = 0; i < schedule.size(); ++i) {
        const std::string entryPointer = pointer + "/" + std::to_string(i);
        runs.push_back(parseEntry(schedule[i], file, entryPointer));
        total += runs.back().count;
        if (total > kMaxScheduleSteps)
            throw ReportError(file, entryPointer,
                              "schedule longer than " + std::to_string(kMaxScheduleSteps) + " steps");
    }
    std::vector<ScheduleEntry> out;
    out.reserve(total);
    for (const Run& run : runs) out.insert(out.end(), run.count, run.entry);
    return out;
}

}  // namespace checker::report
