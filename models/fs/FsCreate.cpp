// ZwCreateFile / ZwOpenFile and ZwDeleteFile (SEMANTICS.md §7.4, §7.5, §7.8), in FastFAT's check
// order: parameters, path resolution (ancestors, then a delete-pending target), type, FILE_CREATE
// collision (before sharing), implied access, sharing, then the disposition.

#include "models/fs/FileSystem.hpp"

namespace checker::fs {

struct FileSystem::CreatePlan {
    uint32_t status = 0;
    const char* why = nullptr;        // INVALID_PARAMETER: which rule the arguments break
    uint32_t path = kNoPath;          // the parsed target
    int32_t node = -1;                // the existing target
    int32_t parent = -1;              // the target's directory
    enum class Action : uint8_t { None, Open, Truncate, CreateFile, CreateDirectory } action = Action::None;
    bool shareRead = false;           // consulted the target's share state, commuting with other
    bool shareWrite = false;          // ... successful opens, or not
    bool emptiness = false;           // depended on whether the target directory is empty
    uint32_t granted = 0;
    int64_t information = 0;
    std::string_view leaf;            // the new entry's name (into the parse cache)
    bool creates() const { return action == Action::CreateFile || action == Action::CreateDirectory; }
};

struct FileSystem::DeletePlan {
    uint32_t status = 0;
    uint32_t path = kNoPath;
    int32_t node = -1;
    bool shareChecked = false;
    bool removesNow = false;          // no other handle: the file goes at once
    bool emptiness = false;
};

namespace {

// The documented parameter rules of ZwCreateFile (the I/O manager checks them for user-mode
// callers only; the model enforces them for everyone and flags the breach).
const char* invalidParameter(const CreateArgs& args, uint32_t granted)
{
    uint32_t o = args.options;
    if (args.disposition > disposition::OverwriteIf) return "the disposition is not one of FILE_SUPERSEDE..FILE_OVERWRITE_IF";
    if (args.share & ~share::All) return "the share mode has bits other than FILE_SHARE_READ|WRITE|DELETE";
    if ((o & options::DirectoryFile) && (o & options::NonDirectoryFile))
        return "FILE_DIRECTORY_FILE together with FILE_NON_DIRECTORY_FILE";
    if ((o & options::DeleteOnClose) && !(granted & access::Delete)) return "FILE_DELETE_ON_CLOSE without DELETE access";
    if ((o & options::Synchronous) == options::Synchronous)
        return "FILE_SYNCHRONOUS_IO_ALERT together with FILE_SYNCHRONOUS_IO_NONALERT";
    if ((o & options::Synchronous) && !(granted & access::Synchronize))
        return "FILE_SYNCHRONOUS_IO_* without SYNCHRONIZE access";
    bool dirDisposition = args.disposition == disposition::Create || args.disposition == disposition::Open ||
                          args.disposition == disposition::OpenIf;
    if ((o & options::DirectoryFile) && !dirDisposition)
        return "FILE_DIRECTORY_FILE with a disposition other than FILE_CREATE, FILE_OPEN or FILE_OPEN_IF";
    return nullptr;
}

// Access a disposition adds for the checks without recording it (FastFAT's AddedAccess).
uint32_t impliedAccess(uint32_t disp)
{
    if (disp == disposition::Supersede) return access::Delete;
    if (disp == disposition::Overwrite || disp == disposition::OverwriteIf)
        return access::WriteData | access::WriteEa | access::WriteAttributes;
    return 0;
}

bool sameRights(const ShareMode& a, const ShareMode& b)
{
    return a.read == b.read && a.write == b.write && a.del == b.del;
}

}  // namespace

FileSystem::CreatePlan FileSystem::planCreate(uint32_t, const CreateArgs& args) const
{
    CreatePlan p;
    p.granted = mapGenericAccess(args.access);
    if ((p.why = invalidParameter(args, p.granted))) {
        p.status = status::InvalidParameter;
        return p;
    }
    const FsIds::Parsed& parsed = ids_->parse(args.path);
    if ((p.status = parsed.path.status)) return p;
    p.path = parsed.id;
    if (!parsed.path.isRoot()) {
        if ((p.status = ancestorStatus(p.path))) return p;
        p.parent = nodeAt(ids_->parentOf(p.path));
    }
    p.leaf = parsed.leaf();
    p.node = nodeAt(p.path);
    if (p.node >= 0) planExisting(args, parsed.path.trailingBackslash, p);
    else planAbsent(args, parsed.path.trailingBackslash, p);
    return p;
}

void FileSystem::planExisting(const CreateArgs& args, bool trailing, CreatePlan& p) const
{
    const FsNode& n = nodes_[size_t(p.node)];
    uint32_t disp = args.disposition;
    if (n.deletePending) {
        p.status = status::DeletePending;
        return;
    }
    if (n.directory) {
        if (args.options & options::NonDirectoryFile) p.status = status::FileIsADirectory;
        else if (disp != disposition::Open && disp != disposition::OpenIf) p.status = status::ObjectNameCollision;
    } else if (trailing) {
        p.status = status::ObjectNameInvalid;
    } else if (args.options & options::DirectoryFile) {
        p.status = status::NotADirectory;
    } else if (disp == disposition::Create) {
        p.status = status::ObjectNameCollision;
    }
    if (p.status) return;
    if (n.directory && (args.options & options::DeleteOnClose)) {
        p.emptiness = true;
        if (n.parent < 0) p.status = status::CannotDelete;
        else if (n.children > 0) p.status = status::DirectoryNotEmpty;
        if (p.status) return;
    }
    ShareMode recorded = ShareMode::of(p.granted, args.share);
    ShareMode checked = ShareMode::of(p.granted | impliedAccess(disp), args.share);
    p.shareRead = true;
    p.shareWrite = !sameRights(recorded, checked);
    if (n.share.violates(checked)) {
        p.shareWrite = true;
        p.status = status::SharingViolation;
        return;
    }
    switch (disp) {
    case disposition::Supersede: p.action = CreatePlan::Action::Truncate; p.information = information::Superseded; break;
    case disposition::Overwrite:
    case disposition::OverwriteIf: p.action = CreatePlan::Action::Truncate; p.information = information::Overwritten; break;
    default: p.action = CreatePlan::Action::Open; p.information = information::Opened; break;
    }
}

void FileSystem::planAbsent(const CreateArgs& args, bool trailing, CreatePlan& p) const
{
    if (args.disposition == disposition::Open || args.disposition == disposition::Overwrite) {
        p.status = status::ObjectNameNotFound;
        return;
    }
    bool directory = args.options & options::DirectoryFile;
    if (trailing && !directory) {
        p.status = status::ObjectNameInvalid;
        return;
    }
    p.action = directory ? CreatePlan::Action::CreateDirectory : CreatePlan::Action::CreateFile;
    p.information = information::Created;
}

CallResult FileSystem::create(uint32_t thread, int32_t stmt, const CreateArgs& args)
{
    forgetCheckedWrite();
    CreatePlan p = planCreate(thread, args);
    CallResult r;
    r.status = p.status;
    if (p.why) {
        r.rule = "INVALID_PARAMETER";
        r.message = p.why;
    }
    if (p.status) return r;
    int32_t node = p.node;
    if (p.creates())
        node = newNode(p.path, p.parent, p.action == CreatePlan::Action::CreateDirectory, p.leaf, int32_t(thread));
    else if (p.action == CreatePlan::Action::Truncate) {
        dataBytes_ -= int64_t(nodes_[size_t(node)].data.size());
        nodes_[size_t(node)].data.clear();
    }
    if (objects_.size() <= objectCount_) objects_.emplace_back();
    int32_t index = int32_t(objectCount_++);
    FileObject& o = objects_[size_t(index)];
    ThreadFiles& tf = threadFiles(thread);
    uint32_t seq = uint32_t(tf.handles.size());
    o = FileObject{};
    o.node = node;
    o.access = p.granted;
    o.options = args.options;
    o.mode = ShareMode::of(p.granted, args.share);
    o.open = true;
    o.deleteOnClose = args.options & options::DeleteOnClose;
    o.opener = thread;
    o.openStmt = stmt;
    o.location = ids_->fileObjectId(thread, seq);
    tf.handles.push_back(index);
    tf.openHandles++;
    FsNode& n = nodes_[size_t(node)];
    n.handles++;
    n.share.add(o.mode);
    r.handle = handleValue(thread, seq);
    r.hasInformation = true;
    r.information = p.information;
    return r;
}

void FileSystem::createFootprint(uint32_t thread, const CreateArgs& args, Footprint& out) const
{
    CreatePlan p = planCreate(thread, args);
    if (p.path == kNoPath) return;
    addAncestorReads(p.path, out);
    out.add(makeLocation(LocationClass::Path, p.path), p.creates() ? Access::Write : Access::Read);
    if (p.node >= 0) {
        uint32_t file = nodes_[size_t(p.node)].location;
        if (p.shareWrite) out.add(shareLocation(file, 0), Access::Write);
        else if (p.shareRead) addAdmittedOpen(file, ShareMode::of(p.granted, args.share), out);
        if (p.action == CreatePlan::Action::Truncate || p.emptiness)
            out.add(makeLocation(LocationClass::File, file), Access::Write);
    }
    uint32_t created = thread < threads_.size() ? threads_[thread].filesCreated : 0;
    uint32_t opened = thread < threads_.size() ? uint32_t(threads_[thread].handles.size()) : 0;
    if (p.creates()) {
        uint32_t file = ids_->fileId(int32_t(thread), created);
        out.add(makeLocation(LocationClass::File, nodes_[size_t(p.parent)].location), Access::Read);
        out.add(makeLocation(LocationClass::File, file), Access::Write);
        out.add(shareLocation(file, 0), Access::Write);
    }
    if (p.status == 0) out.add(makeLocation(LocationClass::FileObject, ids_->fileObjectId(thread, opened)), Access::Write);
}

// ZwDeleteFile = open with DELETE, share READ|WRITE|DELETE, FILE_OPEN, FILE_DELETE_ON_CLOSE, then
// close at once (NtDeleteFile).
FileSystem::DeletePlan FileSystem::planDelete(std::string_view path) const
{
    DeletePlan p;
    const FsIds::Parsed& parsed = ids_->parse(path);
    if ((p.status = parsed.path.status)) return p;
    p.path = parsed.id;
    if (!parsed.path.isRoot() && (p.status = ancestorStatus(p.path))) return p;
    p.node = nodeAt(p.path);
    if (p.node < 0) {
        p.status = status::ObjectNameNotFound;
        return p;
    }
    const FsNode& n = nodes_[size_t(p.node)];
    if (n.deletePending) p.status = status::DeletePending;
    else if (parsed.path.trailingBackslash && !n.directory) p.status = status::ObjectNameInvalid;
    else if (n.parent < 0) p.status = status::CannotDelete;
    if (p.status) return p;
    if (n.directory) {
        p.emptiness = true;
        if (n.children > 0) {
            p.status = status::DirectoryNotEmpty;
            return p;
        }
    }
    p.shareChecked = true;
    if (n.share.violates(ShareMode::of(access::Delete, share::All))) {
        p.status = status::SharingViolation;
        return p;
    }
    p.removesNow = n.handles == 0;
    return p;
}

CallResult FileSystem::deleteFile(std::string_view path)
{
    forgetCheckedWrite();
    DeletePlan p = planDelete(path);
    CallResult r;
    r.status = p.status;
    if (p.status) return r;
    if (p.removesNow) removeNode(p.node);
    else nodes_[size_t(p.node)].deletePending = true;
    return r;
}

void FileSystem::deleteFileFootprint(std::string_view path, Footprint& out) const
{
    DeletePlan p = planDelete(path);
    if (p.path == kNoPath) return;
    addAncestorReads(p.path, out);
    out.add(makeLocation(LocationClass::Path, p.path), p.status == 0 ? Access::Write : Access::Read);
    if (p.node < 0) return;
    const FsNode& n = nodes_[size_t(p.node)];
    if (p.shareChecked) out.add(shareLocation(n.location, 0), Access::Write);
    if (p.emptiness || p.removesNow) out.add(makeLocation(LocationClass::File, n.location), Access::Write);
    if (p.removesNow) out.add(makeLocation(LocationClass::File, nodes_[size_t(n.parent)].location), Access::Read);
}

}  // namespace checker::fs
