#pragma once
// What a visible operation touches: the (location, access) pairs the explorer uses to decide which
// steps of different threads are dependent. The explorer never looks inside a model; precise
// footprints are what keep exploration small (ARCHITECTURE.md, data flow step 4).

#include <cstdint>
#include <vector>

namespace checker {

// A location is a 32-bit id: a 4-bit class and a 28-bit index within the class.
enum class LocationClass : uint32_t {
    Global = 0,      // one slot of shared memory
    Object = 1,      // one kernel object (lock, event, ...)
    Thread = 2,      // a thread object: its termination (waits on threads)
    ThreadTable = 3, // thread creation (instance numbering)
    Path = 4,        // a name in the file-system namespace
    File = 5,        // a file's data and attributes
    ShareState = 6,  // a file's share-access counters
    ApcSlot = 7,     // a thread as the target of APC delivery: every step of a thread that APCs
                     // target touches it, so a delivery is ordered against each of them
    FileObject = 8,  // a file object (what a handle names): its position and open/closed state
    Count_
};

using Location = uint32_t;

constexpr Location makeLocation(LocationClass c, uint32_t index)
{
    return (uint32_t(c) << 28) | (index & 0x0FFFFFFFu);
}
constexpr LocationClass locationClass(Location l) { return LocationClass(l >> 28); }
constexpr uint32_t locationIndex(Location l) { return l & 0x0FFFFFFFu; }

// How an operation touches a location.
//  - Read / Write: plain observation / change.
//  - Acquire / Release: exclusive ownership taken / given back. An Acquire that cannot be granted
//    makes the operation disabled until a Release; the Release -> Acquire dependency is therefore
//    not reversible (it orders, but is not a race to explore). Models whose operation can be
//    disabled must express the disabling as Acquire (exclusive) — see isReversible.
//  - Observe: waits that are disabled until some Release (e.g. waiting for a thread to end);
//    observing commutes with observing and with Read.
//  - SharedAcquire / SharedRelease: shared ownership; commute with each other, conflict with the
//    exclusive kinds and with Write.
enum class Access : uint8_t { Read, Write, Acquire, Release, Observe, SharedAcquire, SharedRelease };

struct Touch {
    Location location;
    Access access;

    bool operator==(const Touch& other) const { return location == other.location && access == other.access; }
};

// Whether two accesses to the same location by different threads fail to commute.
constexpr bool conflicts(Access a, Access b)
{
    auto passive = [](Access x) { return x == Access::Read || x == Access::Observe; };
    auto shared = [](Access x) { return x == Access::SharedAcquire || x == Access::SharedRelease; };
    if (passive(a) && passive(b)) return false;
    if (shared(a) && shared(b)) return false;
    if ((passive(a) && shared(b)) || (shared(a) && passive(b))) return false;
    return true;
}

// Whether an access conflicts with every other access (everything before it on the location is
// ordered before it).
constexpr bool conflictsWithAll(Access a)
{
    return a == Access::Write || a == Access::Acquire || a == Access::Release;
}

// Whether a dependency from an earlier access `first` to a later access `second` is a race the
// explorer may reverse. Release -> (blocked) Acquire/Observe is not: the later operation was
// disabled until the release. Nothing else is exempt.
constexpr bool isReversible(Access first, Access second)
{
    bool releases = first == Access::Release || first == Access::SharedRelease;
    bool waits = second == Access::Acquire || second == Access::Observe || second == Access::SharedAcquire;
    return !(releases && waits);
}

// A footprint: the touches of one operation. Capacity is kept across uses, so filling it on the
// hot path does not allocate once warm.
struct Footprint {
    std::vector<Touch> touches;
    void clear() { touches.clear(); }
    // Inline with room to spare (nearly every add), its growth out of line: a step's footprint
    // is built at nearly every step, and an inlined reallocation made each builder save registers.
    void add(Location l, Access a)
    {
        if (touches.size() != touches.capacity()) [[likely]]
            touches.push_back(Touch{l, a});
        else
            addGrowing(l, a);
    }

private:
    [[gnu::noinline]] void addGrowing(Location l, Access a) { touches.push_back(Touch{l, a}); }
};

// Whether two footprints (of operations of different threads) are dependent.
inline bool dependent(const Touch* a, uint32_t na, const Touch* b, uint32_t nb)
{
    for (uint32_t i = 0; i < na; ++i)
        for (uint32_t j = 0; j < nb; ++j)
            if (a[i].location == b[j].location && conflicts(a[i].access, b[j].access)) return true;
    return false;
}

}  // namespace checker
