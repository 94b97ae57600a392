#include "checker/program/Api.hpp"

#include "checker/program/Program.hpp"

#include <array>

namespace checker {

namespace {

using K = ArgKind;
using S = ArgSlot;

constexpr uint8_t kPushLock = objectTypeBit(ObjectType::EX_PUSH_LOCK);
constexpr uint8_t kMutex = objectTypeBit(ObjectType::KMUTEX);
constexpr uint8_t kResource = objectTypeBit(ObjectType::ERESOURCE);
constexpr uint8_t kEvent = objectTypeBit(ObjectType::KEVENT);
constexpr uint8_t kSemaphore = objectTypeBit(ObjectType::KSEMAPHORE);
constexpr uint8_t kFastMutex = objectTypeBit(ObjectType::FAST_MUTEX);
constexpr uint8_t kSpinLock = objectTypeBit(ObjectType::KSPIN_LOCK);
constexpr uint8_t kWaitable = kMutex | kEvent | kSemaphore;

constexpr ArgSpec obj(std::string_view key, uint8_t types)
{
    return {key, K::Object, S::Object, true, types};
}
constexpr ArgSpec out(std::string_view key, ArgSlot slot)
{
    return {key, K::OutLocal, slot, false, 0};
}
constexpr ArgSpec expr(std::string_view key, ArgSlot slot, bool required)
{
    return {key, K::Expr, slot, required, 0};
}
constexpr ArgSpec flags(std::string_view key, ArgSlot slot, bool required)
{
    return {key, K::Flags, slot, required, 0};
}
constexpr ArgSpec boolean(std::string_view key, ArgSlot slot, bool required)
{
    return {key, K::Bool, slot, required, 0};
}
constexpr ArgSpec text(std::string_view key, ArgSlot slot)
{
    return {key, K::Text, slot, true, 0};
}

constexpr ArgSpec kStatus = out("status", S::OutStatus);
constexpr ArgSpec kResult = out("result", S::OutResult);
constexpr ArgSpec kPrevious = out("previous", S::OutPrevious);
constexpr ArgSpec kInformation = out("information", S::OutInformation);
constexpr ArgSpec kTimeout = {"timeout", K::Timeout, S::Timeout, false, 0};
constexpr ArgSpec kHandleIn = expr("handle", S::Handle, true);
constexpr ArgSpec kHandleOut = {"handle", K::OutLocal, S::OutHandle, true, 0};
constexpr ArgSpec kPath = text("path", S::Path);
constexpr ArgSpec kTarget = {"target", K::Global, S::Target, true, 0};

constexpr std::array<ArgSpec, 0> kNone{};
constexpr std::array kPushLockArgs{obj("lock", kPushLock)};
constexpr std::array kPushLockConvert{obj("lock", kPushLock), kResult};
constexpr std::array kWaitSingle{
    ArgSpec{"object", K::Object, S::Object, false, kWaitable},
    ArgSpec{"thread", K::Thread, S::Thread, false, 0},
    kTimeout,
    kStatus,
};
constexpr std::array kWaitMultiple{
    ArgSpec{"objects", K::ObjectList, S::Objects, true, kWaitable},
    ArgSpec{"wait_type", K::WaitType, S::WaitType, true, 0},
    kTimeout,
    kStatus,
};
constexpr std::array kMutexRelease{obj("mutex", kMutex), kPrevious};
constexpr std::array kMutexRead{obj("mutex", kMutex), kResult};
constexpr std::array kMutexInit{obj("mutex", kMutex)};
constexpr std::array kEventInit{
    obj("event", kEvent),
    ArgSpec{"event_type", K::EventType, S::EventType, true, 0},
    boolean("signaled", S::Signaled, false),
};
constexpr std::array kResourceInit{obj("resource", kResource)};
constexpr std::array kSemaphoreInit{
    obj("semaphore", kSemaphore),
    expr("count", S::Count, false),
    expr("limit", S::Limit, true),
};
constexpr std::array kResourceAcquire{obj("resource", kResource), boolean("wait", S::Wait, false), kResult};
constexpr std::array kResourceOnly{obj("resource", kResource)};
constexpr std::array kResourceForThread{
    obj("resource", kResource),
    ArgSpec{"thread", K::Thread, S::Thread, true, 0},
};
constexpr std::array kResourceQuery{obj("resource", kResource), kResult};
constexpr std::array kEventSet{obj("event", kEvent), kPrevious};
constexpr std::array kEventOnly{obj("event", kEvent)};
constexpr std::array kEventRead{obj("event", kEvent), kResult};
constexpr std::array kSemaphoreRelease{
    obj("semaphore", kSemaphore),
    expr("adjustment", S::Adjustment, false),
    kPrevious,
};
constexpr std::array kFastMutexArgs{obj("mutex", kFastMutex)};
constexpr std::array kFastMutexTry{obj("mutex", kFastMutex), kResult};
constexpr std::array kSpinLockArgs{obj("lock", kSpinLock)};
constexpr std::array kInterlockedUnary{kTarget, kResult};
constexpr std::array kInterlockedValue{kTarget, expr("value", S::Value, true), kResult};
constexpr std::array kInterlockedCompare{
    kTarget,
    expr("exchange", S::Exchange, true),
    expr("comparand", S::Comparand, true),
    kResult,
};
constexpr std::array kCreateThread{ArgSpec{"start", K::Template, S::Start, true, 0}, kStatus};
constexpr std::array kCreateFile{
    kPath,
    flags("access", S::Access, true),
    flags("share", S::Share, true),
    flags("disposition", S::Disposition, true),
    flags("options", S::Options, false),
    kHandleOut,
    kStatus,
    kInformation,
};
constexpr std::array kOpenFile{
    kPath,
    flags("access", S::Access, true),
    flags("share", S::Share, true),
    flags("options", S::Options, false),
    kHandleOut,
    kStatus,
};
constexpr std::array kWriteFile{
    kHandleIn, text("data", S::Data), expr("offset", S::Offset, false), kStatus, kInformation,
};
constexpr std::array kReadFile{
    kHandleIn, expr("length", S::Length, true), expr("offset", S::Offset, false), kStatus, kInformation,
};
constexpr std::array kSetInformation{
    kHandleIn,
    ArgSpec{"class", K::InfoClass, S::Class, true, 0},
    ArgSpec{"target", K::Text, S::RenameTarget, false, 0},
    boolean("replace_if_exists", S::ReplaceIfExists, false),
    boolean("delete", S::Delete, false),
    kStatus,
};
constexpr std::array kQueryInformation{
    kHandleIn,
    ArgSpec{"class", K::InfoClass, S::Class, true, 0},
    kResult,
};
constexpr std::array kClose{kHandleIn, kStatus};
constexpr std::array kDeleteFile{kPath, kStatus};

using Extra = ApiSpec::Extra;

constexpr ApiSpec spec(Api api, std::string_view name, std::span<const ArgSpec> args, Extra extra = Extra::None)
{
    return {api, name, args, extra};
}

#define CHECKER_API(name, args, ...) spec(Api::name, #name, args __VA_OPT__(, ) __VA_ARGS__)

constexpr std::array<ApiSpec, size_t(Api::Count_)> kCatalog{
    CHECKER_API(KeEnterCriticalRegion, kNone),
    CHECKER_API(KeLeaveCriticalRegion, kNone),
    CHECKER_API(KeEnterGuardedRegion, kNone),
    CHECKER_API(KeLeaveGuardedRegion, kNone),
    CHECKER_API(ExAcquirePushLockExclusive, kPushLockArgs),
    CHECKER_API(ExAcquirePushLockShared, kPushLockArgs),
    CHECKER_API(ExReleasePushLockExclusive, kPushLockArgs),
    CHECKER_API(ExReleasePushLockShared, kPushLockArgs),
    CHECKER_API(ExTryConvertPushLockSharedToExclusive, kPushLockConvert),
    CHECKER_API(KeWaitForSingleObject, kWaitSingle, Extra::ObjectXorThread),
    CHECKER_API(KeWaitForMutexObject, kWaitSingle, Extra::ObjectXorThread),
    CHECKER_API(KeWaitForMultipleObjects, kWaitMultiple),
    CHECKER_API(KeReleaseMutex, kMutexRelease),
    CHECKER_API(KeReadStateMutex, kMutexRead),
    CHECKER_API(KeInitializeMutex, kMutexInit),
    CHECKER_API(KeInitializeEvent, kEventInit),
    CHECKER_API(ExInitializeResourceLite, kResourceInit),
    CHECKER_API(ExInitializePushLock, kPushLockArgs),
    CHECKER_API(KeInitializeSemaphore, kSemaphoreInit),
    CHECKER_API(ExAcquireResourceExclusiveLite, kResourceAcquire),
    CHECKER_API(ExAcquireResourceSharedLite, kResourceAcquire),
    CHECKER_API(ExAcquireSharedStarveExclusive, kResourceAcquire),
    CHECKER_API(ExAcquireSharedWaitForExclusive, kResourceAcquire),
    CHECKER_API(ExReleaseResourceLite, kResourceOnly),
    CHECKER_API(ExReleaseResourceForThreadLite, kResourceForThread),
    CHECKER_API(ExConvertExclusiveToSharedLite, kResourceOnly),
    CHECKER_API(ExIsResourceAcquiredExclusiveLite, kResourceQuery),
    CHECKER_API(ExIsResourceAcquiredSharedLite, kResourceQuery),
    CHECKER_API(ExDeleteResourceLite, kResourceOnly),
    CHECKER_API(KeSetEvent, kEventSet),
    CHECKER_API(KeResetEvent, kEventSet),
    CHECKER_API(KePulseEvent, kEventSet),
    CHECKER_API(KeClearEvent, kEventOnly),
    CHECKER_API(KeReadStateEvent, kEventRead),
    CHECKER_API(KeReleaseSemaphore, kSemaphoreRelease),
    CHECKER_API(ExAcquireFastMutex, kFastMutexArgs),
    CHECKER_API(ExReleaseFastMutex, kFastMutexArgs),
    CHECKER_API(ExTryToAcquireFastMutex, kFastMutexTry),
    CHECKER_API(KeAcquireSpinLock, kSpinLockArgs),
    CHECKER_API(KeReleaseSpinLock, kSpinLockArgs),
    CHECKER_API(InterlockedIncrement, kInterlockedUnary),
    CHECKER_API(InterlockedDecrement, kInterlockedUnary),
    CHECKER_API(InterlockedExchange, kInterlockedValue),
    CHECKER_API(InterlockedExchangeAdd, kInterlockedValue),
    CHECKER_API(InterlockedCompareExchange, kInterlockedCompare),
    CHECKER_API(PsCreateSystemThread, kCreateThread),
    CHECKER_API(ZwCreateFile, kCreateFile),
    CHECKER_API(ZwOpenFile, kOpenFile),
    CHECKER_API(ZwWriteFile, kWriteFile),
    CHECKER_API(ZwReadFile, kReadFile),
    CHECKER_API(ZwSetInformationFile, kSetInformation, Extra::InfoClassFields),
    CHECKER_API(ZwQueryInformationFile, kQueryInformation),
    CHECKER_API(ZwClose, kClose),
    CHECKER_API(ZwDeleteFile, kDeleteFile),
};

#undef CHECKER_API

constexpr bool catalogIsIndexedByApi()
{
    for (size_t i = 0; i < kCatalog.size(); ++i)
        if (kCatalog[i].api != Api(i)) return false;
    return true;
}
static_assert(catalogIsIndexedByApi(), "kCatalog must list the calls in the order of enum Api");

}  // namespace

const ApiSpec& apiSpec(Api api)
{
    return kCatalog[size_t(api)];
}

std::optional<Api> apiByName(std::string_view name)
{
    for (const ApiSpec& spec : kCatalog)
        if (spec.name == name) return spec.api;
    return std::nullopt;
}

std::span<const ApiSpec> allApis()
{
    return kCatalog;
}

}  // namespace checker
