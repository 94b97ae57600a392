// Footprint precision: which file calls of different threads commute (no conflicting touch) and
// which do not. Each footprint is taken in the state the call would run in, as the explorer does.

#include "FsTestSupport.hpp"

using namespace checker;
using namespace checker::fs;
using namespace checker::fs::test;

namespace {

bool conflict(const Footprint& a, const Footprint& b)
{
    return dependent(a.touches.data(), uint32_t(a.touches.size()), b.touches.data(), uint32_t(b.touches.size()));
}

Footprint openFp(const FileSystem& fs, uint32_t thread, std::string_view path, uint32_t access, uint32_t share,
                 uint32_t disp = disposition::Open)
{
    Footprint f;
    fs.createFootprint(thread, CreateArgs{path, access, share, disp, kSync}, f);
    return f;
}

Footprint writeFp(const FileSystem& fs, int64_t h)
{
    Footprint f;
    fs.writeFootprint(h, f);
    return f;
}

}  // namespace

class FootprintTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(FootprintTest);
    CPPUNIT_TEST(writeCommutesWithAnotherThreadsOpenAndRename);
    CPPUNIT_TEST(differentPathsCommute);
    CPPUNIT_TEST(compatibleSuccessfulOpensCommute);
    CPPUNIT_TEST(sharingViolationConflictsWithItsCause);
    CPPUNIT_TEST(closeConflictsWithOpens);
    CPPUNIT_TEST(closeCommutesOnlyWithOpensItCouldNotHaveRefused);
    CPPUNIT_TEST(createConflictsWithAnOpenOfTheSamePath);
    CPPUNIT_TEST(overwriteWithUnrecordedAccessConflictsWithOpens);
    CPPUNIT_TEST(dispositionConflictsWithLookupsOfThePathAndBelow);
    CPPUNIT_TEST(emptinessCheckConflictsWithANewChild);
    CPPUNIT_TEST(exitDependsOnlyOnHandlesOthersCanClose);
    CPPUNIT_TEST(locationsAreStableAcrossExecutions);
    CPPUNIT_TEST_SUITE_END();

public:
    void writeCommutesWithAnotherThreadsOpenAndRename()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt");
        int64_t writer = openOk(fs, "C:\\Temp\\a.txt", access::GenericWrite, share::All, kSync, 0);
        Footprint w = writeFp(fs, writer);
        CPPUNIT_ASSERT(!conflict(w, openFp(fs, 1, "C:\\Temp\\a.txt", access::FileAllAccess, share::All)));
        int64_t mover = openOk(fs, "C:\\Temp\\a.txt", access::FileAllAccess, share::All, kSync, 1);
        Footprint rename;
        fs.renameFootprint(mover, {"C:\\Temp2\\b.txt", true}, rename);
        CPPUNIT_ASSERT(!conflict(w, rename));
        Footprint q;
        fs.queryFootprint(mover, q);
        CPPUNIT_ASSERT(conflict(w, q));  // the size it reports depends on the write
    }

    void differentPathsCommute()
    {
        FileSystem fs = makeFs();
        Footprint a = openFp(fs, 0, "C:\\Temp\\a.txt", access::GenericWrite, 0, disposition::OverwriteIf);
        Footprint b = openFp(fs, 1, "C:\\Temp\\b.txt", access::GenericWrite, 0, disposition::OverwriteIf);
        Footprint c = openFp(fs, 1, "C:\\Temp2\\c.txt", access::FileAllAccess, 0, disposition::Open);
        CPPUNIT_ASSERT(!conflict(a, b));
        CPPUNIT_ASSERT(!conflict(a, c));
        makeFile(fs, "C:\\Temp\\x.txt");
        makeFile(fs, "C:\\Temp\\y.txt");
        int64_t x = openOk(fs, "C:\\Temp\\x.txt", access::FileAllAccess, 0, kSync, 0);
        int64_t y = openOk(fs, "C:\\Temp\\y.txt", access::FileAllAccess, 0, kSync, 1);
        Footprint rx, ry;
        fs.renameFootprint(x, {"C:\\Temp2\\x.txt", true}, rx);
        fs.renameFootprint(y, {"C:\\Temp2\\y.txt", true}, ry);
        CPPUNIT_ASSERT(!conflict(rx, ry));
        CPPUNIT_ASSERT(!conflict(writeFp(fs, x), writeFp(fs, y)));
    }

    void compatibleSuccessfulOpensCommute()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt");
        Footprint r1 = openFp(fs, 0, "C:\\Temp\\a.txt", access::GenericRead, share::Read);
        Footprint r2 = openFp(fs, 1, "C:\\Temp\\a.txt", access::GenericRead, share::Read);
        CPPUNIT_ASSERT(!conflict(r1, r2));
        openOk(fs, "C:\\Temp\\a.txt", access::GenericRead, share::Read, kSync, 0);
        CPPUNIT_ASSERT(!conflict(r1, openFp(fs, 1, "C:\\Temp\\a.txt", access::GenericRead, share::Read)));
    }

    void sharingViolationConflictsWithItsCause()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt");
        Footprint first = openFp(fs, 0, "C:\\Temp\\a.txt", access::GenericWrite, 0);
        openOk(fs, "C:\\Temp\\a.txt", access::GenericWrite, 0, kSync, 0);
        Footprint refused = openFp(fs, 1, "C:\\Temp\\a.txt", access::FileAllAccess, share::Read | share::Write);
        CPPUNIT_ASSERT(conflict(first, refused));
    }

    void closeCommutesOnlyWithOpensItCouldNotHaveRefused()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt");
        int64_t reader = openOk(fs, "C:\\Temp\\a.txt", access::GenericRead, share::All, kSync, 0);
        Footprint close;
        fs.closeFootprint(reader, close);
        CPPUNIT_ASSERT(!conflict(close, openFp(fs, 1, "C:\\Temp\\a.txt", access::GenericWrite, share::All)));
        CPPUNIT_ASSERT(conflict(close, openFp(fs, 1, "C:\\Temp\\a.txt", access::GenericWrite, share::Write)));
    }

    void closeConflictsWithOpens()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt");
        int64_t h = openOk(fs, "C:\\Temp\\a.txt", access::GenericWrite, 0, kSync, 0);
        Footprint close;
        fs.closeFootprint(h, close);
        CPPUNIT_ASSERT(conflict(close, openFp(fs, 1, "C:\\Temp\\a.txt", access::FileAllAccess, share::All)));
        CPPUNIT_ASSERT(!conflict(close, openFp(fs, 1, "C:\\Temp\\b.txt", access::FileAllAccess, share::All)));
        Footprint rename;  // a plain close does not touch the name
        int64_t other = openOk(fs, "C:\\Temp2", access::GenericRead, share::All, kSync, 1);
        fs.renameFootprint(other, {"C:\\Temp3", false}, rename);
        CPPUNIT_ASSERT(!conflict(close, rename));
    }

    void createConflictsWithAnOpenOfTheSamePath()
    {
        FileSystem fs = makeFs();
        Footprint create = openFp(fs, 0, "C:\\Temp\\a.txt", access::GenericWrite, 0, disposition::OverwriteIf);
        Footprint open = openFp(fs, 1, "C:\\Temp\\a.txt", access::FileAllAccess, share::All);
        CPPUNIT_ASSERT(conflict(create, open));
    }

    // An overwrite checks write access it does not record: two such opens do not commute.
    void overwriteWithUnrecordedAccessConflictsWithOpens()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt");
        Footprint over = openFp(fs, 0, "C:\\Temp\\a.txt", access::GenericRead, share::All, disposition::Overwrite);
        Footprint reader = openFp(fs, 1, "C:\\Temp\\a.txt", access::GenericRead, share::Read);
        CPPUNIT_ASSERT(conflict(over, reader));
    }

    void dispositionConflictsWithLookupsOfThePathAndBelow()
    {
        FileSystem fs = makeFs({"C:\\Temp", "C:\\Temp\\Sub"});
        int64_t d = openOk(fs, "C:\\Temp\\Sub", access::Delete | access::Synchronize, share::All, kSync, 0);
        Footprint disp;
        fs.dispositionFootprint(d, true, disp);
        CPPUNIT_ASSERT(conflict(disp, openFp(fs, 1, "C:\\Temp\\Sub\\x.txt", access::GenericWrite, 0, disposition::Create)));
        CPPUNIT_ASSERT(conflict(disp, openFp(fs, 1, "C:\\Temp\\Sub", access::GenericRead, share::All)));
        CPPUNIT_ASSERT(!conflict(disp, openFp(fs, 1, "C:\\Temp\\x.txt", access::GenericWrite, 0, disposition::Create)));
    }

    void emptinessCheckConflictsWithANewChild()
    {
        FileSystem fs = makeFs({"C:\\Temp", "C:\\Temp\\Sub"});
        Footprint del;
        fs.deleteFileFootprint("C:\\Temp\\Sub", del);
        Footprint child = openFp(fs, 1, "C:\\Temp\\Sub\\x.txt", access::GenericWrite, 0, disposition::Create);
        CPPUNIT_ASSERT(conflict(del, child));
        Footprint sibling = openFp(fs, 2, "C:\\Temp\\Sub\\y.txt", access::GenericWrite, 0, disposition::Create);
        CPPUNIT_ASSERT(!conflict(child, sibling));  // new children of one directory commute
    }

    // A thread's exit (HANDLE_LEAK) depends on the handles it opened that are open or that
    // another thread closed, not on those it closed itself.
    void exitDependsOnlyOnHandlesOthersCanClose()
    {
        FileSystem fs = makeFs();
        int64_t own = create(fs, "C:\\Temp\\a", access::GenericWrite, 0, disposition::Create, kSync, 0).handle;
        int64_t kept = create(fs, "C:\\Temp\\b", access::GenericWrite, 0, disposition::Create, kSync, 0).handle;
        int64_t given = create(fs, "C:\\Temp\\c", access::GenericWrite, 0, disposition::Create, kSync, 0).handle;
        fs.close(own, 0);
        Footprint before;
        fs.closeFootprint(given, before);
        fs.close(given, 1);
        Footprint exit;
        fs.exitFootprint(0, exit);
        CPPUNIT_ASSERT_EQUAL(size_t(2), exit.touches.size());
        CPPUNIT_ASSERT(conflict(exit, before));
        Footprint keptClose;
        fs.closeFootprint(kept, keptClose);
        CPPUNIT_ASSERT(conflict(exit, keptClose));
        CPPUNIT_ASSERT_EQUAL(size_t(1), fs.openedAndStillOpen(0).size());
    }

    // The explorer compares footprints of different executions: the same call in the same
    // situation touches the same locations after a reset, and copies (checkpoints) agree.
    void locationsAreStableAcrossExecutions()
    {
        FileSystem fs = makeFs();
        Footprint before = openFp(fs, 2, "C:\\Temp\\a.txt", access::GenericWrite, 0, disposition::OverwriteIf);
        create(fs, "C:\\Temp\\other.txt", access::GenericWrite, 0, disposition::Create, kSync, 1);
        FileSystem copy = fs;
        fs.reset({"C:\\Temp", "C:\\Temp2"}, {});
        Footprint after = openFp(fs, 2, "C:\\Temp\\a.txt", access::GenericWrite, 0, disposition::OverwriteIf);
        CPPUNIT_ASSERT_EQUAL(before.touches.size(), after.touches.size());
        for (size_t i = 0; i < before.touches.size(); ++i)
            CPPUNIT_ASSERT_EQUAL(before.touches[i].location, after.touches[i].location);
        Footprint fromCopy = openFp(copy, 3, "C:\\Temp\\b.txt", access::GenericWrite, 0, disposition::OverwriteIf);
        Footprint fromFs = openFp(fs, 3, "C:\\Temp\\b.txt", access::GenericWrite, 0, disposition::OverwriteIf);
        CPPUNIT_ASSERT_EQUAL(fromCopy.touches[0].location, fromFs.touches[0].location);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(FootprintTest);
