#include "reports/AtomicFile.hpp"

#include "reports/ReportError.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace checker::report {

namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& problem)
{
    throw ReportError(path.string() + ": " + problem);
}

std::string errnoText(int error)
{
    return std::generic_category().message(error);
}

// Opens a new, uniquely named temporary file next to `target`; returns its descriptor and fills
// `tempPath`.
int openTemporary(const std::filesystem::path& target, std::string& tempPath)
{
    const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
    std::string name = ".";
    name += target.filename().string();
    name += ".tmp-XXXXXX";
    const std::string pattern = (folder / name).string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    const int fd = ::mkstemp(buffer.data());
    if (fd < 0) fail(target, "cannot write: " + errnoText(errno));
    tempPath.assign(buffer.data());
    return fd;
}

// Writes all of `content` to `fd` and flushes it to disk; returns 0 or the errno of the failure.
int writeAll(int fd, std::string_view content)
{
    while (!content.empty()) {
        const ssize_t written = ::write(fd, content.data(), content.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        content.remove_prefix(size_t(written));
    }
    return ::fsync(fd) == 0 ? 0 : errno;
}

}  // namespace

void writeFileAtomically(const std::filesystem::path& target, std::string_view content)
{
    std::error_code ec;
    if (std::filesystem::is_directory(target, ec)) fail(target, "is a directory, not a file");
    if (target.filename().empty()) fail(target, "names a folder, not a file");

    std::string tempPath;
    const int fd = openTemporary(target, tempPath);
    int error = writeAll(fd, content);
    if (error == 0 && ::fchmod(fd, 0644) != 0) error = errno;
    if (::close(fd) != 0 && error == 0) error = errno;
    if (error == 0 && std::rename(tempPath.c_str(), target.c_str()) != 0) error = errno;
    if (error != 0) {
        ::unlink(tempPath.c_str());
        fail(target, "cannot write: " + errnoText(error));
    }
}

void ensureFolder(const std::filesystem::path& folder)
{
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec)) {
        if (std::filesystem::exists(folder, ec)) fail(folder, "exists and is not a folder");
        std::filesystem::create_directories(folder, ec);
        if (ec) fail(folder, "cannot create the folder: " + ec.message());
    }
    if (::access(folder.c_str(), W_OK | X_OK) != 0) fail(folder, "the folder is not writable: " + errnoText(errno));
}

}  // namespace checker::report
