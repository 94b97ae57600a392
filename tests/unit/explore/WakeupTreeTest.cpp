// Wakeup-tree insertion and weak initials (Optimal-DPOR, JACM 2017 §6).

#include "checker/explore/WakeupTree.hpp"

#include <cppunit/extensions/HelperMacros.h>

using namespace checker;

namespace {

SeqEvent ev(uint32_t actor, Location l, Access a)
{
    SeqEvent e;
    e.actor = actor;
    e.lane = actor;
    e.touches.push_back(Touch{l, a});
    return e;
}

const Location X = makeLocation(LocationClass::Global, 0);
const Location Y = makeLocation(LocationClass::Global, 1);

}  // namespace

class WakeupTreeTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(WakeupTreeTest);
    CPPUNIT_TEST(weakInitialWhenFirstEventIsUnblocked);
    CPPUNIT_TEST(notWeakInitialBehindADependency);
    CPPUNIT_TEST(absentActorIndependentOfAllIsWeakInitial);
    CPPUNIT_TEST(insertIntoEmptyTreeAddsABranch);
    CPPUNIT_TEST(insertCoveredByALeafChangesNothing);
    CPPUNIT_TEST(insertDescendsAndAddsTheRest);
    CPPUNIT_TEST(takeLeftmostHandsOverTheSubtree);
    CPPUNIT_TEST_SUITE_END();

public:
    void weakInitialWhenFirstEventIsUnblocked()
    {
        std::vector<SeqEvent> v{ev(1, Y, Access::Write), ev(2, X, Access::Write)};
        size_t pos = 0;
        CPPUNIT_ASSERT(isWeakInitial(ev(2, X, Access::Write), v, &pos));
        CPPUNIT_ASSERT_EQUAL(size_t(1), pos);
    }

    void notWeakInitialBehindADependency()
    {
        std::vector<SeqEvent> v{ev(1, X, Access::Write), ev(2, X, Access::Read)};
        size_t pos = 0;
        CPPUNIT_ASSERT(!isWeakInitial(ev(2, X, Access::Read), v, &pos));
    }

    void absentActorIndependentOfAllIsWeakInitial()
    {
        std::vector<SeqEvent> v{ev(1, X, Access::Write)};
        size_t pos = 0;
        CPPUNIT_ASSERT(isWeakInitial(ev(3, Y, Access::Write), v, &pos));
        CPPUNIT_ASSERT_EQUAL(SIZE_MAX, pos);
        CPPUNIT_ASSERT(!isWeakInitial(ev(3, X, Access::Read), v, &pos));
    }

    void insertIntoEmptyTreeAddsABranch()
    {
        WakeupTree tree;
        tree.insert({ev(1, X, Access::Write), ev(2, Y, Access::Write)});
        CPPUNIT_ASSERT(!tree.empty());
        WakeupTree sub;
        CPPUNIT_ASSERT_EQUAL(1u, tree.takeLeftmost(sub).actor);
        CPPUNIT_ASSERT(tree.empty());
        WakeupTree rest;
        CPPUNIT_ASSERT_EQUAL(2u, sub.takeLeftmost(rest).actor);
        CPPUNIT_ASSERT(rest.empty());
    }

    void insertCoveredByALeafChangesNothing()
    {
        WakeupTree tree;
        tree.insert({ev(1, X, Access::Write)});
        // [2:Y, 1:X] starts with 1's X write up to reordering of the independent Y write.
        tree.insert({ev(2, Y, Access::Write), ev(1, X, Access::Write)});
        WakeupTree sub;
        tree.takeLeftmost(sub);
        CPPUNIT_ASSERT(tree.empty());
        CPPUNIT_ASSERT(sub.empty());
    }

    void insertDescendsAndAddsTheRest()
    {
        WakeupTree tree;
        tree.insert({ev(1, X, Access::Write), ev(2, X, Access::Write)});
        tree.insert({ev(1, X, Access::Write), ev(3, X, Access::Write)});
        WakeupTree sub;
        CPPUNIT_ASSERT_EQUAL(1u, tree.takeLeftmost(sub).actor);
        CPPUNIT_ASSERT(tree.empty());
        WakeupTree rest;
        CPPUNIT_ASSERT_EQUAL(2u, sub.takeLeftmost(rest).actor);
        CPPUNIT_ASSERT_EQUAL(3u, sub.takeLeftmost(rest).actor);
        CPPUNIT_ASSERT(sub.empty());
    }

    void takeLeftmostHandsOverTheSubtree()
    {
        WakeupTree tree;
        tree.insert({ev(1, X, Access::Write), ev(2, Y, Access::Write)});
        tree.insert({ev(3, X, Access::Write)});
        WakeupTree sub;
        CPPUNIT_ASSERT_EQUAL(1u, tree.takeLeftmost(sub).actor);
        CPPUNIT_ASSERT(!sub.empty());
        WakeupTree sub2;
        CPPUNIT_ASSERT_EQUAL(3u, tree.takeLeftmost(sub2).actor);
        CPPUNIT_ASSERT(sub2.empty());
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(WakeupTreeTest);
