#include "checker/detect/FindingCollector.hpp"

namespace checker {

void FindingCollector::rewitness(const std::string& fingerprint, const report::Witness& witness)
{
    auto it = byFingerprint_.find(fingerprint);
    if (it != byFingerprint_.end()) it->second.witness = witness;
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
