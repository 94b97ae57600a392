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

}  // namespace checker
