#pragma once
// A vector of plain values kept in chunks of N that copies of it share until one of them changes a
// chunk (copy-on-write). The race detector's state is one of these per kind of record: a
// checkpoint copies a pointer per chunk, and the run after it copies only the chunks it changes
// (the locations it works on), where a vector copied every record each time.
// A chunk shared with a copy is never written, so copies may live in other threads.

#include <array>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <vector>

namespace checker {

template <class T, uint32_t N>
class SharedChunks {
    static_assert(std::is_trivially_copyable_v<T>);

public:
    uint32_t size() const { return size_; }
    // How many chunks hold the elements (each sizeof(T) * N bytes).
    size_t chunkCount() const { return chunks_.size(); }

    // Element i (below size()), to read.
    const T& get(uint32_t i) const { return chunks_[i / N]->items[i % N]; }
    // Element i (below size()), to change: its chunk becomes this copy's own first.
    T& own(uint32_t i)
    {
        std::shared_ptr<Chunk>& chunk = chunks_[i / N];
        if (chunk.use_count() != 1) [[unlikely]] unshare(chunk);
        return chunk->items[i % N];
    }
    // Grows to at least `size` elements, the new ones default values (out of line, like
    // unshare(): the callers' hot paths are their tests).
    [[gnu::noinline]] void growTo(uint32_t size)
    {
        while (chunks_.size() * N < size) chunks_.push_back(std::make_shared<Chunk>());
        if (size_ < size) size_ = size;
    }
    void clear()
    {
        chunks_.clear();
        size_ = 0;
    }

private:
    struct Chunk {
        std::array<T, N> items{};
    };
    [[gnu::noinline]] static void unshare(std::shared_ptr<Chunk>& chunk) { chunk = std::make_shared<Chunk>(*chunk); }

    std::vector<std::shared_ptr<Chunk>> chunks_;
    uint32_t size_ = 0;
};

}  // namespace checker
