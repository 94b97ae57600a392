#pragma once
// Bad input (a scenario file, a parameter override, a report given to replay): the one exception
// type of the input-error channel. main catches it once, prints what() to stderr and exits 2.
// what() is always "file: /json/pointer: problem" (or "file:line:column: problem" for JSON syntax).

#include <stdexcept>
#include <string>

namespace checker {

// `text` with each control character written as a JSON \u escape (as inQuotes() writes them in
// quoted names): an error message quotes keys, names and paths from the input, and must stay one
// line whatever they contain.
inline std::string oneLine(const std::string& text)
{
    static const char* const kHex = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u != 0x7f) out += c;
        else out += std::string("\\u00") + kHex[u >> 4] + kHex[u & 15];
    }
    return out;
}

class InputError : public std::runtime_error {
public:
    InputError(const std::string& file, const std::string& pointer, const std::string& problem)
        : std::runtime_error(oneLine(file + ": " + (pointer.empty() ? std::string("/") : pointer) + ": " + problem)),
          file_(file), pointer_(pointer.empty() ? "/" : pointer), problem_(problem) {}

    // For errors that have no JSON location (a missing file, a bad command-line value).
    explicit InputError(const std::string& message) : std::runtime_error(oneLine(message)) {}

    const std::string& file() const { return file_; }
    const std::string& pointer() const { return pointer_; }
    const std::string& problem() const { return problem_; }

private:
    std::string file_, pointer_, problem_;
};

}  // namespace checker
