// replayShared runs the steps several witnesses have in common once; for each witness it must
// hand back exactly what replaying that witness alone (without the detectors) does: the same
// rendered steps, step count, blocked threads, final values and validity.

#include "checker/explore/Explorer.hpp"
#include "checker/scenario/ScenarioLoader.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

using namespace checker;

namespace {

std::string render(const ReplayResult& r)
{
    std::string out = std::string(r.scheduleValid ? "valid" : "invalid: " + r.problem) + " steps " +
                      std::to_string(r.stepsRun) + " final " + r.finalState + "\n";
    for (const ReplayStep& s : r.steps) {
        out += std::to_string(s.index) + " " + s.thread + " " + s.statement + " " + s.result;
        for (const std::string& o : s.objectStates) out += " [" + o + "]";
        out += "\n";
    }
    for (const std::string& b : r.blockedThreads) out += "blocked " + b + "\n";
    return out;
}

// Every third step, and every step that names an object.
bool someSteps(const ReplayProbe& p) { return p.index % 3 == 0 || p.object >= 0; }

}  // namespace

class ReplaySharedTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ReplaySharedTest);
    CPPUNIT_TEST(witnessesOfASeedProgram);
    CPPUNIT_TEST(prefixesDuplicatesAndInvalidWitnesses);
    CPPUNIT_TEST_SUITE_END();

    Program program_;
    ExploreOptions options_;

    void assertLikeAlone(const std::vector<report::Witness>& witnesses,
                         const std::vector<std::function<bool(const ReplayProbe&)>>& describes)
    {
        std::vector<const report::Witness*> pointers;
        for (const report::Witness& w : witnesses) pointers.push_back(&w);
        const std::vector<ReplayResult> shared = replayShared(program_, pointers, options_, describes);
        CPPUNIT_ASSERT_EQUAL(witnesses.size(), shared.size());
        for (size_t i = 0; i < witnesses.size(); ++i) {
            const ReplayResult alone = replay(program_, witnesses[i], options_, describes[i], false);
            CPPUNIT_ASSERT_EQUAL_MESSAGE("witness " + std::to_string(i), render(alone), render(shared[i]));
        }
    }

public:
    void setUp() override
    {
        LoadOptions load;
        load.paramOverrides = {{"N", 4}, {"WRITES", 3}};
        program_ = loadScenarioFile(std::string(CHECKER_SOURCE_ROOT) + "/scenarios/lock_order.json", load);
    }

    // The findings of lock_order.json share long prefixes (the creation loop).
    void witnessesOfASeedProgram()
    {
        const ExploreResult explored = explore(program_, options_);
        std::vector<report::Witness> witnesses;
        std::vector<std::function<bool(const ReplayProbe&)>> describes;
        for (const report::Finding& f : explored.findings) {
            witnesses.push_back(f.witness);
            describes.push_back(witnesses.size() % 2 ? std::function<bool(const ReplayProbe&)>(someSteps) : nullptr);
        }
        CPPUNIT_ASSERT(witnesses.size() > 5);
        assertLikeAlone(witnesses, describes);
    }

    // A witness that is a prefix of another, the same witness twice, one that names a thread
    // that cannot step, and one that goes on past it.
    void prefixesDuplicatesAndInvalidWitnesses()
    {
        const ExploreResult explored = explore(program_, options_);
        report::Witness longest;
        for (const report::Finding& f : explored.findings)
            if (f.witness.schedule.size() > longest.schedule.size()) longest = f.witness;
        CPPUNIT_ASSERT(longest.schedule.size() > 20);
        report::Witness prefix = longest;
        prefix.schedule.resize(longest.schedule.size() / 2);
        report::Witness invalid = prefix;
        invalid.schedule.push_back({false, 99});
        report::Witness pastInvalid = invalid;
        pastInvalid.schedule.insert(pastInvalid.schedule.end(), longest.schedule.begin() + long(prefix.schedule.size()),
                                    longest.schedule.end());
        const std::vector<report::Witness> witnesses{longest, prefix, invalid, longest, pastInvalid, report::Witness{}};
        assertLikeAlone(witnesses, std::vector<std::function<bool(const ReplayProbe&)>>(witnesses.size(), someSteps));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ReplaySharedTest);
