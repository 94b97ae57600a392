#include "checker/explore/Explorer.hpp"

#include "checker/explore/Dpor.hpp"
#include "checker/explore/Bounded.hpp"
#include "checker/explore/Pct.hpp"
#include "checker/explore/RandomWalk.hpp"
#include "checker/detect/Locations.hpp"
#include "checker/detect/Outcomes.hpp"
#include "checker/scenario/InputError.hpp"
#include "models/fs/FileSystem.hpp"

namespace checker {

void checkSupported(const Program& program)
{
    for (const Body& body : program.bodies) {
        for (const Instr& in : body.code) {
            if (in.op != OpCode::Call) continue;
            const CallInstr& call = program.calls[size_t(in.a)];
            const CallModel* model = callModel(call.api);
            std::string name(apiSpec(call.api).name);
            std::string pointer = program.statements[size_t(in.stmt)].pointer;
            if (!model) throw InputError(program.file, pointer, name + " is not supported yet");
            std::string missing = model->unsupported(program, call);
            if (!missing.empty()) throw InputError(program.file, pointer, name + ": " + missing);
        }
    }
    bool inFiles = false;
    size_t index = 0;
    std::string fsError = fs::FileSystem::initialStateError(program.directories, program.files, inFiles, index);
    if (!fsError.empty())
        throw InputError(program.file, (inFiles ? "/filesystem/files/" : "/filesystem/directories/") + std::to_string(index) +
                         (inFiles ? "/path" : ""), fsError);
}

ExploreResult explore(const Program& program, const ExploreOptions& options,
                      const std::function<void(const Progress&)>& onProgress)
{
    checkSupported(program);
    switch (options.strategy) {
    case Strategy::Dpor: return DporExplorer(program, options, onProgress).run();
    case Strategy::Random: return runRandomWalks(program, options, onProgress);
    case Strategy::Bounded: return runBounded(program, options, onProgress);
    case Strategy::Pct: return runPct(program, options, onProgress);
    }
    throw InputError("unknown strategy");
}

ReplayResult replay(const Program& program, const report::Witness& witness, const ExploreOptions& options,
                    const std::function<bool(const ReplayProbe&)>& describe, bool detect)
{
    checkSupported(program);
    FindingCollector findings;
    OutcomeTracker outcomes;
    ExecutionRunner runner(program, options, findings, outcomes);
    runner.setDescribeSteps(true);
    runner.setDetect(detect);
    runner.begin();
    ReplayResult result;
    for (const report::ScheduleEntry& entry : witness.schedule) {
        uint32_t actor = ExecutionRunner::actorOf(entry);
        if (runner.stopped() || !runner.enabled(actor)) {
            result.scheduleValid = false;
            result.problem = "step " + std::to_string(result.stepsRun + 1) + " names " +
                             (entry.apc ? "APC " : "thread ") + std::to_string(entry.index) +
                             ", which cannot take a step there";
            break;
        }
        ReplayStep step;
        step.index = ++result.stepsRun;
        uint32_t thread = runner.threadOf(actor);
        const PreparedOp& op = runner.world().threads[thread].pending;
        bool named = !entry.apc && op.kind == PendingKind::Call && op.call && op.call->object.decl >= 0;
        if (describe) {
            ReplayProbe probe{step.index, entry.apc || op.kind == PendingKind::Exit ? -1 : op.stmt,
                              named ? int32_t(op.object) : -1};
            bool wanted = describe(probe);
            runner.setDescribeSteps(wanted);
            if (!wanted) {
                runner.step(actor);
                continue;
            }
        }
        step.thread = runner.world().threads[thread].name;
        report::Location loc = statementLocation(program, step.thread, op.stmt);
        step.statement = entry.apc ? "deliver APC " + program.apcs[entry.index].name
                       : op.kind == PendingKind::Exit ? "exit" : loc.text;
        step.pointer = loc.pointer;
        step.line = loc.line;
        std::vector<uint32_t> touched;
        if (named) touched.push_back(op.object);
        step.result = runner.step(actor).result;
        for (uint32_t id : touched) {
            step.objectStates.push_back(describeObject(runner.world(), id));
            step.objects.push_back(objectName(program, id));
        }
        result.steps.push_back(std::move(step));
    }
    if (result.scheduleValid && !runner.stopped() && !runner.anyEnabled()) runner.finish();
    for (ThreadId t = 0; t < runner.threadCount(); ++t) {
        const Interpreter& in = runner.interpreter();
        if (!in.alive(runner.world(), t) || in.enabled(runner.world(), t)) continue;
        result.blockedThreads.push_back(describeWait(runner.world(), in, t));
        report::Location at = pendingLocation(runner.world(), t);
        ReplayStep blocked;
        blocked.thread = at.thread;
        blocked.statement = at.text;
        blocked.pointer = at.pointer;
        blocked.line = at.line;
        blocked.result = result.blockedThreads.back();
        result.blockedSteps.push_back(std::move(blocked));
    }
    bool allEnded = result.scheduleValid;
    for (ThreadId t = 0; t < runner.threadCount(); ++t) allEnded = allEnded && !runner.interpreter().alive(runner.world(), t);
    if (allEnded) result.finalState = summarizeGlobals(runner.world());
    result.findings = findings.findings();
    return result;
}

}  // namespace checker
