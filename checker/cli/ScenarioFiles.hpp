#pragma once
// Which files `checker test PATH...` runs. A path that names a file is a scenario, whatever it
// holds (so that a broken one is reported, not skipped). A folder is searched recursively for
// scenario files: *.json files whose top level is an object with a string "scenario" (its name).
// Skipped there: folders named `out` or starting with '.', and JSON files that are not scenarios
// — report.json (its "scenario" is an object), report.sarif, benchmark suites, baselines. A
// *.json file that is not valid JSON at all is kept, so that its syntax error is reported.

#include <string>
#include <vector>

namespace checker::cli {

// Whether the text of a *.json file found in a folder is to be run as a scenario.
bool looksLikeScenario(const std::string& text);

// The scenario files named by `paths`, sorted, without duplicates. Throws UsageError (for
// `command`) when a path does not exist or nothing is found.
std::vector<std::string> collectScenarioFiles(const std::vector<std::string>& paths, const std::string& command);

}  // namespace checker::cli
