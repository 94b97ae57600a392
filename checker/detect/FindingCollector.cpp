#include "checker/detect/FindingCollector.hpp"

#include <algorithm>

namespace checker {

void FindingCollector::rewitness(const std::string& fingerprint, const report::Witness& witness,
                                 const std::string& untrue)
{
    auto it = byFingerprint_.find(fingerprint);
    if (it == byFingerprint_.end()) return;
    it->second.witness = witness;
    std::vector<std::string>& notes = it->second.notes;
    notes.erase(std::remove(notes.begin(), notes.end(), untrue), notes.end());
}

bool FindingCollector::add(report::Finding finding)
{
    const std::string key = finding.fingerprint;
    bool firstInExecution = seenThisExecution_.insert(key).second;
    auto it = byFingerprint_.find(key);
    if (it != byFingerprint_.end()) {
        if (firstInExecution) it->second.executions++;
        return false;
    }
    finding.executions = 1;
    byFingerprint_.emplace(key, std::move(finding));
    order_.push_back(key);
    return true;
}

void FindingCollector::recount(const std::string& fingerprint)
{
    auto it = byFingerprint_.find(fingerprint);
    if (it != byFingerprint_.end() && seenThisExecution_.insert(fingerprint).second) it->second.executions++;
}

std::vector<report::Finding> FindingCollector::findings() const
{
    std::vector<report::Finding> out;
    out.reserve(order_.size());
    for (const auto& key : order_) out.push_back(byFingerprint_.at(key));
    return out;
}

}  // namespace checker
