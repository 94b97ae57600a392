#pragma once
// A vector of trivially copyable values that keeps its first N elements inline, so the small
// sequences the explorer builds for every race (an event's two or three touches, the lanes it
// woke) cost no allocation.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace checker {

template <class T, std::size_t N>
class InlineVector {
    static_assert(std::is_trivially_copyable_v<T>);

public:
    InlineVector() = default;
    InlineVector(const T* first, const T* last) { assign(first, last); }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const T* data() const { return size_ <= N ? inline_.data() : heap_.data(); }
    const T* begin() const { return data(); }
    const T* end() const { return data() + size_; }
    const T& operator[](std::size_t i) const { return data()[i]; }

    void clear()
    {
        size_ = 0;
        heap_.clear();
    }

    void push_back(const T& value)
    {
        if (size_ < N) {
            inline_[size_++] = value;
            return;
        }
        if (size_ == N) heap_.assign(inline_.begin(), inline_.end());
        heap_.push_back(value);
        ++size_;
    }

    void assign(const T* first, const T* last)
    {
        clear();
        std::size_t n = std::size_t(last - first);
        if (n <= N) std::copy(first, last, inline_.begin());
        else heap_.assign(first, last);
        size_ = uint32_t(n);
    }

private:
    std::array<T, N> inline_{};
    std::vector<T> heap_;
    uint32_t size_ = 0;
};

}  // namespace checker
