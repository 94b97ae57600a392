// The call catalog: complete, indexed by Api, and with the argument rules of SCENARIO_FORMAT.md.

#include "checker/program/Api.hpp"
#include "checker/program/Program.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <set>
#include <string>

using namespace checker;

namespace {

const ArgSpec& arg(Api api, std::string_view key)
{
    for (const ArgSpec& spec : apiSpec(api).args)
        if (spec.key == key) return spec;
    CPPUNIT_FAIL(std::string(apiSpec(api).name) + " has no argument " + std::string(key));
    return apiSpec(api).args[0];
}

bool hasArg(Api api, std::string_view key)
{
    for (const ArgSpec& spec : apiSpec(api).args)
        if (spec.key == key) return true;
    return false;
}

constexpr uint8_t bit(ObjectType type)
{
    return objectTypeBit(type);
}

}  // namespace

class ApiTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ApiTest);
    CPPUNIT_TEST(everyCallIsListedByName);
    CPPUNIT_TEST(argumentsAreWellFormed);
    CPPUNIT_TEST(objectArgumentsTakeTheirTypes);
    CPPUNIT_TEST(waitsTakeAnObjectOrAThread);
    CPPUNIT_TEST(handlesAreOutputsOnlyWhenOpening);
    CPPUNIT_TEST(reinitializationTakesTheDeclarationFields);
    CPPUNIT_TEST(setInformationDependsOnTheClass);
    CPPUNIT_TEST(requiredArguments);
    CPPUNIT_TEST_SUITE_END();

public:
    void everyCallIsListedByName()
    {
        CPPUNIT_ASSERT_EQUAL(size_t(Api::Count_), allApis().size());
        CPPUNIT_ASSERT_EQUAL(size_t(54), allApis().size());
        for (size_t i = 0; i < allApis().size(); ++i) {
            const ApiSpec& spec = allApis()[i];
            CPPUNIT_ASSERT(spec.api == Api(i));
            CPPUNIT_ASSERT(apiByName(spec.name) == spec.api);
            CPPUNIT_ASSERT(&apiSpec(spec.api) == &spec);
        }
        CPPUNIT_ASSERT(!apiByName("ExAcquireFastMutexUnsafe"));
        CPPUNIT_ASSERT(!apiByName("keenterCriticalRegion"));
        CPPUNIT_ASSERT(apiByName("KeEnterCriticalRegion") == Api::KeEnterCriticalRegion);
        CPPUNIT_ASSERT(apiSpec(Api::KeEnterCriticalRegion).args.empty());
    }

    void argumentsAreWellFormed()
    {
        const std::set<std::string_view> outs{"status", "result", "previous", "handle", "information"};
        for (const ApiSpec& spec : allApis()) {
            std::set<std::string_view> keys;
            for (const ArgSpec& a : spec.args) {
                const std::string where = std::string(spec.name) + "." + std::string(a.key);
                CPPUNIT_ASSERT_MESSAGE(where, keys.insert(a.key).second);
                CPPUNIT_ASSERT_MESSAGE(where, a.key != "call" && a.key != "label");
                const bool isObject = a.kind == ArgKind::Object || a.kind == ArgKind::ObjectList;
                CPPUNIT_ASSERT_MESSAGE(where, isObject == (a.objectTypes != 0));
                if (a.kind == ArgKind::OutLocal) CPPUNIT_ASSERT_MESSAGE(where, outs.count(a.key));
                if (outs.count(a.key) && a.key != "handle")
                    CPPUNIT_ASSERT_MESSAGE(where, a.kind == ArgKind::OutLocal);
            }
        }
    }

    void objectArgumentsTakeTheirTypes()
    {
        for (Api api :
             {Api::ExAcquirePushLockExclusive, Api::ExAcquirePushLockShared, Api::ExReleasePushLockExclusive,
              Api::ExReleasePushLockShared, Api::ExTryConvertPushLockSharedToExclusive, Api::ExInitializePushLock})
            CPPUNIT_ASSERT_EQUAL(bit(ObjectType::EX_PUSH_LOCK), arg(api, "lock").objectTypes);
        for (Api api : {Api::KeReleaseMutex, Api::KeReadStateMutex, Api::KeInitializeMutex})
            CPPUNIT_ASSERT_EQUAL(bit(ObjectType::KMUTEX), arg(api, "mutex").objectTypes);
        for (Api api : {Api::ExAcquireFastMutex, Api::ExReleaseFastMutex, Api::ExTryToAcquireFastMutex})
            CPPUNIT_ASSERT_EQUAL(bit(ObjectType::FAST_MUTEX), arg(api, "mutex").objectTypes);
        for (Api api : {Api::KeAcquireSpinLock, Api::KeReleaseSpinLock})
            CPPUNIT_ASSERT_EQUAL(bit(ObjectType::KSPIN_LOCK), arg(api, "lock").objectTypes);
        for (Api api :
             {Api::KeSetEvent, Api::KeResetEvent, Api::KePulseEvent, Api::KeClearEvent, Api::KeReadStateEvent})
            CPPUNIT_ASSERT_EQUAL(bit(ObjectType::KEVENT), arg(api, "event").objectTypes);
        CPPUNIT_ASSERT_EQUAL(bit(ObjectType::KSEMAPHORE), arg(Api::KeReleaseSemaphore, "semaphore").objectTypes);
        for (Api api : {Api::ExAcquireResourceExclusiveLite, Api::ExReleaseResourceLite, Api::ExDeleteResourceLite,
                        Api::ExReleaseResourceForThreadLite, Api::ExIsResourceAcquiredSharedLite})
            CPPUNIT_ASSERT_EQUAL(bit(ObjectType::ERESOURCE), arg(api, "resource").objectTypes);
        const uint8_t waitable = bit(ObjectType::KMUTEX) | bit(ObjectType::KEVENT) | bit(ObjectType::KSEMAPHORE);
        CPPUNIT_ASSERT_EQUAL(waitable, arg(Api::KeWaitForSingleObject, "object").objectTypes);
        CPPUNIT_ASSERT_EQUAL(waitable, arg(Api::KeWaitForMutexObject, "object").objectTypes);
        CPPUNIT_ASSERT_EQUAL(waitable, arg(Api::KeWaitForMultipleObjects, "objects").objectTypes);
        CPPUNIT_ASSERT(arg(Api::KeWaitForMultipleObjects, "objects").kind == ArgKind::ObjectList);
    }

    void waitsTakeAnObjectOrAThread()
    {
        for (Api api : {Api::KeWaitForSingleObject, Api::KeWaitForMutexObject}) {
            CPPUNIT_ASSERT(apiSpec(api).extra == ApiSpec::Extra::ObjectXorThread);
            CPPUNIT_ASSERT(!arg(api, "object").required);
            CPPUNIT_ASSERT(!arg(api, "thread").required);
            CPPUNIT_ASSERT(arg(api, "thread").kind == ArgKind::Thread);
            CPPUNIT_ASSERT(arg(api, "timeout").kind == ArgKind::Timeout);
            CPPUNIT_ASSERT(arg(api, "status").slot == ArgSlot::OutStatus);
        }
        CPPUNIT_ASSERT(arg(Api::KeWaitForMultipleObjects, "wait_type").kind == ArgKind::WaitType);
        CPPUNIT_ASSERT(arg(Api::ExReleaseResourceForThreadLite, "thread").required);
        CPPUNIT_ASSERT(arg(Api::PsCreateSystemThread, "start").kind == ArgKind::Template);
    }

    void handlesAreOutputsOnlyWhenOpening()
    {
        for (Api api : {Api::ZwCreateFile, Api::ZwOpenFile}) {
            CPPUNIT_ASSERT(arg(api, "handle").kind == ArgKind::OutLocal);
            CPPUNIT_ASSERT(arg(api, "handle").slot == ArgSlot::OutHandle);
            CPPUNIT_ASSERT(arg(api, "handle").required);
            CPPUNIT_ASSERT(arg(api, "path").kind == ArgKind::Text);
            CPPUNIT_ASSERT(arg(api, "access").kind == ArgKind::Flags);
            CPPUNIT_ASSERT(!arg(api, "options").required);
        }
        CPPUNIT_ASSERT(arg(Api::ZwCreateFile, "disposition").slot == ArgSlot::Disposition);
        CPPUNIT_ASSERT(!hasArg(Api::ZwOpenFile, "disposition"));
        for (Api api : {Api::ZwWriteFile, Api::ZwReadFile, Api::ZwSetInformationFile, Api::ZwQueryInformationFile,
                        Api::ZwClose}) {
            CPPUNIT_ASSERT(arg(api, "handle").kind == ArgKind::Expr);
            CPPUNIT_ASSERT(arg(api, "handle").slot == ArgSlot::Handle);
        }
        CPPUNIT_ASSERT(arg(Api::ZwCreateFile, "information").slot == ArgSlot::OutInformation);
        CPPUNIT_ASSERT(arg(Api::ZwReadFile, "length").kind == ArgKind::Expr);
        CPPUNIT_ASSERT(arg(Api::ZwWriteFile, "data").slot == ArgSlot::Data);
        CPPUNIT_ASSERT(arg(Api::ZwQueryInformationFile, "result").slot == ArgSlot::OutResult);
        CPPUNIT_ASSERT(arg(Api::InterlockedCompareExchange, "target").kind == ArgKind::Global);
    }

    void reinitializationTakesTheDeclarationFields()
    {
        CPPUNIT_ASSERT(arg(Api::KeInitializeEvent, "event_type").kind == ArgKind::EventType);
        CPPUNIT_ASSERT(arg(Api::KeInitializeEvent, "event_type").required);
        CPPUNIT_ASSERT(arg(Api::KeInitializeEvent, "signaled").kind == ArgKind::Bool);
        CPPUNIT_ASSERT(!arg(Api::KeInitializeEvent, "signaled").required);
        CPPUNIT_ASSERT(arg(Api::KeInitializeSemaphore, "count").slot == ArgSlot::Count);
        CPPUNIT_ASSERT(!arg(Api::KeInitializeSemaphore, "count").required);
        CPPUNIT_ASSERT(arg(Api::KeInitializeSemaphore, "limit").required);
        CPPUNIT_ASSERT_EQUAL(size_t(1), apiSpec(Api::KeInitializeMutex).args.size());
        CPPUNIT_ASSERT_EQUAL(size_t(1), apiSpec(Api::ExInitializeResourceLite).args.size());
        CPPUNIT_ASSERT_EQUAL(size_t(1), apiSpec(Api::ExInitializePushLock).args.size());
    }

    void setInformationDependsOnTheClass()
    {
        CPPUNIT_ASSERT(apiSpec(Api::ZwSetInformationFile).extra == ApiSpec::Extra::InfoClassFields);
        CPPUNIT_ASSERT(arg(Api::ZwSetInformationFile, "target").slot == ArgSlot::RenameTarget);
        CPPUNIT_ASSERT(arg(Api::ZwSetInformationFile, "replace_if_exists").kind == ArgKind::Bool);
        CPPUNIT_ASSERT(arg(Api::ZwSetInformationFile, "delete").slot == ArgSlot::Delete);
        CPPUNIT_ASSERT(arg(Api::ZwQueryInformationFile, "class").kind == ArgKind::InfoClass);
    }

    void requiredArguments()
    {
        CPPUNIT_ASSERT(arg(Api::ExAcquireFastMutex, "mutex").required);
        CPPUNIT_ASSERT(!arg(Api::ExAcquireResourceSharedLite, "wait").required);
        CPPUNIT_ASSERT(!arg(Api::KeReleaseSemaphore, "adjustment").required);
        CPPUNIT_ASSERT(arg(Api::InterlockedExchange, "value").required);
        CPPUNIT_ASSERT(!arg(Api::ZwWriteFile, "offset").required);
        for (const ApiSpec& spec : allApis())
            for (const ArgSpec& a : spec.args)
                if (a.kind == ArgKind::OutLocal && a.key != "handle") CPPUNIT_ASSERT(!a.required);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ApiTest);
