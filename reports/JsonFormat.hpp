#pragma once
// Deterministic pretty-printing of JSON values for files people also read: objects are expanded
// one key per line (2-space indent) unless they are short, while arrays without objects inside
// (witness schedules, thread lists, cycles) always stay on one line however long they are.

#include <nlohmann/json.hpp>

#include <string>

namespace checker::report {

// `value` rendered as described above, without a trailing newline. Key order is the value's own
// (use nlohmann::ordered_json to control it). Invalid UTF-8 in strings is replaced, never thrown.
std::string formatJson(const nlohmann::ordered_json& value);

// An empty object with room for `members` members. ordered_json keeps an object's members as
// pairs with a const key, which its vector copies (whole subtrees) rather than moves when it
// grows, so objects that get large members are best filled from one of these.
nlohmann::ordered_json objectWithRoom(size_t members);

}  // namespace checker::report
