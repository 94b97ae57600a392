#include "reports/ReportFiles.hpp"

#include "reports/AtomicFile.hpp"
#include "reports/DotWriter.hpp"
#include "reports/InterleavingDotWriter.hpp"
#include "reports/JsonReportWriter.hpp"
#include "reports/SarifWriter.hpp"

#include <set>
#include <string>
#include <system_error>

namespace checker::report {

namespace {

// Whether `name` is F<digits>-<lowercase or _>.dot, the name of a finding's DOT file (checked by
// hand: compiling a std::regex cost more than writing a small report).
bool isDotFileName(const std::string& name)
{
    const std::string suffix = ".dot";
    if (name.size() < suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return false;
    const size_t end = name.size() - suffix.size();
    if (end == 0 || name[0] != 'F') return false;
    size_t i = 1;
    while (i < end && name[i] >= '0' && name[i] <= '9') ++i;
    if (i == 1 || i == end || name[i] != '-') return false;
    const size_t kind = ++i;
    while (i < end && ((name[i] >= 'a' && name[i] <= 'z') || name[i] == '_')) ++i;
    return i == end && i > kind;
}

// Removes F<n>-<kind>.dot files in `folder` that are not in `keep`.
void removeStaleDotFiles(const std::filesystem::path& folder, const std::set<std::string>& keep)
{
    std::error_code ec;
    std::set<std::filesystem::path> stale;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file(ec) && isDotFileName(name) && !keep.count(name))
            stale.insert(entry.path());
    }
    for (const auto& path : stale) std::filesystem::remove(path, ec);
}

}  // namespace

std::filesystem::path writeReportFiles(const Report& report, const std::filesystem::path& folder)
{
    std::set<std::string> dotFiles;
    for (const Finding& finding : report.findings) {
        if (!finding.dotFile.empty() && finding.graph) {
            writeFileAtomically(folder / finding.dotFile, DotWriter().render(finding));
            dotFiles.insert(finding.dotFile);
        }
        if (!finding.interleavingDotFile.empty() && finding.trace) {
            writeFileAtomically(folder / finding.interleavingDotFile, InterleavingDotWriter().render(finding));
            dotFiles.insert(finding.interleavingDotFile);
        }
    }
    writeFileAtomically(folder / kSarifFileName, SarifWriter().render(report));
    const std::filesystem::path reportPath = folder / kReportFileName;
    writeFileAtomically(reportPath, JsonReportWriter().render(report));
    removeStaleDotFiles(folder, dotFiles);
    return reportPath;
}

}  // namespace checker::report
