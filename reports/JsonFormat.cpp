#include "reports/JsonFormat.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace checker::report {

namespace {

using Json = nlohmann::ordered_json;

// Containers whose one-line form is at most this long stay on one line.
constexpr size_t kInlineWidth = 100;

std::string dumpScalar(const Json& value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool isAscii(const std::string& text)
{
    for (const char c : text)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

// The escape nlohmann's dump writes for an ASCII byte, or nullptr when the byte stands for itself.
const char* asciiEscape(unsigned char c)
{
    static const char* const kControl[0x20] = {
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
        "\\b",     "\\t",     "\\n",     "\\u000b", "\\f",     "\\r",     "\\u000e", "\\u000f",
        "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
        "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f"};
    if (c < 0x20) return kControl[c];
    if (c == '"') return "\\\"";
    if (c == '\\') return "\\\\";
    return nullptr;
}

// Appends `text` as a JSON string exactly as dumpScalar writes it. ASCII is escaped here (every
// byte is its own code point); text with other bytes goes through nlohmann so that its UTF-8
// decoding and replacement of invalid sequences stay nlohmann's.
void appendString(std::string& out, const std::string& text)
{
    if (!isAscii(text)) {
        out += dumpScalar(Json(text));
        return;
    }
    out += '"';
    size_t plain = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char* escape = asciiEscape(static_cast<unsigned char>(text[i]));
        if (!escape) continue;
        out.append(text, plain, i - plain);
        out += escape;
        plain = i + 1;
    }
    out.append(text, plain, std::string::npos);
    out += '"';
}

template <typename Integer>
void appendInteger(std::string& out, Integer value)
{
    char buffer[24];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    out.append(buffer, end);
}

// Appends a non-container `value` as dumpScalar writes it, without building a serializer for the
// common kinds.
void appendScalar(std::string& out, const Json& value)
{
    switch (value.type()) {
    case Json::value_t::string: appendString(out, value.get_ref<const std::string&>()); return;
    case Json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case Json::value_t::null: out += "null"; return;
    case Json::value_t::number_integer: appendInteger(out, value.get<std::int64_t>()); return;
    case Json::value_t::number_unsigned: appendInteger(out, value.get<std::uint64_t>()); return;
    default: out += dumpScalar(value); return;
    }
}

// Appends `value` on one line; false as soon as `out` grows past `limit` (then `out` holds a
// partial rendering), so that deciding whether a large container fits on a line does not render
// all of it. A string known not to fit is not rendered at all.
bool appendInline(std::string& out, const Json& value, size_t limit)
{
    if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        if (text.size() + 2 > limit - std::min(limit, out.size()) && isAscii(text)) return false;
    }
    if (!value.is_array() && !value.is_object()) {
        appendScalar(out, value);
        return out.size() <= limit;
    }
    bool first = true;
    if (value.is_array()) {
        out += '[';
        for (const Json& item : value) {
            if (!first) out += ", ";
            first = false;
            if (!appendInline(out, item, limit)) return false;
        }
        out += ']';
    } else {
        out += '{';
        for (const auto& [key, item] : value.get_ref<const Json::object_t&>()) {
            if (!first) out += ", ";
            first = false;
            appendString(out, key);
            out += ": ";
            if (!appendInline(out, item, limit)) return false;
        }
        out += '}';
    }
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

void appendValue(std::string& out, const Json& value, size_t indent);

// Appends the items of a container that does not fit on one line, one per line.
void appendExpanded(std::string& out, const Json& value, size_t indent)
{
    const auto startItem = [&](bool first) {
        out += first ? "\n" : ",\n";
        out.append(indent + 2, ' ');
    };
    bool first = true;
    if (value.is_array()) {
        out += '[';
        for (const Json& item : value) {
            startItem(first);
            first = false;
            appendValue(out, item, indent + 2);
        }
    } else {
        out += '{';
        for (const auto& [key, item] : value.get_ref<const Json::object_t&>()) {
            startItem(first);
            first = false;
            appendString(out, key);
            out += ": ";
            appendValue(out, item, indent + 2);
        }
    }
    out += '\n';
    out.append(indent, ' ');
    out += value.is_array() ? ']' : '}';
}

void appendValue(std::string& out, const Json& value, size_t indent)
{
    const bool container = value.is_array() || value.is_object();
    if (!container || value.empty() || (value.is_array() && !containsObject(value))) {
        appendInline(out, value, SIZE_MAX);
        return;
    }
    const size_t start = out.size();
    if (indent <= kInlineWidth && appendInline(out, value, start + kInlineWidth - indent)) return;
    out.resize(start);
    appendExpanded(out, value, indent);
}

}  // namespace

std::string formatJson(const nlohmann::ordered_json& value)
{
    std::string out;
    appendValue(out, value, 0);
    return out;
}

nlohmann::ordered_json objectWithRoom(size_t members)
{
    Json object = Json::object();
    object.get_ref<Json::object_t&>().reserve(members);
    return object;
}

}  // namespace checker::report
