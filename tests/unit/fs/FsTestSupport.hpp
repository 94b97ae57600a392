#pragma once
// Helpers for the file-system tests: a FileSystem with C:\Temp and C:\Temp2, calls with short
// argument lists, and status assertions that print the status names.

#include "checker/program/Program.hpp"
#include "models/fs/FileSystem.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

namespace checker::fs::test {

inline FileSystem makeFs(std::vector<std::string> directories = {"C:\\Temp", "C:\\Temp2"},
                         std::vector<InitialFile> files = {})
{
    FileSystem fs;
    fs.reset(directories, files);
    return fs;
}

inline std::string statusText(uint32_t s)
{
    return statusName(s);
}

#define CHECK_STATUS(expected, actual) \
    CPPUNIT_ASSERT_EQUAL(checker::fs::test::statusText(expected), checker::fs::test::statusText(actual))

constexpr uint32_t kSync = options::SynchronousIoNonalert;
constexpr uint32_t kRW = access::FileGenericRead | access::FileGenericWrite;

inline CallResult create(FileSystem& fs, std::string_view path, uint32_t access, uint32_t share, uint32_t disp,
                         uint32_t opts = kSync, uint32_t thread = 0)
{
    return fs.create(thread, -1, CreateArgs{path, access, share, disp, opts});
}

// Opens (FILE_OPEN) and requires success; returns the handle.
inline int64_t openOk(FileSystem& fs, std::string_view path, uint32_t access, uint32_t share, uint32_t opts = kSync,
                      uint32_t thread = 0)
{
    CallResult r = create(fs, path, access, share, disposition::Open, opts, thread);
    CHECK_STATUS(status::Success, r.status);
    return r.handle;
}

// Creates a file with `content` (FILE_CREATE, then a write and a close).
inline void makeFile(FileSystem& fs, std::string_view path, std::string_view content = "")
{
    CallResult r = create(fs, path, access::FileGenericWrite, 0, disposition::Create);
    CHECK_STATUS(status::Success, r.status);
    if (!content.empty()) CHECK_STATUS(status::Success, fs.write(r.handle, content, std::nullopt).status);
    CHECK_STATUS(status::Success, fs.close(r.handle, 0).status);
}

inline bool exists(const FileSystem& fs, std::string_view path)
{
    return fs.find(path) != nullptr;
}

inline std::string contentOf(const FileSystem& fs, std::string_view path)
{
    const FsNode* n = fs.find(path);
    CPPUNIT_ASSERT_MESSAGE(std::string(path) + " does not exist", n);
    return std::string(n->data.view());
}

}  // namespace checker::fs::test
