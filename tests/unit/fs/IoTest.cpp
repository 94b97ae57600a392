// ZwWriteFile, ZwReadFile, ZwQueryInformationFile and ZwClose (SEMANTICS.md §7.6, §7.8): the file
// position or an explicit offset, appends, EOF, zero-filled gaps, sizes, the access each call
// needs, directory handles, invalid and closed handles.

#include "FsTestSupport.hpp"

using namespace checker::fs;
using namespace checker::fs::test;

class IoTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(IoTest);
    CPPUNIT_TEST(writesAppendAtThePosition);
    CPPUNIT_TEST(explicitOffsetMovesThePosition);
    CPPUNIT_TEST(writePastEofFillsTheGapWithZeros);
    CPPUNIT_TEST(writeToEndOfFileAndAppendOnlyHandles);
    CPPUNIT_TEST(readsAtThePositionUntilEof);
    CPPUNIT_TEST(readOfLengthZeroSucceedsEvenAtEof);
    CPPUNIT_TEST(asynchronousHandleNeedsAnOffset);
    CPPUNIT_TEST(ioNeedsTheRightAccess);
    CPPUNIT_TEST(ioOnADirectoryIsInvalidParameter);
    CPPUNIT_TEST(queryGivesTheEndOfFile);
    CPPUNIT_TEST(closedAndUnknownHandlesAreInvalid);
    CPPUNIT_TEST(closeTwiceIsInvalidHandle);
    CPPUNIT_TEST(handleValuesDecodeAtTheirBoundaries);
    CPPUNIT_TEST(hugeOffsetIsDiskFull);
    CPPUNIT_TEST_SUITE_END();

public:
    void writesAppendAtThePosition()
    {
        FileSystem fs = makeFs();
        CallResult c = create(fs, "C:\\Temp\\f.txt", access::GenericWrite, 0, disposition::OverwriteIf);
        for (int i = 0; i < 3; ++i) {
            CallResult w = fs.write(c.handle, "Hello, World!\r\n", std::nullopt);
            CHECK_STATUS(status::Success, w.status);
            CPPUNIT_ASSERT_EQUAL(int64_t(15), w.information);
        }
        CPPUNIT_ASSERT_EQUAL(size_t(45), contentOf(fs, "C:\\Temp\\f.txt").size());
    }

    void explicitOffsetMovesThePosition()
    {
        FileSystem fs = makeFs();
        CallResult c = create(fs, "C:\\Temp\\f.txt", kRW, 0, disposition::Create);
        fs.write(c.handle, "abcdef", std::nullopt);
        fs.write(c.handle, "XY", int64_t(1));
        fs.write(c.handle, "Z", std::nullopt);  // continues after the explicit write: offset 3
        fs.write(c.handle, "!", kUseFilePointerPosition);
        CPPUNIT_ASSERT_EQUAL(std::string("aXYZ!f"), contentOf(fs, "C:\\Temp\\f.txt"));
    }

    void writePastEofFillsTheGapWithZeros()
    {
        FileSystem fs = makeFs();
        CallResult c = create(fs, "C:\\Temp\\f.txt", kRW, 0, disposition::Create);
        fs.write(c.handle, "ab", std::nullopt);
        fs.write(c.handle, "z", int64_t(5));
        CPPUNIT_ASSERT_EQUAL(std::string("ab\0\0\0z", 6), contentOf(fs, "C:\\Temp\\f.txt"));
    }

    void writeToEndOfFileAndAppendOnlyHandles()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt", "abc");
        int64_t h = openOk(fs, "C:\\Temp\\f.txt", kRW, 0);
        fs.write(h, "X", kWriteToEndOfFile);
        CPPUNIT_ASSERT_EQUAL(std::string("abcX"), contentOf(fs, "C:\\Temp\\f.txt"));
        fs.close(h, 0);
        int64_t a = openOk(fs, "C:\\Temp\\f.txt", access::AppendData | access::Synchronize, 0);
        fs.write(a, "Y", int64_t(0));  // ByteOffset ignored: append-only handles always append
        CPPUNIT_ASSERT_EQUAL(std::string("abcXY"), contentOf(fs, "C:\\Temp\\f.txt"));
    }

    void readsAtThePositionUntilEof()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt", "abcdef");
        int64_t h = openOk(fs, "C:\\Temp\\f.txt", access::GenericRead, share::All);
        CallResult r1 = fs.read(h, 4, std::nullopt);
        CHECK_STATUS(status::Success, r1.status);
        CPPUNIT_ASSERT_EQUAL(int64_t(4), r1.information);
        CallResult r2 = fs.read(h, 4, std::nullopt);  // crosses EOF: the shorter count
        CHECK_STATUS(status::Success, r2.status);
        CPPUNIT_ASSERT_EQUAL(int64_t(2), r2.information);
        CallResult r3 = fs.read(h, 4, std::nullopt);
        CHECK_STATUS(status::EndOfFile, r3.status);
        CPPUNIT_ASSERT_EQUAL(int64_t(0), r3.information);
        CallResult r4 = fs.read(h, 2, int64_t(1));
        CPPUNIT_ASSERT_EQUAL(int64_t(2), r4.information);
        CPPUNIT_ASSERT_EQUAL(int64_t(3), fs.read(h, 10, std::nullopt).information);  // position 3 after r4
        CHECK_STATUS(status::EndOfFile, fs.read(h, 1, int64_t(100)).status);
    }

    void readOfLengthZeroSucceedsEvenAtEof()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt", "");
        int64_t h = openOk(fs, "C:\\Temp\\f.txt", access::GenericRead, share::All);
        CallResult r = fs.read(h, 0, std::nullopt);
        CHECK_STATUS(status::Success, r.status);
        CPPUNIT_ASSERT_EQUAL(int64_t(0), r.information);
    }

    void asynchronousHandleNeedsAnOffset()
    {
        FileSystem fs = makeFs();
        CallResult c = create(fs, "C:\\Temp\\f.txt", kRW, 0, disposition::Create, 0);
        CallResult w = fs.write(c.handle, "x", std::nullopt);
        CHECK_STATUS(status::InvalidParameter, w.status);
        CPPUNIT_ASSERT_EQUAL(std::string("INVALID_PARAMETER"), std::string(w.rule));
        CHECK_STATUS(status::Success, fs.write(c.handle, "x", int64_t(0)).status);
        CHECK_STATUS(status::InvalidParameter, fs.read(c.handle, 1, std::nullopt).status);
        CHECK_STATUS(status::InvalidParameter, fs.write(c.handle, "x", int64_t(-3)).status);
        // Decision: FILE_WRITE_TO_END_OF_FILE is no read offset, and a length is never negative.
        CHECK_STATUS(status::InvalidParameter, fs.read(c.handle, 1, kWriteToEndOfFile).status);
        CHECK_STATUS(status::InvalidParameter, fs.read(c.handle, -1, int64_t(0)).status);
    }

    void ioNeedsTheRightAccess()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\f.txt", "abc");
        int64_t r = openOk(fs, "C:\\Temp\\f.txt", access::GenericRead, share::All);
        CallResult w = fs.write(r, "x", std::nullopt);
        CHECK_STATUS(status::AccessDenied, w.status);
        CPPUNIT_ASSERT_EQUAL(std::string("ACCESS_NOT_GRANTED"), std::string(w.rule));
        int64_t wr = openOk(fs, "C:\\Temp\\f.txt", access::GenericWrite, share::All);
        CallResult rd = fs.read(wr, 1, std::nullopt);
        CHECK_STATUS(status::AccessDenied, rd.status);
        CPPUNIT_ASSERT_EQUAL(std::string("ACCESS_NOT_GRANTED"), std::string(rd.rule));
        CPPUNIT_ASSERT_EQUAL(std::string("abc"), contentOf(fs, "C:\\Temp\\f.txt"));
    }

    void ioOnADirectoryIsInvalidParameter()
    {
        FileSystem fs = makeFs();
        int64_t d = openOk(fs, "C:\\Temp", kRW, share::All);
        CHECK_STATUS(status::InvalidParameter, fs.write(d, "x", int64_t(0)).status);
        CHECK_STATUS(status::InvalidParameter, fs.read(d, 1, int64_t(0)).status);
        CallResult q = fs.query(d);
        CHECK_STATUS(status::Success, q.status);
        CPPUNIT_ASSERT_EQUAL(int64_t(0), q.size);
    }

    void queryGivesTheEndOfFile()
    {
        FileSystem fs = makeFs();
        CallResult c = create(fs, "C:\\Temp\\f.txt", kRW, 0, disposition::Create);
        CPPUNIT_ASSERT_EQUAL(int64_t(0), fs.query(c.handle).size);
        fs.write(c.handle, "abc", int64_t(10));
        CPPUNIT_ASSERT_EQUAL(int64_t(13), fs.query(c.handle).size);
    }

    void closedAndUnknownHandlesAreInvalid()
    {
        FileSystem fs = makeFs();
        CallResult c = create(fs, "C:\\Temp\\f.txt", kRW, 0, disposition::Create);
        CHECK_STATUS(status::Success, fs.close(c.handle, 0).status);
        for (int64_t h : {c.handle, int64_t(0), int64_t(12345), int64_t(-1), FileSystem::handleValue(7, 3)}) {
            CallResult w = fs.write(h, "x", std::nullopt);
            CHECK_STATUS(status::InvalidHandle, w.status);
            CPPUNIT_ASSERT_EQUAL(std::string("INVALID_HANDLE"), std::string(w.rule));
            CHECK_STATUS(status::InvalidHandle, fs.read(h, 1, std::nullopt).status);
            CHECK_STATUS(status::InvalidHandle, fs.query(h).status);
            CHECK_STATUS(status::InvalidHandle, fs.rename(h, {"C:\\Temp\\g.txt", false}).status);
            CHECK_STATUS(status::InvalidHandle, fs.setDisposition(h, true).status);
        }
    }

    void closeTwiceIsInvalidHandle()
    {
        FileSystem fs = makeFs();
        CallResult c = create(fs, "C:\\Temp\\f.txt", kRW, 0, disposition::Create);
        fs.close(c.handle, 0);
        CallResult again = fs.close(c.handle, 0);
        CHECK_STATUS(status::InvalidHandle, again.status);
        CPPUNIT_ASSERT_EQUAL(std::string("INVALID_HANDLE"), std::string(again.rule));
        CPPUNIT_ASSERT(again.message.find("0x93") != std::string::npos);
    }

    // The value a handle encodes (thread + 1 above bit 32, (seq + 1) * 4 below) is decoded with
    // one range check on the thread; it takes exactly the values the field-by-field rule takes.
    // Decoded, a handle's footprint names its file object; a close of an issued one is "already
    // closed", of any other value "never returned as a handle".
    void handleValuesDecodeAtTheirBoundaries()
    {
        auto decodable = [](int64_t h) {
            uint64_t low = uint64_t(h) & 0xFFFFFFFFu;
            int64_t high = h >> 32;
            return h > 0 && (low & 3) == 0 && low != 0 && high >= 1 && high <= 0xFFFF;
        };
        FileSystem fs = makeFs();
        CallResult c = create(fs, "C:\\Temp\\f.txt", kRW, 0, disposition::Create);
        fs.close(c.handle, 0);
        // A decoded value past the handles issued gets a file-object id, a far one too (0x1FFFFFFFC:
        // seq 2^30 - 2), and was never returned as a handle.
        std::vector<int64_t> values{INT64_MIN, INT64_MAX, int64_t(0xFFFFFFFCu), int64_t(0x1FFFFFFFC), c.handle};
        for (int64_t high : {int64_t(-1), int64_t(0), int64_t(1), int64_t(2), int64_t(0xFFFF), int64_t(0x10000),
                             int64_t(INT32_MAX), int64_t(-0x10000)})
            for (uint64_t low : {0u, 1u, 2u, 3u, 4u, 8u}) values.push_back(int64_t(uint64_t(high) << 32 | low));
        for (int64_t h : values) {
            checker::Footprint fp;
            fs.writeFootprint(h, fp);
            CPPUNIT_ASSERT_EQUAL(decodable(h), !fp.touches.empty());
            bool neverReturned = fs.close(h, 0).message.find("never returned") != std::string::npos;
            CPPUNIT_ASSERT_EQUAL(h != c.handle, neverReturned);
        }
    }

    void hugeOffsetIsDiskFull()
    {
        FileSystem fs = makeFs();
        CallResult c = create(fs, "C:\\Temp\\f.txt", kRW, 0, disposition::Create);
        CHECK_STATUS(status::DiskFull, fs.write(c.handle, "x", int64_t(1) << 40).status);
        CPPUNIT_ASSERT_EQUAL(int64_t(0), fs.query(c.handle).size);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(IoTest);
