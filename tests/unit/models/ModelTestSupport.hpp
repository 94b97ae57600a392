#pragma once
// Drives models through the interpreter with a chosen schedule: a scenario text, steps by thread
// name, and reads of locals and object state. Also explores a scenario and counts findings.

#include "checker/exec/Interpreter.hpp"
#include "checker/explore/Explorer.hpp"
#include "checker/scenario/ScenarioLoader.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <memory>
#include <string>

namespace checker::test {

// A scenario with `objects` and `threads` JSON fragments.
inline std::string scenario(const std::string& objects, const std::string& threads, const std::string& extra = "")
{
    return "{\"scenario\": \"t\", \"objects\": [" + objects + "], \"threads\": [" + threads + "]" + extra + "}";
}

class Sim {
public:
    explicit Sim(const std::string& text)
        : program_(std::make_unique<Program>(loadScenarioText(text, "test.json", {}))), interp_(*program_)
    {
        checkSupported(*program_);
        interp_.init(world_, effects_);
    }

    ThreadId thread(const std::string& name) const
    {
        for (ThreadId t = 0; t < world_.threads.size(); ++t)
            if (world_.threads[t].name == name) return t;
        CPPUNIT_FAIL("no thread " + name);
        return 0;
    }
    bool enabled(const std::string& name) const { return interp_.enabled(world_, thread(name)); }
    bool waiting(const std::string& name) const { return world_.threads[thread(name)].waiting; }
    bool done(const std::string& name) const { return !interp_.alive(world_, thread(name)); }

    // Runs the next step of `name` (it must be enabled).
    const StepEffects& step(const std::string& name)
    {
        CPPUNIT_ASSERT_MESSAGE(name + " is not enabled", enabled(name));
        interp_.step(world_, thread(name), effects_);
        return effects_;
    }
    void steps(const std::string& name, int n)
    {
        for (int i = 0; i < n; ++i) step(name);
    }

    int64_t local(const std::string& threadName, const std::string& localName) const
    {
        const ThreadState& th = world_.threads[thread(threadName)];
        const Frame& f = th.frames.front();
        const auto& names = program_->bodies[size_t(f.body)].localNames;
        auto it = std::find(names.begin(), names.end(), localName);
        CPPUNIT_ASSERT_MESSAGE("no local " + localName, it != names.end());
        return f.locals[size_t(it - names.begin())];
    }

    const ObjectState& object(uint32_t id) const { return world_.objects[id]; }
    const ThreadState& state(const std::string& name) const { return world_.threads[thread(name)]; }
    Access access(const std::string& name) const
    {
        Footprint fp;
        interp_.footprint(world_, thread(name), fp);
        CPPUNIT_ASSERT(!fp.touches.empty());
        return fp.touches.front().access;
    }
    WaitInfo waitInfo(const std::string& name) const { return interp_.waitInfo(world_, thread(name)); }
    World& world() { return world_; }
    const Interpreter& interpreter() const { return interp_; }
    const StepEffects& effects() const { return effects_; }

private:
    std::unique_ptr<Program> program_;
    Interpreter interp_;
    World world_;
    StepEffects effects_;
};

// Explores `text` exhaustively.
inline ExploreResult exploreText(const std::string& text)
{
    Program program = loadScenarioText(text, "test.json", {});
    return explore(program, ExploreOptions{});
}

inline size_t countFindings(const ExploreResult& r, report::FindingKind kind, const std::string& rule = "")
{
    return size_t(std::count_if(r.findings.begin(), r.findings.end(), [&](const report::Finding& f) {
        return f.kind == kind && (rule.empty() || f.rule == rule);
    }));
}

inline bool raised(const StepEffects& e, const std::string& rule)
{
    return std::any_of(e.issues.begin(), e.issues.end(), [&](const ModelIssue& i) { return i.rule == rule; });
}

}  // namespace checker::test
