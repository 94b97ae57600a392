// HappensBefore on its own, fed random steps: the shortcut for a step that synchronizes nothing
// (ownClock() and advance() instead of acquire() and publish()) leaves every clock as the general
// path does, epoch() is the thread's own component, and a run that takes the shortcut where it
// may still has its synchronization; a copy goes on like the original.

#include "checker/detect/HappensBefore.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <random>
#include <string>

using namespace checker;

namespace {

constexpr uint32_t kThreads = 6;

// Random steps of kThreads threads: touches of objects, threads, globals and files with any
// access, now and then a blocked step, woken threads or a created one.
struct RandomSteps {
    explicit RandomSteps(uint32_t seed) : random(seed) {}

    void next()
    {
        fp.clear();
        effects.clear();
        t = uint32_t(random() % kThreads);
        static constexpr LocationClass kClasses[] = {LocationClass::Object, LocationClass::Thread,
                                                     LocationClass::Global, LocationClass::File,
                                                     LocationClass::FileObject, LocationClass::ApcSlot};
        // Half of the steps touch only file locations, as file calls do.
        bool filesOnly = random() % 2 == 0;
        for (uint32_t n = uint32_t(random() % 4); n > 0; --n) {
            LocationClass c = filesOnly ? LocationClass::File : kClasses[random() % 6];
            fp.add(makeLocation(c, uint32_t(random() % 3)), Access(random() % 7));
        }
        globals = GlobalSync(random() % 4);
        effects.blocked = random() % 8 == 0;
        if (random() % 8 == 0) effects.woken.push_back(int32_t(random() % kThreads));
        if (random() % 16 == 0) effects.createdThread = int32_t(random() % kThreads);
    }

    std::mt19937 random;
    uint32_t t = 0;
    Footprint fp;
    GlobalSync globals = GlobalSync::None;
    StepEffects effects;
};

std::string text(const VectorClock& c)
{
    std::string out;
    for (uint32_t u = 0; u < kThreads; ++u) out += std::to_string(c.get(u)) + " ";
    return out;
}

// The clocks of the threads below `started` (those begin() started).
std::string clocks(const HappensBefore& hb, uint32_t started = kThreads)
{
    std::string out;
    for (uint32_t t = 0; t < started; ++t) out += text(hb.clock(t)) + "| ";
    return out;
}

// Whether some thread's clock has another thread's component: the run synchronized.
bool synchronized(const HappensBefore& hb)
{
    for (uint32_t t = 0; t < kThreads; ++t)
        for (uint32_t u = 0; u < kThreads; ++u)
            if (u != t && hb.clock(t).get(u) != 0) return true;
    return false;
}

}  // namespace

class HappensBeforeTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HappensBeforeTest);
    CPPUNIT_TEST(theShortcutKeepsTheClocksOfTheGeneralPath);
    CPPUNIT_TEST(aCopyOverAUsedOneGoesOnLikeTheOriginal);
    CPPUNIT_TEST_SUITE_END();

public:
    void theShortcutKeepsTheClocksOfTheGeneralPath()
    {
        for (uint32_t seed = 1; seed <= 20; ++seed) {
            HappensBefore general, shortcut;
            // The last two threads start at their first step, or when created or woken: their
            // clocks are compared once all have started.
            general.begin(kThreads - 2);
            shortcut.begin(kThreads - 2);
            uint32_t started = kThreads - 2;
            RandomSteps steps(seed);
            uint32_t taken = 0;
            for (int i = 0; i < 2000; ++i) {
                steps.next();
                std::string seen = text(general.acquire(steps.t, steps.fp, steps.globals, steps.effects));
                general.publish(steps.t, steps.fp, steps.globals, steps.effects);
                if (HappensBefore::synchronizesNothing(steps.fp, steps.globals, steps.effects)) {
                    taken++;
                    const VectorClock& own = shortcut.ownClock(steps.t);
                    CPPUNIT_ASSERT_EQUAL(seen, text(own));
                    CPPUNIT_ASSERT_EQUAL(own.get(steps.t), shortcut.epoch(steps.t));
                    shortcut.advance(steps.t);
                } else {
                    CPPUNIT_ASSERT_EQUAL(seen, text(shortcut.acquire(steps.t, steps.fp, steps.globals, steps.effects)));
                    shortcut.publish(steps.t, steps.fp, steps.globals, steps.effects);
                }
                if (i == 1000) started = kThreads;
                CPPUNIT_ASSERT_EQUAL_MESSAGE("seed " + std::to_string(seed) + " step " + std::to_string(i),
                                             clocks(general, started), clocks(shortcut, started));
            }
            CPPUNIT_ASSERT(taken > 500);
            CPPUNIT_ASSERT(synchronized(general));
        }
    }

    // A copy assigned over one that ran other steps (a restore into a used runner) goes on like
    // the original: a location's clocks are copied whichever of the two published there (the copy
    // skips the locations neither did).
    void aCopyOverAUsedOneGoesOnLikeTheOriginal()
    {
        {
            // Thread 0 released objects 0 and 1 in `used`, object 1 only in `original`: after the
            // copy, thread 1's acquire of object 0 joins nothing.
            HappensBefore original, used;
            original.begin(2);
            used.begin(2);
            Footprint release0, release1, acquire;
            release0.add(makeLocation(LocationClass::Object, 0), Access::Release);
            release1.add(makeLocation(LocationClass::Object, 1), Access::Release);
            acquire.add(makeLocation(LocationClass::Object, 0), Access::Acquire);
            const StepEffects none;
            for (const Footprint* fp : {&release0, &release1}) {
                used.acquire(0, *fp, GlobalSync::None, none);
                used.publish(0, *fp, GlobalSync::None, none);
            }
            original.acquire(0, release1, GlobalSync::None, none);
            original.publish(0, release1, GlobalSync::None, none);
            used = original;
            CPPUNIT_ASSERT_EQUAL(0u, used.acquire(1, acquire, GlobalSync::None, none).get(0));
        }
        for (uint32_t seed = 1; seed <= 40; ++seed) {
            HappensBefore original, used;
            original.begin(kThreads);
            used.begin(kThreads);
            RandomSteps steps(seed), other(seed + 1000);
            for (int i = 0; i < 6; ++i) {
                step(original, steps);
                step(used, other);
            }
            used = original;
            for (int i = 0; i < 300; ++i) {
                steps.next();
                HappensBefore* both[] = {&original, &used};
                std::string seen[2];
                for (int k = 0; k < 2; ++k) {
                    seen[k] = text(both[k]->acquire(steps.t, steps.fp, steps.globals, steps.effects));
                    both[k]->publish(steps.t, steps.fp, steps.globals, steps.effects);
                }
                CPPUNIT_ASSERT_EQUAL_MESSAGE("seed " + std::to_string(seed) + " step " + std::to_string(i), seen[0],
                                             seen[1]);
            }
            CPPUNIT_ASSERT_EQUAL(clocks(original), clocks(used));
        }
    }

private:
    static void step(HappensBefore& hb, RandomSteps& steps)
    {
        steps.next();
        hb.acquire(steps.t, steps.fp, steps.globals, steps.effects);
        hb.publish(steps.t, steps.fp, steps.globals, steps.effects);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HappensBeforeTest);
