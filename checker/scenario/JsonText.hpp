#pragma once
// Scenario text -> JSON (nlohmann, `//` and `/* */` comments allowed), checked before the document
// is built: a syntax error is reported with its line and column, nesting deeper than kMaxJsonDepth
// and a key given twice in one object are errors (nlohmann would silently keep the last one).

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace checker {

using Json = nlohmann::json;

// The deepest nesting of arrays and objects accepted.
constexpr size_t kMaxJsonDepth = 200;

// Parses `text`. Throws InputError: "file:LINE:COL: JSON syntax error: ..." (LINE and COL 1-based,
// COL counted in characters) for a syntax error or an empty text; "file: /pointer: ..." for too deep
// nesting or a duplicate key.
Json parseScenarioJson(std::string_view text, const std::string& file);

// `key` escaped for a JSON pointer (RFC 6901: "~" -> "~0", "/" -> "~1").
std::string escapePointerToken(std::string_view key);

}  // namespace checker
