// The Zw* calls as the interpreter runs them: result locals (statuses sign-extended, handles,
// IoStatus information, sizes), api_misuse issues (INVALID_HANDLE, ACCESS_NOT_GRANTED,
// INVALID_PARAMETER), HANDLE_LEAK at thread exit, the initial file system.

#include "checker/exec/Interpreter.hpp"
#include "checker/program/Constants.hpp"
#include "checker/scenario/ScenarioLoader.hpp"
#include "models/fs/NtCodes.hpp"

#include <cppunit/extensions/HelperMacros.h>

using namespace checker;

namespace {

std::string scenario(const std::string& body, const std::string& extra = "")
{
    return R"({"scenario": "t", "filesystem": {"directories": ["C:\\Temp", "C:\\Temp2"],
               "files": [{"path": "C:\\Temp\\seed.txt", "content": "0123456789"}]}, )" + extra +
           R"("threads": [{"name": "T", "body": )" + body + "}]}";
}

struct Ran {
    Program program;
    World world;
    std::vector<ModelIssue> issues;
    int64_t local(const std::string& name) const
    {
        const Body& body = program.bodies[size_t(program.threadDecls[0].body)];
        for (size_t i = 0; i < body.localNames.size(); ++i)
            if (body.localNames[i] == name) return frameLocals[i];
        CPPUNIT_FAIL("no local " + name);
        return 0;
    }
    std::vector<int64_t> frameLocals;
    std::vector<std::string> results;   // each step's rendered result, when asked
};

// Runs thread T alone to its end; keeps its locals as they were before its exit step, and with
// `describe` the models' rendering of each step's result.
void run(Ran& r, const std::string& body, bool describe = false)
{
    r.program = loadScenarioText(scenario(body), "test.json", LoadOptions{});
    Interpreter interp(r.program);
    StepEffects effects;
    interp.init(r.world, effects);
    effects.wantText = describe;
    while (interp.alive(r.world, 0)) {
        CPPUNIT_ASSERT(interp.enabled(r.world, 0));
        if (r.world.threads[0].pending.kind == PendingKind::Exit) r.frameLocals = r.world.threads[0].frame().locals;
        interp.step(r.world, 0, effects);
        r.issues.insert(r.issues.end(), effects.issues.begin(), effects.issues.end());
        if (describe) r.results.push_back(effects.result);
    }
}

bool hasRule(const Ran& r, const std::string& rule)
{
    for (const ModelIssue& i : r.issues)
        if (i.rule == rule) return true;
    return false;
}

}  // namespace

class FileCallsTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(FileCallsTest);
    CPPUNIT_TEST(statusesAreSignExtended);
    CPPUNIT_TEST(createWritesHandleAndInformation);
    CPPUNIT_TEST(writeReadQueryResults);
    CPPUNIT_TEST(invalidHandleIsMisuseAndContinues);
    CPPUNIT_TEST(missingAccessIsMisuse);
    CPPUNIT_TEST(badParametersAreMisuse);
    CPPUNIT_TEST(handleLeakAtThreadExitNamesTheOpen);
    CPPUNIT_TEST(closedHandlesDoNotLeak);
    CPPUNIT_TEST(initialFilesHaveTheirContent);
    CPPUNIT_TEST(fileCallsAreAlwaysEnabled);
    CPPUNIT_TEST(writesThroughACheckedHandleGiveTheFullResults);
    CPPUNIT_TEST_SUITE_END();

public:
    // Every Zw* model says it never blocks (the interpreter then skips enabled()), and its
    // enabled() agrees; a call that can block does not say so.
    void fileCallsAreAlwaysEnabled()
    {
        Ran r;
        run(r, R"([{"call": "ZwCreateFile", "path": "\\DosDevices\\C:\\Temp\\a.txt", "access": "GENERIC_WRITE",
                    "share": 0, "disposition": "FILE_CREATE", "options": "FILE_SYNCHRONOUS_IO_NONALERT",
                    "handle": "h", "status": "s"}])");
        PreparedOp op;
        for (int api = int(Api::ZwCreateFile); api < int(Api::Count_); ++api) {
            const CallModel* model = callModel(Api(api));
            if (!model) continue;
            CPPUNIT_ASSERT(model->alwaysEnabled());
            CPPUNIT_ASSERT(model->enabled(r.world, 0, op));
        }
        CPPUNIT_ASSERT(!callModel(Api::ExAcquireFastMutex)->alwaysEnabled());
    }

    void statusesAreSignExtended()
    {
        Ran r;
        run(r, R"([{"call": "ZwOpenFile", "path": "C:\\Temp\\none.txt", "access": "GENERIC_READ", "share": 0,
                    "handle": "h", "status": "s"},
                   {"let": "isName", "value": "s == STATUS_OBJECT_NAME_NOT_FOUND"},
                   {"let": "negative", "value": "s < 0"}])");
        CPPUNIT_ASSERT_EQUAL(ntStatus(fs::status::ObjectNameNotFound), r.local("s"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), r.local("isName"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), r.local("negative"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), r.local("h"));
    }

    void createWritesHandleAndInformation()
    {
        Ran r;
        run(r, R"([{"call": "ZwCreateFile", "path": "\\DosDevices\\C:\\Temp\\a.txt", "access": "GENERIC_WRITE",
                    "share": 0, "disposition": "FILE_OVERWRITE_IF", "handle": "h", "status": "s", "information": "info"},
                   {"call": "ZwClose", "handle": "h", "status": "c"}])");
        CPPUNIT_ASSERT_EQUAL(int64_t(0), r.local("s"));
        CPPUNIT_ASSERT(r.local("h") != 0);
        CPPUNIT_ASSERT_EQUAL(int64_t(2), r.local("info"));  // FILE_CREATED
        CPPUNIT_ASSERT_EQUAL(int64_t(0), r.local("c"));
        CPPUNIT_ASSERT(r.issues.empty());
    }

    void writeReadQueryResults()
    {
        Ran r;
        run(r, R"([{"call": "ZwOpenFile", "path": "C:\\Temp\\seed.txt", "access": "GENERIC_READ | GENERIC_WRITE",
                    "share": 0, "handle": "h"},
                   {"call": "ZwWriteFile", "handle": "h", "data": "ab", "offset": 10, "information": "written"},
                   {"call": "ZwQueryInformationFile", "handle": "h", "class": "FileStandardInformation", "result": "size"},
                   {"call": "ZwReadFile", "handle": "h", "length": 4, "offset": 2, "information": "read", "status": "rs"},
                   {"call": "ZwReadFile", "handle": "h", "length": 4, "offset": 12, "status": "eof"},
                   {"call": "ZwClose", "handle": "h"}])");
        CPPUNIT_ASSERT_EQUAL(int64_t(2), r.local("written"));
        CPPUNIT_ASSERT_EQUAL(int64_t(12), r.local("size"));
        CPPUNIT_ASSERT_EQUAL(int64_t(4), r.local("read"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), r.local("rs"));
        CPPUNIT_ASSERT_EQUAL(ntStatus(fs::status::EndOfFile), r.local("eof"));
    }

    // A write through the handle the previous write checked takes the short way
    // (FileSystem::writeChecked) when it succeeds: its result locals and rendering are the ones
    // of the full way, which the first write and the one that fails take.
    void writesThroughACheckedHandleGiveTheFullResults()
    {
        Ran r;
        run(r, R"([{"call": "ZwCreateFile", "path": "C:\\Temp\\seed.txt", "access": "GENERIC_WRITE", "share": 0,
                    "disposition": "FILE_OPEN", "options": "FILE_SYNCHRONOUS_IO_NONALERT", "handle": "h"},
                   {"call": "ZwWriteFile", "handle": "h", "data": "ab", "offset": 10, "status": "s1", "information": "i1"},
                   {"call": "ZwWriteFile", "handle": "h", "data": "cde", "status": "s2", "information": "i2"},
                   {"call": "ZwWriteFile", "handle": "h", "data": "f", "offset": 33554432, "status": "s3", "information": "i3"},
                   {"call": "ZwWriteFile", "handle": "h", "data": "g", "status": "s4", "information": "i4"},
                   {"call": "ZwClose", "handle": "h"}])",
            true);
        CPPUNIT_ASSERT_EQUAL(int64_t(0), r.local("s1"));
        CPPUNIT_ASSERT_EQUAL(int64_t(2), r.local("i1"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), r.local("s2"));
        CPPUNIT_ASSERT_EQUAL(int64_t(3), r.local("i2"));
        CPPUNIT_ASSERT_EQUAL(ntStatus(fs::status::DiskFull), r.local("s3"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), r.local("i3"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), r.local("s4"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), r.local("i4"));
        CPPUNIT_ASSERT_EQUAL(std::string("status = STATUS_SUCCESS, information = 2"), r.results.at(1));
        CPPUNIT_ASSERT_EQUAL(std::string("status = STATUS_SUCCESS, information = 3"), r.results.at(2));
        CPPUNIT_ASSERT_EQUAL(std::string("status = STATUS_DISK_FULL"), r.results.at(3));
        CPPUNIT_ASSERT_EQUAL(std::string("status = STATUS_SUCCESS, information = 1"), r.results.at(4));
        CPPUNIT_ASSERT_EQUAL(std::string("0123456789abcdeg"), std::string(r.world.fs.find("C:\\Temp\\seed.txt")->data.view()));
        CPPUNIT_ASSERT(r.issues.empty());
    }

    void invalidHandleIsMisuseAndContinues()
    {
        Ran r;
        run(r, R"([{"call": "ZwClose", "handle": 1234, "status": "s"},
                   {"call": "ZwWriteFile", "handle": 0, "data": "x", "status": "w"},
                   {"let": "after", "value": 1}])");
        CPPUNIT_ASSERT_EQUAL(ntStatus(fs::status::InvalidHandle), r.local("s"));
        CPPUNIT_ASSERT_EQUAL(ntStatus(fs::status::InvalidHandle), r.local("w"));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), r.local("after"));
        CPPUNIT_ASSERT_EQUAL(size_t(2), r.issues.size());
        CPPUNIT_ASSERT_EQUAL(std::string("INVALID_HANDLE"), r.issues[0].rule);
        CPPUNIT_ASSERT(!r.issues[0].stopsExecution);
        CPPUNIT_ASSERT(r.issues[0].message.find("STATUS_INVALID_HANDLE") != std::string::npos);
    }

    void missingAccessIsMisuse()
    {
        Ran r;
        run(r, R"([{"call": "ZwOpenFile", "path": "C:\\Temp\\seed.txt", "access": "GENERIC_READ", "share": 7, "handle": "h"},
                   {"call": "ZwWriteFile", "handle": "h", "data": "x", "status": "w"},
                   {"call": "ZwSetInformationFile", "handle": "h", "class": "FileRenameInformation",
                    "target": "C:\\Temp2\\x.txt", "replace_if_exists": true, "status": "m"},
                   {"call": "ZwClose", "handle": "h"}])");
        CPPUNIT_ASSERT_EQUAL(ntStatus(fs::status::AccessDenied), r.local("w"));
        CPPUNIT_ASSERT_EQUAL(ntStatus(fs::status::AccessDenied), r.local("m"));
        CPPUNIT_ASSERT_EQUAL(size_t(2), r.issues.size());
        CPPUNIT_ASSERT_EQUAL(std::string("ACCESS_NOT_GRANTED"), r.issues[1].rule);
    }

    void badParametersAreMisuse()
    {
        Ran r;
        run(r, R"([{"call": "ZwCreateFile", "path": "C:\\Temp\\a.txt", "access": "FILE_WRITE_DATA", "share": 0,
                    "disposition": "FILE_CREATE", "options": "FILE_DELETE_ON_CLOSE", "handle": "h", "status": "s"}])");
        CPPUNIT_ASSERT_EQUAL(ntStatus(fs::status::InvalidParameter), r.local("s"));
        CPPUNIT_ASSERT(hasRule(r, "INVALID_PARAMETER"));
    }

    void handleLeakAtThreadExitNamesTheOpen()
    {
        Ran r;
        run(r, R"([{"for": "i", "from": 0, "below": 3, "do": [
                     {"call": "ZwCreateFile", "path": "C:\\Temp\\f{i}.txt", "access": "GENERIC_WRITE", "share": 0,
                      "disposition": "FILE_CREATE", "handle": "h", "label": "leaky open"}]}])");
        CPPUNIT_ASSERT_EQUAL(size_t(1), r.issues.size());  // one per opening statement
        const ModelIssue& leak = r.issues[0];
        CPPUNIT_ASSERT_EQUAL(std::string("HANDLE_LEAK"), leak.rule);
        CPPUNIT_ASSERT_EQUAL(std::string("/threads/0/body/0/do/0"), r.program.statements[size_t(leak.stmt)].pointer);
        CPPUNIT_ASSERT(leak.message.find("3 handles") != std::string::npos);
        CPPUNIT_ASSERT(!leak.stopsExecution);
        // The leaked handles keep their share access: the files cannot be opened for writing.
        CPPUNIT_ASSERT_EQUAL(1u, r.world.fs.find("C:\\Temp\\f1.txt")->share.openCount);
    }

    void closedHandlesDoNotLeak()
    {
        Ran r;
        run(r, R"([{"call": "ZwCreateFile", "path": "C:\\Temp\\a.txt", "access": "GENERIC_WRITE", "share": 0,
                    "disposition": "FILE_CREATE", "handle": "h"},
                   {"call": "ZwClose", "handle": "h"}])");
        CPPUNIT_ASSERT(r.issues.empty());
    }

    void initialFilesHaveTheirContent()
    {
        Ran r;
        run(r, "[]");
        const fs::FsNode* seed = r.world.fs.find("\\??\\C:\\TEMP\\SEED.TXT");
        CPPUNIT_ASSERT(seed);
        CPPUNIT_ASSERT_EQUAL(std::string("0123456789"), std::string(seed->data.view()));
        CPPUNIT_ASSERT(r.world.fs.find("C:\\Temp2")->directory);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(FileCallsTest);
