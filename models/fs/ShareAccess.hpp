#pragma once
// The share-access state of one file (IoCheckShareAccess / IoUpdateShareAccess /
// IoRemoveShareAccess; SEMANTICS.md §7.5). The check is symmetric: every existing opener must
// share what the new one uses, and the new one must share what every existing opener uses. Opens
// that use none of read/execute, write/append and delete (attribute-only) are neither checked nor
// counted. Counters are per open, not per thread: a thread conflicts with its own earlier opens.

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

}  // namespace checker::fs
