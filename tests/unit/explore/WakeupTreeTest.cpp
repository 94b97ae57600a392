// Wakeup-tree insertion and weak initials (Optimal-DPOR, JACM 2017 §6).

#include "checker/explore/WakeupTree.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <random>

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
    CPPUNIT_TEST(actorsSharingABitAreToldApart);
    CPPUNIT_TEST(insertIntoEmptyTreeAddsABranch);
    CPPUNIT_TEST(insertCoveredByALeafChangesNothing);
    CPPUNIT_TEST(insertDescendsAndAddsTheRest);
    CPPUNIT_TEST(takeLeftmostHandsOverTheSubtree);
    CPPUNIT_TEST(aLongChainTakenPastItsHalfKeepsItsRest);
    CPPUNIT_TEST(insertNamesTheBranchItChanged);
    CPPUNIT_TEST(branchesAreCountedAndCopied);
    CPPUNIT_TEST(leftmostEqualsSeesInsertionsBelowIt);
    CPPUNIT_TEST(longSequencesFollowASharedPrefixInAnyOrder);
    CPPUNIT_TEST(lateEventsOfALongSequenceAreFoundScannedOrIndexed);
    CPPUNIT_TEST(placeThenCommitIsInsert);
    CPPUNIT_TEST(aTakenNodeComesBackEmpty);
    CPPUNIT_TEST(aLeftmostLeafCoversWhatItsActorStarts);
    CPPUNIT_TEST(aLongSequenceSummaryAnswersAsAScan);
    CPPUNIT_TEST(anIndexOfActorsInRunsFindsEachActorsFirstEvent);
    CPPUNIT_TEST(whatLaterBranchesCoverTheGrownTreeCovers);
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

    // A sequence keeps one bit per actor modulo 64 to tell an actor absent without a scan:
    // actors 1 and 65 share one, and each is still found, or not, as a scan finds it.
    void actorsSharingABitAreToldApart()
    {
        std::vector<SeqEvent> v{ev(2, Y, Access::Write), ev(65, X, Access::Write)};
        size_t pos = 0;
        CPPUNIT_ASSERT(isWeakInitial(ev(65, X, Access::Write), v, &pos));
        CPPUNIT_ASSERT_EQUAL(size_t(1), pos);
        CPPUNIT_ASSERT(!isWeakInitial(ev(1, X, Access::Read), v, &pos));
        CPPUNIT_ASSERT(isWeakInitial(ev(1, makeLocation(LocationClass::Global, 2), Access::Read), v, &pos));
        CPPUNIT_ASSERT_EQUAL(SIZE_MAX, pos);
        CPPUNIT_ASSERT(!isWeakInitial(ev(3, Y, Access::Read), v, &pos));
    }

    void insertIntoEmptyTreeAddsABranch()
    {
        WakeupTree tree;
        tree.insert({ev(1, X, Access::Write), ev(2, Y, Access::Write)});
        CPPUNIT_ASSERT(!tree.empty());
        WakeupTree sub;
        CPPUNIT_ASSERT_EQUAL(1u, tree.takeLeftmost(sub));
        CPPUNIT_ASSERT(tree.empty());
        WakeupTree rest;
        CPPUNIT_ASSERT_EQUAL(2u, sub.takeLeftmost(rest));
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
        CPPUNIT_ASSERT_EQUAL(1u, tree.takeLeftmost(sub));
        CPPUNIT_ASSERT(tree.empty());
        WakeupTree rest;
        CPPUNIT_ASSERT_EQUAL(2u, sub.takeLeftmost(rest));
        CPPUNIT_ASSERT_EQUAL(3u, sub.takeLeftmost(rest));
        CPPUNIT_ASSERT(sub.empty());
    }

    void takeLeftmostHandsOverTheSubtree()
    {
        WakeupTree tree;
        tree.insert({ev(1, X, Access::Write), ev(2, Y, Access::Write)});
        tree.insert({ev(3, X, Access::Write)});
        WakeupTree sub;
        CPPUNIT_ASSERT_EQUAL(1u, tree.takeLeftmost(sub));
        CPPUNIT_ASSERT(!sub.empty());
        WakeupTree sub2;
        CPPUNIT_ASSERT_EQUAL(3u, tree.takeLeftmost(sub2));
        CPPUNIT_ASSERT(sub2.empty());
    }

    // A long chain taken event by event gives its explored half back (past 1024 events taken,
    // when they are half of it): the events after it come out in order, and what is left is
    // the branch of the events not taken.
    void aLongChainTakenPastItsHalfKeepsItsRest()
    {
        std::vector<SeqEvent> events;
        for (uint32_t k = 0; k < 3000; ++k)
            events.push_back(ev(1 + k % 5, makeLocation(LocationClass::Global, k % 3), Access::Write));
        WakeupTree tree;
        tree.insert(events);
        for (uint32_t k = 0; k < 2500; ++k) {
            WakeupTree rest;
            CPPUNIT_ASSERT_EQUAL(events[k].actor, tree.takeLeftmost(rest));
            tree = std::move(rest);
        }
        WakeupTree fresh;
        fresh.insert(std::vector<SeqEvent>(events.begin() + 2500, events.end()));
        CPPUNIT_ASSERT(tree.leftmostEquals(fresh) && fresh.leftmostEquals(tree));
    }

    // What a parallel explorer watches for: a sequence that goes below an existing branch
    // changes it (its index); one covered by a leaf or added as a new branch changes none.
    void insertNamesTheBranchItChanged()
    {
        WakeupTree tree;
        CPPUNIT_ASSERT_EQUAL(WakeupTree::kUnchanged, tree.insert({ev(1, X, Access::Write), ev(2, X, Access::Write)}));
        CPPUNIT_ASSERT_EQUAL(WakeupTree::kUnchanged, tree.insert({ev(3, X, Access::Write)}));   // a new branch
        CPPUNIT_ASSERT_EQUAL(WakeupTree::kUnchanged, tree.insert({ev(3, X, Access::Write), ev(4, Y, Access::Read)}));
        CPPUNIT_ASSERT_EQUAL(size_t(0), tree.insert({ev(1, X, Access::Write), ev(4, X, Access::Write)}));
        CPPUNIT_ASSERT_EQUAL(size_t(2), tree.branchCount());
    }

    // Longer than a scan: the front event of a sequence matches a branch directly, any other one
    // through the per-actor index; both walks must agree on what is covered.
    void longSequencesFollowASharedPrefixInAnyOrder()
    {
        auto interleaved = [](uint32_t first, uint32_t second, const SeqEvent& last) {
            std::vector<SeqEvent> v;
            for (int k = 0; k < 20; ++k) {
                v.push_back(ev(first, first == 1 ? X : Y, Access::Write));
                v.push_back(ev(second, second == 1 ? X : Y, Access::Write));
            }
            v.push_back(last);
            return v;
        };
        WakeupTree tree;
        CPPUNIT_ASSERT_EQUAL(WakeupTree::kUnchanged, tree.insert(interleaved(1, 2, ev(3, X, Access::Write))));
        CPPUNIT_ASSERT_EQUAL(WakeupTree::kUnchanged, tree.insert(interleaved(1, 2, ev(3, X, Access::Write))));
        // Actors 1 and 2 touch different locations: the other order is the same trace.
        CPPUNIT_ASSERT_EQUAL(WakeupTree::kUnchanged, tree.insert(interleaved(2, 1, ev(3, X, Access::Write))));
        CPPUNIT_ASSERT_EQUAL(size_t(1), tree.branchCount());
        CPPUNIT_ASSERT_EQUAL(size_t(0), tree.insert(interleaved(2, 1, ev(4, X, Access::Write))));
        CPPUNIT_ASSERT_EQUAL(size_t(1), tree.branchCount());
    }

    // The first look-ups into a long sequence scan it, the later ones use its index (built once
    // the scans have read as many events as it holds): every one finds its actor's first event.
    void lateEventsOfALongSequenceAreFoundScannedOrIndexed()
    {
        auto sequence = [](bool secondWrites) {
            std::vector<SeqEvent> v(36, ev(1, X, Access::Write));
            v.push_back(ev(2, Y, secondWrites ? Access::Write : Access::Read));
            for (uint32_t a : {3u, 4u, 5u}) v.push_back(ev(a, Y, Access::Read));
            return v;
        };
        std::vector<SeqEvent> reversed{ev(5, Y, Access::Read), ev(4, Y, Access::Read), ev(3, Y, Access::Read),
                                       ev(2, Y, Access::Read)};
        reversed.insert(reversed.end(), 36, ev(1, X, Access::Write));
        WakeupTree tree;
        tree.insert(reversed);
        // Reads of Y commute, and none touches X: the same trace.
        CPPUNIT_ASSERT_EQUAL(WakeupTree::kUnchanged, tree.insert(sequence(false)));
        CPPUNIT_ASSERT_EQUAL(size_t(1), tree.branchCount());
        // Thread 2's write comes before the reads of threads 3 to 5: another trace, a new branch.
        CPPUNIT_ASSERT_EQUAL(WakeupTree::kUnchanged, tree.insert(sequence(true)));
        CPPUNIT_ASSERT_EQUAL(size_t(2), tree.branchCount());
    }

    void branchesAreCountedAndCopied()
    {
        WakeupTree tree;
        tree.insert({ev(1, X, Access::Write), ev(2, X, Access::Write)});
        tree.insert({ev(3, X, Access::Write)});
        CPPUNIT_ASSERT_EQUAL(size_t(2), tree.branchCount());
        CPPUNIT_ASSERT_EQUAL(1u, tree.branchActor(0));
        CPPUNIT_ASSERT_EQUAL(3u, tree.branchActor(1));
        CPPUNIT_ASSERT(!tree.branchIsLeaf(0));
        CPPUNIT_ASSERT(tree.branchIsLeaf(1));
        // A copy of the first branch is a tree of its own: [1, 2], with nothing of branch 3.
        WakeupTree copy = tree.copyBranch(0);
        CPPUNIT_ASSERT_EQUAL(size_t(1), copy.branchCount());
        WakeupTree sub;
        CPPUNIT_ASSERT_EQUAL(1u, copy.takeLeftmost(sub));
        CPPUNIT_ASSERT(copy.empty());
        WakeupTree rest;
        CPPUNIT_ASSERT_EQUAL(2u, sub.takeLeftmost(rest));
        CPPUNIT_ASSERT(sub.empty() && rest.empty());
        CPPUNIT_ASSERT_EQUAL(size_t(2), tree.branchCount());   // the original is untouched
    }

    void leftmostEqualsSeesInsertionsBelowIt()
    {
        WakeupTree tree;
        tree.insert({ev(1, X, Access::Write), ev(2, X, Access::Write)});
        tree.insert({ev(3, X, Access::Write)});
        const WakeupTree before = tree.copyBranch(0);
        CPPUNIT_ASSERT(tree.leftmostEquals(before));
        CPPUNIT_ASSERT(!tree.leftmostEquals(tree.copyBranch(1)));
        tree.insert({ev(3, Y, Access::Write)});   // covered by the leaf 3: nothing changes
        CPPUNIT_ASSERT(tree.leftmostEquals(before));
        tree.insert({ev(1, X, Access::Write), ev(4, X, Access::Write)});   // splits [1, 2] below 1
        CPPUNIT_ASSERT(!tree.leftmostEquals(before));
        CPPUNIT_ASSERT(tree.leftmostEquals(tree.copyBranch(0)));
        // A branch partly taken (its chain read from an offset) equals a fresh one of the rest.
        WakeupTree chain;
        chain.insert({ev(1, X, Access::Write), ev(2, X, Access::Write), ev(5, Y, Access::Write)});
        WakeupTree rest;
        chain.takeLeftmost(rest);
        WakeupTree fresh;
        fresh.insert({ev(2, X, Access::Write), ev(5, Y, Access::Write)});
        CPPUNIT_ASSERT(rest.leftmostEquals(fresh) && fresh.leftmostEquals(rest.copyBranch(0)));
        fresh.insert({ev(2, X, Access::Write), ev(6, Y, Access::Write)});   // 2 then 5 or 6
        CPPUNIT_ASSERT(!rest.leftmostEquals(fresh));
    }

    // The explorer walks the tree (place) before it checks the sleep set, and inserts (commit)
    // only what the walk found room for: the two halves must be insert(), and the walk must
    // change nothing. Each case is run on two copies of one tree, one through insert().
    void placeThenCommitIsInsert()
    {
        auto build = [] {
            WakeupTree tree;
            tree.insert({ev(1, X, Access::Write), ev(2, X, Access::Write), ev(5, Y, Access::Write)});
            tree.insert({ev(3, X, Access::Write)});
            return tree;
        };
        auto same = [](const WakeupTree& a, const WakeupTree& b) {
            if (a.branchCount() != b.branchCount()) return false;
            for (size_t k = 0; k < a.branchCount(); ++k)
                if (!a.copyBranch(k).leftmostEquals(b.copyBranch(k))) return false;
            return true;
        };
        struct Case {
            std::vector<SeqEvent> sequence;
            bool inserts;
        };
        const std::vector<Case> cases{
            {{ev(3, X, Access::Read)}, false},                                                // a leaf covers it
            {{ev(1, X, Access::Write), ev(2, X, Access::Write)}, false},                      // followed to its end
            {{ev(4, X, Access::Write)}, true},                                                // a new branch
            {{ev(1, X, Access::Write), ev(4, X, Access::Write)}, true},                       // a split below 1
            {{ev(1, X, Access::Write), ev(2, X, Access::Write), ev(6, Y, Access::Write)}, true},   // below 2
        };
        for (const Case& c : cases) {
            WakeupTree placed = build(), inserted = build();
            const WakeupTree before = build();
            std::vector<EventView> views;
            viewsOf(c.sequence, views);
            WakeupScratch scratch;
            WakeupSequence v(views, scratch);
            const WakeupTree::Placement placement = placed.place(v);
            CPPUNIT_ASSERT_EQUAL(c.inserts, placement.inserts);
            CPPUNIT_ASSERT(same(placed, before));
            const size_t expected = inserted.insert(c.sequence);
            if (placement.inserts) CPPUNIT_ASSERT_EQUAL(expected, placed.commit(placement, v));
            CPPUNIT_ASSERT(same(placed, inserted));
            CPPUNIT_ASSERT_EQUAL(c.inserts, !same(inserted, before));
        }
    }

    // A branch whose events were all taken keeps its node for the next new branch: that branch
    // holds its own events only, from its first.
    void aTakenNodeComesBackEmpty()
    {
        WakeupTree tree;
        tree.insert({ev(1, X, Access::Write), ev(2, X, Access::Write)});
        WakeupTree sub, rest;
        CPPUNIT_ASSERT_EQUAL(1u, tree.takeLeftmost(sub));
        CPPUNIT_ASSERT_EQUAL(2u, sub.takeLeftmost(rest));   // the node is done with
        CPPUNIT_ASSERT(tree.empty() && sub.empty() && rest.empty());
        tree.insert({ev(3, Y, Access::Write)});
        WakeupTree expected;
        expected.insert({ev(3, Y, Access::Write)});
        CPPUNIT_ASSERT(tree.leftmostEquals(expected));
        CPPUNIT_ASSERT(tree.branchIsLeaf(0));
        CPPUNIT_ASSERT_EQUAL(3u, tree.takeLeftmost(sub));
        CPPUNIT_ASSERT(tree.empty() && sub.empty());
    }

    // The explorer skips, before building it, a sequence whose first event's actor is the
    // leftmost branch alone (leftmostIsLeafOf): insert() must change nothing for any such
    // sequence, and the shortcut must not claim a branch with events below it.
    void aLeftmostLeafCoversWhatItsActorStarts()
    {
        WakeupTree tree;
        tree.insert({ev(1, X, Access::Write)});
        tree.insert({ev(2, X, Access::Write), ev(3, X, Access::Write)});
        CPPUNIT_ASSERT(tree.leftmostIsLeafOf(1));
        CPPUNIT_ASSERT(!tree.leftmostIsLeafOf(2));
        const WakeupTree before = tree.copyBranchAfterStubs(1);
        for (const std::vector<SeqEvent>& v : {std::vector<SeqEvent>{ev(1, Y, Access::Write), ev(4, X, Access::Write)},
                                               std::vector<SeqEvent>{ev(1, X, Access::Read), ev(2, X, Access::Write)}}) {
            CPPUNIT_ASSERT_EQUAL(WakeupTree::kUnchanged, tree.insert(v));
            CPPUNIT_ASSERT_EQUAL(size_t(2), tree.branchCount());
            CPPUNIT_ASSERT(tree.branchIsLeaf(0));
            CPPUNIT_ASSERT(tree.copyBranch(1).leftmostEquals(before.copyBranch(1)));
        }
        WakeupTree below;
        below.insert({ev(1, X, Access::Write), ev(2, Y, Access::Write)});
        CPPUNIT_ASSERT(!below.leftmostIsLeafOf(1));
        CPPUNIT_ASSERT_EQUAL(size_t(0), below.insert({ev(1, X, Access::Write), ev(3, Y, Access::Write)}));
        CPPUNIT_ASSERT(!WakeupTree().leftmostIsLeafOf(1));
    }

    // A long sequence asked again and again about actors with no event in it answers from a
    // summary of its lanes and locations from the second question on: every answer, before and
    // after removals, is the one a scan of the events left gives. Lanes 1 and 65 share a bit of
    // the summary, as do lanes 3 and 67.
    void aLongSequenceSummaryAnswersAsAScan()
    {
        const Access accesses[] = {Access::Read,    Access::Write,         Access::Acquire,      Access::Release,
                                   Access::Observe, Access::SharedAcquire, Access::SharedRelease};
        std::vector<SeqEvent> events;
        uint32_t seed = 12345;
        auto next = [&seed](uint32_t n) {
            seed = seed * 1103515245u + 12345u;
            return (seed >> 16) % n;
        };
        for (uint32_t i = 0; i < 48; ++i) {
            SeqEvent e = ev(i % 2 ? 1 : 2, makeLocation(LocationClass::Global, next(40)), accesses[next(7)]);
            e.touches.push_back(Touch{makeLocation(LocationClass::Object, next(40)), accesses[next(7)]});
            if (i == 20) e.createsLane = 3;
            if (i == 30) e.wakes.push_back(4);
            events.push_back(e);
        }
        std::vector<SeqEvent> probes;
        for (uint32_t lane : {5u, 65u, 67u, 1u, 3u, 4u, 6u})
            for (uint32_t l = 0; l < 44; l += 3)
                for (Access a : accesses) {
                    SeqEvent p = ev(9, makeLocation(LocationClass::Global, l), a);
                    p.lane = lane;
                    if (l % 2) p.touches.push_back(Touch{makeLocation(LocationClass::Object, l + 1), a});
                    if (l == 6) p.createsLane = 2;
                    if (l == 9) p.wakes.push_back(1);
                    probes.push_back(p);
                }
        std::vector<EventView> views;
        viewsOf(events, views);
        WakeupScratch scratch;
        WakeupSequence v(views, scratch);
        std::vector<bool> removed(events.size(), false);
        size_t independent = 0, dependent = 0;
        auto check = [&] {
            for (const SeqEvent& p : probes) {
                bool scanned = true;
                for (size_t i = 0; i < events.size(); ++i)
                    if (!removed[i] && seqDependent(p, events[i])) scanned = false;
                size_t pos = 0;
                CPPUNIT_ASSERT_EQUAL(scanned, v.weakInitial(p, &pos));
                CPPUNIT_ASSERT_EQUAL(SIZE_MAX, pos);
                ++(scanned ? independent : dependent);
            }
        };
        check();
        for (size_t i = 0; i < events.size(); i += 2) {
            v.remove(i);
            removed[i] = true;
            check();
        }
        CPPUNIT_ASSERT(independent > 100 && dependent > 100);
    }

    // A long sequence's index of events per actor, built as the events come (an actor's in
    // runs, or alternating with another's), finds each actor's first event left, as a scan does.
    void anIndexOfActorsInRunsFindsEachActorsFirstEvent()
    {
        const uint32_t actors[] = {1, 1, 1, 2, 2, 3, 1, 2, 1, 2, 3, 3, 4, 1, 4, 2};
        std::vector<SeqEvent> events;
        for (uint32_t i = 0; i < 48; ++i)
            events.push_back(ev(actors[i % 16], makeLocation(LocationClass::Global, i), Access::Write));
        std::vector<EventView> views;
        viewsOf(events, views);
        WakeupScratch scratch;
        WakeupSequence v(views, scratch);
        std::vector<bool> removed(events.size(), false);
        for (size_t round = 0; round < 12; ++round) {
            for (uint32_t a = 1; a <= 5; ++a) {
                size_t expected = SIZE_MAX;
                for (size_t i = events.size(); i-- > 0;)
                    if (!removed[i] && events[i].actor == a) expected = i;
                size_t pos = 0;
                CPPUNIT_ASSERT(v.weakInitial(ev(a, makeLocation(LocationClass::Global, 99), Access::Read), &pos));
                CPPUNIT_ASSERT_EQUAL(expected, pos);
            }
            const size_t gone = round * 5 % events.size();
            if (!removed[gone]) v.remove(gone);
            removed[gone] = true;
        }
    }

    // A parallel worker drops what a copy of its node's later branches covers (copyBranchesFrom),
    // because the explorer's tree covers it when it replays the worker's insertions: by then it
    // has taken the branches up to the worker's and inserted any sequences. Random trees, taken
    // and grown in random order; a copy that keeps the worker's own branch is caught out.
    void whatLaterBranchesCoverTheGrownTreeCovers()
    {
        std::mt19937 random(7);
        auto pick = [&random](uint32_t n) { return uint32_t(random() % n); };
        auto sequence = [&] {
            std::vector<SeqEvent> v;
            for (uint32_t n = 1 + pick(4); n > 0; --n)
                v.push_back(ev(1 + pick(4), pick(2) ? X : Y, pick(2) ? Access::Write : Access::Read));
            return v;
        };
        auto covers = [](const WakeupTree& tree, const std::vector<SeqEvent>& sequence) {
            std::vector<EventView> views;
            viewsOf(sequence, views);
            WakeupScratch scratch;
            WakeupSequence v(views, scratch);
            return tree.covers(v);
        };
        int covered = 0, caughtOut = 0;
        for (int trial = 0; trial < 300; ++trial) {
            WakeupTree tree;
            for (uint32_t n = 1 + pick(6); n > 0; --n) tree.insert(sequence());
            const size_t k = pick(uint32_t(tree.branchCount()));   // the worker's branch
            const WakeupTree after = tree.copyBranchesFrom(k + 1), withOwn = tree.copyBranchesFrom(k);
            for (size_t takes = k + 1, inserts = pick(6); takes + inserts > 0;) {
                if (takes > 0 && (inserts == 0 || pick(2))) {
                    WakeupTree subtree;
                    tree.takeLeftmost(subtree);
                    --takes;
                } else {
                    tree.insert(sequence());
                    --inserts;
                }
            }
            for (int probe = 0; probe < 40; ++probe) {
                const std::vector<SeqEvent> v = sequence();
                if (covers(after, v)) {
                    ++covered;
                    CPPUNIT_ASSERT(covers(tree, v));
                }
                caughtOut += covers(withOwn, v) && !covers(tree, v);
            }
        }
        CPPUNIT_ASSERT(covered > 0 && caughtOut > 0);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(WakeupTreeTest);
