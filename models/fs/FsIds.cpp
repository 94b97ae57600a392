#include "models/fs/FsIds.hpp"

#include "models/fs/FileData.hpp"

#include <algorithm>
#include <cstring>

namespace checker::fs {

// Only this process's hash tables use it (nothing is ordered by it, unlike hashBytes, which
// outcome digests use): a name of 8 bytes or more ends with one load of its last 8 bytes rather
// than a byte at a time.
size_t FsIds::Hash::operator()(std::string_view s) const
{
    if (s.size() < 8) return size_t(hashBytes(s));
    uint64_t h = 1469598103934665603ull ^ s.size();
    auto mix = [&h](const char* at) {
        uint64_t word;
        std::memcpy(&word, at, 8);
        h = (h ^ word) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    };
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) mix(s.data() + i);
    if (i < s.size()) mix(s.data() + s.size() - 8);
    return size_t(h);
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

uint32_t FsIds::IdTable::id(size_t row, uint32_t k, uint32_t& next)
{
    if (rows.size() <= row) rows.resize(row + 1);
    std::vector<uint32_t>& ids = rows[row];
    if (k >= ids.size()) {
        if (k - ids.size() >= kFarGap) {
            auto [at, added] = far.try_emplace({row, k}, next);
            if (added) ++next;
            return at->second;
        }
        const uint32_t from = uint32_t(ids.size());
        ids.resize(size_t(k) + 1, UINT32_MAX);
        // Far pairs the row now covers move into it, with their ids.
        auto at = far.lower_bound({row, from});
        while (at != far.end() && at->first.first == row && at->first.second <= k) {
            ids[at->first.second] = at->second;
            at = far.erase(at);
        }
    }
    if (ids[k] == UINT32_MAX) ids[k] = next++;
    return ids[k];
}

uint32_t FsIds::IdTable::find(size_t row, uint32_t k) const
{
    if (row < rows.size() && k < rows[row].size()) return rows[row][k];
    auto at = far.find({row, k});
    return at == far.end() ? UINT32_MAX : at->second;
}

bool FsIds::IdTable::extends(const IdTable& other) const
{
    for (size_t r = 0; r < other.rows.size(); ++r)
        for (uint32_t k = 0; k < other.rows[r].size(); ++k)
            if (other.rows[r][k] != UINT32_MAX && find(r, k) != other.rows[r][k]) return false;
    for (const auto& [pair, id] : other.far)
        if (find(pair.first, pair.second) != id) return false;
    return true;
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

bool FsIds::extends(const FsIds& other) const
{
    if (paths_.size() < other.paths_.size() || !files_.extends(other.files_) || !objects_.extends(other.objects_))
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
