#include "checker/scenario/JsonCheck.hpp"

#include "checker/scenario/InputError.hpp"

#include <algorithm>
#include <cstdio>

namespace checker {

std::string pointerTo(const std::string& parent, std::string_view key)
{
    std::string pointer = parent == "/" ? std::string() : parent;
    pointer += '/';
    pointer += escapePointerToken(key);
    return pointer;
}

std::string pointerTo(const std::string& parent, size_t index)
{
    return pointerTo(parent, std::to_string(index));
}

std::string describe(const Json& value)
{
    switch (value.type()) {
    case Json::value_t::object: return "an object";
    case Json::value_t::array: return "an array";
    case Json::value_t::string: return "a string";
    case Json::value_t::boolean: return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "an integer";
    case Json::value_t::number_float: return "a number with a fraction or exponent";
    case Json::value_t::null: return "null";
    default: return "an unsupported value";
    }
}

std::string inQuotes(std::string_view text, size_t max)
{
    std::string out(1, '"');
    for (size_t i = 0; i < text.size(); ++i) {
        if (i == max) {
            out += "...";
            break;
        }
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20 || c == 0x7F) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(c));
            out += escaped;
        } else {
            out += char(c);
        }
    }
    out += '"';
    return out;
}

std::string joined(const std::vector<std::string_view>& names, size_t max)
{
    std::string out;
    for (size_t i = 0; i < names.size() && i < max; ++i) {
        if (i > 0) out += ", ";
        out += names[i];
    }
    if (names.size() > max) out += ", ... (" + std::to_string(names.size() - max) + " more)";
    return out;
}

bool isIdentifier(std::string_view name)
{
    auto identChar = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    };
    return !name.empty() && !(name[0] >= '0' && name[0] <= '9') && std::all_of(name.begin(), name.end(), identChar);
}

void JsonCheck::fail(const std::string& pointer, const std::string& problem) const
{
    throw InputError(file_, pointer, problem);
}

void JsonCheck::wrongType(const Json& value, const std::string& pointer, std::string_view expected) const
{
    fail(pointer, "expected " + std::string(expected) + ", got " + describe(value));
}

void JsonCheck::object(const Json& value, const std::string& pointer, const std::vector<std::string_view>& allowed,
                       std::string_view what) const
{
    if (!value.is_object()) wrongType(value, pointer, what);
    for (const auto& [key, member] : value.items()) {
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            fail(pointerTo(pointer, key), "unknown key " + inQuotes(key) + " (allowed: " + joined(allowed) + ")");
    }
}

const Json& JsonCheck::member(const Json& object, const std::string& pointer, std::string_view key) const
{
    const Json* value = find(object, key);
    if (!value) fail(pointer, "missing required key \"" + std::string(key) + "\"");
    return *value;
}

const Json* JsonCheck::find(const Json& object, std::string_view key)
{
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

const Json& JsonCheck::array(const Json& value, const std::string& pointer) const
{
    if (!value.is_array()) wrongType(value, pointer, "an array");
    return value;
}

const std::string& JsonCheck::string(const Json& value, const std::string& pointer) const
{
    if (!value.is_string()) wrongType(value, pointer, "a string");
    return value.get_ref<const std::string&>();
}

bool JsonCheck::boolean(const Json& value, const std::string& pointer) const
{
    if (!value.is_boolean()) wrongType(value, pointer, "a boolean (true or false)");
    return value.get<bool>();
}

int64_t JsonCheck::integer(const Json& value, const std::string& pointer) const
{
    if (value.is_number_unsigned() && value.get<uint64_t>() > uint64_t(INT64_MAX))
        fail(pointer, "integer out of the 64-bit signed range");
    if (!value.is_number_integer()) wrongType(value, pointer, "an integer");
    return value.get<int64_t>();
}

void JsonCheck::isTrue(const Json& value, const std::string& pointer) const
{
    if (!value.is_boolean() || !value.get<bool>()) wrongType(value, pointer, "true");
}

const std::string& JsonCheck::name(const Json& value, const std::string& pointer, std::string_view what) const
{
    if (!value.is_string())
        wrongType(value, pointer,
                  (std::string_view("aeiouAEIOU").find(what[0]) == std::string_view::npos ? "a " : "an ") +
                      std::string(what) + " (a string)");
    const std::string& text = value.get_ref<const std::string&>();
    if (text.size() > kMaxNameLength)
        fail(pointer, std::string(what) + " longer than " + std::to_string(kMaxNameLength) + " characters");
    if (!isIdentifier(text))
        fail(pointer, "bad " + std::string(what) + " " + inQuotes(text) + " (names match [A-Za-z_][A-Za-z0-9_]*)");
    return text;
}

}  // namespace checker
