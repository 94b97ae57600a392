#include "checker/detect/RacesFinder.hpp"

#include "checker/detect/Locations.hpp"

#include <algorithm>

namespace checker {

void RacesFinder::begin(const World& world)
{
    if (!anyRacyStep_) return;
    state_.hb.begin(uint32_t(world.threads.size()));
    state_.detector.begin();
    state_.reported.clear();
    state_.latest = LatestStep{};
}

bool RacesFinder::anyRacyStep(const Program& program)
{
    for (const Body& body : program.bodies)
        for (const Instr& in : body.code) {
            bool plain = (in.op == OpCode::Load || in.op == OpCode::Store) && !in.atomic;
            StepKind call = in.op == OpCode::Call ? callKind(program.calls[size_t(in.a)].api) : StepKind::Other;
            if (plain || call == StepKind::FileCall || call == StepKind::FileClose) return true;
        }
    return false;
}

void RacesFinder::recordRepeats()
{
    LatestStep& latest = state_.latest;
    state_.detector.recordRepeat(latest.thread, latest.repeatEpoch, latest.repeatStmt, latest.kind,
                                 std::span<const Touch>(latest.touches.data(), latest.count));
    latest.repeated = false;
}

void RacesFinder::onStepGeneral(const World& world, uint32_t t, StepKind kind, int32_t stmt, const Footprint& fp,
                                const StepEffects& effects, std::vector<report::Finding>& out)
{
    GlobalSync sync = kind == StepKind::AtomicLoad     ? GlobalSync::AcquireLoad
                      : kind == StepKind::AtomicStore  ? GlobalSync::ReleaseStore
                      : kind == StepKind::AtomicUpdate ? GlobalSync::ReadModifyWrite
                                                       : GlobalSync::None;
    bool unsynchronized = HappensBefore::synchronizesNothing(fp, sync, effects);
    const VectorClock& clock = unsynchronized ? state_.hb.ownClock(t) : state_.hb.acquire(t, fp, sync, effects);
    races_.clear();
    state_.detector.onStep(t, state_.hb.epoch(t), clock, stmt, kind, fp, races_);
    if (unsynchronized) state_.hb.advance(t);
    else state_.hb.publish(t, fp, sync, effects);
    // A step that blocked synchronizes nothing whatever its touches. Only file calls are kept:
    // a loop of them over a thread's own file is what repeats (keeping every step cost the
    // benchmarks over globals more than their repeats saved).
    if (RaceDetector::isFile(kind)) remember(t, kind, fp, unsynchronized && !effects.blocked);
    else state_.latest.repeatable = false;
    if (!races_.empty()) reportNew(world, out);
}

void RacesFinder::remember(uint32_t t, StepKind kind, const Footprint& fp, bool touchesSynchronizeNothing)
{
    LatestStep& latest = state_.latest;
    latest.repeatable = touchesSynchronizeNothing && fp.touches.size() <= LatestStep::kMaxTouches &&
                        RaceDetector::judgesOnlyExclusive(kind, fp);
    if (!latest.repeatable) return;
    latest.kind = kind;
    latest.thread = t;
    latest.count = uint32_t(fp.touches.size());
    std::copy(fp.touches.begin(), fp.touches.end(), latest.touches.begin());
}

void RacesFinder::reportNew(const World& world, std::vector<report::Finding>& out)
{
    for (const RacePair& race : races_) {
        StatementPair pair{race.file, std::min(race.firstStmt, race.secondStmt), std::max(race.firstStmt, race.secondStmt)};
        auto at = std::lower_bound(state_.reported.begin(), state_.reported.end(), pair);
        if (at != state_.reported.end() && *at == pair) continue;
        state_.reported.insert(at, pair);
        out.push_back(describe(world, race));
    }
}

std::string RacesFinder::locationName(const World& world, Location l) const
{
    if (locationClass(l) != LocationClass::Global) return world.fs.describe(l);
    uint32_t slot = locationIndex(l);
    for (const GlobalDecl& g : program_.globals) {
        if (slot < g.firstSlot || slot >= g.firstSlot + g.size) continue;
        return g.isArray ? g.name + "[" + std::to_string(slot - g.firstSlot) + "]" : g.name;
    }
    return "global#" + std::to_string(slot);
}

report::Finding RacesFinder::describe(const World& world, const RacePair& race) const
{
    report::Finding f;
    f.kind = race.file ? report::FindingKind::FileRace : report::FindingKind::DataRace;
    const std::string& first = world.threads[race.firstThread].name;
    const std::string& second = world.threads[race.secondThread].name;
    report::Location a = statementLocation(program_, first, race.firstStmt);
    report::Location b = statementLocation(program_, second, race.secondStmt);
    std::string where = locationName(world, race.location);
    f.threads = {first, second};
    f.objects = {where};
    f.message = std::string(race.file ? "file race on " : "data race on ") + where + ": " + a.text + " (" + first +
                ") and " + b.text + " (" + second + ") are not ordered by any synchronization" +
                (race.file ? ", and one of them changes what the other depends on (file operations do not "
                             "synchronize)"
                           : ", and at least one of them writes without being atomic");
    std::string pa = a.pointer, pb = b.pointer;
    if (pb < pa) std::swap(pa, pb);
    f.fingerprint = std::string(report::findingKindId(f.kind)) + ":" + pa + "|" + pb;
    f.locations = {std::move(a), std::move(b)};
    return f;
}

}  // namespace checker
