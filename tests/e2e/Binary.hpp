#pragma once
// Runs the real `checker` binary (path in $CHECKER_BIN) as a child process — argument vector, no
// shell — and captures its exit status, standard output and standard error.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace e2e {

struct Result {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs `checker args...` with the source root as working directory.
Result runChecker(const std::vector<std::string>& args);

// A fresh empty folder under the build's temporary area, removed when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

nlohmann::json readJsonFile(const std::string& path);

// The report with every timing field removed (the only fields allowed to differ between runs).
nlohmann::json withoutTiming(nlohmann::json report);

}  // namespace e2e
