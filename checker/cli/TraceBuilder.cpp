#include "checker/cli/TraceBuilder.hpp"

#include "checker/exec/CallModel.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>

namespace checker::cli {

namespace {

report::TraceStep traceStep(const ReplayStep& step, const std::map<std::string, std::string>& labels)
{
    report::TraceStep out;
    out.index = step.index;
    out.thread = step.thread;
    out.statement = step.statement;
    out.pointer = step.pointer;
    const auto label = labels.find(step.pointer);
    if (label != labels.end()) out.label = label->second;
    out.line = step.line;
    out.result = step.result;
    out.objects = step.objects;
    return out;
}

// Whether a step of a long witness is worth showing: it touches one of the finding's objects or
// runs one of its statements.
bool relevant(const ReplayStep& step, const report::Finding& finding)
{
    for (const std::string& object : step.objects)
        if (std::find(finding.objects.begin(), finding.objects.end(), object) != finding.objects.end()) return true;
    return std::any_of(finding.locations.begin(), finding.locations.end(),
                       [&step](const report::Location& l) { return !l.pointer.empty() && l.pointer == step.pointer; });
}

}  // namespace

report::Trace traceOf(const ReplayResult& replayed, const report::Finding& finding, const Program& program)
{
    std::map<std::string, std::string> labels;
    for (const StatementInfo& info : program.statements)
        if (!info.label.empty()) labels[info.pointer] = info.label;

    report::Trace trace;
    const std::vector<ReplayStep>& steps = replayed.steps;
    const uint64_t length = replayed.stepsRun;
    trace.witnessSteps = length;
    std::vector<size_t> shown;
    for (size_t i = 0; i < steps.size(); ++i)
        if (length <= kShortWitness || steps[i].index + kTailSteps > length || relevant(steps[i], finding))
            shown.push_back(i);
    if (shown.size() > kMaxTraceSteps) shown.erase(shown.begin(), shown.end() - kMaxTraceSteps);
    for (const size_t i : shown) trace.steps.push_back(traceStep(steps[i], labels));

    uint64_t next = length + 1;
    for (const ReplayStep& step : replayed.blockedSteps) {
        report::TraceStep blocked = traceStep(step, labels);
        blocked.index = next++;
        blocked.blocked = true;
        trace.steps.push_back(std::move(blocked));
    }
    return trace;
}

namespace {

// Renders, of a long witness, only the steps traceOf() can show: the tail, and the steps that run
// one of the finding's statements or touch one of its objects.
std::function<bool(const ReplayProbe&)> shownSteps(const Program& program, const report::Finding& finding)
{
    size_t length = finding.witness.schedule.size();
    if (length <= kShortWitness) return {};
    std::set<int32_t> statements, objects;
    for (size_t s = 0; s < program.statements.size(); ++s)
        for (const report::Location& l : finding.locations)
            if (!l.pointer.empty() && l.pointer == program.statements[s].pointer) statements.insert(int32_t(s));
    for (uint32_t id = 0; id < program.objectCount; ++id)
        if (std::find(finding.objects.begin(), finding.objects.end(), objectName(program, id)) != finding.objects.end())
            objects.insert(int32_t(id));
    return [length, statements, objects](const ReplayProbe& p) {
        return p.index + kTailSteps > length || statements.count(p.stmt) || objects.count(p.object);
    };
}

}  // namespace

void attachTraces(const Program& program, const ExploreOptions& options, std::vector<report::Finding>& findings)
{
    ExploreOptions replayOptions;
    replayOptions.maxSteps = options.maxSteps;
    const size_t traced = std::min(findings.size(), kMaxTracedFindings);
    std::vector<const report::Witness*> witnesses;
    std::vector<std::function<bool(const ReplayProbe&)>> describes;
    for (size_t i = 0; i < traced; ++i) {
        witnesses.push_back(&findings[i].witness);
        describes.push_back(shownSteps(program, findings[i]));
    }
    const std::vector<ReplayResult> replayed = replayShared(program, witnesses, replayOptions, describes);
    for (size_t i = 0; i < traced; ++i)
        if (replayed[i].scheduleValid) findings[i].trace = traceOf(replayed[i], findings[i], program);
}

}  // namespace checker::cli
