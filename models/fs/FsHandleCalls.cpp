// Calls on a handle: ZwWriteFile, ZwReadFile, ZwQueryInformationFile, ZwClose and
// FileDispositionInformation (SEMANTICS.md §7.6-7.8).

#include "models/fs/FileSystem.hpp"

#include <algorithm>

namespace checker::fs {

namespace {

Touch fileObject(uint32_t location, Access a) { return {makeLocation(LocationClass::FileObject, location), a}; }

}  // namespace

struct FileSystem::ClosePlan {
    HandleRef ref;
    bool last = false;          // the file's last open handle
    bool setsPending = false;   // FILE_DELETE_ON_CLOSE turns into delete-pending now
    bool pendingAfter = false;
    bool removes = false;       // the file goes at this close
};

void FileSystem::explainIoFailure(bool issued, uint32_t needed, const char* what, CallResult& r)
{
    if (r.status == status::InvalidHandle) {
        r.rule = "INVALID_HANDLE";
        r.message = issued ? "the handle is closed" : "the value was never returned as a handle";
    } else if (r.status == status::InvalidParameter) {
        r.rule = "INVALID_PARAMETER";
        r.message = std::string(what) + " on a directory handle";
    } else if (r.status == status::AccessDenied) {
        r.rule = "ACCESS_NOT_GRANTED";
        r.message = std::string("the handle was opened without ") +
                    (needed == access::ReadData ? "FILE_READ_DATA" : "FILE_WRITE_DATA or FILE_APPEND_DATA") + " access";
    }
}

int64_t FileSystem::invalidOffset(const char* why, CallResult& r)
{
    r.status = status::InvalidParameter;
    r.rule = "INVALID_PARAMETER";
    r.message = why;
    return -1;
}

bool FileSystem::checkWrite(int64_t handle, CallResult& r)
{
    HandleRef ref = resolve(handle);
    r = checkIo(ref, access::WriteData | access::AppendData, "ZwWriteFile");
    if (r.status) return false;
    const FileObject& o = objects_[size_t(ref.object)];
    checkedWrite_ = CheckedWrite{handle, true, ref.object, makeLocation(LocationClass::FileObject, ref.location),
                                 makeLocation(LocationClass::File, nodes_[size_t(o.node)].location)};
    return true;
}

void FileSystem::uncheckedWriteFootprint(int64_t handle, Footprint& out) const
{
    ioFootprint(handle, access::WriteData | access::AppendData, Access::Write, out);
}

CallResult FileSystem::write(int64_t handle, std::string_view data, std::optional<int64_t> offset)
{
    CallResult r;
    if (!checkedWrite_.covers(handle) && !checkWrite(handle, r)) return r;
    FileObject& o = objects_[size_t(checkedWrite_.object)];
    int64_t start = startOffset(o, offset, true, r);
    if (start < 0) return r;
    if (!writeAt(o, start, data)) {
        r.status = status::DiskFull;
        return r;
    }
    r.hasInformation = true;
    r.information = int64_t(data.size());
    return r;
}

CallResult FileSystem::read(int64_t handle, int64_t length, std::optional<int64_t> offset)
{
    HandleRef ref = resolve(handle);
    CallResult r = checkIo(ref, access::ReadData, "ZwReadFile");
    if (r.status) return r;
    FileObject& o = objects_[size_t(ref.object)];
    int64_t size = int64_t(nodes_[size_t(o.node)].data.size());
    int64_t start = startOffset(o, offset, false, r);
    if (start < 0) return r;
    if (length < 0) {
        r.status = status::InvalidParameter;
        r.rule = "INVALID_PARAMETER";
        r.message = "a negative length";
        return r;
    }
    r.hasInformation = true;
    if (length == 0) return r;
    if (start >= size) {
        r.status = status::EndOfFile;
        return r;
    }
    int64_t n = std::min(length, size - start);
    if (o.synchronous()) o.position = start + n;
    r.information = n;
    return r;
}

void FileSystem::readFootprint(int64_t handle, Footprint& out) const
{
    ioFootprint(handle, access::ReadData, Access::Read, out);
}

CallResult FileSystem::query(int64_t handle)
{
    HandleRef ref = resolve(handle);
    CallResult r = checkIo(ref, 0, "ZwQueryInformationFile");
    if (r.status == status::InvalidParameter) r = CallResult{};  // a directory has a size too: 0
    if (r.status) return r;
    const FsNode& n = nodes_[size_t(objects_[size_t(ref.object)].node)];
    r.size = n.directory ? 0 : int64_t(n.data.size());
    return r;
}

void FileSystem::queryFootprint(int64_t handle, Footprint& out) const
{
    HandleRef ref = resolve(handle);
    if (!ref.decoded) return;
    out.touches.push_back(fileObject(ref.location, Access::Read));
    if (ref.object >= 0)
        out.add(makeLocation(LocationClass::File, nodes_[size_t(objects_[size_t(ref.object)].node)].location), Access::Read);
}

FileSystem::ClosePlan FileSystem::planClose(int64_t handle) const
{
    ClosePlan p;
    p.ref = resolve(handle);
    if (p.ref.object < 0) return p;
    const FileObject& o = objects_[size_t(p.ref.object)];
    const FsNode& n = nodes_[size_t(o.node)];
    p.last = n.handles == 1;
    p.setsPending = o.deleteOnClose;
    p.pendingAfter = n.deletePending || o.deleteOnClose;
    // A directory that is not empty when its last handle closes silently stays (FastFAT cleanup).
    p.removes = p.last && p.pendingAfter && !(n.directory && n.children > 0);
    return p;
}

CallResult FileSystem::close(int64_t handle, uint32_t thread)
{
    forgetCheckedWrite();
    ClosePlan p = planClose(handle);
    CallResult r;
    if (p.ref.object < 0) {
        r.status = status::InvalidHandle;
        r.rule = "INVALID_HANDLE";
        r.message = std::string(p.ref.issued ? "the handle is already closed" : "the value was never returned as a handle") +
                    " (closing a bad kernel handle may bug check 0x93 INVALID_KERNEL_HANDLE)";
        return r;
    }
    FileObject& o = objects_[size_t(p.ref.object)];
    FsNode& n = nodes_[size_t(o.node)];
    o.open = false;
    o.closedByOther = thread != o.opener;
    n.handles--;
    n.share.remove(o.mode);
    threads_[o.opener].openHandles--;
    if (p.setsPending) n.deletePending = true;
    if (p.removes) removeNode(o.node);
    else if (p.last && p.pendingAfter) n.deletePending = false;
    return r;
}

void FileSystem::closeFootprint(int64_t handle, Footprint& out) const
{
    ClosePlan p = planClose(handle);
    if (!p.ref.decoded) return;
    out.touches.push_back(fileObject(p.ref.location, p.ref.object < 0 ? Access::Read : Access::Write));
    if (p.ref.object < 0) return;
    const FileObject& o = objects_[size_t(p.ref.object)];
    const FsNode& n = nodes_[size_t(o.node)];
    addShareRelease(n.location, o.mode, out);
    if (p.setsPending || p.removes) out.add(makeLocation(LocationClass::Path, n.path), Access::Write);
    if (p.last && p.pendingAfter && n.directory) out.add(makeLocation(LocationClass::File, n.location), Access::Write);
    if (p.removes) {
        out.add(makeLocation(LocationClass::File, n.location), Access::Write);
        out.add(makeLocation(LocationClass::File, nodes_[size_t(n.parent)].location), Access::Read);
    }
}

CallResult FileSystem::setDisposition(int64_t handle, bool deleteFile)
{
    forgetCheckedWrite();
    HandleRef ref = resolve(handle);
    CallResult r = checkIo(ref, 0, "FileDispositionInformation");
    if (r.status == status::InvalidParameter) r = CallResult{};  // directories may be deleted too
    if (r.status) return r;
    FsNode& n = nodes_[size_t(objects_[size_t(ref.object)].node)];
    if (!(objects_[size_t(ref.object)].access & access::Delete)) {
        r.status = status::AccessDenied;
        r.rule = "ACCESS_NOT_GRANTED";
        r.message = "FileDispositionInformation needs DELETE access on the handle";
    } else if (deleteFile && n.parent < 0) {
        r.status = status::CannotDelete;
    } else if (deleteFile && n.directory && n.children > 0) {
        r.status = status::DirectoryNotEmpty;
    } else {
        n.deletePending = deleteFile;
    }
    return r;
}

void FileSystem::dispositionFootprint(int64_t handle, bool deleteFile, Footprint& out) const
{
    HandleRef ref = resolve(handle);
    if (!ref.decoded) return;
    out.touches.push_back(fileObject(ref.location, Access::Read));
    if (ref.object < 0) return;
    const FileObject& o = objects_[size_t(ref.object)];
    if (!(o.access & access::Delete)) return;
    const FsNode& n = nodes_[size_t(o.node)];
    bool emptiness = deleteFile && n.directory;
    bool succeeds = !(deleteFile && (n.parent < 0 || (n.directory && n.children > 0)));
    out.add(makeLocation(LocationClass::Path, n.path), succeeds ? Access::Write : Access::Read);
    if (succeeds) out.add(shareLocation(n.location, 0), Access::Write);
    if (emptiness) out.add(makeLocation(LocationClass::File, n.location), Access::Write);
}

}  // namespace checker::fs
