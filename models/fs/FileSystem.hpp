#pragma once
// The simulated NT file system of one execution (SEMANTICS.md Part B §7): one volume C:, its
// namespace of files and directories, file objects with their own access, share mode and position,
// the handles that name them, and the footprint of every call. Part of World, so copyable (a copy
// is a checkpoint); the ids of footprint locations live in FsIds, shared by the copies.
//
// Every call is split into a const *plan* (what the call would do in the current state) and its
// application, so that a call's footprint and its effect are computed by the same code.
//
// Footprint locations and why they are enough (a step's footprint is computed in the state it
// runs in; two steps commute when their footprints do not conflict):
//  - Path(p) Read by every name lookup (the target and each ancestor: existence, type,
//    delete-pending); Write by what changes the name: create, removal, rename, delete-pending set
//    or cleared.
//  - File(f) for a file: its data. Write by writes and truncation, Read by reads and size queries.
//    For a directory: its entry list. Adding or removing a child Reads it (children commute with
//    each other); checks for emptiness Write it (they must not commute with a child's arrival).
//  - ShareState(f): the share counters, the open-handle count and the delete-pending flag, split
//    per right (ShareAccess.hpp). An open that succeeds Reads it: two opens that both succeed
//    passed the (symmetric) check against each other, so they commute. A close Writes only the
//    "uses / denies" parts of its own mode, so it conflicts with the admitted opens its handle
//    could have refused and commutes with the others. An open refused with a sharing violation,
//    an open whose implied access (overwrite, supersede) is not recorded, a delete, a
//    disposition, a rename onto the file: Write the whole. Setting or clearing delete-pending
//    also Writes the file's Path (lookups of it and of every name below it see the flag), so a
//    close only touches the Path when it removes the file.
//  - FileObject(o): position and open/closed state. Write by I/O through it and its close; Read by
//    calls that only need it to be open (rename, disposition, query).
// So a write to a file's data commutes with another thread's open or rename of it, and operations
// on different paths commute.

#include "checker/exec/Footprint.hpp"
#include "models/fs/FileData.hpp"
#include "models/fs/FsIds.hpp"
#include "models/fs/ShareAccess.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace checker {
struct InitialFile;
}

namespace checker::fs {

// A file or directory (an FCB). Nodes are never reused within an execution.
struct FsNode {
    uint32_t path = kNoPath;    // current path id; kNoPath once removed
    uint32_t location = 0;      // File / ShareState location index
    int32_t parent = -1;        // its directory's node; -1 for the root
    bool directory = false;
    bool deletePending = false;
    uint32_t children = 0;      // live entries directly inside (directories)
    uint32_t handles = 0;       // open file objects (the FCB's UncleanCount)
    ShareCounts share;
    std::string leaf;           // its name, case preserved ("" for the root)
    FileData data;              // a file's bytes (shared with the copies of this state)
    bool alive() const { return path != kNoPath; }
};

// What a handle names. Every successful create/open makes a new one.
struct FileObject {
    int32_t node = -1;
    uint32_t access = 0;        // granted rights, generic-mapped
    uint32_t options = 0;       // CreateOptions
    ShareMode mode;             // what it counts in the file's share state
    int64_t position = 0;       // CurrentByteOffset (synchronous file objects)
    bool open = false;
    bool deleteOnClose = false; // FILE_DELETE_ON_CLOSE: delete-pending when *this* handle closes
    bool closedByOther = false; // closed by a thread other than its opener
    uint32_t opener = 0;        // thread that opened it (HANDLE_LEAK)
    int32_t openStmt = -1;      // statement that opened it
    uint32_t location = 0;      // FileObject location index
    bool synchronous() const { return options & options::Synchronous; }
};

struct CreateArgs {
    std::string_view path;
    uint32_t access = 0, share = 0, disposition = 0, options = 0;
};

struct RenameArgs {
    std::string_view target;
    bool replaceIfExists = false;
};

// What a call did. `rule` names the api_misuse rule the call broke (INVALID_HANDLE,
// ACCESS_NOT_GRANTED, INVALID_PARAMETER), with `message` saying why.
struct CallResult {
    uint32_t status = 0;
    bool hasInformation = false;
    int64_t information = 0;
    int64_t handle = 0;         // ZwCreateFile / ZwOpenFile: the new handle
    int64_t size = 0;           // ZwQueryInformationFile: EndOfFile
    const char* rule = nullptr;
    std::string message;
};

class FileSystem {
public:
    FileSystem();
    FileSystem(const FileSystem&) = default;
    FileSystem(FileSystem&&) = default;
    FileSystem& operator=(FileSystem&&) = default;
    // A copy into an existing file system (restoring a checkpoint, starting an execution from the
    // initial state) keeps the capacity of its node and file-object storage, so that the next
    // execution's creates and appends reuse it instead of allocating.
    FileSystem& operator=(const FileSystem& other);

    // The initial state: the volume root, then `directories` and `files` (paths in any accepted
    // form). Assumes initialStateError() found nothing.
    void reset(const std::vector<std::string>& directories, const std::vector<InitialFile>& files);
    // Why the initial state cannot be built (a bad path, a missing parent, a duplicate), with the
    // index of the offending entry (directories first, then files); "" when it can.
    static std::string initialStateError(const std::vector<std::string>& directories,
                                         const std::vector<InitialFile>& files, bool& inFiles,
                                         size_t& index);

    // The calls (thread = the calling thread's index; stmt = the call's statement).
    CallResult create(uint32_t thread, int32_t stmt, const CreateArgs& args);
    CallResult write(int64_t handle, std::string_view data, std::optional<int64_t> offset);
    // A write through the handle the previous write checked (checkedWrite_) that succeeds: done,
    // and true (it wrote all of `data`, as write() would say); false, with nothing changed, for
    // any other write, which write() then runs and explains. Inline, without a CallResult:
    // nearly every step of a thread writing in a loop is one.
    bool writeChecked(int64_t handle, std::string_view data, std::optional<int64_t> offset)
    {
        if (!checkedWrite_.covers(handle)) return false;
        FileObject& o = objects_[size_t(checkedWrite_.object)];
        const char* why = nullptr;
        const int64_t start = startOffset(o, offset, true, why);
        return start >= 0 && writeAt(o, start, data);
    }
    CallResult read(int64_t handle, int64_t length, std::optional<int64_t> offset);
    CallResult query(int64_t handle);
    CallResult close(int64_t handle, uint32_t thread);
    CallResult rename(int64_t handle, const RenameArgs& args);
    CallResult setDisposition(int64_t handle, bool deleteFile);
    CallResult deleteFile(std::string_view path);

    // Their footprints in the current state (see the header comment).
    void createFootprint(uint32_t thread, const CreateArgs& args, Footprint& out) const;
    // Inline: a write's footprint is asked at nearly every step, mostly through the handle the
    // previous write checked (checkedWrite_: its touches are kept).
    void writeFootprint(int64_t handle, Footprint& out) const
    {
        if (checkedWrite_.covers(handle)) [[likely]] {
            out.add(checkedWrite_.objectLocation, Access::Write);
            out.add(checkedWrite_.fileLocation, Access::Write);
            return;
        }
        uncheckedWriteFootprint(handle, out);
    }
    void readFootprint(int64_t handle, Footprint& out) const;
    void queryFootprint(int64_t handle, Footprint& out) const;
    void closeFootprint(int64_t handle, Footprint& out) const;
    void renameFootprint(int64_t handle, const RenameArgs& args, Footprint& out) const;
    void dispositionFootprint(int64_t handle, bool deleteFile, Footprint& out) const;
    void deleteFileFootprint(std::string_view path, Footprint& out) const;

    // Thread exit: the file objects `thread` opened that are still open (HANDLE_LEAK), and the
    // footprint that makes the exit depend on every close of a handle it opened by another thread
    // (it Reads the handles still open and those another thread closed; one it closed itself can
    // change no more).
    std::vector<const FileObject*> openedAndStillOpen(uint32_t thread) const;
    void exitFootprint(uint32_t thread, Footprint& out) const;
    // Whether `thread` has a handle it opened still open: without one, openedAndStillOpen is
    // empty (inline: every thread's end asks, in programs without files too).
    bool holdsOpenHandles(uint32_t thread) const
    {
        return thread < threads_.size() && threads_[thread].openHandles != 0;
    }

    // Lookups for final-state checks and reports. `find` parses `rawPath`; nullptr if absent.
    const FsNode* find(std::string_view rawPath) const { return findId(pathIdOf(rawPath)); }
    // The same in two halves, for a caller that looks up the same names in many states: the path
    // id of `rawPath` (kNoPath when it does not parse), then the node at that id (nullptr if
    // absent; kNoPath is never present). An id holds in this file system and in every copy of
    // it: those with the same idSpace().
    uint32_t pathIdOf(std::string_view rawPath) const;
    const FsNode* findId(uint32_t path) const
    {
        int32_t n = nodeAt(path);
        return n < 0 ? nullptr : &nodes_[size_t(n)];
    }
    const void* idSpace() const { return ids_.get(); }
    const FsIds& ids() const { return *ids_; }
    // Names locations with `ids` from now on, which must extend the table this state was built
    // with (a parallel worker starts from a copy of the table of the exploration it works for).
    void adoptIds(std::shared_ptr<FsIds> ids) { ids_ = std::move(ids); }
    // Extends the table this state shares with its copies to `bigger` (which extends it).
    void extendIds(const FsIds& bigger) { ids_->extendTo(bigger); }
    uint32_t nodeCount() const { return nodeCount_; }
    const FsNode& node(uint32_t i) const { return nodes_[i]; }
    // "C:\Temp\file_1.txt" (case preserved); "C:\" for the root.
    std::string displayPath(const FsNode& node) const;
    // About how many bytes a copy of this file system moves (checkpoint spacing).
    size_t stateBytes() const
    {
        return nodeCount_ * sizeof(FsNode) + size_t(dataBytes_) + objectCount_ * sizeof(FileObject) +
               nodeAt_.size() * sizeof(int32_t);
    }
    // The canonical (case-folded) path of a live node: "C:\TEMP\FILE_1.TXT".
    const std::string& pathKey(const FsNode& node) const;
    // A name for a footprint location of the file system, for race reports.
    std::string describe(Location location) const;
    // The handle value of the seq-th handle opened by `thread` (as the call returns it).
    static int64_t handleValue(uint32_t thread, uint32_t seq);

private:
    struct ThreadFiles {
        std::vector<int32_t> handles;  // seq -> file object
        uint32_t filesCreated = 0;
        uint32_t openHandles = 0;
    };
    struct HandleRef {
        bool decoded = false;   // the value is a handle this model could have issued
        bool issued = false;    // ... and an open gave it out (it may be closed since)
        uint32_t location = 0;  // its FileObject location (when decoded)
        int32_t object = -1;    // the open file object (when valid)
    };
    // The handle of the latest write whose handle checks passed, what it names, and the
    // locations its footprint touches. Only a call that is not a read, write or query can change
    // what a handle names, whether it is open, or its file object's rights: each of them forgets
    // it (forgetCheckedWrite), so until then a write through that handle passes the checks again
    // with the same footprint, and a loop writing through one handle resolves it once. Part of
    // the state: a copy has the one that holds for it.
    struct CheckedWrite {
        int64_t handle = 0;
        bool valid = false;   // (any value may be given as a handle, 0 too)
        int32_t object = -1;
        Location objectLocation = 0, fileLocation = 0;
        bool covers(int64_t h) const { return h == handle && valid; }
    };
    // Resolves and checks `handle` for a write: true and kept in checkedWrite_ when the checks
    // pass, else false with `r` saying why (out of line: a loop's first write).
    bool checkWrite(int64_t handle, CallResult& r);
    void forgetCheckedWrite() { checkedWrite_ = CheckedWrite{}; }
    // writeFootprint() through another handle (out of line: the checked one's needs no frame).
    void uncheckedWriteFootprint(int64_t handle, Footprint& out) const;

    struct CreatePlan;
    struct RenamePlan;
    struct ClosePlan;
    struct DeletePlan;

    // What `handle` names; inline: every call on a handle resolves it twice (footprint, execution).
    HandleRef resolve(int64_t handle) const
    {
        HandleRef ref;
        uint64_t low = uint64_t(handle) & 0xFFFFFFFFu;
        uint64_t row = uint64_t(handle >> 32) - 1;  // the thread; wraps for handle < 2^32, negatives included
        if (row >= 0xFFFF || (low & 3) != 0 || low == 0) return ref;
        uint32_t thread = uint32_t(row);
        uint32_t seq = uint32_t(low >> 2) - 1;
        ref.decoded = true;
        if (thread < threads_.size() && seq < threads_[thread].handles.size()) {
            const FileObject& o = objects_[size_t(threads_[thread].handles[seq])];
            ref.location = o.location;
            ref.issued = true;
            if (o.open) ref.object = threads_[thread].handles[seq];
            return ref;
        }
        ref.location = ids_->fileObjectId(thread, seq);  // a handle not issued (yet)
        return ref;
    }
    int32_t nodeAt(uint32_t path) const
    {
        return path < nodeAt_.size() ? nodeAt_[path] : -1;
    }
    uint32_t ancestorStatus(uint32_t path) const;
    void addAncestorReads(uint32_t path, Footprint& out) const;
    int32_t newNode(uint32_t path, int32_t parent, bool directory, std::string_view leaf, int32_t creator);
    void removeNode(int32_t node);
    void moveNode(int32_t node, uint32_t newPath, int32_t newParent, std::string_view leaf);
    ThreadFiles& threadFiles(uint32_t thread);
    bool hasOpenHandleBelow(int32_t dir) const;
    void addDescendantShareReads(int32_t dir, Footprint& out) const;

    CreatePlan planCreate(uint32_t thread, const CreateArgs& args) const;
    void planExisting(const CreateArgs& args, bool trailing, CreatePlan& plan) const;
    void planAbsent(const CreateArgs& args, bool trailing, CreatePlan& plan) const;
    RenamePlan planRename(int64_t handle, const RenameArgs& args) const;
    void planRenameTarget(const RenameArgs& args, RenamePlan& plan) const;
    ClosePlan planClose(int64_t handle) const;
    DeletePlan planDelete(std::string_view path) const;
    // The checks every I/O call makes on its handle: open, not a directory, granted `needed`.
    uint32_t ioStatus(const HandleRef& ref, uint32_t needed) const
    {
        if (ref.object < 0) return status::InvalidHandle;
        const FileObject& o = objects_[size_t(ref.object)];
        if (nodes_[size_t(o.node)].directory) return status::InvalidParameter;
        if (needed && !(o.access & needed)) return status::AccessDenied;
        return status::Success;
    }
    // A read or write: Writes the file object (its position) and touches the data with `data`
    // when the checks pass; only Reads the file object when they fail.
    void ioFootprint(int64_t handle, uint32_t needed, Access data, Footprint& out) const
    {
        HandleRef ref = resolve(handle);
        if (!ref.decoded) return;
        const Location object = makeLocation(LocationClass::FileObject, ref.location);
        if (ioStatus(ref, needed)) {
            out.add(object, Access::Read);
            return;
        }
        uint32_t file = nodes_[size_t(objects_[size_t(ref.object)].node)].location;
        out.add(object, Access::Write);
        out.add(makeLocation(LocationClass::File, file), data);
    }
    // The model's volume is small: a write that would grow a file past this fails like a full disk,
    // so that a scenario cannot make the checker allocate without bound.
    static constexpr int64_t kMaxFileSize = int64_t(1) << 24;
    // ... and past this many bytes in all live files (a loop writing to ever new files).
    static constexpr int64_t kMaxVolumeBytes = int64_t(1) << 28;

    // ioStatus with the api_misuse rule and message a failed check carries (inline: on every
    // write or read step).
    CallResult checkIo(const HandleRef& ref, uint32_t needed, const char* what) const
    {
        CallResult r;
        r.status = ioStatus(ref, needed);
        if (r.status) explainIoFailure(ref.issued, needed, what, r);
        return r;
    }
    // The api_misuse rule and message of an I/O call whose handle check gave `r.status` (out of
    // line, so that the check stays small).
    static void explainIoFailure(bool issued, uint32_t needed, const char* what, CallResult& r);
    // Where the transfer starts, or -1 with `result` set to STATUS_INVALID_PARAMETER.
    int64_t startOffset(const FileObject& o, std::optional<int64_t> offset, bool write, CallResult& result) const
    {
        const char* why = nullptr;
        const int64_t start = startOffset(o, offset, write, why);
        if (start < 0) invalidOffset(why, result);
        return start;
    }
    // The same, with why the transfer cannot start in `why` (inline: on every write step).
    int64_t startOffset(const FileObject& o, std::optional<int64_t> offset, bool write, const char*& why) const
    {
        int64_t size = int64_t(nodes_[size_t(o.node)].data.size());
        if (write && (o.access & access::AppendData) && !(o.access & access::WriteData)) return size;
        if (!offset || *offset == kUseFilePointerPosition) {
            if (!o.synchronous()) {
                why = "no byte offset on a handle opened without FILE_SYNCHRONOUS_IO_*";
                return -1;
            }
            return o.position;
        }
        if (*offset == kWriteToEndOfFile) {
            if (write) return size;
            why = "FILE_WRITE_TO_END_OF_FILE is not a read offset";
            return -1;
        }
        if (*offset < 0) {
            why = "a negative byte offset";
            return -1;
        }
        return *offset;
    }
    // An offset the transfer cannot start at: STATUS_INVALID_PARAMETER, and -1 for startOffset.
    static int64_t invalidOffset(const char* why, CallResult& r);
    // Writes `data` through o from `start` (not negative), moving a synchronous file object's
    // position past it: false, with nothing written, when the file or the volume would grow past
    // its limit (STATUS_DISK_FULL).
    bool writeAt(FileObject& o, int64_t start, std::string_view data)
    {
        FileData& bytes = nodes_[size_t(o.node)].data;
        const int64_t end = start + int64_t(data.size());
        const int64_t growth = end > int64_t(bytes.size()) ? end - int64_t(bytes.size()) : 0;
        if (start > kMaxFileSize || end > kMaxFileSize || dataBytes_ + growth > kMaxVolumeBytes) return false;
        dataBytes_ += growth;
        bytes.write(size_t(start), data);
        if (o.synchronous()) o.position = end;
        return true;
    }

    std::shared_ptr<FsIds> ids_;
    std::vector<FsNode> nodes_;      // [0, nodeCount_) in use; the rest keeps capacity
    uint32_t nodeCount_ = 0;
    std::vector<int32_t> nodeAt_;    // path id -> live node, -1
    std::vector<FileObject> objects_;
    uint32_t objectCount_ = 0;
    std::vector<ThreadFiles> threads_;
    uint32_t initialCreated_ = 0;    // files and directories of the initial state so far
    int64_t dataBytes_ = 0;          // bytes of data in live files: the volume's fill
    CheckedWrite checkedWrite_;
};

}  // namespace checker::fs
