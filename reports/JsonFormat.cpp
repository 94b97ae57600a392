#include "reports/JsonFormat.hpp"

#include <cstdint>

namespace checker::report {

namespace {

using Json = nlohmann::ordered_json;

// Containers whose one-line form is at most this long stay on one line.
constexpr size_t kInlineWidth = 100;

std::string scalarText(const Json& value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Appends `value` on one line; false as soon as `out` grows past `limit`, so that deciding
// whether a large container fits on a line does not render all of it (rendering every subtree in
// full at every level made formatting quadratic in the report's depth).
bool appendInline(std::string& out, const Json& value, size_t limit)
{
    if (!value.is_array() && !value.is_object()) {
        out += scalarText(value);
        return out.size() <= limit;
    }
    out += value.is_array() ? '[' : '{';
    bool first = true;
    for (const auto& [key, item] : value.items()) {
        if (!first) out += ", ";
        first = false;
        if (value.is_object()) out += scalarText(Json(key)) + ": ";
        if (!appendInline(out, item, limit)) return false;
    }
    out += value.is_array() ? ']' : '}';
    return out.size() <= limit;
}

bool containsObject(const Json& value)
{
    if (value.is_object()) return true;
    if (!value.is_array()) return false;
    for (const Json& item : value)
        if (containsObject(item)) return true;
    return false;
}

void appendValue(std::string& out, const Json& value, size_t indent)
{
    const bool container = value.is_array() || value.is_object();
    if (!container || value.empty() || (value.is_array() && !containsObject(value))) {
        appendInline(out, value, SIZE_MAX);
        return;
    }
    std::string oneLine;
    if (indent <= kInlineWidth && appendInline(oneLine, value, kInlineWidth - indent)) {
        out += oneLine;
        return;
    }
    const std::string inner(indent + 2, ' ');
    out += value.is_array() ? "[\n" : "{\n";
    bool first = true;
    for (const auto& [key, item] : value.items()) {
        out += first ? "" : ",\n";
        out += inner;
        if (value.is_object()) out += scalarText(Json(key)) + ": ";
        appendValue(out, item, indent + 2);
        first = false;
    }
    out += '\n';
    out.append(indent, ' ');
    out += value.is_array() ? ']' : '}';
}

}  // namespace

std::string formatJson(const nlohmann::ordered_json& value)
{
    std::string out;
    appendValue(out, value, 0);
    return out;
}

}  // namespace checker::report
