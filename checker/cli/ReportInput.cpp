#include "checker/cli/ReportInput.hpp"

#include "reports/ReportError.hpp"
#include "reports/ReportReader.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace checker::cli {

nlohmann::json readReportJson(const std::string& path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw report::ReportError(path + ": is a folder, not a report");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw report::ReportError(path + ": cannot read the report");
    std::ostringstream text;
    text << in.rdbuf();
    return report::parseReportText(text.str(), path);
}

}  // namespace checker::cli
