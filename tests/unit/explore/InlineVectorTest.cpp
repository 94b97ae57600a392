// InlineVector: inline up to N elements, then one heap block; copies and moves keep the elements.

#include "checker/explore/InlineVector.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <utility>
#include <vector>

using namespace checker;

namespace {

using Small = InlineVector<uint32_t, 2>;

std::vector<uint32_t> items(const Small& v) { return std::vector<uint32_t>(v.begin(), v.end()); }

Small filled(uint32_t n)
{
    Small v;
    for (uint32_t i = 0; i < n; ++i) v.push_back(i * 10);
    return v;
}

}  // namespace

class InlineVectorTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(InlineVectorTest);
    CPPUNIT_TEST(growsPastTheInlineElements);
    CPPUNIT_TEST(copiesAndMovesKeepTheElements);
    CPPUNIT_TEST(assignReplacesTheElements);
    CPPUNIT_TEST_SUITE_END();

public:
    void growsPastTheInlineElements()
    {
        for (uint32_t n : {0u, 1u, 2u, 3u, 5u, 100u}) {
            Small v = filled(n);
            CPPUNIT_ASSERT_EQUAL(size_t(n), v.size());
            for (uint32_t i = 0; i < n; ++i) CPPUNIT_ASSERT_EQUAL(i * 10, v[i]);
        }
        CPPUNIT_ASSERT(sizeof(Small) <= 16);   // the inline elements share the heap pointer's bytes
    }

    void copiesAndMovesKeepTheElements()
    {
        for (uint32_t n : {1u, 2u, 7u}) {
            Small original = filled(n);
            Small copy(original);
            CPPUNIT_ASSERT(items(copy) == items(original));
            Small assigned = filled(50);
            assigned = original;
            CPPUNIT_ASSERT(items(assigned) == items(original));
            Small moved(std::move(copy));
            CPPUNIT_ASSERT(items(moved) == items(original));
            CPPUNIT_ASSERT(copy.empty());
            Small moveAssigned = filled(3);
            moveAssigned = std::move(moved);
            CPPUNIT_ASSERT(items(moveAssigned) == items(original));
            moveAssigned.push_back(99);
            CPPUNIT_ASSERT_EQUAL(size_t(n + 1), moveAssigned.size());
            CPPUNIT_ASSERT_EQUAL(size_t(n), original.size());
        }
    }

    void assignReplacesTheElements()
    {
        Small v = filled(9);
        std::vector<uint32_t> few{7, 8};
        v.assign(few.data(), few.data() + few.size());
        CPPUNIT_ASSERT(items(v) == few);
        std::vector<uint32_t> many(40, 5);
        v.assign(many.data(), many.data() + many.size());
        CPPUNIT_ASSERT(items(v) == many);
        v.clear();
        CPPUNIT_ASSERT(v.empty());
        v.push_back(1);
        CPPUNIT_ASSERT(items(v) == std::vector<uint32_t>{1});
        // Every count up to past the inline ones (copied element by element up to N, else at
        // once), into inline and heap storage, and a vector's own later elements.
        for (uint32_t before : {0u, 1u, 2u, 9u})
            for (uint32_t n = 0; n <= 3; ++n) {
                Small w = filled(before);
                std::vector<uint32_t> source{3, 4, 5};
                source.resize(n);
                w.assign(source.data(), source.data() + n);
                CPPUNIT_ASSERT(items(w) == source);
                Small own = filled(before);
                std::vector<uint32_t> tail(own.begin() + std::min(before, 1u), own.end());
                own.assign(own.begin() + std::min(before, 1u), own.end());
                CPPUNIT_ASSERT(items(own) == tail);
            }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(InlineVectorTest);
