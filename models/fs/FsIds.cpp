#include "models/fs/FsIds.hpp"

#include <algorithm>

namespace checker::fs {

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
    for (CacheEntry& e : cache_)
        if (e.valid && e.raw == raw) return e.parsed;
    CacheEntry& e = cache_[cacheNext_];
    cacheNext_ = (cacheNext_ + 1) % 2;
    e.valid = true;
    e.raw.assign(raw);
    parseNtPath(raw, e.parsed.path);
    e.parsed.id = e.parsed.path.status == 0 ? pathId(e.parsed.path.key, e.parsed.path.display) : kNoPath;
    return e.parsed;
}

}  // namespace checker::fs
