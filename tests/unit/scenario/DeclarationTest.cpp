// Declarations (params and overrides, objects, globals, filesystem, threads, APCs, unload, expect)
// and how calls fill CallInstr.

#include "ScenarioTestSupport.hpp"

#include "checker/program/Constants.hpp"
#include "checker/program/ExprCompiler.hpp"

using namespace checker;
using namespace checker::test;

namespace {

const std::string kObjects = R"("objects": [
    {"name": "L", "type": "EX_PUSH_LOCK"},
    {"name": "M", "type": "KMUTEX", "array": "N"},
    {"name": "R", "type": "ERESOURCE"},
    {"name": "E", "type": "KEVENT", "event_type": "SynchronizationEvent", "signaled": true},
    {"name": "S", "type": "KSEMAPHORE", "count": 1, "limit": "N"},
    {"name": "F", "type": "FAST_MUTEX", "array": 2},
    {"name": "K", "type": "KSPIN_LOCK"}],
    "params": {"N": 3}, "globals": {"g": 0, "a": {"array": "N * 2", "init": 9}})";

const CallInstr& onlyCall(const Program& program)
{
    CPPUNIT_ASSERT_EQUAL(size_t(1), program.calls.size());
    return program.calls[0];
}

int64_t constant(const Program& program, ExprRef expr)
{
    int64_t value = 0;
    CPPUNIT_ASSERT(!expr.empty());
    CPPUNIT_ASSERT(evalExpr(program, expr, nullptr, value) == EvalError::None);
    return value;
}

const CallInstr& callOf(const std::string& statement, Program& holder, const LoadOptions& options = {})
{
    holder = load(withBody("[" + statement + "]", kObjects), options);
    return onlyCall(holder);
}

}  // namespace

class DeclarationTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(DeclarationTest);
    CPPUNIT_TEST(headerAndParams);
    CPPUNIT_TEST(paramOverridesRebindEverything);
    CPPUNIT_TEST(objectsGetWorldWideIds);
    CPPUNIT_TEST(globalsGetSlots);
    CPPUNIT_TEST(filesystemIsExpanded);
    CPPUNIT_TEST(threadsApcsAndUnload);
    CPPUNIT_TEST(threadReferences);
    CPPUNIT_TEST(syncCallsFillTheirFields);
    CPPUNIT_TEST(waitCalls);
    CPPUNIT_TEST(fileCallsFillTheirFields);
    CPPUNIT_TEST(defaultsAreCompiledIn);
    CPPUNIT_TEST(objectIndexesMayUseLocals);
    CPPUNIT_TEST(unsupportedCallsAreRejected);
    CPPUNIT_TEST(expectations);
    CPPUNIT_TEST(loadScenarioFileReadsTheFile);
    CPPUNIT_TEST_SUITE_END();

public:
    void headerAndParams()
    {
        const Program program = load(R"({"scenario": "lock_order-1.v2", "description": "d",
            "params": {"N": 3, "WRITES": -2}, "threads": [{"name": "T", "body": []}]})");
        CPPUNIT_ASSERT_EQUAL(std::string("lock_order-1.v2"), program.name);
        CPPUNIT_ASSERT_EQUAL(std::string("d"), program.description);
        CPPUNIT_ASSERT_EQUAL(std::string("test.json"), program.file);
        CPPUNIT_ASSERT_EQUAL(size_t(2), program.params.size());
        CPPUNIT_ASSERT_EQUAL(int64_t(-2), program.params.at("WRITES"));
    }

    void paramOverridesRebindEverything()
    {
        LoadOptions options;
        options.paramOverrides = {{"N", 5}, {"N", 6}};
        const std::string text = R"({"scenario": "t", "params": {"N": 2},
            "objects": [{"name": "M", "type": "FAST_MUTEX", "array": "N"}],
            "threads": [{"name": "W", "count": "N - 1", "body": [{"let": "x", "value": "N"}]}]})";
        const Program program = load(text, options);
        CPPUNIT_ASSERT_EQUAL(int64_t(6), program.params.at("N"));
        CPPUNIT_ASSERT_EQUAL(uint32_t(6), program.objects[0].size);
        CPPUNIT_ASSERT_EQUAL(int64_t(5), program.threadDecls[0].count);
        CPPUNIT_ASSERT_EQUAL(int64_t(6), finalLocal(program, "x"));
        options.paramOverrides = {{"M", 1}};
        expectError(text, "/params", "--param \"M\" is not declared (declared: N)", options);
    }

    void objectsGetWorldWideIds()
    {
        const Program program = load(withBody("[]", kObjects));
        CPPUNIT_ASSERT_EQUAL(size_t(7), program.objects.size());
        const std::vector<uint32_t> firstIds{0, 1, 4, 5, 6, 7, 9};
        for (size_t i = 0; i < firstIds.size(); ++i) CPPUNIT_ASSERT_EQUAL(firstIds[i], program.objects[i].firstId);
        CPPUNIT_ASSERT_EQUAL(uint32_t(10), program.objectCount);
        CPPUNIT_ASSERT(program.objects[1].isArray && program.objects[1].type == ObjectType::KMUTEX);
        CPPUNIT_ASSERT(!program.objects[0].isArray && program.objects[0].size == 1);
        CPPUNIT_ASSERT(program.objects[3].eventType == EventType::SynchronizationEvent &&
                       program.objects[3].signaled);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), program.objects[4].count);
        CPPUNIT_ASSERT_EQUAL(int64_t(3), program.objects[4].limit);
        CPPUNIT_ASSERT_EQUAL(std::string("/objects/4"), program.objects[4].pointer);
        const Program defaults = load(withBody("[]", R"("objects": [{"name": "E", "type": "KEVENT",
            "event_type": "NotificationEvent"}, {"name": "S", "type": "KSEMAPHORE", "limit": 1}])"));
        CPPUNIT_ASSERT(!defaults.objects[0].signaled &&
                       defaults.objects[0].eventType == EventType::NotificationEvent);
        CPPUNIT_ASSERT_EQUAL(int64_t(0), defaults.objects[1].count);
    }

    void globalsGetSlots()
    {
        const Program program = load(withBody("[]", kObjects));
        CPPUNIT_ASSERT_EQUAL(size_t(2), program.globals.size());
        CPPUNIT_ASSERT_EQUAL(std::string("a"), program.globals[0].name);
        CPPUNIT_ASSERT_EQUAL(uint32_t(6), program.globals[0].size);
        CPPUNIT_ASSERT_EQUAL(int64_t(9), program.globals[0].init);
        CPPUNIT_ASSERT(program.globals[0].isArray && !program.globals[1].isArray);
        CPPUNIT_ASSERT_EQUAL(uint32_t(6), program.globals[1].firstSlot);
        CPPUNIT_ASSERT_EQUAL(uint32_t(7), program.globalSlots);
    }

    void filesystemIsExpanded()
    {
        const Program program = load(withBody("[]", R"("params": {"N": 4}, "filesystem": {
            "directories": ["C:\\Temp", "C:\\Temp\\d{N}"],
            "files": [{"path": "C:\\Temp\\f_{N - 1}.txt", "content": "{{n}} = {N}\r\n"}, {"path": "C:\\e"}]})"));
        const std::vector<std::string> directories{"C:\\Temp", "C:\\Temp\\d4"};
        CPPUNIT_ASSERT(program.directories == directories);
        CPPUNIT_ASSERT_EQUAL(size_t(2), program.files.size());
        CPPUNIT_ASSERT_EQUAL(std::string("C:\\Temp\\f_3.txt"), program.files[0].path);
        CPPUNIT_ASSERT_EQUAL(std::string("{n} = 4\r\n"), program.files[0].content);
        CPPUNIT_ASSERT_EQUAL(std::string(""), program.files[1].content);
    }

    void threadsApcsAndUnload()
    {
        const Program program = load(R"({"scenario": "t",
            "threads": [{"name": "DriverEntry", "body": [{"let": "a", "value": 1}]},
                        {"name": "Worker", "autostart": false, "body": [{"let": "w", "value": 2}]},
                        {"name": "R", "count": 2, "body": []}],
            "apcs": [{"name": "Cleanup", "target": "R[1]", "body": [{"let": "c", "value": 3}]}],
            "unload": [{"let": "u", "value": 4}]})");
        CPPUNIT_ASSERT_EQUAL(size_t(5), program.bodies.size());
        CPPUNIT_ASSERT_EQUAL(int32_t(0), program.driverEntryDecl);
        CPPUNIT_ASSERT(!program.threadDecls[1].autostart);
        CPPUNIT_ASSERT_EQUAL(int32_t(1), program.threadDecls[1].body);
        CPPUNIT_ASSERT_EQUAL(std::string("/threads/2"), program.threadDecls[2].pointer);
        CPPUNIT_ASSERT_EQUAL(size_t(1), program.apcs.size());
        CPPUNIT_ASSERT_EQUAL(int32_t(2), program.apcs[0].target.decl);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), program.apcs[0].target.instance);
        CPPUNIT_ASSERT_EQUAL(int32_t(3), program.apcs[0].body);
        CPPUNIT_ASSERT_EQUAL(int32_t(4), program.unloadBody);
        CPPUNIT_ASSERT_EQUAL(std::string("c"), program.bodies[3].localNames[1]);
        CPPUNIT_ASSERT_EQUAL(std::string("u"), program.bodies[4].localNames[1]);
        const Program plain = load(withBody("[]"));
        CPPUNIT_ASSERT_EQUAL(int32_t(-1), plain.driverEntryDecl);
        CPPUNIT_ASSERT_EQUAL(int32_t(-1), plain.unloadBody);
    }

    void threadReferences()
    {
        const std::string decls = R"("threads": [{"name": "Main", "body": [%]}, {"name": "R", "count": 3, "body": []},
            {"name": "W", "autostart": false, "body": []}], "objects": [{"name": "Res", "type": "ERESOURCE"}])";
        auto callWith = [&](const std::string& thread) {
            std::string text = R"({"scenario": "t", )" + decls + "}";
            text.replace(
                text.find('%'), 1,
                R"({"call": "ExReleaseResourceForThreadLite", "resource": "Res", "thread": ")" + thread + "\"}");
            return load(text).calls.at(0).thread;
        };
        CPPUNIT_ASSERT_EQUAL(int64_t(0), callWith("Main").instance);
        CPPUNIT_ASSERT_EQUAL(int32_t(1), callWith("R[2]").decl);
        CPPUNIT_ASSERT_EQUAL(int64_t(2), callWith("R[2]").instance);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), callWith("R[ 3 - 2 ]").instance);
        CPPUNIT_ASSERT_EQUAL(int64_t(0), callWith("W").instance);
        CPPUNIT_ASSERT_EQUAL(int32_t(2), callWith("W[7]").decl);
        CPPUNIT_ASSERT_EQUAL(int64_t(7), callWith("W[7]").instance);
    }

    void syncCallsFillTheirFields()
    {
        Program p;
        CPPUNIT_ASSERT(callOf(R"({"call": "ExAcquirePushLockShared", "lock": "L"})", p).api ==
                       Api::ExAcquirePushLockShared);
        CPPUNIT_ASSERT_EQUAL(int32_t(0),
                             callOf(R"({"call": "ExAcquirePushLockShared", "lock": "L"})", p).object.decl);
        CPPUNIT_ASSERT(p.calls[0].object.index.empty());
        const CallInstr& release = callOf(R"({"call": "KeReleaseMutex", "mutex": "M[2]", "previous": "p"})", p);
        CPPUNIT_ASSERT_EQUAL(int32_t(1), release.object.decl);
        CPPUNIT_ASSERT_EQUAL(int64_t(2), constant(p, release.object.index));
        CPPUNIT_ASSERT_EQUAL(int32_t(1), release.outPrevious);
        const CallInstr& acquire = callOf(R"({"call": "ExAcquireResourceSharedLite", "resource": "R", "wait": false,
            "result": "ok"})",
                                          p);
        CPPUNIT_ASSERT(!acquire.wait);
        CPPUNIT_ASSERT_EQUAL(int32_t(1), acquire.outResult);
        const CallInstr& semaphore =
            callOf(R"({"call": "KeReleaseSemaphore", "semaphore": "S", "adjustment": "N"})", p);
        CPPUNIT_ASSERT_EQUAL(int64_t(3), constant(p, semaphore.adjustment));
        const CallInstr& event =
            callOf(R"({"call": "KeInitializeEvent", "event": "E", "event_type": "NotificationEvent",
            "signaled": true})",
                   p);
        CPPUNIT_ASSERT(event.eventType == EventType::NotificationEvent && event.signaled);
        const CallInstr& init =
            callOf(R"({"call": "KeInitializeSemaphore", "semaphore": "S", "count": 2, "limit": 4})", p);
        CPPUNIT_ASSERT_EQUAL(int64_t(2), constant(p, init.count));
        CPPUNIT_ASSERT_EQUAL(int64_t(4), constant(p, init.limit));
        const CallInstr& exchange = callOf(R"({"call": "InterlockedCompareExchange", "target": "a[5]", "exchange": 1,
            "comparand": "N", "result": "old"})",
                                           p);
        CPPUNIT_ASSERT_EQUAL(int32_t(0), exchange.target.decl);
        CPPUNIT_ASSERT_EQUAL(int64_t(5), constant(p, exchange.target.index));
        CPPUNIT_ASSERT_EQUAL(int64_t(1), constant(p, exchange.exchange));
        CPPUNIT_ASSERT_EQUAL(int64_t(3), constant(p, exchange.comparand));
        const CallInstr& add = callOf(R"({"call": "InterlockedExchangeAdd", "target": "g", "value": -1})", p);
        CPPUNIT_ASSERT_EQUAL(int64_t(-1), constant(p, add.value));
        CPPUNIT_ASSERT(callOf(R"({"call": "KeAcquireSpinLock", "lock": "K"})", p).object.decl == 6);
        CPPUNIT_ASSERT(callOf(R"({"call": "KeEnterCriticalRegion"})", p).api == Api::KeEnterCriticalRegion);
    }

    void waitCalls()
    {
        Program p;
        const CallInstr& single = callOf(R"({"call": "KeWaitForSingleObject", "object": "E", "timeout": 0,
            "status": "s"})",
                                         p);
        CPPUNIT_ASSERT(single.hasTimeout);
        CPPUNIT_ASSERT_EQUAL(int32_t(3), single.object.decl);
        CPPUNIT_ASSERT_EQUAL(int32_t(-1), single.thread.decl);
        const CallInstr& infinite =
            callOf(R"({"call": "KeWaitForMutexObject", "object": "M[0]", "timeout": null})", p);
        CPPUNIT_ASSERT(!infinite.hasTimeout);
        const CallInstr& onThread = callOf(R"({"call": "KeWaitForSingleObject", "thread": "T"})", p);
        CPPUNIT_ASSERT_EQUAL(int32_t(0), onThread.thread.decl);
        CPPUNIT_ASSERT_EQUAL(int32_t(-1), onThread.object.decl);
        const CallInstr& multiple = callOf(R"({"call": "KeWaitForMultipleObjects", "objects": ["E", "S", "M[1]"],
            "wait_type": "WaitAll", "status": "s"})",
                                           p);
        CPPUNIT_ASSERT(multiple.waitAll);
        CPPUNIT_ASSERT_EQUAL(size_t(3), multiple.objects.size());
        CPPUNIT_ASSERT_EQUAL(int32_t(1), multiple.objects[2].decl);
        CPPUNIT_ASSERT(
            !callOf(R"({"call": "KeWaitForMultipleObjects", "objects": ["E"], "wait_type": "WaitAny"})", p).waitAll);
        const Program created = load(R"({"scenario": "t", "threads": [{"name": "T", "body": [
            {"call": "PsCreateSystemThread", "start": "W", "status": "s"}]}, {"name": "W", "autostart": false, "body": []}]})");
        CPPUNIT_ASSERT_EQUAL(int32_t(1), created.calls[0].start);
    }

    void fileCallsFillTheirFields()
    {
        Program p;
        const CallInstr& create = callOf(R"({"call": "ZwCreateFile", "path": "C:\\f_{N}.txt",
            "access": "GENERIC_READ | SYNCHRONIZE|DELETE", "share": "FILE_SHARE_READ|FILE_SHARE_DELETE",
            "disposition": "FILE_OPEN_IF", "options": "FILE_NON_DIRECTORY_FILE | 0x20", "handle": "h", "status": "s",
            "information": "info"})",
                                         p);
        CPPUNIT_ASSERT_EQUAL(int64_t(0x80000000 | 0x100000 | 0x10000), constant(p, create.access));
        CPPUNIT_ASSERT_EQUAL(int64_t(5), constant(p, create.share));
        CPPUNIT_ASSERT_EQUAL(int64_t(3), constant(p, create.disposition));
        CPPUNIT_ASSERT_EQUAL(int64_t(0x60), constant(p, create.options));
        CPPUNIT_ASSERT_EQUAL(int32_t(1), create.outHandle);
        CPPUNIT_ASSERT_EQUAL(int32_t(2), create.outStatus);
        CPPUNIT_ASSERT_EQUAL(int32_t(3), create.outInformation);
        std::string path;
        CPPUNIT_ASSERT(expandTemplate(p, create.path, nullptr, path) == EvalError::None);
        CPPUNIT_ASSERT_EQUAL(std::string("C:\\f_3.txt"), path);
        const CallInstr& write = callOf(R"({"call": "ZwWriteFile", "handle": 3, "data": "x{N}", "offset": 4})", p);
        CPPUNIT_ASSERT_EQUAL(int64_t(4), constant(p, write.offset));
        CPPUNIT_ASSERT(write.data >= 0);
        const CallInstr& read =
            callOf(R"({"call": "ZwReadFile", "handle": "1 + 2", "length": 10, "information": "n"})", p);
        CPPUNIT_ASSERT(read.offset.empty());
        CPPUNIT_ASSERT_EQUAL(int64_t(10), constant(p, read.length));
        const CallInstr& rename =
            callOf(R"({"call": "ZwSetInformationFile", "handle": 4, "class": "FileRenameInformation",
            "target": "C:\\new", "replace_if_exists": true})",
                   p);
        CPPUNIT_ASSERT(rename.infoClass == CallInstr::InfoClass::Rename && rename.replaceIfExists);
        CPPUNIT_ASSERT(rename.renameTarget >= 0);
        CPPUNIT_ASSERT_EQUAL(int64_t(4), constant(p, rename.handle));
        const CallInstr& remove = callOf(R"({"call": "ZwSetInformationFile", "handle": 4,
            "class": "FileDispositionInformation", "delete": true})",
                                         p);
        CPPUNIT_ASSERT(remove.infoClass == CallInstr::InfoClass::Disposition && remove.deleteFile);
        const CallInstr& query = callOf(R"({"call": "ZwQueryInformationFile", "handle": 4,
            "class": "FileStandardInformation", "result": "size"})",
                                        p);
        CPPUNIT_ASSERT(query.infoClass == CallInstr::InfoClass::Standard);
        CPPUNIT_ASSERT_EQUAL(int32_t(1), query.outResult);
        CPPUNIT_ASSERT(callOf(R"({"call": "ZwDeleteFile", "path": "C:\\x"})", p).path >= 0);
        CPPUNIT_ASSERT_EQUAL(int64_t(7), constant(p, callOf(R"({"call": "ZwClose", "handle": 7})", p).handle));
    }

    void defaultsAreCompiledIn()
    {
        Program p;
        const CallInstr& open =
            callOf(R"({"call": "ZwOpenFile", "path": "C:\\x", "access": 1, "share": 0, "handle": "h"})", p);
        CPPUNIT_ASSERT_EQUAL(*namedConstant("FILE_SYNCHRONOUS_IO_NONALERT"), constant(p, open.options));
        CPPUNIT_ASSERT_EQUAL(
            int64_t(1), constant(p, callOf(R"({"call": "KeReleaseSemaphore", "semaphore": "S"})", p).adjustment));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), constant(p, callOf(R"({"call": "KeInitializeSemaphore", "semaphore": "S",
            "limit": 2})",
                                                            p)
                                                         .count));
        CPPUNIT_ASSERT(callOf(R"({"call": "ExAcquireResourceExclusiveLite", "resource": "R"})", p).wait);
        CPPUNIT_ASSERT(
            !callOf(R"({"call": "KeInitializeEvent", "event": "E", "event_type": "NotificationEvent"})", p).signaled);
    }

    void objectIndexesMayUseLocals()
    {
        const Program program = load(withBody(R"([{"for": "i", "from": 0, "below": "N", "do": [
            {"call": "KeReleaseMutex", "mutex": "M[i]"}]}])",
                                              kObjects));
        const CallInstr& call = program.calls.at(0);
        CPPUNIT_ASSERT(!constantValue(program, call.object.index));
        const int64_t locals[2] = {0, 2};
        int64_t index = 0;
        CPPUNIT_ASSERT(evalExpr(program, call.object.index, locals, index) == EvalError::None);
        CPPUNIT_ASSERT_EQUAL(int64_t(2), index);
    }

    void unsupportedCallsAreRejected()
    {
        LoadOptions options;
        options.isSupported = [](Api api) { return api != Api::ZwDeleteFile; };
        Program p;
        CPPUNIT_ASSERT(callOf(R"({"call": "ZwClose", "handle": 1})", p, options).api == Api::ZwClose);
        expectError(withBody(R"([{"yield": true}, {"call": "ZwDeleteFile", "path": "C:\\x"}])"),
                    "/threads/0/body/1/call", "ZwDeleteFile is not supported yet", options);
    }

    void expectations()
    {
        const Program program = load(withBody("[]", R"("params": {"N": 3}, "expect": {
            "findings": {"deadlock": 0, "file_race": ">=1", "lost_file": "any", "data_race": "<= 2"},
            "final": [{"for": "i", "from": 1, "below": "N", "path": "C:\\T\\f_{i}.txt", "exists": true,
                       "size": "15 * i", "content": "v{i}"},
                      {"path": "C:\\T\\gone", "exists": false}, {"path": "C:\\T\\any"}],
            "executions": 2})"));
        const Expectations& expect = program.expect;
        CPPUNIT_ASSERT(expect.present && expect.hasFindings && expect.hasExecutions);
        CPPUNIT_ASSERT_EQUAL(int64_t(2), expect.executions);
        CPPUNIT_ASSERT(expect.findings.at("deadlock").kind == CountConstraint::Kind::Exact);
        CPPUNIT_ASSERT(expect.findings.at("file_race").kind == CountConstraint::Kind::AtLeast);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), expect.findings.at("file_race").value);
        CPPUNIT_ASSERT(expect.findings.at("data_race").kind == CountConstraint::Kind::AtMost);
        CPPUNIT_ASSERT_EQUAL(int64_t(2), expect.findings.at("data_race").value);
        CPPUNIT_ASSERT(expect.findings.at("lost_file").kind == CountConstraint::Kind::Any);
        CPPUNIT_ASSERT_EQUAL(size_t(3), expect.final.size());
        const FinalPredicate& files = expect.final[0];
        CPPUNIT_ASSERT_EQUAL(std::string("i"), files.forVar);
        CPPUNIT_ASSERT_EQUAL(int64_t(1), files.from);
        CPPUNIT_ASSERT_EQUAL(int64_t(3), files.below);
        CPPUNIT_ASSERT(files.exists == FinalPredicate::Exists::Yes);
        const int64_t i = 2;
        std::string text;
        CPPUNIT_ASSERT(expandTemplate(program, files.path, &i, text) == EvalError::None);
        CPPUNIT_ASSERT_EQUAL(std::string("C:\\T\\f_2.txt"), text);
        int64_t size = 0;
        CPPUNIT_ASSERT(evalExpr(program, files.size, &i, size) == EvalError::None);
        CPPUNIT_ASSERT_EQUAL(int64_t(30), size);
        CPPUNIT_ASSERT(expandTemplate(program, files.content, &i, text) == EvalError::None);
        CPPUNIT_ASSERT_EQUAL(std::string("v2"), text);
        CPPUNIT_ASSERT(expect.final[1].exists == FinalPredicate::Exists::No);
        CPPUNIT_ASSERT(expect.final[2].exists == FinalPredicate::Exists::Unspecified);
        CPPUNIT_ASSERT(expect.final[2].size.empty() && expect.final[2].content == -1);
        CPPUNIT_ASSERT_EQUAL(std::string("/expect/final/1"), expect.final[1].pointer);
        CPPUNIT_ASSERT(!load(withBody("[]")).expect.present);
    }

    void loadScenarioFileReadsTheFile()
    {
        const std::string path = std::string(CHECKER_SOURCE_ROOT) + "/tests/data/invalid/empty_file.json";
        try {
            loadScenarioFile(path, {});
            CPPUNIT_FAIL("empty file accepted");
        } catch (const InputError& error) {
            CPPUNIT_ASSERT_EQUAL(path + ":1:1: JSON syntax error: the file is empty (a scenario is a JSON object)",
                                 std::string(error.what()));
        }
        try {
            loadScenarioFile(std::string(CHECKER_SOURCE_ROOT) + "/tests", {});
            CPPUNIT_FAIL("directory accepted");
        } catch (const InputError& error) {
            CPPUNIT_ASSERT(std::string(error.what()).ends_with("/tests: is a directory, not a scenario file"));
        }
        try {
            loadScenarioFile("/nonexistent/scenario.json", {});
            CPPUNIT_FAIL("missing file accepted");
        } catch (const InputError& error) {
            CPPUNIT_ASSERT(std::string(error.what()).starts_with("/nonexistent/scenario.json: cannot open the file"));
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(DeclarationTest);
