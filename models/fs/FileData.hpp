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
// Not thread-safe, copies included (the count is not atomic): a World and the checkpoints made
// from it stay on the thread of their exploration.

#include <cstdint>
#include <string>
#include <string_view>

namespace checker::fs {

// A 64-bit hash of a byte string, 8 bytes at a time, the same on every machine (outcome digests
// are in report.json).
uint64_t hashBytes(std::string_view bytes);

class FileData {
public:
    FileData() = default;
    FileData(const FileData& other) : buffer_(other.buffer_) { retain(); }
    FileData(FileData&& other) noexcept : buffer_(other.buffer_) { other.buffer_ = nullptr; }
    FileData& operator=(const FileData& other);
    FileData& operator=(FileData&& other) noexcept;
    ~FileData() { release(); }

    size_t size() const { return buffer_ ? buffer_->bytes.size() : 0; }
    std::string_view view() const { return buffer_ ? std::string_view(buffer_->bytes) : std::string_view(); }
    bool operator==(std::string_view bytes) const { return view() == bytes; }

    void assign(std::string_view bytes);
    // Writes `bytes` at `offset`, filling a gap past the end with zeros.
    void write(size_t offset, std::string_view bytes);
    // Empty; a private buffer keeps its capacity for the next writes.
    void clear();
    // Empty, holding no buffer (a removed file).
    void reset();

    // hashBytes(view()), computed once per buffer.
    uint64_t contentHash() const;
    // Whether this and `other` share one buffer (tests).
    bool sharesBufferWith(const FileData& other) const { return buffer_ && buffer_ == other.buffer_; }

private:
    struct Buffer {
        uint32_t refs = 1;
        bool hashed = false;
        uint64_t hash = 0;
        std::string bytes;
    };
    void retain()
    {
        if (buffer_) buffer_->refs++;
    }
    void release();
    // A buffer only this FileData holds, its cached hash forgotten (the caller changes it).
    std::string& privateBytes();

    Buffer* buffer_ = nullptr;
};

}  // namespace checker::fs
