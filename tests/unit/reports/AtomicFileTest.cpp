#include "SampleReport.hpp"

#include "reports/AtomicFile.hpp"
#include "reports/ReportError.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <filesystem>
#include <fstream>

#include <sys/stat.h>
#include <unistd.h>

namespace checker::report {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(AtomicFileTest);
    CPPUNIT_TEST(writesNewFile);
    CPPUNIT_TEST(replacesExistingFileAndLeavesNoTemporary);
    CPPUNIT_TEST(refusesDirectoryTarget);
    CPPUNIT_TEST(missingFolderIsAClearError);
    CPPUNIT_TEST(unwritableFolderIsAClearError);
    CPPUNIT_TEST(ensureFolderCreatesParents);
    CPPUNIT_TEST(ensureFolderRefusesFile);
    CPPUNIT_TEST_SUITE_END();

    fs::path root_;

    template <typename F>
    static std::string errorOf(F&& action)
    {
        try {
            action();
        } catch (const ReportError& error) {
            return error.what();
        }
        return "no error";
    }

public:
    void setUp() override
    {
        root_ = fs::temp_directory_path() / ("checker-atomic-" + std::to_string(::getpid()));
        fs::remove_all(root_);
        fs::create_directories(root_);
    }

    void tearDown() override
    {
        fs::permissions(root_, fs::perms::owner_all, fs::perm_options::add);
        fs::remove_all(root_);
    }

    void writesNewFile()
    {
        writeFileAtomically(root_ / "report.json", "{}\n");
        CPPUNIT_ASSERT_EQUAL(std::string("{}\n"), testing::readTextFile((root_ / "report.json").string()));
    }

    void replacesExistingFileAndLeavesNoTemporary()
    {
        std::ofstream(root_ / "a.dot") << "old content that is longer";
        writeFileAtomically(root_ / "a.dot", "new");
        CPPUNIT_ASSERT_EQUAL(std::string("new"), testing::readTextFile((root_ / "a.dot").string()));
        size_t entries = 0;
        for ([[maybe_unused]] const auto& entry : fs::directory_iterator(root_)) ++entries;
        CPPUNIT_ASSERT_EQUAL(size_t(1), entries);
    }

    void refusesDirectoryTarget()
    {
        fs::create_directories(root_ / "report.json");
        const std::string error = errorOf([&] { writeFileAtomically(root_ / "report.json", "x"); });
        CPPUNIT_ASSERT_EQUAL((root_ / "report.json").string() + ": is a directory, not a file", error);
    }

    void missingFolderIsAClearError()
    {
        const std::string error = errorOf([&] { writeFileAtomically(root_ / "nope" / "r.json", "x"); });
        CPPUNIT_ASSERT_EQUAL((root_ / "nope" / "r.json").string() + ": cannot write: No such file or directory", error);
    }

    void unwritableFolderIsAClearError()
    {
        if (::geteuid() == 0) return;  // root writes anywhere; the permission check cannot fail
        fs::create_directories(root_ / "ro");
        fs::permissions(root_ / "ro", fs::perms::owner_read | fs::perms::owner_exec);
        const std::string error = errorOf([&] { writeFileAtomically(root_ / "ro" / "r.json", "x"); });
        fs::permissions(root_ / "ro", fs::perms::owner_all);
        CPPUNIT_ASSERT_EQUAL((root_ / "ro" / "r.json").string() + ": cannot write: Permission denied", error);
    }

    void ensureFolderCreatesParents()
    {
        ensureFolder(root_ / "out" / "lock_order");
        CPPUNIT_ASSERT(fs::is_directory(root_ / "out" / "lock_order"));
        ensureFolder(root_ / "out" / "lock_order");
    }

    void ensureFolderRefusesFile()
    {
        std::ofstream(root_ / "file") << "x";
        CPPUNIT_ASSERT_EQUAL((root_ / "file").string() + ": exists and is not a folder",
                             errorOf([&] { ensureFolder(root_ / "file"); }));
        CPPUNIT_ASSERT(errorOf([&] { ensureFolder(root_ / "file" / "sub"); }).find("cannot create the folder") !=
                       std::string::npos);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AtomicFileTest);

}  // namespace
}  // namespace checker::report
