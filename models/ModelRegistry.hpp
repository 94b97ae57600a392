#pragma once
// The table from each call of the catalog to the model that runs it. Each primitive's file in
// models/sync/ (and later models/fs/) registers its calls; ModelRegistry.cpp lists the files.

#include "checker/exec/CallModel.hpp"

#include <array>

namespace checker {

using ModelTable = std::array<const CallModel*, size_t(Api::Count_)>;

// One registration function per primitive file.
void registerFastMutex(ModelTable& table);
void registerInterlocked(ModelTable& table);
void registerThreads(ModelTable& table);

}  // namespace checker
