#pragma once
// scenario.json -> validated, compiled Program (SCENARIO_FORMAT.md v1).
// Every problem throws InputError with the file, the JSON pointer and what is wrong (and what is
// allowed); nothing is half-loaded.

#include "checker/program/Program.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace checker {

struct LoadOptions {
    // `--param NAME=VALUE` overrides, in command-line order. An undeclared NAME is an error.
    std::vector<std::pair<std::string, int64_t>> paramOverrides;
    // Whether the engine can run a call yet. A call the format knows but the engine cannot run is
    // rejected with "<call> is not supported yet". Default: every call is supported.
    std::function<bool(Api)> isSupported;
};

// Reads and compiles the file at `path`. Errors name `path`.
Program loadScenarioFile(const std::string& path, const LoadOptions& options);

// Compiles scenario text; errors name `displayName`.
Program loadScenarioText(std::string_view text, const std::string& displayName,
                         const LoadOptions& options);

}  // namespace checker
