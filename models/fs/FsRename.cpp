// FileRenameInformation (SEMANTICS.md §7.7; FastFAT FatSetRenameInfo, ReactOS
// IopOpenLinkOrRenameTarget). Checks in order: the handle, DELETE access, not the volume root, a
// directory with an open handle beneath it, the target name, the target's parent (it must exist,
// and the I/O manager's open of it obeys share access), rename onto itself, then an existing
// target: collision without ReplaceIfExists or when it is a directory, ACCESS_DENIED while it has
// any open handle, else it is deleted and the source takes its name.

#include "models/fs/FileSystem.hpp"

namespace checker::fs {

struct FileSystem::RenamePlan {
    uint32_t status = 0;
    const char* rule = nullptr;
    const char* why = nullptr;
    HandleRef ref;
    int32_t node = -1;
    uint32_t target = kNoPath;
    int32_t targetParent = -1;
    int32_t targetNode = -1;
    enum class Action : uint8_t { None, NoOp, CaseOnly, Move, Replace } action = Action::None;
    bool parentShareChecked = false;
    bool parentShareViolation = false;
    std::string_view leaf;                 // into the parse cache
    bool renames() const { return action == Action::CaseOnly || action == Action::Move || action == Action::Replace; }
};

FileSystem::RenamePlan FileSystem::planRename(int64_t handle, const RenameArgs& args) const
{
    RenamePlan p;
    p.ref = resolve(handle);
    if (p.ref.object < 0) {
        p.status = status::InvalidHandle;
        p.rule = "INVALID_HANDLE";
        p.why = p.ref.issued ? "the handle is closed" : "the value was never returned as a handle";
        return p;
    }
    const FileObject& o = objects_[size_t(p.ref.object)];
    p.node = o.node;
    const FsNode& n = nodes_[size_t(p.node)];
    if (!(o.access & access::Delete)) {
        p.status = status::AccessDenied;
        p.rule = "ACCESS_NOT_GRANTED";
        p.why = "FileRenameInformation needs DELETE access on the handle";
    } else if (n.parent < 0) {
        p.status = status::InvalidParameter;
        p.rule = "INVALID_PARAMETER";
        p.why = "the volume root cannot be renamed";
    } else if (n.directory && hasOpenHandleBelow(p.node)) {
        p.status = status::AccessDenied;
    }
    if (p.status) return p;
    planRenameTarget(args, p);
    return p;
}

void FileSystem::planRenameTarget(const RenameArgs& args, RenamePlan& p) const
{
    const FsNode& n = nodes_[size_t(p.node)];
    std::string simple;  // a bare name renames within the source's directory
    std::string_view target = args.target;
    if (!target.empty() && target.find('\\') == std::string_view::npos && target.find(':') == std::string_view::npos) {
        simple = displayPath(nodes_[size_t(n.parent)]);
        if (simple.size() > 3) simple += '\\';
        simple += target;
        target = simple;
    }
    const FsIds::Parsed& parsed = ids_->parse(target);
    if ((p.status = parsed.path.status)) return;
    if (parsed.path.trailingBackslash) p.status = status::ObjectNameInvalid;
    p.target = parsed.id;
    p.leaf = parsed.leaf();
    if (p.status || (p.status = parsed.path.isRoot() ? status::ObjectNameCollision : ancestorStatus(p.target))) return;
    p.targetParent = nodeAt(ids_->parentOf(p.target));
    for (int32_t a = p.targetParent; a >= 0; a = nodes_[size_t(a)].parent) {
        if (a != p.node) continue;
        p.status = status::InvalidParameter;
        p.rule = "INVALID_PARAMETER";
        p.why = "a directory cannot be moved below itself";
        return;
    }
    p.parentShareChecked = true;
    ShareMode parentOpen = ShareMode::of(n.directory ? access::AppendData : access::WriteData, share::Read | share::Write);
    if ((p.parentShareViolation = nodes_[size_t(p.targetParent)].share.violates(parentOpen))) {
        p.status = status::SharingViolation;
        return;
    }
    if (p.target == n.path) {
        p.action = p.leaf == std::string_view(n.leaf) ? RenamePlan::Action::NoOp : RenamePlan::Action::CaseOnly;
        return;
    }
    p.targetNode = nodeAt(p.target);
    if (p.targetNode < 0) {
        p.action = RenamePlan::Action::Move;
        return;
    }
    const FsNode& t = nodes_[size_t(p.targetNode)];
    if (!args.replaceIfExists || t.directory) p.status = status::ObjectNameCollision;
    else if (t.handles > 0) p.status = status::AccessDenied;
    else p.action = RenamePlan::Action::Replace;
}

CallResult FileSystem::rename(int64_t handle, const RenameArgs& args)
{
    forgetCheckedWrite();
    RenamePlan p = planRename(handle, args);
    CallResult r;
    r.status = p.status;
    r.rule = p.rule;
    if (p.why) r.message = p.why;
    if (p.status) return r;
    switch (p.action) {
    case RenamePlan::Action::CaseOnly: nodes_[size_t(p.node)].leaf.assign(p.leaf); break;
    case RenamePlan::Action::Replace:
        removeNode(p.targetNode);
        moveNode(p.node, p.target, p.targetParent, p.leaf);
        break;
    case RenamePlan::Action::Move: moveNode(p.node, p.target, p.targetParent, p.leaf); break;
    default: break;
    }
    return r;
}

void FileSystem::renameFootprint(int64_t handle, const RenameArgs& args, Footprint& out) const
{
    RenamePlan p = planRename(handle, args);
    if (!p.ref.decoded) return;
    out.add(makeLocation(LocationClass::FileObject, p.ref.location), Access::Read);
    if (p.node < 0 || !(objects_[size_t(p.ref.object)].access & access::Delete)) return;
    const FsNode& n = nodes_[size_t(p.node)];
    addAncestorReads(n.path, out);
    out.add(makeLocation(LocationClass::Path, n.path), p.renames() ? Access::Write : Access::Read);
    if (n.directory) addDescendantShareReads(p.node, out);
    if (p.target == kNoPath) return;
    addAncestorReads(p.target, out);
    if (p.target != n.path) out.add(makeLocation(LocationClass::Path, p.target), p.renames() ? Access::Write : Access::Read);
    if (p.parentShareChecked) {
        uint32_t dir = nodes_[size_t(p.targetParent)].location;
        if (p.parentShareViolation) out.add(shareLocation(dir, 0), Access::Write);
        else addAdmittedOpen(dir, ShareMode::of(n.directory ? access::AppendData : access::WriteData, share::Read | share::Write), out);
    }
    if (p.targetNode >= 0) {
        uint32_t t = nodes_[size_t(p.targetNode)].location;
        out.add(shareLocation(t, 0), Access::Write);  // its open-handle count decides
        if (p.action == RenamePlan::Action::Replace) out.add(makeLocation(LocationClass::File, t), Access::Write);
    }
    if (p.action == RenamePlan::Action::Move || p.action == RenamePlan::Action::Replace) {
        out.add(makeLocation(LocationClass::File, nodes_[size_t(n.parent)].location), Access::Read);
        out.add(makeLocation(LocationClass::File, nodes_[size_t(p.targetParent)].location), Access::Read);
    }
}

}  // namespace checker::fs
