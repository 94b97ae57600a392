// The share-access check (SEMANTICS.md §7.5, §8.9): both directions, attribute-only opens
// excluded, counted per open (a thread conflicts with itself), released at ZwClose.

#include "FsTestSupport.hpp"

using namespace checker::fs;
using namespace checker::fs::test;

class ShareAccessTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ShareAccessTest);
    CPPUNIT_TEST(existingOpenerMustShareWhatTheNewOneUses);
    CPPUNIT_TEST(newOpenerMustShareWhatTheExistingOnesUse);
    CPPUNIT_TEST(sameThreadConflictsWithItself);
    CPPUNIT_TEST(attributeOnlyOpensAreNeitherCheckedNorCounted);
    CPPUNIT_TEST(closeReleasesShareAccess);
    CPPUNIT_TEST(deleteAccessNeedsShareDeleteFromLaterOpeners);
    CPPUNIT_TEST(seedCreatorAndMoverExcludeEachOther);
    CPPUNIT_TEST(countsFollowTheFormula);
    CPPUNIT_TEST_SUITE_END();

public:
    void existingOpenerMustShareWhatTheNewOneUses()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt");
        openOk(fs, "C:\\Temp\\f.txt", access::FileGenericRead, share::Read);
        CHECK_STATUS(status::SharingViolation,
                     create(fs, "C:\\Temp\\f.txt", access::FileGenericWrite, share::All, disposition::Open).status);
        openOk(fs, "C:\\Temp\\f.txt", access::FileGenericRead, share::All);
    }

    void newOpenerMustShareWhatTheExistingOnesUse()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt");
        openOk(fs, "C:\\Temp\\f.txt", access::FileGenericWrite, share::All);
        CHECK_STATUS(status::SharingViolation,
                     create(fs, "C:\\Temp\\f.txt", access::FileGenericRead, share::Read, disposition::Open).status);
        openOk(fs, "C:\\Temp\\f.txt", access::FileGenericRead, share::Read | share::Write);
    }

    void sameThreadConflictsWithItself()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt");
        openOk(fs, "C:\\Temp\\f.txt", access::FileGenericRead, 0, kSync, 3);
        CHECK_STATUS(status::SharingViolation,
                     create(fs, "C:\\Temp\\f.txt", access::FileGenericRead, 0, disposition::Open, kSync, 3).status);
    }

    void attributeOnlyOpensAreNeitherCheckedNorCounted()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt");
        uint32_t attributes = 0x80 | access::Synchronize;  // FILE_READ_ATTRIBUTES | SYNCHRONIZE
        openOk(fs, "C:\\Temp\\f.txt", access::FileGenericWrite, 0);
        openOk(fs, "C:\\Temp\\f.txt", attributes, 0);  // not checked
        FileSystem fs2 = makeFs();
        makeFile(fs2, "C:\\Temp\\f.txt");
        openOk(fs2, "C:\\Temp\\f.txt", attributes, 0);
        openOk(fs2, "C:\\Temp\\f.txt", access::FileGenericWrite, 0);  // the attribute open is not counted
    }

    void closeReleasesShareAccess()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt");
        int64_t h = openOk(fs, "C:\\Temp\\f.txt", access::FileGenericWrite, 0);
        CHECK_STATUS(status::SharingViolation,
                     create(fs, "C:\\Temp\\f.txt", access::FileGenericRead, share::All, disposition::Open).status);
        CHECK_STATUS(status::Success, fs.close(h, 0).status);
        openOk(fs, "C:\\Temp\\f.txt", access::FileGenericRead, share::All);
    }

    void deleteAccessNeedsShareDeleteFromLaterOpeners()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt");
        openOk(fs, "C:\\Temp\\f.txt", access::Delete | access::Synchronize, share::All);
        CHECK_STATUS(status::SharingViolation,
                     create(fs, "C:\\Temp\\f.txt", access::FileGenericRead, share::Read | share::Write, disposition::Open).status);
        openOk(fs, "C:\\Temp\\f.txt", access::FileGenericRead, share::All);
    }

    // The seeds: the creator (GENERIC_WRITE, share 0) and the mover (FILE_ALL_ACCESS, share
    // READ|WRITE) can never have the same file open, whichever comes first.
    void seedCreatorAndMoverExcludeEachOther()
    {
        FileSystem fs = makeFs();
        CallResult c = create(fs, "C:\\Temp\\file_0.txt", access::GenericWrite, 0, disposition::OverwriteIf);
        CHECK_STATUS(status::Success, c.status);
        CHECK_STATUS(status::SharingViolation, create(fs, "C:\\Temp\\file_0.txt", access::FileAllAccess,
                                                      share::Read | share::Write, disposition::Open).status);
        fs.close(c.handle, 0);
        int64_t m = openOk(fs, "C:\\Temp\\file_0.txt", access::FileAllAccess, share::Read | share::Write);
        CHECK_STATUS(status::SharingViolation,
                     create(fs, "C:\\Temp\\file_0.txt", access::GenericWrite, 0, disposition::OverwriteIf).status);
        fs.close(m, 0);
    }

    void countsFollowTheFormula()
    {
        ShareCounts counts;
        ShareMode reader = ShareMode::of(access::ReadData, share::Read | share::Write);
        counts.add(reader);
        CPPUNIT_ASSERT_EQUAL(1u, counts.openCount);
        CPPUNIT_ASSERT_EQUAL(1u, counts.readers);
        CPPUNIT_ASSERT_EQUAL(1u, counts.sharedWrite);
        CPPUNIT_ASSERT(!counts.violates(ShareMode::of(access::WriteData, share::Read)));
        CPPUNIT_ASSERT(counts.violates(ShareMode::of(access::WriteData, share::Write)));
        CPPUNIT_ASSERT(counts.violates(ShareMode::of(access::Delete | access::Synchronize, share::All)));
        counts.remove(reader);
        CPPUNIT_ASSERT_EQUAL(0u, counts.openCount);
        CPPUNIT_ASSERT(!counts.violates(ShareMode::of(access::Delete, 0)));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ShareAccessTest);
