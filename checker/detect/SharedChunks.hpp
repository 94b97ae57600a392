#pragma once
// A vector of plain values kept in chunks of N that copies of it share until one of them changes a
// chunk (copy-on-write). The race detector's state is one of these per kind of record: a
// checkpoint copies a pointer per chunk, and the run after it copies only the chunks it changes
// (the locations it works on), where a vector copied every record each time.
// A chunk shared with a copy is never written, and its count of holders is atomic: copies may
// live in other threads.

#include <array>
#include <atomic>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace checker {

template <class T, uint32_t N>
class SharedChunks {
    static_assert(std::is_trivially_copyable_v<T>);
    struct Chunk {
        std::atomic<uint32_t> holders{1};
        std::array<T, N> items{};
    };

public:
    SharedChunks() = default;
    SharedChunks(const SharedChunks& other) : chunks_(other.chunks_), size_(other.size_) { hold(); }
    SharedChunks& operator=(const SharedChunks& other)
    {
        if (this == &other) return *this;
        other.hold();
        release();
        chunks_ = other.chunks_;
        size_ = other.size_;
        return *this;
    }
    SharedChunks(SharedChunks&& other) noexcept : chunks_(std::move(other.chunks_)), size_(other.size_)
    {
        other.chunks_.clear();
        other.size_ = 0;
    }
    SharedChunks& operator=(SharedChunks&& other) noexcept
    {
        if (this == &other) return *this;
        release();
        chunks_.swap(other.chunks_);
        size_ = other.size_;
        other.size_ = 0;
        return *this;
    }
    ~SharedChunks() { release(); }

    uint32_t size() const { return size_; }
    // How many chunks hold the elements (each sizeof(T) * N bytes).
    size_t chunkCount() const { return chunks_.size(); }

    // Element i (below size()), to read.
    const T& get(uint32_t i) const { return chunks_[i / N]->items[i % N]; }
    // Where an element is (a chunk does not move), for owned().
    struct Place {
        Chunk* chunk = nullptr;
        T* item = nullptr;
    };
    // Where element i (below size()) is, to change it: its chunk becomes this copy's own first.
    Place ownPlace(uint32_t i)
    {
        Chunk*& chunk = chunks_[i / N];
        if (chunk->holders.load(std::memory_order_acquire) != 1) [[unlikely]] unshare(chunk);
        return Place{chunk, &chunk->items[i % N]};
    }
    // Whether the chunk at `place` has no other holder. For a place taken with ownPlace() on this
    // copy and no ownPlace() since that copied the chunk: then it is still this copy's, and its
    // element may be changed in place.
    static bool owned(const Place& place) { return place.chunk->holders.load(std::memory_order_acquire) == 1; }

    // Grows to at least `size` elements, the new ones default values: to the end of the chunk
    // of the last (the next ones there cost no call). Out of line, like unshare(): the callers'
    // hot paths are their tests.
    [[gnu::noinline]] void growTo(uint32_t size)
    {
        while (chunks_.size() * N < size) chunks_.push_back(new Chunk);
        size_ = uint32_t(chunks_.size() * N);
    }
    void clear()
    {
        release();
        size_ = 0;
    }

private:
    void hold() const
    {
        for (Chunk* chunk : chunks_) chunk->holders.fetch_add(1, std::memory_order_relaxed);
    }
    // Drops this copy's chunks (keeping the vector's storage).
    void release()
    {
        for (Chunk* chunk : chunks_) drop(chunk);
        chunks_.clear();
    }
    static void drop(Chunk* chunk)
    {
        if (chunk->holders.fetch_sub(1, std::memory_order_acq_rel) == 1) delete chunk;
    }
    // Replaces `chunk` (shared) with a copy of its own.
    [[gnu::noinline]] static void unshare(Chunk*& chunk)
    {
        Chunk* copy = new Chunk;
        copy->items = chunk->items;
        drop(chunk);
        chunk = copy;
    }

    std::vector<Chunk*> chunks_;
    uint32_t size_ = 0;
};

}  // namespace checker
