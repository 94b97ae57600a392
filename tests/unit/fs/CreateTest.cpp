// ZwCreateFile / ZwOpenFile (SEMANTICS.md §7.4): the six dispositions with their IoStatus
// information, implied access, FastFAT's check order, parameter rules, directories, new file
// objects per open, delete-pending paths.

#include "FsTestSupport.hpp"

using namespace checker::fs;
using namespace checker::fs::test;

class CreateTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CreateTest);
    CPPUNIT_TEST(dispositionsOnAMissingFile);
    CPPUNIT_TEST(dispositionsOnAnExistingFile);
    CPPUNIT_TEST(overwriteAndSupersedeTruncate);
    CPPUNIT_TEST(createCollisionWinsOverSharing);
    CPPUNIT_TEST(supersedeNeedsDeleteSharingOverwriteWriteSharing);
    CPPUNIT_TEST(everyOpenIsANewFileObject);
    CPPUNIT_TEST(directoriesCreateOpenAndTypeChecks);
    CPPUNIT_TEST(existingDirectoryWithCreateOrOverwriteCollides);
    CPPUNIT_TEST(parameterRulesAreInvalidParameter);
    CPPUNIT_TEST(deletePendingFileFailsEveryDisposition);
    CPPUNIT_TEST(deletePendingDirectoryFailsEverythingBelow);
    CPPUNIT_TEST(failedOpenReturnsNoHandle);
    CPPUNIT_TEST_SUITE_END();

public:
    void dispositionsOnAMissingFile()
    {
        struct Case { uint32_t disp; uint32_t status; int64_t info; };
        for (Case c : {Case{disposition::Supersede, status::Success, information::Created},
                       Case{disposition::Open, status::ObjectNameNotFound, 0},
                       Case{disposition::Create, status::Success, information::Created},
                       Case{disposition::OpenIf, status::Success, information::Created},
                       Case{disposition::Overwrite, status::ObjectNameNotFound, 0},
                       Case{disposition::OverwriteIf, status::Success, information::Created}}) {
            FileSystem fs = makeFs();
            CallResult r = create(fs, "C:\\Temp\\f.txt", kRW | access::Delete, 0, c.disp);
            CHECK_STATUS(c.status, r.status);
            if (c.status) {
                CPPUNIT_ASSERT(!r.hasInformation);
                CPPUNIT_ASSERT(!exists(fs, "C:\\Temp\\f.txt"));
                continue;
            }
            CPPUNIT_ASSERT_EQUAL(c.info, r.information);
            CPPUNIT_ASSERT(exists(fs, "C:\\Temp\\f.txt"));
        }
    }

    void dispositionsOnAnExistingFile()
    {
        struct Case { uint32_t disp; uint32_t status; int64_t info; };
        for (Case c : {Case{disposition::Supersede, status::Success, information::Superseded},
                       Case{disposition::Open, status::Success, information::Opened},
                       Case{disposition::Create, status::ObjectNameCollision, 0},
                       Case{disposition::OpenIf, status::Success, information::Opened},
                       Case{disposition::Overwrite, status::Success, information::Overwritten},
                       Case{disposition::OverwriteIf, status::Success, information::Overwritten}}) {
            FileSystem fs = makeFs();
            makeFile(fs, "C:\\Temp\\f.txt", "data");
            CallResult r = create(fs, "C:\\Temp\\f.txt", kRW | access::Delete, 0, c.disp);
            CHECK_STATUS(c.status, r.status);
            if (!c.status) CPPUNIT_ASSERT_EQUAL(c.info, r.information);
        }
    }

    void overwriteAndSupersedeTruncate()
    {
        for (uint32_t d : {disposition::Supersede, disposition::Overwrite, disposition::OverwriteIf}) {
            FileSystem fs = makeFs();
            makeFile(fs, "C:\\Temp\\f.txt", "old data");
            CHECK_STATUS(status::Success, create(fs, "C:\\Temp\\f.txt", kRW | access::Delete, 0, d).status);
            CPPUNIT_ASSERT_EQUAL(std::string(), contentOf(fs, "C:\\Temp\\f.txt"));
        }
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt", "kept");
        CHECK_STATUS(status::Success, create(fs, "C:\\Temp\\f.txt", kRW, share::All, disposition::OpenIf).status);
        CPPUNIT_ASSERT_EQUAL(std::string("kept"), contentOf(fs, "C:\\Temp\\f.txt"));
    }

    // FastFAT checks FILE_CREATE's collision before the share check (§8.10).
    void createCollisionWinsOverSharing()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt");
        openOk(fs, "C:\\Temp\\f.txt", access::FileGenericWrite, 0);
        CHECK_STATUS(status::ObjectNameCollision,
                     create(fs, "C:\\Temp\\f.txt", access::FileGenericWrite, 0, disposition::Create).status);
        CHECK_STATUS(status::SharingViolation,
                     create(fs, "C:\\Temp\\f.txt", access::FileGenericWrite, 0, disposition::OpenIf).status);
    }

    // Implied access (FastFAT AddedAccess): checked, not recorded.
    void supersedeNeedsDeleteSharingOverwriteWriteSharing()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt");
        int64_t reader = openOk(fs, "C:\\Temp\\f.txt", access::FileGenericRead, share::Read | share::Write);
        CHECK_STATUS(status::SharingViolation,
                     create(fs, "C:\\Temp\\f.txt", access::FileGenericRead, share::All, disposition::Supersede).status);
        CallResult over = create(fs, "C:\\Temp\\f.txt", access::FileGenericRead, share::All, disposition::Overwrite);
        CHECK_STATUS(status::Success, over.status);
        fs.close(reader, 0);
        // The overwriter recorded only read access: a later reader that shares only reading passes.
        openOk(fs, "C:\\Temp\\f.txt", access::FileGenericRead, share::Read);
        fs.close(over.handle, 0);
        // ... while an overwrite after that reader needs it to share writing.
        CallResult over2 = create(fs, "C:\\Temp\\f.txt", access::FileGenericRead, share::All, disposition::Overwrite);
        CHECK_STATUS(status::SharingViolation, over2.status);
    }

    void everyOpenIsANewFileObject()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt", "abcdef");
        int64_t a = openOk(fs, "C:\\Temp\\f.txt", access::FileGenericRead, share::Read);
        int64_t b = openOk(fs, "C:\\Temp\\f.txt", access::FileGenericRead, share::Read);
        CPPUNIT_ASSERT(a != b);
        CPPUNIT_ASSERT_EQUAL(int64_t(2), fs.read(a, 2, std::nullopt).information);
        CallResult rb = fs.read(b, 3, std::nullopt);
        CPPUNIT_ASSERT_EQUAL(int64_t(3), rb.information);  // b's own position: 0
        CPPUNIT_ASSERT_EQUAL(int64_t(4), fs.read(a, 10, std::nullopt).information);
    }

    void directoriesCreateOpenAndTypeChecks()
    {
        FileSystem fs = makeFs();
        uint32_t dir = options::DirectoryFile | kSync;
        CallResult made = create(fs, "C:\\Temp\\Sub", access::FileGenericRead, share::All, disposition::Create, dir);
        CHECK_STATUS(status::Success, made.status);
        CPPUNIT_ASSERT(fs.find("C:\\Temp\\Sub")->directory);
        CHECK_STATUS(status::Success, create(fs, "C:\\Temp\\Sub", access::FileGenericRead, share::All, disposition::OpenIf, dir).status);
        makeFile(fs, "C:\\Temp\\Sub\\inner.txt");
        CHECK_STATUS(status::FileIsADirectory, create(fs, "C:\\Temp\\Sub", access::FileGenericRead, share::All,
                                                      disposition::Open, options::NonDirectoryFile).status);
        CHECK_STATUS(status::NotADirectory,
                     create(fs, "C:\\Temp\\Sub\\inner.txt", access::FileGenericRead, share::All, disposition::Open, dir).status);
        CHECK_STATUS(status::Success,
                     create(fs, "C:\\Temp\\Sub", access::FileGenericRead, share::All, disposition::Open).status);
    }

    void existingDirectoryWithCreateOrOverwriteCollides()
    {
        for (uint32_t d : {disposition::Create, disposition::Supersede, disposition::Overwrite, disposition::OverwriteIf}) {
            FileSystem fs = makeFs();
            CHECK_STATUS(status::ObjectNameCollision,
                         create(fs, "C:\\Temp", kRW | access::Delete, share::All, d).status);
        }
    }

    void parameterRulesAreInvalidParameter()
    {
        FileSystem fs = makeFs();
        struct Case { uint32_t access, share, disp, opts; };
        for (Case c : {Case{access::FileGenericWrite, 0, 6, kSync},
                       Case{access::FileGenericWrite, 8, disposition::OpenIf, kSync},
                       Case{access::FileGenericWrite, 0, disposition::OpenIf, options::DirectoryFile | options::NonDirectoryFile},
                       Case{access::FileGenericWrite, 0, disposition::OpenIf, options::DeleteOnClose},
                       Case{access::FileGenericWrite, 0, disposition::OpenIf, options::Synchronous},
                       Case{access::WriteData, 0, disposition::OpenIf, kSync},
                       Case{access::FileGenericWrite, 0, disposition::OverwriteIf, options::DirectoryFile}}) {
            CallResult r = create(fs, "C:\\Temp\\p.txt", c.access, c.share, c.disp, c.opts);
            CHECK_STATUS(status::InvalidParameter, r.status);
            CPPUNIT_ASSERT_EQUAL(std::string("INVALID_PARAMETER"), std::string(r.rule));
            CPPUNIT_ASSERT(!r.message.empty());
        }
        CPPUNIT_ASSERT(!exists(fs, "C:\\Temp\\p.txt"));
    }

    // §8.10: anything on a delete-pending path fails with DELETE_PENDING, even FILE_CREATE/OPEN_IF.
    void deletePendingFileFailsEveryDisposition()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt");
        int64_t h = openOk(fs, "C:\\Temp\\f.txt", access::Delete | access::FileGenericRead, share::All);
        CHECK_STATUS(status::Success, fs.setDisposition(h, true).status);
        for (uint32_t d : {disposition::Supersede, disposition::Open, disposition::Create, disposition::OpenIf,
                           disposition::Overwrite, disposition::OverwriteIf})
            CHECK_STATUS(status::DeletePending,
                         create(fs, "C:\\Temp\\f.txt", kRW | access::Delete, share::All, d).status);
        CPPUNIT_ASSERT(exists(fs, "C:\\Temp\\f.txt"));  // the name stays visible
        fs.close(h, 0);
        CPPUNIT_ASSERT(!exists(fs, "C:\\Temp\\f.txt"));
        CHECK_STATUS(status::Success, create(fs, "C:\\Temp\\f.txt", kRW, 0, disposition::Create).status);
    }

    void deletePendingDirectoryFailsEverythingBelow()
    {
        FileSystem fs = makeFs({"C:\\Temp", "C:\\Temp\\Sub"});
        int64_t d = openOk(fs, "C:\\Temp\\Sub", access::Delete | access::FileGenericRead, share::All);
        CHECK_STATUS(status::Success, fs.setDisposition(d, true).status);
        CHECK_STATUS(status::DeletePending,
                     create(fs, "C:\\Temp\\Sub\\new.txt", kRW, 0, disposition::Create).status);
        CHECK_STATUS(status::DeletePending,
                     create(fs, "C:\\Temp\\Sub\\a\\b.txt", kRW, 0, disposition::OpenIf).status);
        fs.close(d, 0);
        CPPUNIT_ASSERT(!exists(fs, "C:\\Temp\\Sub"));
    }

    void failedOpenReturnsNoHandle()
    {
        FileSystem fs = makeFs();
        CallResult r = create(fs, "C:\\Temp\\none.txt", kRW, 0, disposition::Open);
        CHECK_STATUS(status::ObjectNameNotFound, r.status);
        CPPUNIT_ASSERT_EQUAL(int64_t(0), r.handle);
        CPPUNIT_ASSERT(!r.hasInformation);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CreateTest);
