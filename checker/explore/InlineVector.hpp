#pragma once
// A vector of trivially copyable values that keeps its first N elements inline, so the small
// sequences the explorer builds for every race (an event's two or three touches, the lanes it
// woke) cost no allocation. Compact, because wakeup sequences and exploration nodes hold one per
// event of executions 100,000 steps long: the inline elements share their bytes with the heap
// pointer, and size and capacity are 32-bit.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <type_traits>

namespace checker {

template <class T, std::size_t N>
class InlineVector {
    static_assert(std::is_trivially_copyable_v<T>);
    static_assert(N > 0);

public:
    InlineVector() = default;
    InlineVector(const T* first, const T* last) { assign(first, last); }
    InlineVector(const InlineVector& other) { assign(other.begin(), other.end()); }
    InlineVector(InlineVector&& other) noexcept { take(other); }
    InlineVector& operator=(const InlineVector& other)
    {
        if (this != &other) assign(other.begin(), other.end());
        return *this;
    }
    InlineVector& operator=(InlineVector&& other) noexcept
    {
        if (this != &other) {
            release();
            take(other);
        }
        return *this;
    }
    ~InlineVector() { release(); }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const T* data() const { return onHeap() ? heap_ : inline_; }
    const T* begin() const { return data(); }
    const T* end() const { return data() + size_; }
    const T& operator[](std::size_t i) const { return data()[i]; }

    // Keeps the heap block, if any, for reuse.
    void clear() { size_ = 0; }

    void push_back(const T& value)
    {
        if (size_ == capacity()) grow(std::size_t(size_) * 2);
        mutableData()[size_++] = value;
    }

    void assign(const T* first, const T* last)
    {
        std::size_t n = std::size_t(last - first);
        if (n > capacity()) {
            size_ = 0;   // nothing to keep
            grow(n);
        }
        T* to = mutableData();
        if (n <= N) {
            // Element by element, up to N (unrolled): a call of memmove for a few elements cost
            // more than the copy. Forward, as memmove would: a range of the vector's own
            // elements starts at or after its first.
            for (std::size_t i = 0; i < N; ++i)
                if (i < n) to[i] = first[i];
        } else {
            std::memmove(to, first, n * sizeof(T));
        }
        size_ = uint32_t(n);
    }

private:
    bool onHeap() const { return capacity_ != 0; }
    std::size_t capacity() const { return onHeap() ? capacity_ : N; }
    T* mutableData() { return onHeap() ? heap_ : inline_; }

    void grow(std::size_t wanted)
    {
        std::size_t capacity = std::max<std::size_t>(wanted, N * 2);
        T* block = static_cast<T*>(std::malloc(capacity * sizeof(T)));
        if (!block) throw std::bad_alloc();
        if (size_) std::memcpy(block, data(), std::size_t(size_) * sizeof(T));
        release();
        heap_ = block;
        capacity_ = uint32_t(capacity);
    }

    void release()
    {
        if (onHeap()) std::free(heap_);
        capacity_ = 0;
    }

    // Takes `other`'s elements (its heap block, or a copy of its inline ones); leaves it empty.
    void take(InlineVector& other)
    {
        size_ = other.size_;
        capacity_ = other.capacity_;
        if (other.onHeap()) heap_ = other.heap_;
        else std::memcpy(inline_, other.inline_, sizeof(inline_));
        other.size_ = other.capacity_ = 0;
    }

    union {
        T* heap_ = nullptr;
        T inline_[N];
    };
    uint32_t size_ = 0;
    uint32_t capacity_ = 0;   // 0: the elements are inline
};

}  // namespace checker
