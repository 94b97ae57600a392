#pragma once
// What every finding kind and api_misuse rule means and how to fix it, written once: the text
// summary's titles, the SARIF rules (shortDescription, help) and docs/guide.md all say the same.
// Rule ids follow SEMANTICS.md ("add new ones as needed, never rename").

#include "reports/Report.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace checker::report {

struct RuleInfo {
    std::string_view id;       // the finding kind id ("deadlock") or the misuse rule ("RELEASE_NOT_OWNED")
    std::string_view name;     // CamelCase, for SARIF: "Deadlock", "ReleaseNotOwned"
    std::string_view title;    // the banner of the text summary: "DEADLOCK", "LOCK RELEASED BY A NON-OWNER"
    std::string_view summary;  // one sentence: what was found
    std::string_view fix;      // how such a bug is usually fixed
};

// The entry of `kind`.
const RuleInfo& kindInfo(FindingKind kind);

// The api_misuse rules the models raise, in a fixed order (the SARIF rule order).
const std::vector<RuleInfo>& misuseRules();

// The entry of misuse rule `id`, or nullptr for a rule this catalog does not know yet.
const RuleInfo* misuseRule(const std::string& id);

// The entry that describes `finding`: its misuse rule when it has a known one, else its kind.
const RuleInfo& ruleOf(const Finding& finding);

// The SARIF ruleId of `finding`: the kind id, or "api_misuse/RULE" for a misuse rule
// (SARIF 2.1.0 §3.27.5: hierarchical rule ids separated by "/").
std::string sarifRuleId(const Finding& finding);

}  // namespace checker::report
