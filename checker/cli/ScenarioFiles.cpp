#include "checker/cli/ScenarioFiles.hpp"

#include "checker/cli/UsageError.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace checker::cli {

namespace {

namespace fs = std::filesystem;

bool skippedFolder(const fs::path& folder)
{
    const std::string name = folder.filename().string();
    return name == "out" || (!name.empty() && name[0] == '.');
}

std::string readText(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void collectFolder(const std::string& folder, std::vector<std::string>& files, const std::string& command)
{
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const fs::directory_entry& entry = *it;
        if (entry.is_directory(ec)) {
            if (skippedFolder(entry.path())) it.disable_recursion_pending();
            continue;
        }
        if (entry.is_regular_file(ec) && entry.path().extension() == ".json" && looksLikeScenario(readText(entry.path())))
            files.push_back(entry.path().generic_string());
    }
    if (ec) throw UsageError(command, folder + ": cannot list the folder: " + ec.message());
}

}  // namespace

bool looksLikeScenario(const std::string& text)
{
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, false, true);
    if (json.is_discarded()) return true;
    return json.is_object() && json.contains("scenario") && json["scenario"].is_string();
}

std::vector<std::string> collectScenarioFiles(const std::vector<std::string>& paths, const std::string& command)
{
    std::vector<std::string> files;
    for (const std::string& path : paths) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            collectFolder(path, files, command);
        } else if (fs::exists(path, ec)) {
            files.push_back(path);
        } else {
            throw UsageError(command, path + ": no such file or folder");
        }
    }
    if (files.empty()) throw UsageError(command, "no scenario file found");
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

}  // namespace checker::cli
