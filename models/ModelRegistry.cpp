#include "models/ModelRegistry.hpp"

#include "models/sync/Dispatcher.hpp"

namespace checker {

namespace {

ModelTable buildTable()
{
    ModelTable table{};
    registerFastMutex(table);
    registerInterlocked(table);
    registerThreads(table);
    registerWait(table);
    registerKMutex(table);
    registerEvent(table);
    registerSemaphore(table);
    registerPushLock(table);
    registerEresource(table);
    registerSpinLock(table);
    registerRegions(table);
    registerFileSystem(table);
    return table;
}

const ModelTable& table()
{
    static const ModelTable instance = buildTable();
    return instance;
}

}  // namespace

const CallModel* callModel(Api api)
{
    return api < Api::Count_ ? table()[size_t(api)] : nullptr;
}

bool isCallSupported(Api api)
{
    return callModel(api) != nullptr;
}

void initObjectState(const ObjectDecl& decl, ObjectState& out)
{
    out = ObjectState{};
    out.type = decl.type;
    switch (decl.type) {
    case ObjectType::KEVENT:
        out.signal = decl.signaled ? 1 : 0;
        out.flags = decl.eventType == EventType::SynchronizationEvent ? sync::kSynchronizationEvent : 0;
        break;
    case ObjectType::KSEMAPHORE:
        out.signal = decl.count;
        out.limit = decl.limit;
        break;
    case ObjectType::KMUTEX: out.signal = 1; break;
    default: break;
    }
}

}  // namespace checker
