#include "reports/JsonFormat.hpp"

namespace checker::report {

namespace {

using Json = nlohmann::ordered_json;

// Containers whose one-line form is at most this long stay on one line.
constexpr size_t kInlineWidth = 100;

std::string scalarText(const Json& value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string inlineText(const Json& value)
{
    if (value.is_array()) {
        std::string text = "[";
        for (size_t i = 0; i < value.size(); ++i) {
            if (i) text += ", ";
            text += inlineText(value[i]);
        }
        return text + "]";
    }
    if (value.is_object()) {
        std::string text = "{";
        bool first = true;
        for (const auto& [key, item] : value.items()) {
            if (!first) text += ", ";
            text += scalarText(Json(key));
            text += ": ";
            text += inlineText(item);
            first = false;
        }
        return text + "}";
    }
    return scalarText(value);
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
        out += inlineText(value);
        return;
    }
    std::string oneLine = inlineText(value);
    if (oneLine.size() + indent <= kInlineWidth) {
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
