#pragma once
// The catalog of calls a scenario may make (SCENARIO_FORMAT.md, "Kernel synchronization calls" and
// "File-system calls"). The catalog says which named arguments each call takes; the compiler fills
// the matching fields of CallInstr (Program.hpp); a model in models/ gives each call its behaviour.
// A call that is in the catalog but has no registered model is rejected by `validate` and `run`
// as "not supported yet" — never silently ignored.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace checker {

enum class Api : uint16_t {
    KeEnterCriticalRegion,
    KeLeaveCriticalRegion,
    KeEnterGuardedRegion,
    KeLeaveGuardedRegion,
    ExAcquirePushLockExclusive,
    ExAcquirePushLockShared,
    ExReleasePushLockExclusive,
    ExReleasePushLockShared,
    ExTryConvertPushLockSharedToExclusive,
    KeWaitForSingleObject,
    KeWaitForMutexObject,
    KeWaitForMultipleObjects,
    KeReleaseMutex,
    KeReadStateMutex,
    KeInitializeMutex,
    KeInitializeEvent,
    ExInitializeResourceLite,
    ExInitializePushLock,
    KeInitializeSemaphore,
    ExAcquireResourceExclusiveLite,
    ExAcquireResourceSharedLite,
    ExAcquireSharedStarveExclusive,
    ExAcquireSharedWaitForExclusive,
    ExReleaseResourceLite,
    ExReleaseResourceForThreadLite,
    ExConvertExclusiveToSharedLite,
    ExIsResourceAcquiredExclusiveLite,
    ExIsResourceAcquiredSharedLite,
    ExDeleteResourceLite,
    KeSetEvent,
    KeResetEvent,
    KePulseEvent,
    KeClearEvent,
    KeReadStateEvent,
    KeReleaseSemaphore,
    ExAcquireFastMutex,
    ExReleaseFastMutex,
    ExTryToAcquireFastMutex,
    KeAcquireSpinLock,
    KeReleaseSpinLock,
    InterlockedIncrement,
    InterlockedDecrement,
    InterlockedExchange,
    InterlockedExchangeAdd,
    InterlockedCompareExchange,
    PsCreateSystemThread,
    ZwCreateFile,
    ZwOpenFile,
    ZwWriteFile,
    ZwReadFile,
    ZwSetInformationFile,
    ZwQueryInformationFile,
    ZwClose,
    ZwDeleteFile,
    Count_
};

// What kind of value a named argument holds, and so how it is validated and compiled.
enum class ArgKind : uint8_t {
    Object,      // OBJ: "Name" or "Name[EXPR]" naming a declared object (type checked per call)
    ObjectList,  // [OBJ...]
    Thread,      // a thread instance name: "Name" or "Name[K]"
    Template,    // a thread template name (PsCreateSystemThread start)
    Global,      // GLOBAL_REF: "name" or "name[EXPR]"
    Expr,        // an integer expression
    Flags,       // an integer expression, or flag names joined by '|'
    Bool,        // a JSON boolean
    Timeout,     // null (infinite) or 0 (poll)
    WaitType,    // "WaitAll" | "WaitAny"
    InfoClass,   // "FileRenameInformation" | "FileDispositionInformation" | "FileStandardInformation"
    Text,        // a TEMPLATE (path, data)
    OutLocal,    // a local that receives a value
    EventType,   // "NotificationEvent" | "SynchronizationEvent" (KeInitializeEvent)
};

// Which field of CallInstr an argument compiles into.
enum class ArgSlot : uint8_t {
    Object, Objects, Thread, Start, Target,
    Value, Exchange, Comparand, Adjustment, Length, Offset, Handle,
    Access, Share, Disposition, Options,
    Wait, Timeout, WaitType, Class, ReplaceIfExists, Delete,
    Path, Data, RenameTarget,
    OutStatus, OutResult, OutPrevious, OutHandle, OutInformation,
    EventType, Signaled, Count, Limit,
};

struct ArgSpec {
    std::string_view key;   // the JSON key, e.g. "lock"
    ArgKind kind;
    ArgSlot slot;
    bool required;
    uint8_t objectTypes;    // for Object/ObjectList: mask of ObjectType bits accepted (0 = any)
};

struct ApiSpec {
    Api api;
    std::string_view name;
    std::span<const ArgSpec> args;
    // Checked after the per-argument rules; e.g. KeWaitForSingleObject needs exactly one of
    // `object` and `thread`; ZwSetInformationFile's extra keys depend on `class`.
    enum class Extra : uint8_t { None, ObjectXorThread, InfoClassFields } extra;
};

// The catalog, indexed by Api.
const ApiSpec& apiSpec(Api api);
// The call named `name`, if the format has one.
std::optional<Api> apiByName(std::string_view name);
// Every call name, in catalog order (for "allowed: ..." messages).
std::span<const ApiSpec> allApis();

}  // namespace checker
