// The interpreter: every statement form at run time, visible vs invisible steps, runtime errors,
// thread creation and exit. Scenarios are loaded from text and stepped with chosen schedules.

#include "checker/exec/Interpreter.hpp"
#include "checker/scenario/ScenarioLoader.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <regex>

using namespace checker;

namespace {

Program load(const std::string& text)
{
    return loadScenarioText(text, "test.json", LoadOptions{});
}

std::string oneThread(const std::string& globals, const std::string& body)
{
    return R"({"scenario": "t", "globals": )" + globals + R"(, "threads": [{"name": "T", "body": )" + body + "}]}";
}

// Runs thread 0 alone to its end (or the first issue); returns the issues raised.
std::vector<ModelIssue> runAlone(const Program& program, World& world)
{
    Interpreter interp(program);
    StepEffects effects;
    interp.init(world, effects);
    std::vector<ModelIssue> issues = effects.issues;
    while (issues.empty() && interp.alive(world, 0)) {
        CPPUNIT_ASSERT(interp.enabled(world, 0));
        interp.step(world, 0, effects);
        issues.insert(issues.end(), effects.issues.begin(), effects.issues.end());
    }
    return issues;
}

int64_t global(const Program& p, const World& w, const std::string& name, uint32_t index = 0)
{
    for (const auto& g : p.globals)
        if (g.name == name) return w.globals[g.firstSlot + index];
    CPPUNIT_FAIL("no global " + name);
    return 0;
}

}  // namespace

class InterpreterTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(InterpreterTest);
    CPPUNIT_TEST(letIfWhileForBreakContinue);
    CPPUNIT_TEST(returnEndsTheThread);
    CPPUNIT_TEST(anEndedThreadHasNoPendingOperation);
    CPPUNIT_TEST(onlyVisibleOperationsAreSteps);
    CPPUNIT_TEST(assertFailureStopsWithMessage);
    CPPUNIT_TEST(assumeFailureDiscards);
    CPPUNIT_TEST(divisionByZeroIsARuntimeError);
    CPPUNIT_TEST(overflowIsARuntimeError);
    CPPUNIT_TEST(indexOutOfRangeIsARuntimeError);
    CPPUNIT_TEST(endlessInvisibleLoopIsALivelock);
    CPPUNIT_TEST(interlockedOperations);
    CPPUNIT_TEST(fastMutexExcludesAndRaisesIrql);
    CPPUNIT_TEST(fastMutexReleaseByOtherThreadIsMisuse);
    CPPUNIT_TEST(tryToAcquireNeverBlocks);
    CPPUNIT_TEST(createdThreadsAreNumberedFromTheTemplate);
    CPPUNIT_TEST(waitOnThreadIsEnabledOnlyAfterItEnds);
    CPPUNIT_TEST(exitHoldingAFastMutexIsMisuseAndKeepsItHeld);
    CPPUNIT_TEST(eachExitRuleStillAppliesWhereItsConditionHolds);
    CPPUNIT_TEST(eachPendingCallHasItsOwnTexts);
    CPPUNIT_TEST(aCallPreparedAgainHoldsWhatAFreshPreparationHolds);
    CPPUNIT_TEST(footprintAddKeepsEveryTouchInOrder);
    CPPUNIT_TEST(loopShapesParkRunsInOneDispatchAgreeWithTheGeneralWay);
    CPPUNIT_TEST(aCallThatRaisesAnIssueParksLikeOneThatRaisesNone);
    CPPUNIT_TEST(aForLoopsBackEdgeCountsEveryInstructionAgainstTheBudget);
    CPPUNIT_TEST_SUITE_END();

public:
    // Footprint::add appends in place while there is room and grows out of line when full: both
    // ways keep every touch, in order, also after a clear that keeps the capacity.
    void footprintAddKeepsEveryTouchInOrder()
    {
        Footprint fp;
        for (int round = 0; round < 2; ++round) {
            fp.clear();
            for (uint32_t i = 0; i < 37; ++i) fp.add(makeLocation(LocationClass::Global, i), Access(i % 7));
            CPPUNIT_ASSERT_EQUAL(size_t(37), fp.touches.size());
            for (uint32_t i = 0; i < 37; ++i) {
                CPPUNIT_ASSERT_EQUAL(makeLocation(LocationClass::Global, i), fp.touches[i].location);
                CPPUNIT_ASSERT(fp.touches[i].access == Access(i % 7));
            }
        }
    }

    // park runs `local + value` counters and `local < value` tests in one dispatch each; the same
    // loops written `value + local` and `value > local` go the general way and must agree, counts,
    // exits and the overflow of a counter included.
    void loopShapesParkRunsInOneDispatchAgreeWithTheGeneralWay()
    {
        const auto loops = [](const char* add, const char* lt) {
            return oneThread(R"({"out": 0})", std::string(R"([
                {"let": "s", "value": 0}, {"let": "i", "value": -3},
                {"while": ")") + lt + R"(", "do": [{"let": "s", "value": "s * 3 + i"}, {"let": "i", "value": ")" + add +
                                   R"("}]},
                {"store": "out", "value": "s * 100 + i"},
                {"let": "m", "value": "0x7FFFFFFFFFFFFFFC"}, {"let": "m", "value": ")" +
                                   std::regex_replace(add, std::regex("i"), "m") + R"("},
                {"load": "v", "from": "out"},
                {"let": "m", "value": ")" + std::regex_replace(add, std::regex("i"), "m") + R"("}])");
        };
        Program fast = load(loops("i + 2", "i < 7"));
        Program general = load(loops("2 + i", "7 > i"));
        World wf, wg;
        std::vector<ModelIssue> fastIssues = runAlone(fast, wf), generalIssues = runAlone(general, wg);
        CPPUNIT_ASSERT_EQUAL(global(general, wg, "out"), global(fast, wf, "out"));
        CPPUNIT_ASSERT_EQUAL(int64_t(((((-3 * 3 - 1) * 3 + 1) * 3 + 3) * 3 + 5) * 100 + 7), global(fast, wf, "out"));
        CPPUNIT_ASSERT_EQUAL(size_t(1), fastIssues.size());
        CPPUNIT_ASSERT_EQUAL(size_t(1), generalIssues.size());
        CPPUNIT_ASSERT(fastIssues[0].kind == ModelIssue::Kind::RuntimeError);
        CPPUNIT_ASSERT_EQUAL(generalIssues[0].message, fastIssues[0].message);
        CPPUNIT_ASSERT_EQUAL(generalIssues[0].stmt, fastIssues[0].stmt);
        CPPUNIT_ASSERT_EQUAL(generalIssues[0].thread, fastIssues[0].thread);
    }

    // park runs a `for` loop's counter, jump and test in one dispatch when the budget allows: the
    // budget still counts the three, so the livelock bound falls where the general way (the same
    // loop written as a while, its counter and test in shapes park does not fuse) puts it.
    void aForLoopsBackEdgeCountsEveryInstructionAgainstTheBudget()
    {
        // Invisible instructions before the store: i = 0, then four tests and three counters and
        // jumps: 11.
        Program fused = load(oneThread(R"({"x": 0})", R"([{"for": "i", "from": 0, "below": 3, "do": []},
            {"store": "x", "value": 1}])"));
        Program general = load(oneThread(R"({"x": 0})", R"([{"let": "i", "value": 0},
            {"while": "3 > i", "do": [{"let": "i", "value": "1 + i"}]}, {"store": "x", "value": 1}])"));
        for (uint64_t budget = 1; budget <= 14; ++budget) {
            const auto parksAtStore = [budget](const Program& p) {
                Interpreter interp(p, InterpreterLimits{budget});
                World w;
                StepEffects e;
                interp.init(w, e);
                const bool livelock = e.issues.size() == 1 && e.issues[0].kind == ModelIssue::Kind::Livelock;
                CPPUNIT_ASSERT(livelock || e.issues.empty());
                CPPUNIT_ASSERT(livelock || w.threads[0].pending.kind == PendingKind::Store);
                return !livelock;
            };
            CPPUNIT_ASSERT_EQUAL(budget >= 11, parksAtStore(fused));
            CPPUNIT_ASSERT_EQUAL(budget >= 11, parksAtStore(general));
        }
    }

    // step() parks the thread in line after a call with no effects besides its own, and in
    // afterStep after one that raised an issue: both leave it at its next operation.
    void aCallThatRaisesAnIssueParksLikeOneThatRaisesNone()
    {
        const auto run = [](const std::string& call) {
            Program p = load(oneThread(R"({"g": 5, "out": 0})", "[" + call + R"(, {"let": "k", "value": 3},
                {"store": "out", "value": "s + k"}])"));
            Interpreter interp(p);
            World w;
            StepEffects e;
            interp.init(w, e);
            interp.step(w, 0, e);
            std::vector<ModelIssue> issues = e.issues;
            CPPUNIT_ASSERT(w.threads[0].pending.kind == PendingKind::Store);
            interp.step(w, 0, e);
            CPPUNIT_ASSERT(e.issues.empty());
            CPPUNIT_ASSERT(w.threads[0].pending.kind == PendingKind::Exit);
            return std::make_pair(issues, global(p, w, "out"));
        };
        auto [quiet, quietOut] = run(R"({"call": "InterlockedIncrement", "target": "g", "result": "s"})");
        auto [raised, raisedOut] = run(R"({"call": "ZwWriteFile", "handle": 4, "data": "x", "status": "s"})");
        CPPUNIT_ASSERT(quiet.empty());
        CPPUNIT_ASSERT_EQUAL(size_t(1), raised.size());
        CPPUNIT_ASSERT(!raised[0].stopsExecution);
        CPPUNIT_ASSERT_EQUAL(int64_t(6 + 3), quietOut);
        CPPUNIT_ASSERT_EQUAL(int64_t(int32_t(0xC0000008)) + 3, raisedOut);   // STATUS_INVALID_HANDLE
    }

    void letIfWhileForBreakContinue()
    {
        // sum of odd i in 0..9, stopping at 7: 1 + 3 + 5 + 7 = 16; a while loop counts down 3 -> 0.
        Program p = load(oneThread(R"({"sum": 0, "down": 0})", R"([
            {"let": "s", "value": 0},
            {"for": "i", "from": 0, "below": 10, "do": [
                {"if": "i % 2 == 0", "then": [{"continue": true}]},
                {"let": "s", "value": "s + i"},
                {"if": "i == 7", "then": [{"break": true}], "else": []}
            ]},
            {"store": "sum", "value": "s"},
            {"let": "n", "value": 3},
            {"while": "n > 0", "do": [{"let": "n", "value": "n - 1"}]},
            {"store": "down", "value": "n"}])"));
        World w;
        CPPUNIT_ASSERT(runAlone(p, w).empty());
        CPPUNIT_ASSERT_EQUAL(int64_t(16), global(p, w, "sum"));
        CPPUNIT_ASSERT_EQUAL(int64_t(0), global(p, w, "down"));
    }

    void returnEndsTheThread()
    {
        Program p = load(oneThread(R"({"x": 0})", R"([{"store": "x", "value": 1}, {"return": true}, {"store": "x", "value": 2}])"));
        World w;
        CPPUNIT_ASSERT(runAlone(p, w).empty());
        CPPUNIT_ASSERT_EQUAL(int64_t(1), global(p, w, "x"));
    }

    // reset() (used at a thread's exit instead of assigning a new PreparedOp, to keep the
    // texts' storage) must leave exactly what a new one has, whatever the last call set.
    void anEndedThreadHasNoPendingOperation()
    {
        PreparedOp op;
        op.kind = PendingKind::Call;
        op.stmt = 3;
        op.api = Api::ZwWriteFile;
        op.object = op.value = op.exchange = op.comparand = op.adjustment = op.length = op.offset = 7;
        op.handle = op.access = op.share = op.disposition = op.options = op.count = op.limit = 7;
        op.thread = 2;
        op.objects = {1, 2};
        op.path = op.data = op.renameTarget = "a text longer than the short-string buffer";
        op.pathSource = op.dataSource = op.renameTargetSource = &op.path;
        op.reset();
        CPPUNIT_ASSERT(op == PreparedOp{});

        Program p = load(R"({"scenario": "t", "filesystem": {"directories": ["C:\\T"]}, "threads": [{"name": "T", "body": [
            {"call": "ZwCreateFile", "path": "C:\\T\\f.txt", "access": "GENERIC_WRITE", "share": 0, "disposition": "FILE_CREATE",
             "options": "FILE_SYNCHRONOUS_IO_NONALERT", "handle": "h"},
            {"call": "ZwWriteFile", "handle": "h", "data": "text"}, {"call": "ZwClose", "handle": "h"}]}]})");
        World w;
        CPPUNIT_ASSERT(runAlone(p, w).empty());
        CPPUNIT_ASSERT(!Interpreter(p).alive(w, 0));
        CPPUNIT_ASSERT(w.threads[0].pending == PreparedOp{});
    }

    void onlyVisibleOperationsAreSteps()
    {
        // let/if are invisible: the thread parks at the load, then the store, then the yield, then exit.
        Program p = load(oneThread(R"({"x": 5})", R"([{"let": "a", "value": 1}, {"load": "v", "from": "x"},
            {"if": "v == 5", "then": [{"let": "a", "value": 2}]}, {"store": "x", "value": "a"}, {"yield": true}])"));
        Interpreter interp(p);
        World w;
        StepEffects e;
        interp.init(w, e);
        int steps = 0;
        while (interp.alive(w, 0)) {
            interp.step(w, 0, e);
            ++steps;
        }
        CPPUNIT_ASSERT_EQUAL(4, steps);  // load, store, yield, exit
        CPPUNIT_ASSERT_EQUAL(int64_t(2), global(p, w, "x"));
    }

    void assertFailureStopsWithMessage()
    {
        Program p = load(oneThread(R"({"x": 3})", R"([{"load": "v", "from": "x"}, {"assert": "v == 4", "message": "x is {v}"}])"));
        World w;
        auto issues = runAlone(p, w);
        CPPUNIT_ASSERT_EQUAL(size_t(1), issues.size());
        CPPUNIT_ASSERT(issues[0].kind == ModelIssue::Kind::AssertionFailure);
        CPPUNIT_ASSERT(issues[0].stopsExecution);
        CPPUNIT_ASSERT_EQUAL(std::string("x is 3"), issues[0].message);
    }

    void assumeFailureDiscards()
    {
        Program p = load(oneThread(R"({"x": 0})", R"([{"load": "v", "from": "x"}, {"assume": "v == 1"}])"));
        World w;
        auto issues = runAlone(p, w);
        CPPUNIT_ASSERT(issues.size() == 1 && issues[0].kind == ModelIssue::Kind::AssumeFailed);
    }

    void divisionByZeroIsARuntimeError() { expectRuntimeError(R"([{"load": "v", "from": "x"}, {"let": "y", "value": "1 / v"}])", "division by zero"); }
    void overflowIsARuntimeError() { expectRuntimeError(R"([{"let": "y", "value": "0x7FFFFFFFFFFFFFFF"}, {"load": "v", "from": "x"}, {"let": "y", "value": "y + 1"}])", "overflow"); }
    void indexOutOfRangeIsARuntimeError() { expectRuntimeError(R"([{"let": "i", "value": 2}, {"store": "a[i]", "value": 1}])", "out of range"); }

    void endlessInvisibleLoopIsALivelock()
    {
        Program p = load(oneThread(R"({"x": 0})", R"([{"load": "v", "from": "x"}, {"while": "1", "do": [{"let": "v", "value": "v"}]}])"));
        World w;
        auto issues = runAlone(p, w);
        CPPUNIT_ASSERT(issues.size() == 1 && issues[0].kind == ModelIssue::Kind::Livelock);
    }

    void interlockedOperations()
    {
        Program p = load(oneThread(R"({"c": 5, "r": 0, "s": 0, "t": 0})", R"([
            {"call": "InterlockedIncrement", "target": "c", "result": "a"},
            {"call": "InterlockedExchangeAdd", "target": "c", "value": 10, "result": "b"},
            {"call": "InterlockedCompareExchange", "target": "c", "exchange": 1, "comparand": 99, "result": "x"},
            {"call": "InterlockedCompareExchange", "target": "c", "exchange": 7, "comparand": 16, "result": "y"},
            {"call": "InterlockedExchange", "target": "c", "value": 3, "result": "z"},
            {"call": "InterlockedDecrement", "target": "c", "result": "d"},
            {"store": "r", "value": "a * 1000 + b"}, {"store": "s", "value": "x * 1000 + y"}, {"store": "t", "value": "z * 1000 + d"}])"));
        World w;
        CPPUNIT_ASSERT(runAlone(p, w).empty());
        CPPUNIT_ASSERT_EQUAL(int64_t(6 * 1000 + 6), global(p, w, "r"));     // increment returns new, add returns old
        CPPUNIT_ASSERT_EQUAL(int64_t(16 * 1000 + 16), global(p, w, "s"));   // compare-exchange returns old
        CPPUNIT_ASSERT_EQUAL(int64_t(7 * 1000 + 2), global(p, w, "t"));     // exchange returns old; decrement new
        CPPUNIT_ASSERT_EQUAL(int64_t(2), global(p, w, "c"));
    }

    void fastMutexExcludesAndRaisesIrql()
    {
        Program p = load(twoThreads(R"([{"call": "ExAcquireFastMutex", "mutex": "M"}, {"call": "ExReleaseFastMutex", "mutex": "M"}])",
                                    R"([{"call": "ExAcquireFastMutex", "mutex": "M"}])"));
        Interpreter interp(p);
        World w;
        StepEffects e;
        interp.init(w, e);
        interp.step(w, 0, e);
        CPPUNIT_ASSERT(w.threads[0].irql == Irql::Apc);
        CPPUNIT_ASSERT(!interp.enabled(w, 1));
        WaitInfo info = interp.waitInfo(w, 1);
        CPPUNIT_ASSERT(info.holders == std::vector<int32_t>{0});
        interp.step(w, 0, e);
        CPPUNIT_ASSERT(w.threads[0].irql == Irql::Passive);
        CPPUNIT_ASSERT(interp.enabled(w, 1));
    }

    void fastMutexReleaseByOtherThreadIsMisuse()
    {
        Program p = load(twoThreads(R"([{"call": "ExAcquireFastMutex", "mutex": "M"}])", R"([{"call": "ExReleaseFastMutex", "mutex": "M"}])"));
        Interpreter interp(p);
        World w;
        StepEffects e;
        interp.init(w, e);
        interp.step(w, 0, e);
        interp.step(w, 1, e);
        CPPUNIT_ASSERT_EQUAL(size_t(1), e.issues.size());
        CPPUNIT_ASSERT_EQUAL(std::string("RELEASE_NOT_OWNED"), e.issues[0].rule);
        CPPUNIT_ASSERT(e.issues[0].stopsExecution);
        CPPUNIT_ASSERT(e.issues[0].message.find("0xC4/0x1004") != std::string::npos);
    }

    void tryToAcquireNeverBlocks()
    {
        Program p = load(twoThreads(R"([{"call": "ExAcquireFastMutex", "mutex": "M"}])",
                                    R"([{"call": "ExTryToAcquireFastMutex", "mutex": "M", "result": "got"}, {"assert": "got"}])"));
        Interpreter interp(p);
        World w;
        StepEffects e;
        interp.init(w, e);
        interp.step(w, 0, e);
        CPPUNIT_ASSERT(interp.enabled(w, 1));
        interp.step(w, 1, e);
        CPPUNIT_ASSERT(e.issues.size() == 1 && e.issues[0].kind == ModelIssue::Kind::AssertionFailure);
    }

    void createdThreadsAreNumberedFromTheTemplate()
    {
        Program p = load(R"({"scenario": "t", "globals": {"g": 0}, "threads": [
            {"name": "Main", "body": [{"call": "PsCreateSystemThread", "start": "W", "status": "s"},
                                      {"call": "PsCreateSystemThread", "start": "W"}]},
            {"name": "W", "autostart": false, "body": [{"call": "InterlockedExchangeAdd", "target": "g", "value": "self + 1"}]}]})");
        Interpreter interp(p);
        World w;
        StepEffects e;
        interp.init(w, e);
        CPPUNIT_ASSERT_EQUAL(size_t(1), w.threads.size());
        interp.step(w, 0, e);
        interp.step(w, 0, e);
        CPPUNIT_ASSERT_EQUAL(size_t(3), w.threads.size());
        CPPUNIT_ASSERT_EQUAL(std::string("W"), w.threads[1].name);
        CPPUNIT_ASSERT_EQUAL(std::string("W[1]"), w.threads[2].name);
        interp.step(w, 2, e);
        interp.step(w, 1, e);
        CPPUNIT_ASSERT_EQUAL(int64_t(3), global(p, w, "g"));
    }

    void waitOnThreadIsEnabledOnlyAfterItEnds()
    {
        Program p = load(R"({"scenario": "t", "threads": [
            {"name": "A", "body": [{"yield": true}]},
            {"name": "B", "body": [{"call": "KeWaitForSingleObject", "thread": "A", "timeout": 0, "status": "p"},
                                   {"assert": "p == STATUS_TIMEOUT"},
                                   {"call": "KeWaitForSingleObject", "thread": "A", "status": "s"}]}]})");
        Interpreter interp(p);
        World w;
        StepEffects e;
        interp.init(w, e);
        interp.step(w, 1, e);  // the poll: A still runs
        CPPUNIT_ASSERT(e.issues.empty());
        CPPUNIT_ASSERT(!interp.enabled(w, 1));
        interp.step(w, 0, e);  // yield
        interp.step(w, 0, e);  // exit
        CPPUNIT_ASSERT(interp.enabled(w, 1));
    }

    void exitHoldingAFastMutexIsMisuseAndKeepsItHeld()
    {
        Program p = load(twoThreads(R"([{"call": "ExAcquireFastMutex", "mutex": "M"}])", R"([{"call": "ExAcquireFastMutex", "mutex": "M"}])"));
        Interpreter interp(p);
        World w;
        StepEffects e;
        interp.init(w, e);
        interp.step(w, 0, e);
        interp.step(w, 0, e);  // exit while holding M
        CPPUNIT_ASSERT(e.issues.size() == 1 && e.issues[0].rule == "THREAD_EXIT_HOLDING_LOCK");
        CPPUNIT_ASSERT(!e.issues[0].stopsExecution);
        CPPUNIT_ASSERT(!interp.enabled(w, 1));
    }

    // A thread's end skips the exit rules when nothing is held, no region entered, no handle left
    // open and the thread is not the unload routine: each of those alone still gets its rule,
    // and an end with none of them raises nothing.
    void eachExitRuleStillAppliesWhereItsConditionHolds()
    {
        auto rulesAtEnd = [](const std::string& body) {
            Program p = load(R"({"scenario": "t", "objects": [{"name": "M", "type": "FAST_MUTEX"}],
                "filesystem": {"directories": ["C:\\T"]}, "threads": [{"name": "T", "body": )" + body + "}]}");
            World w;
            std::vector<std::string> rules;
            for (const ModelIssue& issue : runAlone(p, w)) rules.push_back(issue.rule);
            return rules;
        };
        using Rules = std::vector<std::string>;
        CPPUNIT_ASSERT(rulesAtEnd(R"([{"call": "ExAcquireFastMutex", "mutex": "M"}])") == Rules{"THREAD_EXIT_HOLDING_LOCK"});
        CPPUNIT_ASSERT(rulesAtEnd(R"([{"call": "KeEnterCriticalRegion"}])") == Rules{"CRITICAL_REGION_UNBALANCED"});
        CPPUNIT_ASSERT(rulesAtEnd(R"([{"call": "KeEnterGuardedRegion"}])") == Rules{"CRITICAL_REGION_UNBALANCED"});
        CPPUNIT_ASSERT(rulesAtEnd(R"([{"call": "ZwCreateFile", "path": "C:\\T\\f.txt", "access": "GENERIC_WRITE",
                                      "share": 0, "disposition": "FILE_OVERWRITE_IF", "handle": "h"}])") == Rules{"HANDLE_LEAK"});
        CPPUNIT_ASSERT(rulesAtEnd(R"([{"call": "ZwCreateFile", "path": "C:\\T\\f.txt", "access": "GENERIC_WRITE",
                                      "share": 0, "disposition": "FILE_OVERWRITE_IF", "handle": "h"},
                                     {"call": "ZwClose", "handle": "h"}, {"call": "ExAcquireFastMutex", "mutex": "M"},
                                     {"call": "ExReleaseFastMutex", "mutex": "M"}, {"call": "KeEnterGuardedRegion"},
                                     {"call": "KeLeaveGuardedRegion"}])")
                           .empty());

        // The unload routine ends while the worker DriverEntry started has not run yet.
        Program p = load(R"({"scenario": "t", "threads": [
            {"name": "DriverEntry", "body": [{"call": "PsCreateSystemThread", "start": "Worker"}]},
            {"name": "Worker", "autostart": false, "body": [{"yield": true}]}],
            "unload": [{"yield": true}]})");
        Interpreter interp(p);
        World w;
        StepEffects e;
        interp.init(w, e);
        Rules rules;
        for (int steps = 0; steps < 8; ++steps) {
            uint32_t t = 0;
            while (t < w.threads.size() && (w.threads[t].name == "Worker" || !interp.enabled(w, t))) ++t;
            if (t == w.threads.size()) break;
            interp.step(w, t, e);
            for (const ModelIssue& issue : e.issues) rules.push_back(issue.rule);
        }
        CPPUNIT_ASSERT(rules == Rules{"UNLOAD_WITH_RUNNING_THREADS"});
    }

    // A constant text is copied only when the pending call's text holds something else: calls in a
    // loop that give a text, a template or none in turn each see their own.
    void eachPendingCallHasItsOwnTexts()
    {
        Program p = load(R"({"scenario": "t", "filesystem": {"directories": ["C:\\T"]}, "threads": [{"name": "T", "body": [
            {"for": "i", "from": 0, "below": 2, "do": [
                {"call": "ZwCreateFile", "path": "C:\\T\\f.txt", "access": "GENERIC_WRITE", "share": 0,
                 "disposition": "FILE_OVERWRITE_IF", "handle": "h"},
                {"call": "ZwWriteFile", "handle": "h", "data": "one"},
                {"call": "ZwWriteFile", "handle": "h", "data": "one"},
                {"call": "ZwWriteFile", "handle": "h", "data": "two {i}"},
                {"call": "ZwWriteFile", "handle": "h", "data": "one"},
                {"call": "ZwClose", "handle": "h"}]}]}]})");
        Interpreter interp(p);
        World w;
        StepEffects e;
        interp.init(w, e);
        const std::pair<const char*, const char*> expected[] = {
            {"C:\\T\\f.txt", ""}, {"", "one"}, {"", "one"}, {"", "two 0"}, {"", "one"}, {"", ""},
            {"C:\\T\\f.txt", ""}, {"", "one"}, {"", "one"}, {"", "two 1"}, {"", "one"}, {"", ""}};
        for (const auto& [path, data] : expected) {
            const PreparedOp& op = w.threads[0].pending;
            CPPUNIT_ASSERT_EQUAL(std::string(path), op.path);
            CPPUNIT_ASSERT_EQUAL(std::string(data), op.data);
            CPPUNIT_ASSERT_EQUAL(std::string(), op.renameTarget);
            interp.step(w, 0, e);
            CPPUNIT_ASSERT(e.issues.empty());
        }
        CPPUNIT_ASSERT(w.threads[0].pending.kind == PendingKind::Exit);
    }

    // A call prepared again right after its own step re-reads only its locals (prepareAgain); a
    // world whose thread forgets that before each step prepares every call the general way. Both
    // hold the same pending operation at every step: handles that change between two preparations
    // of one call, constant operands, a store and a template text between them.
    void aCallPreparedAgainHoldsWhatAFreshPreparationHolds()
    {
        Program p = load(R"({"scenario": "t", "globals": {"g": 0}, "filesystem": {"directories": ["C:\\T"]},
            "threads": [{"name": "T", "body": [
            {"for": "i", "from": 0, "below": 2, "do": [
                {"call": "ZwCreateFile", "path": "C:\\T\\f{i}.txt", "access": "GENERIC_READ | GENERIC_WRITE",
                 "share": 0, "disposition": "FILE_OVERWRITE_IF", "handle": "h"},
                {"let": "k", "value": "h"},
                {"for": "j", "from": 0, "below": 3, "do": [
                    {"call": "ZwWriteFile", "handle": "k", "data": "one"},
                    {"let": "k", "value": "k + j % 2 * 4"}]},
                {"store": "g", "value": "i + 7"},
                {"for": "j", "from": 0, "below": 2, "do": [
                    {"call": "ZwReadFile", "handle": "h", "length": 2, "offset": 1}]},
                {"call": "ZwClose", "handle": "h"}]}]}]})");
        Interpreter interp(p);
        World again, fresh;
        StepEffects e, f;
        interp.init(again, e);
        interp.init(fresh, f);
        int repeated = 0;   // preparations of the call that ran just before
        while (interp.alive(again, 0)) {
            const PreparedOp& a = again.threads[0].pending;
            PreparedOp b = fresh.threads[0].pending;
            b.preparedCall = a.preparedCall;
            CPPUNIT_ASSERT(a == b);
            fresh.threads[0].pending.preparedCall = nullptr;
            const CallInstr* before = a.kind == PendingKind::Call ? a.call : nullptr;
            interp.step(again, 0, e);
            if (before && again.threads[0].pending.call == before) ++repeated;
            interp.step(fresh, 0, f);
            CPPUNIT_ASSERT_EQUAL(e.issues.size(), f.issues.size());
        }
        CPPUNIT_ASSERT(!interp.alive(fresh, 0));
        CPPUNIT_ASSERT_EQUAL(6, repeated);
    }

private:
    static std::string twoThreads(const std::string& a, const std::string& b)
    {
        return R"({"scenario": "t", "objects": [{"name": "M", "type": "FAST_MUTEX"}], "threads": [{"name": "A", "body": )" +
               a + R"(}, {"name": "B", "body": )" + b + "}]}";
    }

    void expectRuntimeError(const std::string& body, const std::string& text)
    {
        Program p = load(oneThread(R"({"x": 0, "a": {"array": 2, "init": 0}})", body));
        World w;
        auto issues = runAlone(p, w);
        CPPUNIT_ASSERT_EQUAL(size_t(1), issues.size());
        CPPUNIT_ASSERT(issues[0].kind == ModelIssue::Kind::RuntimeError);
        CPPUNIT_ASSERT_MESSAGE(issues[0].message, issues[0].message.find(text) != std::string::npos);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(InterpreterTest);
