#pragma once
// NT path names as a kernel-mode caller passes them in OBJECT_ATTRIBUTES without a RootDirectory
// (SEMANTICS.md §7.3, SCENARIO_FORMAT.md "Paths").
//
// Accepted forms: `\DosDevices\C:\x`, `\??\C:\x`, `\GLOBAL??\C:\x` and the format's shorthand
// `C:\x`. Names are case-insensitive and case-preserving: the canonical *key* folds ASCII letters
// to upper case (`C:\TEMP\FILE_1.TXT`; the volume root is `C:`), the *display* form keeps the
// caller's case after the prefix (`C:\Temp\file_1.txt`). Only the volume C: exists.
//
// Errors, in the order they are checked:
//  - not starting with `\` and not `X:` (a relative name, no RootDirectory) -> OBJECT_PATH_SYNTAX_BAD
//  - another object-namespace path (`\Device\...`), no `X:` after the prefix, or a drive other
//    than C: (its symbolic link does not exist: an intermediate component)   -> OBJECT_PATH_NOT_FOUND
//  - the volume itself (`\??\C:` with nothing after; a volume open is not modelled), an empty
//    component (`\\`), `.` or `..`, a character NT forbids in names (control characters and
//    `"*/:<>?|`), a component longer than 255 characters                      -> OBJECT_NAME_INVALID
// A single trailing `\` after a non-root name is allowed and recorded: FastFAT then requires the
// target to be a directory (see FileSystem).

#include <cstdint>
#include <string>
#include <string_view>

namespace checker::fs {

struct ParsedPath {
    uint32_t status = 0;            // 0 = parsed; else the NTSTATUS of the failure
    std::string key;                // canonical folded path; "C:" for the root
    std::string display;            // case-preserved path, "C:\" for the root
    bool trailingBackslash = false; // the name ended in `\` (not the root)
    bool isRoot() const { return key.size() == 2; }
};

// Parses `raw` into `out` (reusing its strings' capacity). Returns out.status.
uint32_t parseNtPath(std::string_view raw, ParsedPath& out);

// The key of the parent of `key` ("C:\TEMP" for "C:\TEMP\X"); "" for the root.
std::string_view parentKey(std::string_view key);

// The last component of a key or display path ("X" for "C:\TEMP\X"; "" for the root).
std::string_view leafName(std::string_view path);

// `c` folded for case-insensitive comparison (ASCII letters; other bytes compare exactly).
constexpr char foldChar(char c)
{
    return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
}

}  // namespace checker::fs
