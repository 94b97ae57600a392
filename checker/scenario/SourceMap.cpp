#include "checker/scenario/SourceMap.hpp"

#include "checker/scenario/JsonText.hpp"

namespace checker {

namespace {

// A recursive scan of valid JSON text (nesting already bounded by kMaxJsonDepth).
class Scanner {
public:
    Scanner(std::string_view text, std::unordered_map<std::string, int32_t>& lines) : text_(text), lines_(lines)
    {
        if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
    }

    void value(std::string& pointer);

private:
    void object(std::string& pointer);
    void array(std::string& pointer);
    std::string string();
    void appendCodePoint(std::string& out, uint32_t code);
    uint32_t hex4();
    void skipSpace();
    char peek()
    {
        skipSpace();
        return pos_ < text_.size() ? text_[pos_] : '\0';
    }

    std::string_view text_;
    std::unordered_map<std::string, int32_t>& lines_;
    size_t pos_ = 0;
    int32_t line_ = 1;
};

void Scanner::value(std::string& pointer)
{
    const char c = peek();
    if (c == '{' || c == '[') {
        lines_.emplace(pointer.empty() ? "/" : pointer, line_);
        ++pos_;
        c == '{' ? object(pointer) : array(pointer);
    } else if (c == '"') {
        string();
    } else {
        const size_t start = pos_;
        while (pos_ < text_.size() && std::string_view(",]} \t\r\n/").find(text_[pos_]) == std::string_view::npos)
            ++pos_;
        if (pos_ == start) ++pos_;
    }
}

void Scanner::object(std::string& pointer)
{
    const size_t length = pointer.size();
    while (peek() == '"') {
        const std::string key = string();
        if (peek() == ':') ++pos_;
        pointer += '/';
        pointer += escapePointerToken(key);
        value(pointer);
        pointer.resize(length);
        if (peek() == ',') ++pos_;
    }
    if (peek() == '}') ++pos_;
}

void Scanner::array(std::string& pointer)
{
    const size_t length = pointer.size();
    for (size_t index = 0; pos_ < text_.size() && peek() != ']'; ++index) {
        pointer += '/';
        pointer += std::to_string(index);
        value(pointer);
        pointer.resize(length);
        if (peek() == ',') ++pos_;
    }
    ++pos_;
}

// Reads a string token at pos_ and returns it decoded.
std::string Scanner::string()
{
    std::string out;
    if (peek() != '"') return out;
    for (++pos_; pos_ < text_.size() && text_[pos_] != '"'; ++pos_) {
        if (text_[pos_] != '\\') {
            out += text_[pos_];
            continue;
        }
        const char escape = ++pos_ < text_.size() ? text_[pos_] : '\0';
        switch (escape) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': appendCodePoint(out, hex4()); break;
        default: out += escape; break;
        }
    }
    ++pos_;
    return out;
}

uint32_t Scanner::hex4()
{
    uint32_t code = 0;
    for (int i = 0; i < 4 && pos_ + 1 < text_.size(); ++i) {
        const char c = text_[++pos_];
        code = code * 16 + uint32_t(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return code;
}

void Scanner::appendCodePoint(std::string& out, uint32_t code)
{
    if (code >= 0xD800 && code < 0xDC00 && text_.substr(pos_ + 1, 2) == "\\u") {
        pos_ += 2;
        code = 0x10000 + ((code - 0xD800) << 10) + (hex4() - 0xDC00);
    }
    if (code < 0x80) {
        out += char(code);
    } else if (code < 0x800) {
        out += char(0xC0 | (code >> 6));
        out += char(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += char(0xE0 | (code >> 12));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    } else {
        out += char(0xF0 | (code >> 18));
        out += char(0x80 | ((code >> 12) & 0x3F));
        out += char(0x80 | ((code >> 6) & 0x3F));
        out += char(0x80 | (code & 0x3F));
    }
}

void Scanner::skipSpace()
{
    while (pos_ < text_.size()) {
        const char c = text_[pos_];
        if (c == '\n') {
            ++line_;
            ++pos_;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            ++pos_;
        } else if (text_.substr(pos_, 2) == "//") {
            pos_ = std::min(text_.find('\n', pos_), text_.size());
        } else if (text_.substr(pos_, 2) == "/*") {
            const size_t end = std::min(text_.find("*/", pos_ + 2), text_.size());
            for (size_t i = pos_; i < end; ++i) line_ += text_[i] == '\n';
            pos_ = std::min(end + 2, text_.size());
        } else {
            return;
        }
    }
}

}  // namespace

SourceMap::SourceMap(std::string_view text)
{
    std::string pointer;
    Scanner(text, lines_).value(pointer);
}

int32_t SourceMap::lineOf(const std::string& pointer) const
{
    auto it = lines_.find(pointer.empty() ? "/" : pointer);
    return it == lines_.end() ? 0 : it->second;
}

}  // namespace checker
