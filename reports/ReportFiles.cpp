#include "reports/ReportFiles.hpp"

#include "reports/AtomicFile.hpp"
#include "reports/DotWriter.hpp"
#include "reports/InterleavingDotWriter.hpp"
#include "reports/JsonReportWriter.hpp"
#include "reports/SarifWriter.hpp"

#include <regex>
#include <set>
#include <string>
#include <system_error>

namespace checker::report {

namespace {

// Removes F<n>-<kind>.dot files in `folder` that are not in `keep`.
void removeStaleDotFiles(const std::filesystem::path& folder, const std::set<std::string>& keep)
{
    static const std::regex kDotName("F[0-9]+-[a-z_]+\\.dot");
    std::error_code ec;
    std::set<std::filesystem::path> stale;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file(ec) && std::regex_match(name, kDotName) && !keep.count(name))
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
