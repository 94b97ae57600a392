// The Zw* file calls as models (SCENARIO_FORMAT.md "File-system calls"): each one hands its
// evaluated arguments to the FileSystem, writes the result locals (statuses sign-extended:
// ntStatus) and raises the api_misuse issues the call's result carries; none of them stops the
// execution. A file call never blocks (the hang of a Zw call made with special kernel APCs
// disabled is the interpreter's: it applies to every Zw call).

#include "checker/program/Constants.hpp"
#include "models/ModelRegistry.hpp"
#include "models/fs/FsHooks.hpp"

#include <cstdio>
#include <map>

namespace checker {

namespace {

using fs::CallResult;

std::string hex(int64_t v)
{
    char text[24];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(v));
    return text;
}

std::optional<int64_t> offsetOf(const PreparedOp& op)
{
    if (op.call->offset.empty()) return std::nullopt;
    return op.offset;
}

fs::CreateArgs createArgs(const PreparedOp& op)
{
    fs::CreateArgs a;
    a.path = op.path;
    a.access = uint32_t(op.access);
    a.share = uint32_t(op.share);
    a.disposition = op.api == Api::ZwOpenFile ? fs::disposition::Open : uint32_t(op.disposition);
    a.options = uint32_t(op.options);
    return a;
}

std::string resultText(const PreparedOp& op, const CallResult& r)
{
    std::string text = std::string("status = ") + fs::statusName(r.status);
    if (r.status != fs::status::Success) return text;
    if (r.handle) text += ", handle = " + hex(r.handle);
    if (r.hasInformation) text += ", information = " + std::to_string(r.information);
    if (op.api == Api::ZwQueryInformationFile) text += ", EndOfFile = " + std::to_string(r.size);
    return text;
}

// One class per call (its switches fold to the call's own case: the table already chose it).
template <Api kApi>
class FileCall : public CallModel {
public:
    FileCall() : CallModel(true) {}   // a file call never blocks

    void footprint(const World& world, ThreadId t, const PreparedOp& op, Footprint& out) const override
    {
        const fs::FileSystem& fs = world.fs;
        switch (kApi) {
        case Api::ZwCreateFile:
        case Api::ZwOpenFile: fs.createFootprint(t, createArgs(op), out); break;
        case Api::ZwWriteFile: fs.writeFootprint(op.handle, out); break;
        case Api::ZwReadFile: fs.readFootprint(op.handle, out); break;
        case Api::ZwQueryInformationFile: fs.queryFootprint(op.handle, out); break;
        case Api::ZwClose: fs.closeFootprint(op.handle, out); break;
        case Api::ZwDeleteFile: fs.deleteFileFootprint(op.path, out); break;
        case Api::ZwSetInformationFile:
            if (op.call->infoClass == CallInstr::InfoClass::Rename)
                fs.renameFootprint(op.handle, {op.renameTarget, op.call->replaceIfExists}, out);
            else
                fs.dispositionFootprint(op.handle, op.call->deleteFile, out);
            break;
        default: break;
        }
    }

    void execute(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const override
    {
        if constexpr (kApi == Api::ZwWriteFile) {
            if (world.fs.writeChecked(op.handle, op.data, offsetOf(op))) [[likely]] {
                wrote(world, t, op, effects);
                return;
            }
        }
        executeFully(world, t, op, effects);
    }

private:
    // execute() the full way: the call's results built, and read (out of line: a write that
    // takes the short way needs none of its frame).
    [[gnu::noinline]] void executeFully(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const
    {
        CallResult r = run(world.fs, t, op);
        const CallInstr& call = *op.call;
        setLocal(world, t, call.outStatus, ntStatus(r.status));
        if (r.hasInformation) setLocal(world, t, call.outInformation, r.information);
        if (r.status == fs::status::Success) {
            if (r.handle) setLocal(world, t, call.outHandle, r.handle);
            if (kApi == Api::ZwQueryInformationFile) setLocal(world, t, call.outResult, r.size);
        }
        if (r.rule) raise(world, t, op, r, effects);
        if (effects.wantText) effects.result = resultText(op, r);
    }

    // The rest of execute() for a write that writeChecked() did: the results write() would have
    // given (success, all of the data written), without building them.
    void wrote(World& world, ThreadId t, const PreparedOp& op, StepEffects& effects) const
    {
        const int64_t written = int64_t(op.data.size());
        setLocal(world, t, op.call->outStatus, ntStatus(fs::status::Success));
        setLocal(world, t, op.call->outInformation, written);
        if (effects.wantText) [[unlikely]] describeWrite(op, written, effects);
    }
    // wrote()'s rendering, for replay (out of line, like executeFully).
    [[gnu::noinline]] static void describeWrite(const PreparedOp& op, int64_t written, StepEffects& effects)
    {
        CallResult r;
        r.hasInformation = true;
        r.information = written;
        effects.result = resultText(op, r);
    }

    CallResult run(fs::FileSystem& fs, ThreadId t, const PreparedOp& op) const
    {
        switch (kApi) {
        case Api::ZwCreateFile:
        case Api::ZwOpenFile: return fs.create(t, op.stmt, createArgs(op));
        case Api::ZwWriteFile: return fs.write(op.handle, op.data, offsetOf(op));
        case Api::ZwReadFile: return fs.read(op.handle, op.length, offsetOf(op));
        case Api::ZwQueryInformationFile: return fs.query(op.handle);
        case Api::ZwClose: return fs.close(op.handle, t);
        case Api::ZwDeleteFile: return fs.deleteFile(op.path);
        case Api::ZwSetInformationFile:
            if (op.call->infoClass == CallInstr::InfoClass::Rename)
                return fs.rename(op.handle, {op.renameTarget, op.call->replaceIfExists});
            return fs.setDisposition(op.handle, op.call->deleteFile);
        default: return {};
        }
    }

    void raise(const World& world, ThreadId t, const PreparedOp& op, const CallResult& r, StepEffects& effects) const
    {
        ModelIssue issue;
        issue.thread = int32_t(t);
        issue.stmt = op.stmt;
        issue.rule = r.rule;
        std::string subject = op.api == Api::ZwCreateFile || op.api == Api::ZwOpenFile || op.api == Api::ZwDeleteFile
                                  ? "\"" + op.path + "\""
                                  : "handle " + hex(op.handle);
        issue.message = world.threads[t].name + ": " + std::string(apiSpec(kApi).name) + " on " + subject + " returns " +
                        fs::statusName(r.status) + ": " + r.message;
        effects.issues.push_back(std::move(issue));
    }
};

template <Api api>
void addFileCall(ModelTable& table)
{
    static const FileCall<api> call;
    table[size_t(api)] = &call;
}

// HANDLE_LEAK, one per statement that opened handles of `open` (out of line: most ends leave
// none open, and then cost a look at the thread's count).
[[gnu::noinline]] void reportHandleLeaks(const World& world, ThreadId t, const std::vector<const fs::FileObject*>& open,
                                         StepEffects& effects)
{
    std::map<int32_t, std::vector<const fs::FileObject*>> byStatement;
    for (const fs::FileObject* o : open) byStatement[o->openStmt].push_back(o);
    for (const auto& [stmt, objects] : byStatement) {
        ModelIssue issue;
        issue.thread = int32_t(t);
        issue.stmt = stmt;
        issue.rule = "HANDLE_LEAK";
        std::string path = world.fs.displayPath(world.fs.node(uint32_t(objects.front()->node)));
        issue.message = world.threads[t].name + " ends with " + std::to_string(objects.size()) +
                        (objects.size() == 1 ? " handle" : " handles") + " it opened still open (e.g. " + path +
                        "); kernel handles outlive the thread and keep their share access until closed";
        effects.issues.push_back(std::move(issue));
    }
}

}  // namespace

void resetFileSystem(World& world)
{
    world.fs.reset(world.program->directories, world.program->files);
}

void fileSystemExitFootprint(const World& world, ThreadId t, Footprint& out)
{
    world.fs.exitFootprint(t, out);
}

void fileSystemThreadExit(const World& world, ThreadId t, StepEffects& effects)
{
    if (!world.fs.holdsOpenHandles(t)) return;   // the common end
    std::vector<const fs::FileObject*> open = world.fs.openedAndStillOpen(t);
    if (!open.empty()) reportHandleLeaks(world, t, open, effects);
}

void registerFileSystem(ModelTable& table)
{
    addFileCall<Api::ZwCreateFile>(table);
    addFileCall<Api::ZwOpenFile>(table);
    addFileCall<Api::ZwWriteFile>(table);
    addFileCall<Api::ZwReadFile>(table);
    addFileCall<Api::ZwSetInformationFile>(table);
    addFileCall<Api::ZwQueryInformationFile>(table);
    addFileCall<Api::ZwClose>(table);
    addFileCall<Api::ZwDeleteFile>(table);
}

}  // namespace checker
