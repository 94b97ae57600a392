// A write through the handle of the latest write that passed its checks skips resolving and
// checking the handle again (FileSystem::CheckedWrite). These tests compare each answer of that
// short way with the one the full checks give in the same state: a copy of the file system that
// has forgotten the checked handle (a delete of a path that does not exist forgets it and changes
// nothing else).

#include "FsTestSupport.hpp"

using namespace checker;
using namespace checker::fs;
using namespace checker::fs::test;

namespace {

// `fs` as it is, without the checked handle: every answer of it takes the full checks.
FileSystem unchecked(const FileSystem& fs)
{
    FileSystem copy = fs;
    CHECK_STATUS(status::ObjectNameNotFound, copy.deleteFile("C:\\Temp\\no such file.txt").status);
    return copy;
}

Footprint writeFp(const FileSystem& fs, int64_t h)
{
    Footprint f;
    fs.writeFootprint(h, f);
    return f;
}

void checkSameWrite(FileSystem& fs, int64_t h, std::string_view data, std::optional<int64_t> offset)
{
    FileSystem full = unchecked(fs);
    CPPUNIT_ASSERT(writeFp(full, h).touches == writeFp(fs, h).touches);
    CallResult expected = full.write(h, data, offset);
    CallResult actual = fs.write(h, data, offset);
    CHECK_STATUS(expected.status, actual.status);
    CPPUNIT_ASSERT_EQUAL(expected.information, actual.information);
    CPPUNIT_ASSERT_EQUAL(std::string(expected.rule ? expected.rule : ""), std::string(actual.rule ? actual.rule : ""));
    CPPUNIT_ASSERT_EQUAL(expected.message, actual.message);
}

}  // namespace

class CheckedWriteTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(CheckedWriteTest);
    CPPUNIT_TEST(repeatedWritesAgreeWithTheFullChecks);
    CPPUNIT_TEST(aClosedHandleIsCheckedAgain);
    CPPUNIT_TEST(anotherHandleIsCheckedItself);
    CPPUNIT_TEST(handleZeroIsNeverChecked);
    CPPUNIT_TEST(aRestoredStateHasItsOwnCheckedHandle);
    CPPUNIT_TEST(writeCheckedDoesTheWritesThatSucceed);
    CPPUNIT_TEST_SUITE_END();

public:
    void repeatedWritesAgreeWithTheFullChecks()
    {
        FileSystem fs = makeFs();
        int64_t h = create(fs, "C:\\Temp\\f.txt", kRW, 0, disposition::Create).handle;
        checkSameWrite(fs, h, "Hello, World!\r\n", std::nullopt);
        checkSameWrite(fs, h, "Hello, World!\r\n", std::nullopt);
        checkSameWrite(fs, h, "xy", int64_t(3));
        checkSameWrite(fs, h, "z", int64_t(-5));   // an invalid offset: the handle checks passed all the same
        checkSameWrite(fs, h, "tail", std::nullopt);
        CPPUNIT_ASSERT_EQUAL(std::string("Helxytailrld!\r\nHello, World!\r\n"), contentOf(fs, "C:\\Temp\\f.txt"));
    }

    // Another thread's close of the handle between two writes: the second one fails, and its
    // footprint only reads the file object.
    void aClosedHandleIsCheckedAgain()
    {
        FileSystem fs = makeFs();
        int64_t h = create(fs, "C:\\Temp\\f.txt", kRW, 0, disposition::Create).handle;
        checkSameWrite(fs, h, "a", std::nullopt);
        CHECK_STATUS(status::Success, fs.close(h, 1).status);
        Footprint fp = writeFp(fs, h);
        CPPUNIT_ASSERT_EQUAL(size_t(1), fp.touches.size());
        CPPUNIT_ASSERT(fp.touches[0].access == Access::Read);
        checkSameWrite(fs, h, "b", std::nullopt);
        CHECK_STATUS(status::InvalidHandle, fs.write(h, "c", std::nullopt).status);
    }

    // A handle opened without write access after a write through another one: its writes are
    // refused, though the other's are not.
    void anotherHandleIsCheckedItself()
    {
        FileSystem fs = makeFs();
        int64_t writer = create(fs, "C:\\Temp\\f.txt", kRW, share::Read | share::Write, disposition::Create).handle;
        int64_t reader = openOk(fs, "C:\\Temp\\f.txt", access::FileGenericRead, share::Read | share::Write);
        checkSameWrite(fs, writer, "a", std::nullopt);
        checkSameWrite(fs, reader, "b", std::nullopt);
        CHECK_STATUS(status::AccessDenied, fs.write(reader, "b", std::nullopt).status);
        checkSameWrite(fs, writer, "c", std::nullopt);
        CPPUNIT_ASSERT_EQUAL(std::string("ac"), contentOf(fs, "C:\\Temp\\f.txt"));
    }

    // No write has passed the checks yet: a handle of 0 (never a handle) is no exception.
    void handleZeroIsNeverChecked()
    {
        FileSystem fs = makeFs();
        CPPUNIT_ASSERT(writeFp(fs, 0).touches.empty());
        CHECK_STATUS(status::InvalidHandle, fs.write(0, "a", std::nullopt).status);
        int64_t h = create(fs, "C:\\Temp\\f.txt", kRW, 0, disposition::Create).handle;
        checkSameWrite(fs, h, "a", std::nullopt);
        checkSameWrite(fs, 0, "b", std::nullopt);
    }

    // A checkpoint taken before the handle was opened, restored over the state that wrote
    // through it: the handle names nothing there.
    void aRestoredStateHasItsOwnCheckedHandle()
    {
        FileSystem fs = makeFs();
        FileSystem before = fs;
        int64_t h = create(fs, "C:\\Temp\\f.txt", kRW, 0, disposition::Create).handle;
        checkSameWrite(fs, h, "a", std::nullopt);
        fs = before;
        CPPUNIT_ASSERT(!exists(fs, "C:\\Temp\\f.txt"));
        checkSameWrite(fs, h, "b", std::nullopt);
        CHECK_STATUS(status::InvalidHandle, fs.write(h, "b", std::nullopt).status);
    }

    // writeChecked() does what write() does for a write through the checked handle that succeeds,
    // and leaves every other write to it, having changed nothing.
    void writeCheckedDoesTheWritesThatSucceed()
    {
        const std::string path = "C:\\Temp\\f.txt";
        FileSystem fs = makeFs();
        int64_t h = create(fs, path, kRW, 0, disposition::Create).handle;
        CPPUNIT_ASSERT(!fs.writeChecked(h, "a", std::nullopt));   // not checked yet
        CPPUNIT_ASSERT_EQUAL(std::string(), contentOf(fs, path));
        checkSameWrite(fs, h, "a", std::nullopt);
        const std::pair<std::string_view, std::optional<int64_t>> writes[] = {
            {"bc", std::nullopt}, {"x", int64_t(0)}, {"yz", std::nullopt}, {"big", int64_t(1) << 25},
            {"neg", int64_t(-5)}, {"end", int64_t(-1)}, {"tail", std::nullopt}};
        for (const auto& [data, offset] : writes) {
            FileSystem full = fs;
            CallResult expected = full.write(h, data, offset);
            bool done = fs.writeChecked(h, data, offset);
            CPPUNIT_ASSERT_EQUAL(expected.status == status::Success, done);
            if (!done) {
                CPPUNIT_ASSERT_EQUAL(contentOf(full, path), contentOf(fs, path));
                CHECK_STATUS(expected.status, fs.write(h, data, offset).status);
            }
            CPPUNIT_ASSERT_EQUAL(contentOf(full, path), contentOf(fs, path));
        }
        CPPUNIT_ASSERT_EQUAL(std::string("xyzendtail"), contentOf(fs, path));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CheckedWriteTest);
