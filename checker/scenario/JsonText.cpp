#include "checker/scenario/JsonText.hpp"

#include "checker/scenario/InputError.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <vector>

namespace checker {

namespace {

constexpr size_t kMaxMessage = 200;

struct Frame {
    bool isArray = false;
    size_t count = 0;            // values started so far (array) / keys seen (object)
    std::string key;             // object: the current key
    std::set<std::string> keys;  // object: every key seen
};

// Walks the document without building it, tracking the JSON pointer of the current value.
class Prescan final : public nlohmann::json_sax<Json> {
public:
    explicit Prescan(std::string_view text) : text_(text) {}

    bool null() override { return startValue(); }
    bool boolean(bool) override { return startValue(); }
    bool number_integer(number_integer_t) override { return startValue(); }
    bool number_unsigned(number_unsigned_t) override { return startValue(); }
    bool number_float(number_float_t, const string_t&) override { return startValue(); }
    bool string(string_t&) override { return startValue(); }
    bool binary(binary_t&) override { return startValue(); }
    bool start_object(std::size_t) override { return startContainer(false); }
    bool start_array(std::size_t) override { return startContainer(true); }
    bool end_object() override
    {
        frames_.pop_back();
        return true;
    }
    bool end_array() override
    {
        frames_.pop_back();
        return true;
    }
    bool key(string_t& key) override;
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override;

    std::optional<std::pair<std::string, std::string>> structureError;  // pointer, problem
    std::optional<std::pair<size_t, std::string>> syntaxError;          // byte offset, message

private:
    bool startValue();
    bool startContainer(bool isArray);
    std::string pointer() const;

    std::string_view text_;
    std::vector<Frame> frames_;
};

bool Prescan::startValue()
{
    if (!frames_.empty() && frames_.back().isArray) ++frames_.back().count;
    return true;
}

bool Prescan::startContainer(bool isArray)
{
    startValue();
    if (frames_.size() >= kMaxJsonDepth) {
        structureError.emplace(pointer(), "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        return false;
    }
    frames_.push_back(Frame{isArray, 0, {}, {}});
    return true;
}

bool Prescan::key(string_t& key)
{
    Frame& object = frames_.back();
    object.key = key;
    if (!object.keys.insert(key).second) {
        structureError.emplace(pointer(), "key \"" + key.substr(0, 64) + "\" given twice in one object");
        return false;
    }
    return true;
}

// Where a syntax error is reported: `position` counts the characters read, up to the one where the
// lexer stopped. nlohmann's token text restarts only at strings and numbers (each control character
// shown as "<U+XXXX>"), so when the offending token is a string or a number its start is known;
// an unclosed comment is placed at its start; otherwise the error is placed at the last character
// read.
size_t errorOffset(std::string_view text, size_t position, const std::string& lastToken, const std::string& message)
{
    position = std::min(position, text.size());
    if (message.find("missing closing '*/'") != std::string::npos)
        return std::min(text.rfind("/*", position), position);
    size_t length = lastToken.size();
    for (size_t at = lastToken.find("<U+"); at != std::string::npos; at = lastToken.find("<U+", at + 1))
        length -= std::min<size_t>(length - 1, 7);
    const bool isString = lastToken.starts_with('"') && ((lastToken.size() > 1 && lastToken.ends_with('"')) ||
                                                         message.find("invalid string") != std::string::npos);
    const bool isNumber = !lastToken.empty() && lastToken.find_first_not_of("0123456789+-.eE") == std::string::npos;
    if ((isString || isNumber) && length <= position) return position - length;
    return position == 0 ? 0 : position - 1;
}

bool Prescan::parse_error(std::size_t position, const std::string& lastToken,
                          const nlohmann::detail::exception& error)
{
    std::string message = error.what();
    const size_t colon = message.find(": ");
    if (colon != std::string::npos) message.erase(0, colon + 2);
    const size_t offset = errorOffset(text_, position, lastToken, message);
    if (message.size() > kMaxMessage) message = message.substr(0, kMaxMessage) + "...";
    syntaxError.emplace(offset, message);
    return false;
}

// The pointer of the value being started.
std::string Prescan::pointer() const
{
    std::string text;
    for (const Frame& frame : frames_) {
        text += '/';
        text += frame.isArray ? std::to_string(frame.count - 1) : escapePointerToken(frame.key);
    }
    return text.empty() ? "/" : text;
}

// 1-based line and column (in UTF-8 characters) of byte `offset`.
std::pair<size_t, size_t> lineAndColumn(std::string_view text, size_t offset)
{
    offset = std::min(offset, text.size());
    size_t line = 1, column = 1;
    for (size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return {line, column};
}

[[noreturn]] void syntaxFailure(const std::string& file, std::string_view text, size_t offset,
                                const std::string& message)
{
    auto [line, column] = lineAndColumn(text, offset);
    throw InputError(file + ":" + std::to_string(line) + ":" + std::to_string(column) +
                     ": JSON syntax error: " + message);
}

}  // namespace

std::string escapePointerToken(std::string_view key)
{
    std::string escaped;
    escaped.reserve(key.size());
    for (char c : key) {
        if (c == '~')
            escaped += "~0";
        else if (c == '/')
            escaped += "~1";
        else
            escaped += c;
    }
    return escaped;
}

Json parseScenarioJson(std::string_view text, const std::string& file)
{
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        syntaxFailure(file, text, 0, "the file is empty (a scenario is a JSON object)");
    Prescan prescan(text);
    Json::sax_parse(text, &prescan, nlohmann::detail::input_format_t::json, true, true);
    if (prescan.syntaxError) syntaxFailure(file, text, prescan.syntaxError->first, prescan.syntaxError->second);
    if (prescan.structureError) throw InputError(file, prescan.structureError->first, prescan.structureError->second);
    return Json::parse(text, nullptr, true, true);
}

}  // namespace checker
