#include "models/fs/FsIds.hpp"

#include "models/fs/FileData.hpp"

#include <algorithm>

namespace checker::fs {

namespace {

// The first slot to probe for a name of hash `hash` (both halves count: the mask keeps low bits).
size_t home(uint64_t hash, size_t mask)
{
    return size_t(hash ^ (hash >> 32)) & mask;
}

}  // namespace

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
    uint64_t hash = hashBytes(raw);
    if (slots_.empty()) slots_.assign(kInitialSlots, 0);
    size_t mask = slots_.size() - 1;
    size_t at = home(hash, mask);
    for (; slots_[at] != 0; at = (at + 1) & mask) {
        const ParsedName& name = *names_[slots_[at] - 1];
        if (name.hash == hash && name.raw == raw) return name.parsed;
    }
    Parsed* slot = &overflow_[overflowNext_];
    if (names_.size() < kParsedCacheSize) {
        names_.push_back(std::make_unique<ParsedName>(ParsedName{hash, std::string(raw), {}}));
        slots_[at] = uint32_t(names_.size());
        slot = &names_.back()->parsed;
        if (names_.size() * 2 > slots_.size()) growSlots();
    } else {
        overflowNext_ ^= 1;
    }
    Parsed& e = *slot;
    parseNtPath(raw, e.path);
    e.id = e.path.status == 0 ? pathId(e.path.key, e.path.display) : kNoPath;
    e.leafAt = e.path.display.size() - leafName(e.path.display).size();
    return e;
}

void FsIds::growSlots()
{
    slots_.assign(slots_.size() * 2, 0);
    size_t mask = slots_.size() - 1;
    for (uint32_t i = 0; i < names_.size(); ++i) {
        uint64_t hash = names_[i]->hash;
        size_t at = home(hash, mask);
        while (slots_[at] != 0) at = (at + 1) & mask;
        slots_[at] = i + 1;
    }
}

}  // namespace checker::fs
