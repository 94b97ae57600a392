// FileRenameInformation, FileDispositionInformation, FILE_DELETE_ON_CLOSE and ZwDeleteFile
// (SEMANTICS.md §7.7, §7.8, §8.11, §8.12).

#include "FsTestSupport.hpp"

using namespace checker::fs;
using namespace checker::fs::test;

namespace {

constexpr uint32_t kMove = access::FileAllAccess;
constexpr uint32_t kShareRW = share::Read | share::Write;

}  // namespace

class RenameDeleteTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(RenameDeleteTest);
    CPPUNIT_TEST(renameAcrossDirectoriesMovesTheFile);
    CPPUNIT_TEST(otherHandlesFollowTheRename);
    CPPUNIT_TEST(renameNeedsDeleteAccess);
    CPPUNIT_TEST(existingTargetCollidesWithoutReplace);
    CPPUNIT_TEST(replaceDeletesAClosedTarget);
    CPPUNIT_TEST(openTargetIsAccessDenied);
    CPPUNIT_TEST(directoryTargetCollidesEvenWithReplace);
    CPPUNIT_TEST(renameOntoItselfChangesNothing);
    CPPUNIT_TEST(caseOnlyRenameKeepsTheFile);
    CPPUNIT_TEST(copyIntoAStateRestoresEveryLetterOfAName);
    CPPUNIT_TEST(bareNameRenamesInTheSameDirectory);
    CPPUNIT_TEST(missingTargetDirectoryIsPathNotFound);
    CPPUNIT_TEST(targetParentOpenObeysSharing);
    CPPUNIT_TEST(directoryWithOpenChildCannotBeRenamed);
    CPPUNIT_TEST(directoryRenameMovesItsChildren);
    CPPUNIT_TEST(rootCannotBeRenamedOrDeleted);
    CPPUNIT_TEST(dispositionMarksDeletePendingUntilLastClose);
    CPPUNIT_TEST(dispositionFalseCancels);
    CPPUNIT_TEST(dispositionNeedsDeleteAccessAndAnEmptyDirectory);
    CPPUNIT_TEST(deleteOnCloseActsAtThatHandlesClose);
    CPPUNIT_TEST(deleteFileWithoutOtherHandlesRemovesAtOnce);
    CPPUNIT_TEST(deleteFileSucceedsWhileTheFileStillExists);
    CPPUNIT_TEST(deleteFileFailures);
    CPPUNIT_TEST(nonEmptyDirectoryStaysAtLastClose);
    CPPUNIT_TEST_SUITE_END();

public:
    void renameAcrossDirectoriesMovesTheFile()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\file_0.txt", "data");
        int64_t h = openOk(fs, "\\DosDevices\\C:\\Temp\\file_0.txt", kMove, kShareRW);
        CHECK_STATUS(status::Success, fs.rename(h, {"\\DosDevices\\C:\\Temp2\\NewFile_0.txt", true}).status);
        CPPUNIT_ASSERT(!exists(fs, "C:\\Temp\\file_0.txt"));
        CPPUNIT_ASSERT_EQUAL(std::string("data"), contentOf(fs, "C:\\Temp2\\NewFile_0.txt"));
        CPPUNIT_ASSERT_EQUAL(std::string("C:\\Temp2\\NewFile_0.txt"), fs.displayPath(*fs.find("C:\\TEMP2\\newfile_0.TXT")));
        fs.close(h, 0);
        CPPUNIT_ASSERT(exists(fs, "C:\\Temp2\\NewFile_0.txt"));
    }

    void otherHandlesFollowTheRename()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt");
        int64_t writer = openOk(fs, "C:\\Temp\\a.txt", access::GenericWrite, share::All);
        int64_t mover = openOk(fs, "C:\\Temp\\a.txt", kMove, share::All);
        CHECK_STATUS(status::Success, fs.rename(mover, {"C:\\Temp2\\b.txt", false}).status);
        fs.write(writer, "after", std::nullopt);
        CPPUNIT_ASSERT_EQUAL(std::string("after"), contentOf(fs, "C:\\Temp2\\b.txt"));
    }

    void renameNeedsDeleteAccess()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt");
        int64_t h = openOk(fs, "C:\\Temp\\a.txt", access::GenericWrite, share::All);
        CallResult r = fs.rename(h, {"C:\\Temp2\\b.txt", true});
        CHECK_STATUS(status::AccessDenied, r.status);
        CPPUNIT_ASSERT_EQUAL(std::string("ACCESS_NOT_GRANTED"), std::string(r.rule));
        CPPUNIT_ASSERT(exists(fs, "C:\\Temp\\a.txt"));
    }

    void existingTargetCollidesWithoutReplace()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt", "a");
        makeFile(fs, "C:\\Temp2\\b.txt", "b");
        int64_t h = openOk(fs, "C:\\Temp\\a.txt", kMove, kShareRW);
        CHECK_STATUS(status::ObjectNameCollision, fs.rename(h, {"C:\\Temp2\\b.txt", false}).status);
        CPPUNIT_ASSERT_EQUAL(std::string("b"), contentOf(fs, "C:\\Temp2\\b.txt"));
    }

    void replaceDeletesAClosedTarget()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt", "a");
        makeFile(fs, "C:\\Temp2\\b.txt", "b");
        int64_t h = openOk(fs, "C:\\Temp\\a.txt", kMove, kShareRW);
        CHECK_STATUS(status::Success, fs.rename(h, {"C:\\Temp2\\b.txt", true}).status);
        CPPUNIT_ASSERT_EQUAL(std::string("a"), contentOf(fs, "C:\\Temp2\\b.txt"));
        CPPUNIT_ASSERT(!exists(fs, "C:\\Temp\\a.txt"));
    }

    // §8.12: an open target is STATUS_ACCESS_DENIED, not a sharing violation — whatever it shares.
    void openTargetIsAccessDenied()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt", "a");
        makeFile(fs, "C:\\Temp2\\b.txt", "b");
        openOk(fs, "C:\\Temp2\\b.txt", access::GenericRead, share::All);
        int64_t h = openOk(fs, "C:\\Temp\\a.txt", kMove, kShareRW);
        CallResult r = fs.rename(h, {"C:\\Temp2\\b.txt", true});
        CHECK_STATUS(status::AccessDenied, r.status);
        CPPUNIT_ASSERT(r.rule == nullptr);  // a result, not a contract breach
        CPPUNIT_ASSERT_EQUAL(std::string("b"), contentOf(fs, "C:\\Temp2\\b.txt"));
    }

    void directoryTargetCollidesEvenWithReplace()
    {
        FileSystem fs = makeFs({"C:\\Temp", "C:\\Temp2", "C:\\Temp2\\d"});
        makeFile(fs, "C:\\Temp\\a.txt");
        int64_t h = openOk(fs, "C:\\Temp\\a.txt", kMove, kShareRW);
        CHECK_STATUS(status::ObjectNameCollision, fs.rename(h, {"C:\\Temp2\\d", true}).status);
    }

    void renameOntoItselfChangesNothing()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt", "a");
        int64_t h = openOk(fs, "C:\\Temp\\a.txt", kMove, kShareRW);
        openOk(fs, "C:\\Temp\\a.txt", access::GenericRead, share::All);  // open target: still fine
        CHECK_STATUS(status::Success, fs.rename(h, {"\\??\\C:\\Temp\\a.txt", false}).status);
        CPPUNIT_ASSERT_EQUAL(std::string("a"), contentOf(fs, "C:\\Temp\\a.txt"));
    }

    void caseOnlyRenameKeepsTheFile()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt", "a");
        int64_t h = openOk(fs, "C:\\Temp\\a.txt", kMove, kShareRW);
        CHECK_STATUS(status::Success, fs.rename(h, {"C:\\Temp\\A.TXT", false}).status);
        CPPUNIT_ASSERT_EQUAL(std::string("C:\\Temp\\A.TXT"), fs.displayPath(*fs.find("C:\\Temp\\a.txt")));
    }

    // A copy into an existing file system (a checkpoint restored) gives back a name a case-only
    // rename changed in any one letter, at every name length around the word sizes its copy
    // compares in (the name is assigned only when it differs), and the renamed name back again.
    void copyIntoAStateRestoresEveryLetterOfAName()
    {
        const std::string letters = "abcdefghijklmnopqrst";
        for (size_t n = 1; n <= letters.size(); ++n) {
            const std::string name = letters.substr(0, n);
            for (size_t k = 0; k < n; ++k) {
                std::string changed = name;
                changed[k] = char(changed[k] - 'a' + 'A');
                FileSystem fs = makeFs();
                makeFile(fs, "C:\\Temp\\" + name);
                const FileSystem checkpoint = fs;
                int64_t h = openOk(fs, "C:\\Temp\\" + name, kMove, kShareRW);
                CHECK_STATUS(status::Success, fs.rename(h, {"C:\\Temp\\" + changed, false}).status);
                const FileSystem renamed = fs;
                fs = checkpoint;
                CPPUNIT_ASSERT_EQUAL("C:\\Temp\\" + name, fs.displayPath(*fs.find("C:\\Temp\\" + name)));
                fs = renamed;
                CPPUNIT_ASSERT_EQUAL("C:\\Temp\\" + changed, fs.displayPath(*fs.find("C:\\Temp\\" + name)));
            }
        }
    }

    void bareNameRenamesInTheSameDirectory()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt", "a");
        int64_t h = openOk(fs, "C:\\Temp\\a.txt", kMove, kShareRW);
        CHECK_STATUS(status::Success, fs.rename(h, {"b.txt", false}).status);
        CPPUNIT_ASSERT(exists(fs, "C:\\Temp\\b.txt"));
        CPPUNIT_ASSERT(!exists(fs, "C:\\Temp\\a.txt"));
    }

    void missingTargetDirectoryIsPathNotFound()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt");
        int64_t h = openOk(fs, "C:\\Temp\\a.txt", kMove, kShareRW);
        CHECK_STATUS(status::ObjectPathNotFound, fs.rename(h, {"C:\\Nowhere\\b.txt", true}).status);
        CHECK_STATUS(status::ObjectPathSyntaxBad, fs.rename(h, {"sub\\b.txt", true}).status);
        CPPUNIT_ASSERT(exists(fs, "C:\\Temp\\a.txt"));
    }

    // The I/O manager opens the target's parent with FILE_WRITE_DATA, share READ|WRITE.
    void targetParentOpenObeysSharing()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt");
        int64_t dir = openOk(fs, "C:\\Temp2", access::GenericRead, share::Read);
        int64_t h = openOk(fs, "C:\\Temp\\a.txt", kMove, kShareRW);
        CHECK_STATUS(status::SharingViolation, fs.rename(h, {"C:\\Temp2\\b.txt", true}).status);
        fs.close(dir, 0);
        CHECK_STATUS(status::Success, fs.rename(h, {"C:\\Temp2\\b.txt", true}).status);
    }

    void directoryWithOpenChildCannotBeRenamed()
    {
        FileSystem fs = makeFs({"C:\\Temp", "C:\\Temp\\Sub"});
        makeFile(fs, "C:\\Temp\\Sub\\a.txt");
        int64_t child = openOk(fs, "C:\\Temp\\Sub\\a.txt", access::GenericRead, share::All);
        int64_t d = openOk(fs, "C:\\Temp\\Sub", kMove, share::All);
        CHECK_STATUS(status::AccessDenied, fs.rename(d, {"C:\\Temp\\Moved", false}).status);
        fs.close(child, 0);
        CHECK_STATUS(status::Success, fs.rename(d, {"C:\\Temp\\Moved", false}).status);
    }

    void directoryRenameMovesItsChildren()
    {
        FileSystem fs = makeFs({"C:\\Temp", "C:\\Temp2", "C:\\Temp\\Sub", "C:\\Temp\\Sub\\Deep"});
        makeFile(fs, "C:\\Temp\\Sub\\Deep\\a.txt", "a");
        int64_t d = openOk(fs, "C:\\Temp\\Sub", kMove, share::All);
        CHECK_STATUS(status::Success, fs.rename(d, {"C:\\Temp2\\Sub2", false}).status);
        CPPUNIT_ASSERT_EQUAL(std::string("a"), contentOf(fs, "C:\\Temp2\\Sub2\\Deep\\a.txt"));
        CPPUNIT_ASSERT(!exists(fs, "C:\\Temp\\Sub\\Deep\\a.txt"));
        CHECK_STATUS(status::InvalidParameter, fs.rename(d, {"C:\\Temp2\\Sub2\\Deep\\x", false}).status);
    }

    void rootCannotBeRenamedOrDeleted()
    {
        FileSystem fs = makeFs();
        int64_t root = openOk(fs, "C:\\", kMove, share::All);
        CHECK_STATUS(status::InvalidParameter, fs.rename(root, {"C:\\x", false}).status);
        CHECK_STATUS(status::CannotDelete, fs.setDisposition(root, true).status);
        CHECK_STATUS(status::CannotDelete, fs.deleteFile("C:\\").status);
        CHECK_STATUS(status::CannotDelete, create(fs, "C:\\", kMove, share::All, disposition::Open,
                                                  options::DeleteOnClose).status);
    }

    void dispositionMarksDeletePendingUntilLastClose()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt", "a");
        int64_t keep = openOk(fs, "C:\\Temp\\a.txt", access::GenericRead, share::All);
        int64_t del = openOk(fs, "C:\\Temp\\a.txt", access::Delete | access::Synchronize, share::All);
        CHECK_STATUS(status::Success, fs.setDisposition(del, true).status);
        CHECK_STATUS(status::DeletePending,
                     create(fs, "C:\\Temp\\a.txt", access::GenericRead, share::All, disposition::Open).status);
        fs.close(del, 0);
        CPPUNIT_ASSERT(exists(fs, "C:\\Temp\\a.txt"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), fs.read(keep, 5, std::nullopt).information);  // existing handles work
        fs.close(keep, 0);
        CPPUNIT_ASSERT(!exists(fs, "C:\\Temp\\a.txt"));
    }

    void dispositionFalseCancels()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt");
        int64_t del = openOk(fs, "C:\\Temp\\a.txt", access::Delete | access::Synchronize, share::All);
        fs.setDisposition(del, true);
        CHECK_STATUS(status::Success, fs.setDisposition(del, false).status);
        fs.close(del, 0);
        CPPUNIT_ASSERT(exists(fs, "C:\\Temp\\a.txt"));
    }

    void dispositionNeedsDeleteAccessAndAnEmptyDirectory()
    {
        FileSystem fs = makeFs({"C:\\Temp", "C:\\Temp\\Sub"});
        makeFile(fs, "C:\\Temp\\Sub\\a.txt");
        int64_t noDelete = openOk(fs, "C:\\Temp\\Sub\\a.txt", access::GenericWrite, share::All);
        CallResult r = fs.setDisposition(noDelete, true);
        CHECK_STATUS(status::AccessDenied, r.status);
        CPPUNIT_ASSERT_EQUAL(std::string("ACCESS_NOT_GRANTED"), std::string(r.rule));
        int64_t dir = openOk(fs, "C:\\Temp\\Sub", access::Delete | access::Synchronize, share::All);
        CHECK_STATUS(status::DirectoryNotEmpty, fs.setDisposition(dir, true).status);
    }

    // §8.11: FILE_DELETE_ON_CLOSE acts when *that* handle closes; other opens work until then.
    void deleteOnCloseActsAtThatHandlesClose()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp2\\NewFile_0.txt");
        int64_t doc = openOk(fs, "C:\\Temp2\\NewFile_0.txt", access::Delete, share::Delete, options::DeleteOnClose);
        CPPUNIT_ASSERT(exists(fs, "C:\\Temp2\\NewFile_0.txt"));
        int64_t other = openOk(fs, "C:\\Temp2\\NewFile_0.txt", access::Delete, share::Delete, 0);
        fs.close(doc, 0);
        CPPUNIT_ASSERT(exists(fs, "C:\\Temp2\\NewFile_0.txt"));  // delete-pending until `other` closes
        CHECK_STATUS(status::DeletePending,
                     create(fs, "C:\\Temp2\\NewFile_0.txt", access::Delete, share::All, disposition::Open, 0).status);
        fs.close(other, 0);
        CPPUNIT_ASSERT(!exists(fs, "C:\\Temp2\\NewFile_0.txt"));
    }

    void deleteFileWithoutOtherHandlesRemovesAtOnce()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt");
        CHECK_STATUS(status::Success, fs.deleteFile("\\??\\C:\\Temp\\a.txt").status);
        CPPUNIT_ASSERT(!exists(fs, "C:\\Temp\\a.txt"));
    }

    // §8.11: ZwDeleteFile can succeed while the file still exists (others share delete).
    void deleteFileSucceedsWhileTheFileStillExists()
    {
        FileSystem fs = makeFs();
        makeFile(fs, "C:\\Temp\\a.txt");
        int64_t h = openOk(fs, "C:\\Temp\\a.txt", access::GenericRead, share::All);
        CHECK_STATUS(status::Success, fs.deleteFile("C:\\Temp\\a.txt").status);
        CPPUNIT_ASSERT(exists(fs, "C:\\Temp\\a.txt"));
        CHECK_STATUS(status::DeletePending, fs.deleteFile("C:\\Temp\\a.txt").status);
        fs.close(h, 0);
        CPPUNIT_ASSERT(!exists(fs, "C:\\Temp\\a.txt"));
    }

    void deleteFileFailures()
    {
        FileSystem fs = makeFs({"C:\\Temp", "C:\\Temp\\Sub"});
        CHECK_STATUS(status::ObjectNameNotFound, fs.deleteFile("C:\\Temp\\none.txt").status);
        CHECK_STATUS(status::ObjectPathNotFound, fs.deleteFile("C:\\None\\x.txt").status);
        makeFile(fs, "C:\\Temp\\Sub\\a.txt");
        CHECK_STATUS(status::DirectoryNotEmpty, fs.deleteFile("C:\\Temp\\Sub").status);
        openOk(fs, "C:\\Temp\\Sub\\a.txt", access::GenericRead, share::Read | share::Write);
        CHECK_STATUS(status::SharingViolation, fs.deleteFile("C:\\Temp\\Sub\\a.txt").status);
    }

    // FastFAT cleanup: a directory that is not empty when its last handle closes silently stays.
    void nonEmptyDirectoryStaysAtLastClose()
    {
        FileSystem fs = makeFs({"C:\\Temp", "C:\\Temp\\Sub"});
        int64_t d = openOk(fs, "C:\\Temp\\Sub", access::Delete | access::GenericRead, share::All,
                           options::DeleteOnClose | kSync);
        makeFile(fs, "C:\\Temp\\Sub\\a.txt");  // the flag is the handle's only: not pending yet
        CHECK_STATUS(status::Success, fs.close(d, 0).status);
        CPPUNIT_ASSERT(exists(fs, "C:\\Temp\\Sub\\a.txt"));
        CHECK_STATUS(status::Success,
                     create(fs, "C:\\Temp\\Sub\\b.txt", kRW, 0, disposition::Create).status);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RenameDeleteTest);
