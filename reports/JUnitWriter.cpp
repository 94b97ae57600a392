#include "reports/JUnitWriter.hpp"

#include <cstdio>

namespace checker::report {

namespace {

std::string secondsText(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", value);
    return buffer;
}

std::string testCaseXml(const TestCaseResult& result)
{
    std::string out = "  <testcase classname=\"checker.scenarios\" name=\"" + xmlEscaped(result.name) +
                      "\" file=\"" + xmlEscaped(result.file) + "\" time=\"" +
                      secondsText(result.elapsedSeconds) + "\"";
    if (result.passed) return out + "/>\n";
    std::string text;
    for (const std::string& mismatch : result.mismatches) text += mismatch + "\n";
    const std::string summary = result.mismatches.empty() ? "failed" : result.mismatches.front();
    out += ">\n    <failure message=\"" + xmlEscaped(summary) + "\" type=\"expectations\">" +
           xmlEscaped(text) + "</failure>\n  </testcase>\n";
    return out;
}

}  // namespace

std::string xmlEscaped(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') out += c;
        }
    }
    return out;
}

std::string JUnitWriter::render(const std::vector<TestCaseResult>& cases) const
{
    size_t failures = 0;
    double total = 0;
    for (const TestCaseResult& result : cases) {
        failures += result.passed ? 0 : 1;
        total += result.elapsedSeconds;
    }
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<testsuites>\n<testsuite name=\"checker\" tests=\"" + std::to_string(cases.size()) +
           "\" failures=\"" + std::to_string(failures) + "\" errors=\"0\" time=\"" + secondsText(total) + "\">\n";
    for (const TestCaseResult& result : cases) out += testCaseXml(result);
    return out + "</testsuite>\n</testsuites>\n";
}

}  // namespace checker::report
