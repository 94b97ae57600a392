// NT path names (SEMANTICS.md §7.3): the accepted forms, case-insensitive and case-preserving
// names, and the status of every malformed name.

#include "FsTestSupport.hpp"

#include "models/fs/NtPath.hpp"

using namespace checker::fs;
using namespace checker::fs::test;

class PathTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PathTest);
    CPPUNIT_TEST(threeFormsNameTheSameFile);
    CPPUNIT_TEST(namesAreCaseInsensitiveAndCasePreserving);
    CPPUNIT_TEST(rootIsADirectory);
    CPPUNIT_TEST(relativeNameIsSyntaxBad);
    CPPUNIT_TEST(unknownDriveOrNamespaceIsPathNotFound);
    CPPUNIT_TEST(malformedNamesAreNameInvalid);
    CPPUNIT_TEST(trailingBackslashNeedsADirectory);
    CPPUNIT_TEST(parentMustExist);
    CPPUNIT_TEST(intermediateFileIsPathNotFound);
    CPPUNIT_TEST(statusCodesHaveTheirRealValues);
    CPPUNIT_TEST(parsedNamesAreRememberedThroughGrowth);
    CPPUNIT_TEST(idTablesExtendOneAnotherWhenGrownAlike);
    CPPUNIT_TEST(farIdsStaySparseAndKeepTheirIdsWhenTheRowReachesThem);
    CPPUNIT_TEST(theLastNameParsedIsAnsweredFromItsOwnTable);
    CPPUNIT_TEST_SUITE_END();

public:
    void threeFormsNameTheSameFile()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "\\DosDevices\\C:\\Temp\\a.txt", "x");
        CPPUNIT_ASSERT(exists(fs, "\\??\\C:\\Temp\\a.txt"));
        CPPUNIT_ASSERT(exists(fs, "C:\\Temp\\a.txt"));
        CPPUNIT_ASSERT(exists(fs, "\\GLOBAL??\\C:\\Temp\\a.txt"));
        CallResult again = create(fs, "\\??\\C:\\Temp\\a.txt", access::FileGenericWrite, 0, disposition::Create);
        CHECK_STATUS(status::ObjectNameCollision, again.status);
    }

    void namesAreCaseInsensitiveAndCasePreserving()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\MixedCase.TXT");
        CPPUNIT_ASSERT(exists(fs, "c:\\TEMP\\mixedcase.txt"));
        CallResult open = create(fs, "\\dosdevices\\c:\\temp\\MIXEDCASE.txt", access::FileGenericRead, share::All,
                                 disposition::Open);
        CHECK_STATUS(status::Success, open.status);
        CPPUNIT_ASSERT_EQUAL(std::string("C:\\Temp\\MixedCase.TXT"), fs.displayPath(*fs.find("C:\\temp\\mixedcase.txt")));
    }

    void rootIsADirectory()
    {
        FileSystem fs = makeFs();
        CallResult r = create(fs, "\\??\\C:\\", access::FileGenericRead, share::All, disposition::Open,
                              options::DirectoryFile | kSync);
        CHECK_STATUS(status::Success, r.status);
        CHECK_STATUS(status::FileIsADirectory,
                     create(fs, "C:\\", access::FileGenericRead, share::All, disposition::Open, options::NonDirectoryFile).status);
    }

    void relativeNameIsSyntaxBad()
    {
        FileSystem fs = makeFs();
        CHECK_STATUS(status::ObjectPathSyntaxBad,
                     create(fs, "Temp\\a.txt", access::FileGenericWrite, 0, disposition::OpenIf).status);
        CHECK_STATUS(status::ObjectPathSyntaxBad, create(fs, "", access::FileGenericWrite, 0, disposition::OpenIf).status);
    }

    void unknownDriveOrNamespaceIsPathNotFound()
    {
        FileSystem fs = makeFs();
        for (const char* p : {"\\??\\D:\\Temp\\a.txt", "D:\\a.txt", "\\Device\\HarddiskVolume1\\a.txt", "\\??\\nodrive\\a"})
            CHECK_STATUS(status::ObjectPathNotFound, create(fs, p, access::FileGenericWrite, 0, disposition::OpenIf).status);
    }

    void malformedNamesAreNameInvalid()
    {
        FileSystem fs = makeFs();
        for (const char* p : {"C:\\Temp\\\\a.txt", "C:\\Temp\\a?.txt", "C:\\Temp\\a*b", "C:\\Temp\\a:b", "C:\\Temp\\..\\a",
                              "C:\\Temp\\.", "\\??\\C:", "C:\\Temp\\a|b", "C:\\Temp\\a\"b"})
            CHECK_STATUS(status::ObjectNameInvalid, create(fs, p, access::FileGenericWrite, 0, disposition::OpenIf).status);
        std::string longName = "C:\\Temp\\" + std::string(256, 'x');
        CHECK_STATUS(status::ObjectNameInvalid, create(fs, longName, access::FileGenericWrite, 0, disposition::OpenIf).status);
    }

    // FastFAT: a name ending in `\` must be a directory.
    void trailingBackslashNeedsADirectory()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt");
        CHECK_STATUS(status::ObjectNameInvalid,
                     create(fs, "C:\\Temp\\f.txt\\", access::FileGenericRead, share::All, disposition::Open).status);
        CHECK_STATUS(status::ObjectNameInvalid,
                     create(fs, "C:\\Temp\\new\\", access::FileGenericWrite, 0, disposition::Create).status);
        CHECK_STATUS(status::Success, create(fs, "C:\\Temp\\new\\", access::FileGenericRead, share::All,
                                             disposition::Create, options::DirectoryFile | kSync).status);
        CHECK_STATUS(status::Success,
                     create(fs, "C:\\Temp\\", access::FileGenericRead, share::All, disposition::Open).status);
    }

    void parentMustExist()
    {
        FileSystem fs = makeFs();
        for (uint32_t d : {disposition::Supersede, disposition::Open, disposition::Create, disposition::OpenIf,
                           disposition::Overwrite, disposition::OverwriteIf})
            CHECK_STATUS(status::ObjectPathNotFound,
                         create(fs, "\\??\\C:\\Missing\\b.txt", access::FileGenericWrite | access::Delete, 0, d).status);
        CHECK_STATUS(status::ObjectPathNotFound,
                     create(fs, "C:\\Missing\\Deeper\\b.txt", access::FileGenericWrite, 0, disposition::OpenIf).status);
    }

    void intermediateFileIsPathNotFound()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt");
        CHECK_STATUS(status::ObjectPathNotFound,
                     create(fs, "C:\\Temp\\f.txt\\x", access::FileGenericWrite, 0, disposition::OpenIf).status);
    }

    void statusCodesHaveTheirRealValues()
    {
        CPPUNIT_ASSERT_EQUAL(0xC0000008u, status::InvalidHandle);
        CPPUNIT_ASSERT_EQUAL(0xC000000Du, status::InvalidParameter);
        CPPUNIT_ASSERT_EQUAL(0xC0000011u, status::EndOfFile);
        CPPUNIT_ASSERT_EQUAL(0xC0000022u, status::AccessDenied);
        CPPUNIT_ASSERT_EQUAL(0xC0000033u, status::ObjectNameInvalid);
        CPPUNIT_ASSERT_EQUAL(0xC0000034u, status::ObjectNameNotFound);
        CPPUNIT_ASSERT_EQUAL(0xC0000035u, status::ObjectNameCollision);
        CPPUNIT_ASSERT_EQUAL(0xC000003Au, status::ObjectPathNotFound);
        CPPUNIT_ASSERT_EQUAL(0xC000003Bu, status::ObjectPathSyntaxBad);
        CPPUNIT_ASSERT_EQUAL(0xC0000043u, status::SharingViolation);
        CPPUNIT_ASSERT_EQUAL(0xC0000056u, status::DeletePending);
        CPPUNIT_ASSERT_EQUAL(0xC000007Fu, status::DiskFull);
        CPPUNIT_ASSERT_EQUAL(0xC00000BAu, status::FileIsADirectory);
        CPPUNIT_ASSERT_EQUAL(0xC0000101u, status::DirectoryNotEmpty);
        CPPUNIT_ASSERT_EQUAL(0xC0000103u, status::NotADirectory);
        CPPUNIT_ASSERT_EQUAL(0xC0000121u, status::CannotDelete);
        CPPUNIT_ASSERT_EQUAL(0x120116u, mapGenericAccess(access::GenericWrite));
        CPPUNIT_ASSERT_EQUAL(0x120089u, mapGenericAccess(access::GenericRead));
        CPPUNIT_ASSERT_EQUAL(0x1F01FFu, mapGenericAccess(access::GenericAll));
        CPPUNIT_ASSERT(!(mapGenericAccess(access::GenericWrite) & access::Delete));
    }

    // FsIds remembers each raw name's parse (with its leaf): the same name gives the same entry,
    // spellings of one key the same id, and the entries stay valid while the table grows.
    void parsedNamesAreRememberedThroughGrowth()
    {
        FsIds ids;
        const FsIds::Parsed& first = ids.parse("\\??\\C:\\Temp\\f0.txt");
        std::vector<uint32_t> byName;
        for (int i = 0; i < 3000; ++i) byName.push_back(ids.parse("C:\\Temp\\f" + std::to_string(i) + ".txt").id);
        CPPUNIT_ASSERT_EQUAL(first.id, byName[0]);
        CPPUNIT_ASSERT_EQUAL(std::string("C:\\TEMP\\F0.TXT"), first.path.key);
        CPPUNIT_ASSERT(&first == &ids.parse("\\??\\C:\\Temp\\f0.txt"));
        for (int i = 0; i < 3000; ++i) {
            const FsIds::Parsed& p = ids.parse("\\DosDevices\\c:\\TEMP\\F" + std::to_string(i) + ".TXT");
            CPPUNIT_ASSERT_EQUAL(byName[size_t(i)], p.id);
            CPPUNIT_ASSERT_EQUAL(std::string("C:\\TEMP\\F") + std::to_string(i) + ".TXT", ids.key(p.id));
        }
        CPPUNIT_ASSERT_EQUAL(std::string("f0.txt"), std::string(first.leaf()));
        CPPUNIT_ASSERT_EQUAL(std::string("Sub"), std::string(ids.parse("C:\\Temp\\Sub").leaf()));
        CPPUNIT_ASSERT_EQUAL(std::string("Sub"), std::string(ids.parse("C:\\Temp\\Sub\\").leaf()));  // recorded
        CPPUNIT_ASSERT_EQUAL(std::string(""), std::string(ids.parse("\\??\\C:\\").leaf()));
        CPPUNIT_ASSERT_EQUAL(kNoPath, ids.parse("relative.txt").id);
        CPPUNIT_ASSERT_EQUAL(status::ObjectPathSyntaxBad, ids.parse("relative.txt").path.status);
    }

    // A parallel worker starts from a copy of the explorer's ids; each gives out new ones in the
    // order it meets them. One table extends the other when what both have means the same.
    void idTablesExtendOneAnotherWhenGrownAlike()
    {
        FsIds start;
        start.parse("C:\\Temp\\a.txt");
        start.fileId(0, 0);
        FsIds worker = start, explorer = start;
        CPPUNIT_ASSERT(worker.extends(explorer) && explorer.extends(worker));
        worker.parse("C:\\Temp\\b.txt");
        worker.fileObjectId(1, 0);
        CPPUNIT_ASSERT(worker.extends(explorer) && !explorer.extends(worker));
        explorer.extendTo(worker);
        CPPUNIT_ASSERT(explorer.extends(worker) && worker.extends(explorer));
        CPPUNIT_ASSERT_EQUAL(worker.parse("C:\\Temp\\b.txt").id, explorer.parse("\\??\\C:\\Temp\\B.TXT").id);
        // Met in other orders: the same id for different paths, files and file objects.
        FsIds left = start, right = start;
        left.parse("C:\\Temp\\c.txt");
        right.parse("C:\\Temp\\d.txt");
        CPPUNIT_ASSERT(!left.extends(right) && !right.extends(left));
        FsIds one = start, other = start;
        one.fileId(1, 0);
        other.fileId(2, 0);
        CPPUNIT_ASSERT(!one.extends(other) && !other.extends(one));
        one = start;
        other = start;
        one.fileObjectId(1, 0);
        other.fileObjectId(1, 1);
        CPPUNIT_ASSERT(!one.extends(other) && !other.extends(one));
    }

    // A k far past its row's end (a made-up handle value's seq) gets its id without growing the
    // row to it; when the row later grows over it, the pair keeps that id; tables holding such
    // pairs extend one another as dense ones do.
    void farIdsStaySparseAndKeepTheirIdsWhenTheRowReachesThem()
    {
        FsIds::IdTable table;
        uint32_t next = 0;
        const uint32_t far = 0x3FFFFFFE;  // the seq of handle 0x1FFFFFFFC
        uint32_t farId = table.id(0, far, next);
        CPPUNIT_ASSERT(table.rows.size() == 1 && table.rows[0].empty());
        CPPUNIT_ASSERT_EQUAL(farId, table.id(0, far, next));
        CPPUNIT_ASSERT_EQUAL(1u, next);
        const uint32_t near = FsIds::IdTable::kFarGap + 10;  // far from an empty row too
        uint32_t nearId = table.id(0, near, next);
        FsIds::IdTable copy = table;
        uint32_t copyNext = next;
        for (uint32_t k = 0; k < near; k += FsIds::IdTable::kFarGap / 2) table.id(0, k, next);  // grows the row
        CPPUNIT_ASSERT_EQUAL(nearId, table.id(0, near, next));
        CPPUNIT_ASSERT_EQUAL(size_t(near) + 1, table.rows[0].size());
        CPPUNIT_ASSERT_EQUAL(farId, table.find(0, far));
        CPPUNIT_ASSERT(table.rows[0].size() < far);
        CPPUNIT_ASSERT(table.extends(copy) && !copy.extends(table));
        copy.id(0, 7, copyNext);  // a pair with an id in the copy, none in the table
        CPPUNIT_ASSERT(!table.extends(copy));
    }

    // parse() answers the name it parsed last without looking it up: with the same entry a lookup
    // gives, only for that very name, and a copy of the table (which starts without it) from its own
    // entries.
    void theLastNameParsedIsAnsweredFromItsOwnTable()
    {
        FsIds ids;
        const FsIds::Parsed& a = ids.parse("C:\\Temp\\a.txt");
        const FsIds::Parsed& b = ids.parse("C:\\Temp\\b.txt");
        CPPUNIT_ASSERT(&b == &ids.parse("C:\\Temp\\b.txt"));
        CPPUNIT_ASSERT(&a == &ids.parse("C:\\Temp\\a.txt"));
        CPPUNIT_ASSERT(&a == &ids.parse("C:\\Temp\\a.txt"));
        const FsIds::Parsed& shorter = ids.parse("C:\\Temp\\a.tx");
        CPPUNIT_ASSERT(&shorter != &a && shorter.id != a.id);
        CPPUNIT_ASSERT_EQUAL(std::string("C:\\TEMP\\A.TX"), shorter.path.key);
        CPPUNIT_ASSERT(&a == &ids.parse("C:\\Temp\\a.txt"));
        FsIds copy = ids;
        const FsIds::Parsed& copied = copy.parse("C:\\Temp\\a.txt");
        CPPUNIT_ASSERT(&copied != &a);
        CPPUNIT_ASSERT_EQUAL(a.id, copied.id);
        FsIds assigned;
        assigned.parse("C:\\Temp\\a.txt");
        assigned = ids;
        CPPUNIT_ASSERT(&assigned.parse("C:\\Temp\\a.txt") != &a);
        CPPUNIT_ASSERT(&copy.parse("C:\\Temp\\a.txt") == &copied);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PathTest);
