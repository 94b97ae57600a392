#pragma once
// The share-access state of one file (IoCheckShareAccess / IoUpdateShareAccess /
// IoRemoveShareAccess; SEMANTICS.md §7.5). The check is symmetric: every existing opener must
// share what the new one uses, and the new one must share what every existing opener uses. Opens
// that use none of read/execute, write/append and delete (attribute-only) are neither checked nor
// counted. Counters are per open, not per thread: a thread conflicts with its own earlier opens.

#include "checker/exec/Footprint.hpp"
#include "models/fs/NtCodes.hpp"

#include <cstdint>

namespace checker::fs {

// What one open uses and shares, reduced to the three rights the check knows.
struct ShareMode {
    bool read = false, write = false, del = false;           // uses
    bool shareRead = false, shareWrite = false, shareDelete = false;

    // The mode of an open with file-specific access `access` (already generic-mapped) and share
    // mode `shareMode` (FILE_SHARE_*).
    static ShareMode of(uint32_t access, uint32_t shareMode)
    {
        ShareMode m;
        m.read = access & (access::ReadData | access::Execute);
        m.write = access & (access::WriteData | access::AppendData);
        m.del = access & access::Delete;
        m.shareRead = shareMode & share::Read;
        m.shareWrite = shareMode & share::Write;
        m.shareDelete = shareMode & share::Delete;
        return m;
    }
    // Whether the open takes part in sharing at all (uses read, write or delete).
    bool counted() const { return read || write || del; }
};

struct ShareCounts {
    uint32_t openCount = 0, readers = 0, writers = 0, deleters = 0;
    uint32_t sharedRead = 0, sharedWrite = 0, sharedDelete = 0;

    // Whether an open in mode `m` would be refused with STATUS_SHARING_VIOLATION.
    bool violates(const ShareMode& m) const
    {
        if (!m.counted()) return false;
        return (m.read && sharedRead < openCount) || (m.write && sharedWrite < openCount) ||
               (m.del && sharedDelete < openCount) || (readers > 0 && !m.shareRead) ||
               (writers > 0 && !m.shareWrite) || (deleters > 0 && !m.shareDelete);
    }
    void add(const ShareMode& m) { apply(m, 1); }
    void remove(const ShareMode& m) { apply(m, uint32_t(-1)); }

private:
    void apply(const ShareMode& m, uint32_t delta)
    {
        if (!m.counted()) return;
        openCount += delta;
        readers += m.read ? delta : 0;
        writers += m.write ? delta : 0;
        deleters += m.del ? delta : 0;
        sharedRead += m.shareRead ? delta : 0;
        sharedWrite += m.shareWrite ? delta : 0;
        sharedDelete += m.shareDelete ? delta : 0;
    }
};

// The footprint of a file's share state is split so that an open and a close commute exactly
// when the closed handle could not have refused the open: sub-location 0 is the state as a whole
// (counters, open-handle count, delete-pending); 1-3 are "someone uses read / write / delete",
// 4-6 "someone denies read / write / delete".
constexpr Location shareLocation(uint32_t file, uint32_t part)
{
    return makeLocation(LocationClass::ShareState, file * 8 + part);
}

// The file location index a ShareState location belongs to.
constexpr uint32_t shareFile(Location l)
{
    return locationIndex(l) / 8;
}

// An open admitted in mode `m`: it read that nobody denies what it uses and nobody uses what it
// denies (and it counts itself in, which commutes with every other admitted open).
inline void addAdmittedOpen(uint32_t file, const ShareMode& m, Footprint& out)
{
    out.add(shareLocation(file, 0), Access::Read);
    if (!m.counted()) return;
    const bool uses[3] = {m.read, m.write, m.del};
    const bool shares[3] = {m.shareRead, m.shareWrite, m.shareDelete};
    for (uint32_t x = 0; x < 3; ++x) {
        if (uses[x]) out.add(shareLocation(file, 4 + x), Access::Read);
        if (!shares[x]) out.add(shareLocation(file, 1 + x), Access::Read);
    }
}

// A close giving back mode `m`: it conflicts with the admitted opens that `m` could have refused,
// with every open it refused (those Write the whole state) and with what counts handles.
inline void addShareRelease(uint32_t file, const ShareMode& m, Footprint& out)
{
    out.add(shareLocation(file, 0), Access::Read);
    if (!m.counted()) return;
    const bool uses[3] = {m.read, m.write, m.del};
    const bool shares[3] = {m.shareRead, m.shareWrite, m.shareDelete};
    for (uint32_t x = 0; x < 3; ++x) {
        if (uses[x]) out.add(shareLocation(file, 1 + x), Access::Write);
        if (!shares[x]) out.add(shareLocation(file, 4 + x), Access::Write);
    }
}

}  // namespace checker::fs
