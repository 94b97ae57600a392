// The traces of long witnesses: attachTraces renders only the steps a trace can show, and must
// show exactly what rendering every step and then choosing would.

#include "checker/cli/TraceBuilder.hpp"
#include "checker/scenario/ScenarioLoader.hpp"

#include <cppunit/extensions/HelperMacros.h>

namespace checker::cli {
namespace {

// T1 takes A and counts to 30 on a global (60 steps) before it takes B; T2 takes B, then A: the
// deadlock's witness is longer than kShortWitness, and its first step (T1 takes A) is shown for
// its object only.
const char* kLongDeadlock = R"({
  "scenario": "long_abba",
  "globals": {"n": 0},
  "objects": [{"name": "A", "type": "FAST_MUTEX"}, {"name": "B", "type": "FAST_MUTEX"}],
  "threads": [
    {"name": "T1", "body": [
      {"call": "ExAcquireFastMutex", "mutex": "A"},
      {"for": "i", "from": 0, "below": 30, "do": [
        {"load": "v", "from": "n"}, {"store": "n", "value": "v + 1"}
      ]},
      {"call": "ExAcquireFastMutex", "mutex": "B"},
      {"call": "ExReleaseFastMutex", "mutex": "B"},
      {"call": "ExReleaseFastMutex", "mutex": "A"}
    ]},
    {"name": "T2", "body": [
      {"call": "ExAcquireFastMutex", "mutex": "B"},
      {"call": "ExAcquireFastMutex", "mutex": "A"},
      {"call": "ExReleaseFastMutex", "mutex": "A"},
      {"call": "ExReleaseFastMutex", "mutex": "B"}
    ]}
  ]
})";

std::string render(const report::Trace& trace)
{
    std::string out = "witness " + std::to_string(trace.witnessSteps) + "\n";
    for (const auto& s : trace.steps) {
        out += std::to_string(s.index) + " " + s.thread + " " + s.statement + " " + s.pointer + " " + s.result;
        for (const auto& o : s.objects) out += " [" + o + "]";
        out += s.blocked ? " blocked\n" : "\n";
    }
    return out;
}

class TraceBuilderTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TraceBuilderTest);
    CPPUNIT_TEST(longWitnessShowsItsObjectsAndTail);
    CPPUNIT_TEST(selectiveRenderingEqualsRenderingEverything);
    CPPUNIT_TEST(replayWithoutDetectorsRunsTheSameSteps);
    CPPUNIT_TEST_SUITE_END();

    Program program_;
    ExploreOptions options_;
    std::vector<report::Finding> findings_;

public:
    void setUp() override
    {
        program_ = loadScenarioText(kLongDeadlock, "long_abba.json", LoadOptions{});
        findings_ = explore(program_, options_).findings;
        attachTraces(program_, options_, findings_);
    }

    const report::Finding& deadlock() const
    {
        for (const auto& f : findings_)
            if (f.kind == report::FindingKind::Deadlock) return f;
        CPPUNIT_FAIL("no deadlock found");
        return findings_.front();
    }

    void longWitnessShowsItsObjectsAndTail()
    {
        const report::Finding& f = deadlock();
        CPPUNIT_ASSERT(f.witness.schedule.size() > kShortWitness);
        CPPUNIT_ASSERT(f.trace.has_value());
        CPPUNIT_ASSERT_EQUAL(uint64_t(f.witness.schedule.size()), f.trace->witnessSteps);
        size_t acquires = 0, loopSteps = 0;
        for (const auto& s : f.trace->steps) {
            CPPUNIT_ASSERT(!s.thread.empty());
            if (s.statement.find("ExAcquireFastMutex") != std::string::npos && !s.blocked) acquires++;
            if (s.statement.find("load") != std::string::npos || s.statement.find("store") != std::string::npos)
                loopSteps++;
        }
        CPPUNIT_ASSERT_EQUAL(size_t(2), acquires);   // each thread's first acquire
        CPPUNIT_ASSERT(loopSteps <= kTailSteps);     // the counting loop is left out
        CPPUNIT_ASSERT(f.trace->steps.size() < f.witness.schedule.size());
    }

    void selectiveRenderingEqualsRenderingEverything()
    {
        for (const auto& f : findings_) {
            ExploreOptions replayOptions;
            replayOptions.maxSteps = options_.maxSteps;
            CPPUNIT_ASSERT(f.trace.has_value());
            report::Trace whole = traceOf(replay(program_, f.witness, replayOptions), f, program_);
            CPPUNIT_ASSERT_EQUAL_MESSAGE(f.fingerprint, render(whole), render(*f.trace));
        }
    }

    // The replay attachTraces uses skips the detectors of steps: the same steps, results and
    // blocked threads, and no finding the detecting replay does not have.
    void replayWithoutDetectorsRunsTheSameSteps()
    {
        const report::Finding& f = deadlock();
        const ReplayResult detected = replay(program_, f.witness, options_);
        const ReplayResult plain = replay(program_, f.witness, options_, {}, false);
        CPPUNIT_ASSERT(plain.scheduleValid);
        CPPUNIT_ASSERT_EQUAL(detected.stepsRun, plain.stepsRun);
        CPPUNIT_ASSERT_EQUAL(render(traceOf(detected, f, program_)), render(traceOf(plain, f, program_)));
        CPPUNIT_ASSERT(detected.blockedThreads == plain.blockedThreads);
        for (const auto& found : plain.findings) {
            bool alsoDetected = false;
            for (const auto& d : detected.findings) alsoDetected = alsoDetected || d.fingerprint == found.fingerprint;
            CPPUNIT_ASSERT_MESSAGE(found.fingerprint, alsoDetected);
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TraceBuilderTest);

}  // namespace
}  // namespace checker::cli
