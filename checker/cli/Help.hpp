#pragma once
// The texts of `checker --help`, `checker CMD --help` and `checker --version`.

#include <string>

namespace checker::cli {

// The help for `topic` ("" = overview; else run, test, replay, validate). Throws UsageError for
// an unknown topic.
std::string helpText(const std::string& topic);

// "checker 0.1.0" and a newline.
std::string versionText();

}  // namespace checker::cli
