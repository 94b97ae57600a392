#pragma once
// Dense ids for the file system's footprint locations, shared by every execution of one
// exploration (World copies share one FsIds): the explorer compares the footprints of events of
// different executions, so the same path, file or file object must keep its id from one execution
// to the next. Ids are only ever added.
//
//  - Path ids: one per canonical key (NtPath.hpp), ancestors interned with it. Location class Path.
//  - File ids: one per (creating thread, how many files that thread had created before) —
//    canonical across interleavings, unlike a global creation counter. Initial files and
//    directories are row "thread -1". Location class File (data; a directory's entry list) uses
//    the id itself, ShareState the id's 8 sub-locations (ShareAccess.hpp).
//  - File-object ids: one per (opening thread, how many handles that thread had opened before),
//    which is also what a handle value encodes. Location class FileObject.
//
// Not thread-safe: one exploration uses it from one thread.

#include "models/fs/NtPath.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace checker::fs {

constexpr uint32_t kNoPath = UINT32_MAX;

class FsIds {
public:
    // The id of canonical key `key` (interning it and its ancestors).
    uint32_t pathId(std::string_view key);
    // The same, remembering `display` as its spelling (and its ancestors' prefixes of it) when new.
    uint32_t pathId(std::string_view key, std::string_view display);
    // The parent path id of `id`, kNoPath for the root.
    uint32_t parentOf(uint32_t id) const { return paths_[id].parent; }
    const std::string& key(uint32_t id) const { return paths_[id].key; }
    // The name as first spelled by a caller (case preserved), for reports.
    const std::string& display(uint32_t id) const { return paths_[id].display; }
    uint32_t pathCount() const { return uint32_t(paths_.size()); }

    // The file location index of the k-th file created by thread `creator` (-1: initial state).
    uint32_t fileId(int32_t creator, uint32_t k) { return files_.id(size_t(creator + 1), k, fileCount_); }
    // The file-object location index of the seq-th handle opened by thread `opener`.
    // A seq no thread could have reached (a handle value the program made up) costs no more
    // memory than one that was issued.
    uint32_t fileObjectId(uint32_t opener, uint32_t seq) { return objects_.id(opener, seq, objectCount_); }

    // `raw` parsed (NtPath.hpp) with the path id of its key when it parsed. Remembered per raw
    // name: a call's footprint and its execution parse the same name, and every execution the
    // same names again (a lookup by the raw name costs less than parsing and case-folding it).
    // The reference stays valid for good, or past kParsedCacheSize names (no longer remembered)
    // until the second call after it.
    struct Parsed {
        ParsedPath path;
        uint32_t id = kNoPath;
        size_t leafAt = 0;      // where leafName(path.display) starts
        // The name's last component, case preserved (leafName of the display form).
        std::string_view leaf() const { return std::string_view(path.display).substr(leafAt); }
    };
    const Parsed& parse(std::string_view raw);

    // Whether this table gives every path, file and file object `other` has an id for the same
    // id (and spelling): what `other`'s ids name, this table's name alike.
    bool extends(const FsIds& other) const;
    // Takes the ids of `bigger`, which extends this table (the names remembered by parse() stay).
    void extendTo(const FsIds& bigger);
    // A copy of the ids alone (parse() remembers nothing yet): what a parallel worker starts
    // from, without the cost of copying up to kParsedCacheSize remembered names.
    std::unique_ptr<FsIds> copyIds() const
    {
        auto copy = std::make_unique<FsIds>();
        copy->extendTo(*this);
        return copy;
    }
    // How many ids of each kind are given out (a table only grows: equal sizes, same table).
    uint64_t idCount() const { return uint64_t(paths_.size()) + fileCount_ + objectCount_; }

    // Ids of (row, k) pairs, k counting from 0 in each row (a thread's files or handles). Rows are
    // dense, grown to the k asked for, except for a k far past its row's end — a made-up handle
    // value such as 0x1FFFFFFFC would otherwise grow a row to a billion entries: those are kept
    // in `far` and moved into the row when it grows over them, so each pair keeps one id.
    struct IdTable {
        static constexpr uint32_t kFarGap = 1 << 16;
        std::vector<std::vector<uint32_t>> rows;
        std::map<std::pair<size_t, uint32_t>, uint32_t> far;

        // The id of (row, k), given out from `next` when it has none.
        uint32_t id(size_t row, uint32_t k, uint32_t& next);
        // The id of (row, k), or UINT32_MAX when it has none.
        uint32_t find(size_t row, uint32_t k) const;
        // Whether every pair with an id in `other` has the same id here.
        bool extends(const IdTable& other) const;
    };

private:
    struct PathEntry {
        std::string key;
        uint32_t parent;
        std::string display;
    };
    // hashBytes (8 bytes at a time) rather than std::hash: parse() looks names up at every create.
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const;
    };
    static constexpr size_t kParsedCacheSize = 1 << 16;

    std::vector<PathEntry> paths_;
    std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> byKey_;
    IdTable files_, objects_;
    uint32_t fileCount_ = 0, objectCount_ = 0;
    // parse()'s memory (a map's nodes do not move: references to a Parsed stay valid).
    std::unordered_map<std::string, Parsed, Hash, std::equal_to<>> parsed_;
    // The entry parse() returned last: a call's footprint and then its execution parse the same
    // name, and comparing it costs less than hashing it. A copy of the table starts without it
    // (it points into this table's map).
    struct LastParsed {
        const std::pair<const std::string, Parsed>* entry = nullptr;
        LastParsed() = default;
        LastParsed(const LastParsed&) {}
        LastParsed& operator=(const LastParsed&)
        {
            entry = nullptr;
            return *this;
        }
    } last_;
    Parsed overflow_[2];
    uint32_t overflowNext_ = 0;
};

}  // namespace checker::fs
