#include "models/fs/FsIds.hpp"

#include "models/fs/FileData.hpp"

#include <algorithm>

namespace checker::fs {

size_t FsIds::Hash::operator()(std::string_view s) const
{
    return size_t(hashBytes(s));
}

uint32_t FsIds::pathId(std::string_view key)
{
    return pathId(key, key);
}

uint32_t FsIds::pathId(std::string_view key, std::string_view display)
{
    auto it = byKey_.find(key);
    if (it != byKey_.end()) return it->second;
    std::string_view parent = parentKey(key);
    std::string_view parentDisplay = display.substr(0, std::min(display.size(), parent.size()));
    if (parentDisplay == "C:") parentDisplay = "C:\\";
    uint32_t parentId = parent.empty() ? kNoPath : pathId(parent, parentDisplay);
    uint32_t id = uint32_t(paths_.size());
    paths_.push_back(PathEntry{std::string(key), parentId, std::string(display)});
    byKey_.emplace(std::string(key), id);
    return id;
}

uint32_t FsIds::dense(std::vector<std::vector<uint32_t>>& rows, size_t row, uint32_t k, uint32_t& next)
{
    if (rows.size() <= row) rows.resize(row + 1);
    auto& ids = rows[row];
    if (ids.size() <= k) ids.resize(size_t(k) + 1, UINT32_MAX);
    if (ids[k] == UINT32_MAX) ids[k] = next++;
    return ids[k];
}

const FsIds::Parsed& FsIds::parse(std::string_view raw)
{
    if (last_.entry && last_.entry->first == raw) return last_.entry->second;
    if (auto found = parsed_.find(raw); found != parsed_.end()) {
        last_.entry = &*found;
        return found->second;
    }
    Parsed* slot = &overflow_[overflowNext_];
    if (parsed_.size() < kParsedCacheSize) {
        auto& entry = *parsed_.try_emplace(std::string(raw)).first;
        last_.entry = &entry;
        slot = &entry.second;
    } else {
        overflowNext_ ^= 1;
    }
    Parsed& e = *slot;
    parseNtPath(raw, e.path);
    e.id = e.path.status == 0 ? pathId(e.path.key, e.path.display) : kNoPath;
    e.leafAt = e.path.display.size() - leafName(e.path.display).size();
    return e;
}

namespace {

bool rowsExtend(const std::vector<std::vector<uint32_t>>& rows, const std::vector<std::vector<uint32_t>>& other)
{
    if (rows.size() < other.size()) return false;
    for (size_t r = 0; r < other.size(); ++r) {
        if (rows[r].size() < other[r].size()) return false;
        for (size_t k = 0; k < other[r].size(); ++k)
            if (other[r][k] != UINT32_MAX && rows[r][k] != other[r][k]) return false;
    }
    return true;
}

}  // namespace

bool FsIds::extends(const FsIds& other) const
{
    if (paths_.size() < other.paths_.size() || !rowsExtend(files_, other.files_) || !rowsExtend(objects_, other.objects_))
        return false;
    for (size_t i = 0; i < other.paths_.size(); ++i) {
        const PathEntry& a = paths_[i];
        const PathEntry& b = other.paths_[i];
        if (a.key != b.key || a.parent != b.parent || a.display != b.display) return false;
    }
    return true;
}

void FsIds::extendTo(const FsIds& bigger)
{
    paths_ = bigger.paths_;
    byKey_ = bigger.byKey_;
    files_ = bigger.files_;
    objects_ = bigger.objects_;
    fileCount_ = bigger.fileCount_;
    objectCount_ = bigger.objectCount_;
}

}  // namespace checker::fs
