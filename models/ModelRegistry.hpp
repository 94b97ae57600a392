#pragma once
// The table from each call of the catalog to the model that runs it. Each primitive's file in
// models/sync/ (and models/fs/) registers its calls; ModelRegistry.cpp lists the files.

#include "checker/exec/CallModel.hpp"

#include <array>

namespace checker {

using ModelTable = std::array<const CallModel*, size_t(Api::Count_)>;

// One registration function per primitive file.
void registerFastMutex(ModelTable& table);
void registerInterlocked(ModelTable& table);
void registerThreads(ModelTable& table);
void registerWait(ModelTable& table);
void registerKMutex(ModelTable& table);
void registerEvent(ModelTable& table);
void registerSemaphore(ModelTable& table);
void registerPushLock(ModelTable& table);
void registerEresource(ModelTable& table);
void registerSpinLock(ModelTable& table);
void registerRegions(ModelTable& table);
void registerFileSystem(ModelTable& table);

}  // namespace checker
