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
#include <memory>
#include <string>
#include <string_view>

namespace checker::fs {

// A 64-bit hash of a byte string, 8 bytes at a time, the same on every machine (outcome digests
// are in report.json).
uint64_t hashBytes(std::string_view bytes);

class FileData {
public:
    size_t size() const { return buffer_ ? buffer_->bytes.size() : 0; }
    std::string_view view() const { return buffer_ ? std::string_view(buffer_->bytes) : std::string_view(); }
    bool operator==(std::string_view bytes) const { return view() == bytes; }

    void assign(std::string_view bytes);
    // Writes `bytes` at `offset`, filling a gap past the end with zeros. Inline: nearly every
    // write of a step appends.
    void write(size_t offset, std::string_view bytes)
    {
        std::string& b = privateBytes();
        if (offset == b.size()) b.append(bytes);
        else overwrite(b, offset, bytes);
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
    struct Buffer {
        std::string bytes;
        bool hashed = false;
        uint64_t hash = 0;
    };
    // A buffer only this FileData holds, its cached hash forgotten (the caller changes it).
    std::string& privateBytes()
    {
        if (!buffer_ || buffer_.use_count() > 1) unshare();
        buffer_->hashed = false;
        return buffer_->bytes;
    }
    // write() anywhere but at the end (out of line: rare).
    static void overwrite(std::string& b, size_t offset, std::string_view bytes);
    // Gives this FileData a buffer of its own with the same bytes (out of line: most writes find
    // their buffer private already).
    void unshare();

    std::shared_ptr<Buffer> buffer_;   // copies share it; null: no bytes
};

}  // namespace checker::fs
