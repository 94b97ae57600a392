// File bytes shared copy-on-write (FileData): copies share one buffer until one of them changes,
// a change is never seen through another copy, and the cached content hash always equals a fresh
// hash of the bytes. The same for whole file systems copied as a checkpoint is.

#include "FsTestSupport.hpp"

using namespace checker::fs;
using namespace checker::fs::test;

class FileDataTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(FileDataTest);
    CPPUNIT_TEST(copiesShareUntilOneChanges);
    CPPUNIT_TEST(writesOverwriteAppendAndFillGaps);
    CPPUNIT_TEST(appendsOfEveryShortLengthKeepEveryByte);
    CPPUNIT_TEST(appendsPastSeveralGrowthsKeepEveryByte);
    CPPUNIT_TEST(aGapAfterAClearReadsAsZeros);
    CPPUNIT_TEST(clearAndResetLeaveTheCopiesAlone);
    CPPUNIT_TEST(cachedHashFollowsEveryChange);
    CPPUNIT_TEST(hashBytesIsPinned);
    CPPUNIT_TEST(hashBytesOfEveryLengthIsTheWordByWordHash);
    CPPUNIT_TEST(fileSystemCopiesAreIndependent);
    CPPUNIT_TEST_SUITE_END();

public:
    void copiesShareUntilOneChanges()
    {
        FileData a;
        a.assign("hello");
        FileData b = a;
        CPPUNIT_ASSERT(a.sharesBufferWith(b));
        b.write(5, ", world");
        CPPUNIT_ASSERT(!a.sharesBufferWith(b));
        CPPUNIT_ASSERT_EQUAL(std::string("hello"), std::string(a.view()));
        CPPUNIT_ASSERT_EQUAL(std::string("hello, world"), std::string(b.view()));
        FileData c;
        c = b;
        c.write(0, "J");
        CPPUNIT_ASSERT_EQUAL(std::string("hello, world"), std::string(b.view()));
        CPPUNIT_ASSERT_EQUAL(std::string("Jello, world"), std::string(c.view()));
        FileData d = std::move(c);
        CPPUNIT_ASSERT_EQUAL(size_t(0), c.size());
        CPPUNIT_ASSERT(d == "Jello, world");
    }

    void writesOverwriteAppendAndFillGaps()
    {
        FileData f;
        f.write(0, "abcdef");
        f.write(1, "XY");
        f.write(6, "!");
        f.write(9, "z");
        CPPUNIT_ASSERT_EQUAL(std::string("aXYdef!\0\0z", 10), std::string(f.view()));
    }

    // Appends copy short texts in words, into storage kept past the end: each length around the
    // word sizes, appended in turns with a copy taken between them, gives what std::string does.
    void appendsOfEveryShortLengthKeepEveryByte()
    {
        const std::string source = "0123456789abcdefghijklmnopqrstuvwxyz";
        FileData f;
        std::string expected;
        for (size_t n = 0; n <= 20; ++n) {
            FileData before = f;
            const std::string beforeBytes = expected;
            f.write(f.size(), std::string_view(source).substr(n, n));
            expected.append(source, n, n);
            CPPUNIT_ASSERT_EQUAL(expected, std::string(f.view()));
            CPPUNIT_ASSERT_EQUAL(beforeBytes, std::string(before.view()));
            CPPUNIT_ASSERT_EQUAL(hashBytes(expected), f.contentHash());
        }
    }

    // A file written in short lines grows its storage several times (from a least size): each
    // growth keeps every byte, and a copy taken before it keeps its own.
    void appendsPastSeveralGrowthsKeepEveryByte()
    {
        FileData f;
        std::string expected;
        for (size_t i = 0; expected.size() < 10000; ++i) {
            const std::string line = "line " + std::to_string(i) + "\r\n";
            FileData before = f;
            const std::string beforeBytes = expected;
            f.write(f.size(), line);
            expected += line;
            CPPUNIT_ASSERT(f == expected);
            if (i % 97 == 0) CPPUNIT_ASSERT(before == beforeBytes);
        }
        CPPUNIT_ASSERT_EQUAL(hashBytes(expected), f.contentHash());
    }

    // A cleared buffer keeps its storage: what it held must not show through a gap.
    void aGapAfterAClearReadsAsZeros()
    {
        FileData f;
        f.write(0, "abcdefgh");
        f.clear();
        f.write(3, "x");
        CPPUNIT_ASSERT_EQUAL(std::string("\0\0\0x", 4), std::string(f.view()));
        f.clear();
        f.write(0, "yz");
        CPPUNIT_ASSERT_EQUAL(std::string("yz"), std::string(f.view()));
    }

    void clearAndResetLeaveTheCopiesAlone()
    {
        FileData a;
        a.assign("bytes");
        FileData b = a;
        b.clear();
        CPPUNIT_ASSERT_EQUAL(size_t(0), b.size());
        CPPUNIT_ASSERT(a == "bytes");
        FileData c = a;
        a.reset();
        CPPUNIT_ASSERT_EQUAL(size_t(0), a.size());
        CPPUNIT_ASSERT(c == "bytes");
        c.clear();  // its own buffer now: emptied in place
        CPPUNIT_ASSERT_EQUAL(size_t(0), c.size());
    }

    void cachedHashFollowsEveryChange()
    {
        FileData f;
        CPPUNIT_ASSERT_EQUAL(hashBytes(""), f.contentHash());
        f.assign("0123456789abcdef-");
        CPPUNIT_ASSERT_EQUAL(hashBytes("0123456789abcdef-"), f.contentHash());
        FileData shared = f;
        f.write(17, "tail");
        CPPUNIT_ASSERT_EQUAL(hashBytes("0123456789abcdef-tail"), f.contentHash());
        CPPUNIT_ASSERT_EQUAL(hashBytes("0123456789abcdef-"), shared.contentHash());
        f.write(0, "X");
        CPPUNIT_ASSERT_EQUAL(hashBytes("X123456789abcdef-tail"), f.contentHash());
        f.clear();
        CPPUNIT_ASSERT_EQUAL(hashBytes(""), f.contentHash());
    }

    // Outcome digests in report.json are made of these values: they must not change.
    void hashBytesIsPinned()
    {
        CPPUNIT_ASSERT_EQUAL(uint64_t(0x14650fb0739d0383ull), hashBytes(""));
        CPPUNIT_ASSERT_EQUAL(uint64_t(0x44bd8bd473cd9ab9ull), hashBytes("a"));
        CPPUNIT_ASSERT_EQUAL(uint64_t(0xc9f13f6cbfa739aeull), hashBytes("Hello, World!\r\n"));
    }

    // hashBytes takes four words a turn: at every length around those turns it gives the value of
    // the definition, a word at a time (little-endian), then the tail a byte at a time (FNV-1a).
    void hashBytesOfEveryLengthIsTheWordByWordHash()
    {
        std::string bytes;
        for (size_t n = 0; n <= 100; ++n) {
            uint64_t h = 1469598103934665603ull ^ n;
            size_t i = 0;
            for (; i + 8 <= n; i += 8) {
                uint64_t word = 0;
                for (size_t k = 0; k < 8; ++k) word |= uint64_t(static_cast<unsigned char>(bytes[i + k])) << (8 * k);
                h = (h ^ word) * 0x9E3779B97F4A7C15ull;
                h ^= h >> 29;
            }
            for (; i < n; ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 1099511628211ull;
            CPPUNIT_ASSERT_EQUAL(h, hashBytes(bytes));
            bytes += char(0x41 + (n * 37) % 190);
        }
    }

    // A checkpoint (a copy of the file system) is unaffected by writes to the original, and the
    // original by writes through the restored copy.
    void fileSystemCopiesAreIndependent()
    {
        FileSystem fs = makeFs();
        CallResult c = create(fs, "C:\\Temp\\f.txt", kRW, share::Read | share::Write, disposition::Create);
        fs.write(c.handle, "first", std::nullopt);
        FileSystem checkpoint = fs;
        fs.write(c.handle, " second", std::nullopt);
        CPPUNIT_ASSERT_EQUAL(std::string("first second"), contentOf(fs, "C:\\Temp\\f.txt"));
        CPPUNIT_ASSERT_EQUAL(std::string("first"), contentOf(checkpoint, "C:\\Temp\\f.txt"));
        FileSystem restored = makeFs();
        restored = checkpoint;
        restored.write(c.handle, "!", int64_t(0));
        CPPUNIT_ASSERT_EQUAL(std::string("!irst"), contentOf(restored, "C:\\Temp\\f.txt"));
        CPPUNIT_ASSERT_EQUAL(std::string("first"), contentOf(checkpoint, "C:\\Temp\\f.txt"));
        CPPUNIT_ASSERT_EQUAL(std::string("first second"), contentOf(fs, "C:\\Temp\\f.txt"));
        restored = fs;  // over a state with its own buffer
        CPPUNIT_ASSERT_EQUAL(std::string("first second"), contentOf(restored, "C:\\Temp\\f.txt"));
        CPPUNIT_ASSERT_EQUAL(int64_t(5), checkpoint.query(c.handle).size);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(FileDataTest);
