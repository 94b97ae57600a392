#pragma once
// A file's bytes, shared copy-on-write. A World copy (a checkpoint, a restore) copies every node
// of the file system; sharing the bytes makes that copy independent of how much the files hold.
// The first change through a FileData whose buffer is shared gives it a private copy first, so
// a change is never seen through another FileData.
//
// The buffer also remembers its hashBytes() value once asked (the outcome digest hashes every
// file at the end of every complete execution): a file not written since is not hashed again,
// in this copy or any other that shares its buffer.
//
// A World and the checkpoints made from it stay on the thread of their exploration: whether a
// buffer is shared is read from its use count, which another thread's copy could change.

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace checker::fs {

// A 64-bit hash of a byte string, 8 bytes at a time, the same on every machine (outcome digests
// are in report.json).
uint64_t hashBytes(std::string_view bytes);

class FileData {
public:
    size_t size() const { return buffer_ ? buffer_->used : 0; }
    std::string_view view() const
    {
        return buffer_ ? std::string_view(buffer_->bytes.get(), buffer_->used) : std::string_view();
    }
    bool operator==(std::string_view bytes) const { return view() == bytes; }

    void assign(std::string_view bytes);
    // Writes `bytes` at `offset`, filling a gap past the end with zeros. Inline: nearly every
    // write of a step appends, into storage it has already (the rest is out of line).
    void write(size_t offset, std::string_view bytes)
    {
        Buffer& b = privateBuffer();
        if (offset == b.used && bytes.size() <= b.capacity - b.used) [[likely]] {
            copyBytes(b.bytes.get() + b.used, bytes);
            b.used += bytes.size();
        } else {
            writeGrowing(b, offset, bytes);
        }
    }
    // Empty; a private buffer keeps its capacity for the next writes.
    void clear();
    // Empty, holding no buffer (a removed file).
    void reset() { buffer_.reset(); }

    // hashBytes(view()), computed once per buffer.
    uint64_t contentHash() const;
    // Whether this and `other` share one buffer (tests).
    bool sharesBufferWith(const FileData& other) const { return buffer_ && buffer_ == other.buffer_; }

private:
    // The file's bytes are bytes[0, used); the rest, up to capacity, is storage for appends, not
    // initialised (a std::string's append was an out-of-line call costing as much as the rest of
    // a write step, and its resize zero-fills).
    struct Buffer {
        std::unique_ptr<char[]> bytes;
        size_t used = 0, capacity = 0;
        bool hashed = false;
        uint64_t hash = 0;
    };
    // A buffer only this FileData holds, its cached hash forgotten (the caller changes it).
    Buffer& privateBuffer()
    {
        if (!buffer_ || buffer_.use_count() > 1) unshare();
        buffer_->hashed = false;
        return *buffer_;
    }
    // Copies `bytes` to `to`; a short one (a line of text) as two overlapping words, not a call.
    static void copyBytes(char* to, std::string_view bytes)
    {
        const size_t n = bytes.size();
        if (n >= 8 && n <= 16) {
            uint64_t head, tail;
            std::memcpy(&head, bytes.data(), 8);
            std::memcpy(&tail, bytes.data() + n - 8, 8);
            std::memcpy(to, &head, 8);
            std::memcpy(to + n - 8, &tail, 8);
        } else if (n) {
            std::memcpy(to, bytes.data(), n);
        }
    }
    // write() anywhere but at the end, or past the storage (out of line: rare).
    static void writeGrowing(Buffer& b, size_t offset, std::string_view bytes);
    // Makes b's storage hold at least `size` bytes, keeping its bytes (at least doubling it).
    static void reserve(Buffer& b, size_t size);
    // Gives this FileData a buffer of its own with the same bytes (out of line: most writes find
    // their buffer private already).
    void unshare();

    std::shared_ptr<Buffer> buffer_;   // copies share it; null: no bytes
};

}  // namespace checker::fs
