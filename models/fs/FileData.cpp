#include "models/fs/FileData.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstring>

namespace checker::fs {

uint64_t hashBytes(std::string_view bytes)
{
    constexpr uint64_t kFnvOffset = 1469598103934665603ull;
    constexpr uint64_t kFnvPrime = 1099511628211ull;
    uint64_t h = kFnvOffset ^ bytes.size();
    const auto mix = [&](size_t at) {
        uint64_t word = 0;  // little-endian on every machine: the digest must not depend on it
        if constexpr (std::endian::native == std::endian::little) std::memcpy(&word, bytes.data() + at, 8);
        else
            for (size_t k = 0; k < 8; ++k) word |= uint64_t(static_cast<unsigned char>(bytes[at + k])) << (8 * k);
        h = (h ^ word) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    };
    size_t i = 0;
    for (; i + 32 <= bytes.size(); i += 32) {  // four words a turn: a file's whole bytes are hashed
        mix(i);
        mix(i + 8);
        mix(i + 16);
        mix(i + 24);
    }
    for (; i + 8 <= bytes.size(); i += 8) mix(i);
    for (; i < bytes.size(); ++i) {  // the tail byte by byte, FNV-1a
        h ^= static_cast<unsigned char>(bytes[i]);
        h *= kFnvPrime;
    }
    return h;
}

void FileData::unshare()
{
    if (!buffer_) buffer_ = std::make_shared<Buffer>();
    else {
        auto copy = std::make_shared<Buffer>();
        reserve(*copy, size());
        copyBytes(copy->bytes.get(), view());
        copy->used = size();
        buffer_ = std::move(copy);
    }
}

// The least storage a buffer grows to: a file written in short lines would otherwise be copied
// into fresh storage at every doubling from its first line's length.
constexpr size_t kMinCapacity = 1024;

void FileData::reserve(Buffer& b, size_t size)
{
    if (size <= b.capacity) return;
    const size_t capacity = std::max({size, 2 * b.capacity, kMinCapacity});
    std::unique_ptr<char[]> bytes = std::make_unique_for_overwrite<char[]>(capacity);
    copyBytes(bytes.get(), std::string_view(b.bytes.get(), b.used));
    b.bytes = std::move(bytes);
    b.capacity = capacity;
}

void FileData::assign(std::string_view bytes)
{
    Buffer& b = privateBuffer();
    reserve(b, bytes.size());
    copyBytes(b.bytes.get(), bytes);
    b.used = bytes.size();
}

void FileData::writeGrowing(Buffer& b, size_t offset, std::string_view bytes)
{
    const size_t end = offset + bytes.size();
    reserve(b, end);
    // Storage past the end is not initialised (or holds bytes of before a clear): a gap reads as zeros.
    if (offset > b.used) std::memset(b.bytes.get() + b.used, 0, offset - b.used);
    copyBytes(b.bytes.get() + offset, bytes);
    b.used = std::max(b.used, end);
}

void FileData::clear()
{
    if (buffer_ && buffer_.use_count() == 1) {
        buffer_->used = 0;
        buffer_->hashed = false;
    } else {
        buffer_.reset();
    }
}

uint64_t FileData::contentHash() const
{
    if (!buffer_) return hashBytes({});
    if (!buffer_->hashed) {
        buffer_->hash = hashBytes(view());
        buffer_->hashed = true;
    }
    return buffer_->hash;
}

}  // namespace checker::fs
