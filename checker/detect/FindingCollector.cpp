#include "checker/detect/FindingCollector.hpp"

#include <algorithm>

namespace checker {

void FindingCollector::rewitness(const std::string& fingerprint, const report::Witness& witness,
                                 const std::string& untrue)
{
    auto it = byFingerprint_.find(fingerprint);
    if (it == byFingerprint_.end()) {
        unknownRewitnesses_.push_back({fingerprint, witness, untrue});
        return;
    }
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

void FindingCollector::merge(const FindingCollector& later)
{
    for (const std::string& key : later.order_) {
        const report::Finding& finding = later.byFingerprint_.at(key);
        auto it = byFingerprint_.find(key);
        if (it != byFingerprint_.end()) {
            it->second.executions += finding.executions;   // the witness stays the earlier one
            continue;
        }
        byFingerprint_.emplace(key, finding);
        order_.push_back(key);
    }
    for (const Rewitness& r : later.unknownRewitnesses_) rewitness(r.fingerprint, r.witness, r.untrue);
}

std::vector<report::Finding> FindingCollector::findings() const
{
    std::vector<report::Finding> out;
    out.reserve(order_.size());
    for (const auto& key : order_) out.push_back(byFingerprint_.at(key));
    return out;
}

}  // namespace checker
