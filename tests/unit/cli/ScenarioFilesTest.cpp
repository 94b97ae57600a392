#include "checker/cli/ScenarioFiles.hpp"
#include "checker/cli/UsageError.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace checker::cli {
namespace {

namespace fs = std::filesystem;

class ScenarioFilesTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ScenarioFilesTest);
    CPPUNIT_TEST(scenarioFilesAreRecognized);
    CPPUNIT_TEST(foldersSkipReportsAndOutputFolders);
    CPPUNIT_TEST(namedFilesAreAlwaysTaken);
    CPPUNIT_TEST(missingPathsAreUsageErrors);
    CPPUNIT_TEST_SUITE_END();

    fs::path root_;

    void write(const fs::path& path, const std::string& text)
    {
        fs::create_directories((root_ / path).parent_path());
        std::ofstream(root_ / path) << text;
    }

public:
    void setUp() override
    {
        root_ = fs::temp_directory_path() / ("checker-scenario-files-" + std::to_string(::getpid()));
        fs::remove_all(root_);
        fs::create_directories(root_);
    }

    void tearDown() override { fs::remove_all(root_); }

    void scenarioFilesAreRecognized()
    {
        CPPUNIT_ASSERT(looksLikeScenario("// a comment\n{\"scenario\": \"x\", \"threads\": []}"));
        CPPUNIT_ASSERT(looksLikeScenario("{\"scenario\": \"x\", oops"));  // broken: reported, not skipped
        CPPUNIT_ASSERT(!looksLikeScenario("{\"schema\": 1, \"scenario\": {\"name\": \"x\"}}"));  // a report
        CPPUNIT_ASSERT(!looksLikeScenario("{\"benchmarks\": []}"));
        CPPUNIT_ASSERT(!looksLikeScenario("[1, 2]"));
    }

    void foldersSkipReportsAndOutputFolders()
    {
        write("b.json", "{\"scenario\": \"b\"}");
        write("sub/a.json", "{\"scenario\": \"a\"}");
        write("sub/notes.txt", "{\"scenario\": \"n\"}");
        write("suite.json", "{\"benchmarks\": []}");
        write("x/report.json", "{\"schema\": 1, \"scenario\": {\"name\": \"b\"}}");
        write("out/b/copy.json", "{\"scenario\": \"b\"}");
        write(".hidden/c.json", "{\"scenario\": \"c\"}");
        const auto files = collectScenarioFiles({root_.string()}, "test");
        CPPUNIT_ASSERT_EQUAL(size_t(2), files.size());
        CPPUNIT_ASSERT_EQUAL((root_ / "b.json").generic_string(), files[0]);
        CPPUNIT_ASSERT_EQUAL((root_ / "sub/a.json").generic_string(), files[1]);
    }

    void namedFilesAreAlwaysTaken()
    {
        write("suite.json", "{\"benchmarks\": []}");
        const std::string file = (root_ / "suite.json").string();
        CPPUNIT_ASSERT(collectScenarioFiles({file, file}, "test") == std::vector<std::string>{file});
    }

    void missingPathsAreUsageErrors()
    {
        CPPUNIT_ASSERT_THROW(collectScenarioFiles({(root_ / "nope").string()}, "test"), UsageError);
        write("suite.json", "{\"benchmarks\": []}");
        CPPUNIT_ASSERT_THROW(collectScenarioFiles({root_.string()}, "test"), UsageError);  // nothing found
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ScenarioFilesTest);

}  // namespace
}  // namespace checker::cli
