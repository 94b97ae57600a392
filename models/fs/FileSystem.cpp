// The namespace, nodes, handles and reports of the simulated file system. The calls are in
// FsCreate.cpp (create, open, delete), FsHandleCalls.cpp (I/O, query, close, disposition) and
// FsRename.cpp.

#include "models/fs/FileSystem.hpp"

#include "checker/program/Program.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace checker::fs {

namespace {

size_t depthOf(std::string_view key)
{
    return size_t(std::count(key.begin(), key.end(), '\\'));
}

std::string hex(int64_t v)
{
    char text[24];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(v));
    return text;
}

// Whether a and b hold the same bytes; a name of 8 to 16 bytes (most leaves) as two overlapping
// words, in line.
bool sameText(const std::string& a, const std::string& b)
{
    const size_t n = a.size();
    if (n != b.size()) return false;
    if (n < 8 || n > 16) return std::memcmp(a.data(), b.data(), n) == 0;
    uint64_t a0, a1, b0, b1;
    std::memcpy(&a0, a.data(), 8);
    std::memcpy(&a1, a.data() + n - 8, 8);
    std::memcpy(&b0, b.data(), 8);
    std::memcpy(&b1, b.data() + n - 8, 8);
    return a0 == b0 && a1 == b1;
}

// to = from, assigning the leaf only when it differs: a node's name rarely changes between a
// state and its checkpoint, and std::string's assignment is an out-of-line call and a memcpy
// per node at every save and restore. The bytes' buffer is shared (a same buffer is not even
// counted again).
void copyNode(FsNode& to, const FsNode& from)
{
    struct Members {  // FsNode's, as copied here: a member added there changes its size
        uint32_t path, location;
        int32_t parent;
        bool directory, deletePending;
        uint32_t children, handles;
        ShareCounts share;
        std::string leaf;
        FileData data;
    };
    static_assert(sizeof(FsNode) == sizeof(Members), "copyNode copies every member of FsNode");
    to.path = from.path;
    to.location = from.location;
    to.parent = from.parent;
    to.directory = from.directory;
    to.deletePending = from.deletePending;
    to.children = from.children;
    to.handles = from.handles;
    to.share = from.share;
    if (!sameText(to.leaf, from.leaf)) to.leaf = from.leaf;
    to.data = from.data;
}

}  // namespace

FileSystem::FileSystem() : ids_(std::make_shared<FsIds>()) {}

FileSystem& FileSystem::operator=(const FileSystem& other)
{
    if (this == &other) return *this;
    ids_ = other.ids_;
    if (nodes_.size() < other.nodeCount_) nodes_.resize(other.nodeCount_);
    for (uint32_t i = 0; i < other.nodeCount_; ++i) copyNode(nodes_[i], other.nodes_[i]);
    nodeCount_ = other.nodeCount_;
    nodeAt_ = other.nodeAt_;
    if (objects_.size() < other.objectCount_) objects_.resize(other.objectCount_);
    std::copy_n(other.objects_.begin(), other.objectCount_, objects_.begin());
    objectCount_ = other.objectCount_;
    if (threads_.size() < other.threads_.size()) threads_.resize(other.threads_.size());
    for (size_t t = 0; t < threads_.size(); ++t) {
        if (t < other.threads_.size()) {
            threads_[t].handles = other.threads_[t].handles;
            threads_[t].filesCreated = other.threads_[t].filesCreated;
            threads_[t].openHandles = other.threads_[t].openHandles;
        } else {
            threads_[t].handles.clear();
            threads_[t].filesCreated = 0;
            threads_[t].openHandles = 0;
        }
    }
    initialCreated_ = other.initialCreated_;
    dataBytes_ = other.dataBytes_;
    checkedWrite_ = other.checkedWrite_;
    return *this;
}

void FileSystem::reset(const std::vector<std::string>& directories, const std::vector<InitialFile>& files)
{
    nodeCount_ = 0;
    objectCount_ = 0;
    std::fill(nodeAt_.begin(), nodeAt_.end(), -1);
    for (ThreadFiles& t : threads_) {
        t.handles.clear();
        t.filesCreated = 0;
        t.openHandles = 0;
    }
    initialCreated_ = 0;
    dataBytes_ = 0;
    forgetCheckedWrite();
    newNode(ids_->pathId("C:"), -1, true, "", -1);
    std::vector<std::pair<size_t, size_t>> order;  // (depth, index): parents before children
    for (size_t i = 0; i < directories.size(); ++i) {
        const auto& parsed = ids_->parse(directories[i]);
        order.emplace_back(depthOf(parsed.path.key), i);
    }
    std::stable_sort(order.begin(), order.end());
    for (const auto& [depth, i] : order) {
        const auto& parsed = ids_->parse(directories[i]);
        if (parsed.path.isRoot() || nodeAt(parsed.id) >= 0) continue;
        newNode(parsed.id, nodeAt(ids_->parentOf(parsed.id)), true, parsed.leaf(), -1);
    }
    for (const InitialFile& f : files) {
        const auto& parsed = ids_->parse(f.path);
        int32_t n = newNode(parsed.id, nodeAt(ids_->parentOf(parsed.id)), false, parsed.leaf(), -1);
        nodes_[size_t(n)].data.assign(f.content);
        dataBytes_ += int64_t(f.content.size());
    }
}

std::string FileSystem::initialStateError(const std::vector<std::string>& directories,
                                          const std::vector<InitialFile>& files, bool& inFiles, size_t& index)
{
    FileSystem fs;
    fs.reset({}, {});
    auto check = [&](std::string_view raw, bool directory) -> std::string {
        ParsedPath p;
        if (parseNtPath(raw, p)) return std::string("not a valid path (") + statusName(p.status) + ")";
        if (p.isRoot()) return directory ? "" : "the volume root is a directory";
        uint32_t id = fs.ids_->pathId(p.key);
        if (fs.nodeAt(id) >= 0) return directory ? "" : "declared twice";
        int32_t parent = fs.nodeAt(fs.ids_->parentOf(id));
        if (parent < 0 || !fs.nodes_[size_t(parent)].directory)
            return "its parent directory " + std::string(parentKey(p.display)) + " is not declared";
        fs.newNode(id, parent, directory, leafName(p.display), -1);
        return "";
    };
    std::vector<size_t> order(directories.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return std::count(directories[a].begin(), directories[a].end(), '\\') <
               std::count(directories[b].begin(), directories[b].end(), '\\');
    });
    inFiles = false;
    for (size_t i : order) {
        index = i;
        if (std::string e = check(directories[i], true); !e.empty()) return e;
    }
    inFiles = true;
    for (size_t i = 0; i < files.size(); ++i) {
        index = i;
        if (std::string e = check(files[i].path, false); !e.empty()) return e;
    }
    return "";
}

int64_t FileSystem::handleValue(uint32_t thread, uint32_t seq)
{
    return (int64_t(thread) + 1) << 32 | (int64_t(seq) + 1) << 2;
}

FileSystem::ThreadFiles& FileSystem::threadFiles(uint32_t thread)
{
    if (threads_.size() <= thread) threads_.resize(size_t(thread) + 1);
    return threads_[thread];
}

// The status of the lookup of `path`'s ancestors: the topmost one that is missing or a file gives
// OBJECT_PATH_NOT_FOUND, the topmost delete-pending directory DELETE_PENDING.
uint32_t FileSystem::ancestorStatus(uint32_t path) const
{
    uint32_t result = 0;
    for (uint32_t a = ids_->parentOf(path); a != kNoPath; a = ids_->parentOf(a)) {
        int32_t n = nodeAt(a);
        if (n < 0 || !nodes_[size_t(n)].directory) result = status::ObjectPathNotFound;
        else if (nodes_[size_t(n)].deletePending) result = status::DeletePending;
    }
    return result;
}

// The volume root is left out: nothing can remove, rename or delete-pend it.
void FileSystem::addAncestorReads(uint32_t path, Footprint& out) const
{
    for (uint32_t a = ids_->parentOf(path); a != kNoPath && ids_->parentOf(a) != kNoPath; a = ids_->parentOf(a))
        out.add(makeLocation(LocationClass::Path, a), Access::Read);
}

int32_t FileSystem::newNode(uint32_t path, int32_t parent, bool directory, std::string_view leaf, int32_t creator)
{
    if (nodes_.size() <= nodeCount_) nodes_.emplace_back();
    int32_t index = int32_t(nodeCount_++);
    FsNode& n = nodes_[size_t(index)];
    n.path = path;
    n.location = creator < 0 ? ids_->fileId(-1, initialCreated_++)
                             : ids_->fileId(creator, threadFiles(uint32_t(creator)).filesCreated++);
    n.parent = parent;
    n.directory = directory;
    n.deletePending = false;
    n.children = 0;
    n.handles = 0;
    n.share = ShareCounts{};
    n.leaf.assign(leaf);
    n.data.clear();
    if (nodeAt_.size() <= path) nodeAt_.resize(size_t(path) + 1, -1);
    nodeAt_[path] = index;
    if (parent >= 0) nodes_[size_t(parent)].children++;
    return index;
}

void FileSystem::removeNode(int32_t node)
{
    FsNode& n = nodes_[size_t(node)];
    dataBytes_ -= int64_t(n.data.size());
    n.data.reset();
    nodeAt_[n.path] = -1;
    n.path = kNoPath;
    if (n.parent >= 0) nodes_[size_t(n.parent)].children--;
}

// Gives `node` the name `newPath` in directory `newParent`; a directory's descendants get the
// path ids of their new names (children are created after their parent: higher node indices).
void FileSystem::moveNode(int32_t node, uint32_t newPath, int32_t newParent, std::string_view leaf)
{
    FsNode& n = nodes_[size_t(node)];
    nodes_[size_t(n.parent)].children--;
    nodeAt_[n.path] = -1;
    n.leaf.assign(leaf);
    n.parent = newParent;
    nodes_[size_t(newParent)].children++;
    n.path = newPath;
    if (nodeAt_.size() <= newPath) nodeAt_.resize(size_t(newPath) + 1, -1);
    nodeAt_[newPath] = node;
    if (!n.directory) return;
    std::vector<uint8_t> moved(nodeCount_, 0);
    moved[size_t(node)] = 1;
    std::string key;
    for (uint32_t i = uint32_t(node) + 1; i < nodeCount_; ++i) {
        FsNode& d = nodes_[i];
        if (!d.alive() || !moved[size_t(d.parent)]) continue;
        moved[i] = 1;
        key = ids_->key(nodes_[size_t(d.parent)].path);
        key += '\\';
        for (char c : d.leaf) key += foldChar(c);
        if (nodeAt_[d.path] == int32_t(i)) nodeAt_[d.path] = -1;
        d.path = ids_->pathId(key);
        if (nodeAt_.size() <= d.path) nodeAt_.resize(size_t(d.path) + 1, -1);
        nodeAt_[d.path] = int32_t(i);
    }
}

bool FileSystem::hasOpenHandleBelow(int32_t dir) const
{
    for (uint32_t i = uint32_t(dir) + 1; i < nodeCount_; ++i) {
        if (!nodes_[i].alive() || nodes_[i].handles == 0) continue;
        for (int32_t p = nodes_[i].parent; p >= 0; p = nodes_[size_t(p)].parent)
            if (p == dir) return true;
    }
    return false;
}

void FileSystem::addDescendantShareReads(int32_t dir, Footprint& out) const
{
    for (uint32_t i = uint32_t(dir) + 1; i < nodeCount_; ++i) {
        if (!nodes_[i].alive()) continue;
        for (int32_t p = nodes_[i].parent; p >= 0; p = nodes_[size_t(p)].parent) {
            if (p != dir) continue;
            out.add(shareLocation(nodes_[i].location, 0), Access::Write);  // any open handle decides
            break;
        }
    }
}

std::vector<const FileObject*> FileSystem::openedAndStillOpen(uint32_t thread) const
{
    std::vector<const FileObject*> out;
    if (thread >= threads_.size() || threads_[thread].openHandles == 0) return out;
    for (int32_t o : threads_[thread].handles)
        if (objects_[size_t(o)].open) out.push_back(&objects_[size_t(o)]);
    return out;
}

void FileSystem::exitFootprint(uint32_t thread, Footprint& out) const
{
    if (thread >= threads_.size()) return;
    for (int32_t index : threads_[thread].handles) {
        const FileObject& o = objects_[size_t(index)];
        if (o.open || o.closedByOther) out.add(makeLocation(LocationClass::FileObject, o.location), Access::Read);
    }
}

uint32_t FileSystem::pathIdOf(std::string_view rawPath) const
{
    return ids_->parse(rawPath).id;  // kNoPath when it does not parse
}

const std::string& FileSystem::pathKey(const FsNode& node) const
{
    return ids_->key(node.path);
}

std::string FileSystem::displayPath(const FsNode& node) const
{
    if (node.parent < 0) return "C:\\";
    std::string parent = displayPath(nodes_[size_t(node.parent)]);
    if (parent.size() > 3) parent += '\\';
    return parent + node.leaf;
}

std::string FileSystem::describe(Location location) const
{
    uint32_t index = locationIndex(location);
    switch (locationClass(location)) {
    case LocationClass::Path: {
        int32_t n = nodeAt(index);
        return n >= 0 ? displayPath(nodes_[size_t(n)]) : ids_->display(index);
    }
    case LocationClass::File:
    case LocationClass::ShareState:
        if (locationClass(location) == LocationClass::ShareState) index = shareFile(location);
        for (uint32_t i = 0; i < nodeCount_; ++i)
            if (nodes_[i].location == index)
                return nodes_[i].alive() ? displayPath(nodes_[i]) : nodes_[i].leaf + " (deleted)";
        return "file#" + std::to_string(index);
    case LocationClass::FileObject:
        for (uint32_t t = 0; t < threads_.size(); ++t)
            for (uint32_t s = 0; s < threads_[t].handles.size(); ++s) {
                const FileObject& o = objects_[size_t(threads_[t].handles[s])];
                if (o.location != index) continue;
                const FsNode& n = nodes_[size_t(o.node)];
                return "handle " + hex(handleValue(t, s)) + " (" + (n.alive() ? displayPath(n) : n.leaf) + ")";
            }
        return "file object#" + std::to_string(index);
    default: return "location#" + std::to_string(location);
    }
}

const char* statusName(uint32_t code)
{
    switch (code) {
    case status::Success: return "STATUS_SUCCESS";
    case status::InvalidHandle: return "STATUS_INVALID_HANDLE";
    case status::InvalidParameter: return "STATUS_INVALID_PARAMETER";
    case status::EndOfFile: return "STATUS_END_OF_FILE";
    case status::AccessDenied: return "STATUS_ACCESS_DENIED";
    case status::ObjectNameInvalid: return "STATUS_OBJECT_NAME_INVALID";
    case status::ObjectNameNotFound: return "STATUS_OBJECT_NAME_NOT_FOUND";
    case status::ObjectNameCollision: return "STATUS_OBJECT_NAME_COLLISION";
    case status::ObjectPathNotFound: return "STATUS_OBJECT_PATH_NOT_FOUND";
    case status::ObjectPathSyntaxBad: return "STATUS_OBJECT_PATH_SYNTAX_BAD";
    case status::SharingViolation: return "STATUS_SHARING_VIOLATION";
    case status::DeletePending: return "STATUS_DELETE_PENDING";
    case status::DiskFull: return "STATUS_DISK_FULL";
    case status::FileIsADirectory: return "STATUS_FILE_IS_A_DIRECTORY";
    case status::DirectoryNotEmpty: return "STATUS_DIRECTORY_NOT_EMPTY";
    case status::NotADirectory: return "STATUS_NOT_A_DIRECTORY";
    case status::CannotDelete: return "STATUS_CANNOT_DELETE";
    default: return "STATUS_?";
    }
}

}  // namespace checker::fs
