#pragma once
// Maps JSON pointers of a scenario's objects and arrays to the line where they start in the text,
// so that reports can name a statement's line (nlohmann 3.11 keeps no positions).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace checker {

class SourceMap {
public:
    // Scans `text`, which must be JSON that parseScenarioJson accepted (comments allowed).
    explicit SourceMap(std::string_view text);

    // The 1-based line where the object or array at `pointer` starts, or 0 if there is none.
    int32_t lineOf(const std::string& pointer) const;

private:
    std::unordered_map<std::string, int32_t> lines_;
};

}  // namespace checker
