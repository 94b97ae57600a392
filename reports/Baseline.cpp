#include "reports/Baseline.hpp"

#include "reports/JsonFormat.hpp"
#include "reports/ReportError.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

namespace checker::report {

namespace {

std::string stringAt(const nlohmann::json& entry, const std::string& key, const std::string& file,
                     const std::string& pointer, bool required)
{
    const auto it = entry.find(key);
    if (it == entry.end()) {
        if (required) throw ReportError(file, pointer + "/" + key, "missing");
        return "";
    }
    if (!it->is_string()) throw ReportError(file, pointer + "/" + key, "expected a string");
    return it->get<std::string>();
}

}  // namespace

bool BaselineEntry::operator<(const BaselineEntry& other) const
{
    return std::tie(scenario, fingerprint, kind) < std::tie(other.scenario, other.fingerprint, other.kind);
}

Baseline::Baseline(std::vector<BaselineEntry> entries) : entries_(std::move(entries))
{
    std::sort(entries_.begin(), entries_.end());
    entries_.erase(std::unique(entries_.begin(), entries_.end(),
                               [](const BaselineEntry& a, const BaselineEntry& b) { return !(a < b) && !(b < a); }),
                   entries_.end());
}

bool Baseline::contains(const std::string& scenario, const std::string& fingerprint) const
{
    return std::any_of(entries_.begin(), entries_.end(), [&](const BaselineEntry& entry) {
        return entry.scenario == scenario && entry.fingerprint == fingerprint;
    });
}

std::vector<BaselineEntry> Baseline::entriesOf(const std::string& scenario) const
{
    std::vector<BaselineEntry> out;
    for (const BaselineEntry& entry : entries_)
        if (entry.scenario == scenario) out.push_back(entry);
    return out;
}

std::string renderBaseline(const Baseline& baseline)
{
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const BaselineEntry& entry : baseline.entries())
        findings.push_back({{"scenario", entry.scenario},
                            {"kind", entry.kind},
                            {"fingerprint", entry.fingerprint},
                            {"message", entry.message}});
    const nlohmann::ordered_json root = {{"checker_baseline", kBaselineVersion}, {"findings", findings}};
    return formatJson(root) + "\n";
}

Baseline parseBaseline(const std::string& text, const std::string& file)
{
    nlohmann::json root;
    try {
        root = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& error) {
        throw ReportError(file + ": not a baseline file: " + error.what());
    }
    if (!root.is_object() || !root.contains("checker_baseline"))
        throw ReportError(file, "/checker_baseline", "missing: not a baseline file (checker test --write-baseline makes one)");
    if (root["checker_baseline"] != kBaselineVersion)
        throw ReportError(file, "/checker_baseline", "unsupported version (this checker reads 1)");
    const auto findings = root.find("findings");
    if (findings == root.end() || !findings->is_array()) throw ReportError(file, "/findings", "expected an array");
    std::vector<BaselineEntry> entries;
    for (size_t i = 0; i < findings->size(); ++i) {
        const nlohmann::json& entry = (*findings)[i];
        const std::string pointer = "/findings/" + std::to_string(i);
        if (!entry.is_object()) throw ReportError(file, pointer, "expected an object");
        entries.push_back({stringAt(entry, "scenario", file, pointer, true), stringAt(entry, "kind", file, pointer, true),
                           stringAt(entry, "fingerprint", file, pointer, true),
                           stringAt(entry, "message", file, pointer, false)});
    }
    return Baseline(std::move(entries));
}

}  // namespace checker::report
