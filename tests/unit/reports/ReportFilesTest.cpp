#include "SampleReport.hpp"

#include "reports/DotWriter.hpp"
#include "reports/InterleavingDotWriter.hpp"
#include "reports/JsonReportWriter.hpp"
#include "reports/ReportFiles.hpp"
#include "reports/SarifWriter.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace checker::report {
namespace {

namespace fs = std::filesystem;

class ReportFilesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ReportFilesTest);
    CPPUNIT_TEST(writesReportAndDotFiles);
    CPPUNIT_TEST(writesInterleavingDotFilesOfTracedFindings);
    CPPUNIT_TEST(removesOnlyStaleFindingDotFiles);
    CPPUNIT_TEST_SUITE_END();

    fs::path root_;

    static Report canonicalSample()
    {
        Report report = testing::sampleReport();
        canonicalize(report);
        return report;
    }

public:
    void setUp() override
    {
        root_ = fs::temp_directory_path() / ("checker-files-" + std::to_string(::getpid()));
        fs::remove_all(root_);
        fs::create_directories(root_);
    }

    void tearDown() override { fs::remove_all(root_); }

    void writesReportAndDotFiles()
    {
        const Report report = canonicalSample();
        const fs::path path = writeReportFiles(report, root_);
        CPPUNIT_ASSERT_EQUAL((root_ / "report.json").string(), path.string());
        CPPUNIT_ASSERT_EQUAL(JsonReportWriter().render(report), testing::readTextFile(path.string()));
        CPPUNIT_ASSERT_EQUAL(DotWriter().render(report.findings[0]),
                             testing::readTextFile((root_ / "F1-deadlock.dot").string()));
        CPPUNIT_ASSERT_EQUAL(SarifWriter().render(report), testing::readTextFile((root_ / "report.sarif").string()));
        size_t entries = 0;
        for ([[maybe_unused]] const auto& entry : fs::directory_iterator(root_)) ++entries;
        CPPUNIT_ASSERT_EQUAL(size_t(3), entries);
    }

    void writesInterleavingDotFilesOfTracedFindings()
    {
        Report report = testing::tracedSampleReport();
        canonicalize(report);
        writeReportFiles(report, root_);
        CPPUNIT_ASSERT_EQUAL(InterleavingDotWriter().render(report.findings[0]),
                             testing::readTextFile((root_ / "F1-interleaving.dot").string()));
        CPPUNIT_ASSERT(fs::exists(root_ / "F2-interleaving.dot"));
        CPPUNIT_ASSERT(!fs::exists(root_ / "F2-api_misuse.dot"));
        const Report untraced = canonicalSample();
        writeReportFiles(untraced, root_);
        CPPUNIT_ASSERT(!fs::exists(root_ / "F1-interleaving.dot"));  // stale: removed
    }

    void removesOnlyStaleFindingDotFiles()
    {
        std::ofstream(root_ / "F3-data_race.dot") << "old";
        std::ofstream(root_ / "mine.dot") << "keep";
        std::ofstream(root_ / "F1-deadlock.dot.bak") << "keep";
        std::ofstream(root_ / "F12-lock_order.dot") << "old";
        const std::vector<std::string> notFindings = {"F-x.dot", "F1-.dot", "F1-Data.dot", "f1-x.dot", "F1x-a.dot",
                                                      "F1-a", ".dot", "F1a.dot", "F1-a-b.dot"};
        for (const std::string& name : notFindings) std::ofstream(root_ / name) << "keep";
        writeReportFiles(canonicalSample(), root_);
        CPPUNIT_ASSERT(!fs::exists(root_ / "F3-data_race.dot"));
        CPPUNIT_ASSERT(!fs::exists(root_ / "F12-lock_order.dot"));
        for (const std::string& name : notFindings) CPPUNIT_ASSERT_MESSAGE(name, fs::exists(root_ / name));
        CPPUNIT_ASSERT(fs::exists(root_ / "F1-deadlock.dot"));
        CPPUNIT_ASSERT(fs::exists(root_ / "mine.dot"));
        CPPUNIT_ASSERT(fs::exists(root_ / "F1-deadlock.dot.bak"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ReportFilesTest);

}  // namespace
}  // namespace checker::report
