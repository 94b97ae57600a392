#pragma once
// Writing output files so that no reader ever sees half of one (REPORTS_AND_CLI.md): the content
// goes to a temporary file in the target's own folder, is flushed to disk, and is then renamed over
// the target in one step. A failed write leaves the old target (if any) untouched and no
// temporary file behind.

#include <filesystem>
#include <string_view>

namespace checker::report {

// Replaces `target` with `content` atomically. Throws ReportError ("path: problem") when `target`
// is a folder, its folder does not exist or is not writable, or the disk refuses the data.
void writeFileAtomically(const std::filesystem::path& target, std::string_view content);

// Makes sure `folder` exists (creating missing parents) and is writable. Throws ReportError when
// it, or one of its parents, exists but is not a folder, or it cannot be created or written.
void ensureFolder(const std::filesystem::path& folder);

}  // namespace checker::report
