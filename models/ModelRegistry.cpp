#include "models/ModelRegistry.hpp"

namespace checker {

namespace {

ModelTable buildTable()
{
    ModelTable table{};
    registerFastMutex(table);
    registerInterlocked(table);
    registerThreads(table);
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

}  // namespace checker
