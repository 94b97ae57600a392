#pragma once
// The file system's part in an execution's start and in thread exit, called by the interpreter
// (the calls themselves are registered models, FileCalls.cpp).

#include "checker/exec/CallModel.hpp"

namespace checker {

// Builds the initial file system of world.program (Interpreter::init).
void resetFileSystem(World& world);

// What a thread's exit touches for the file system: every file object the thread opened, so that
// the exit is ordered against another thread's close of one of them (that decides HANDLE_LEAK).
void fileSystemExitFootprint(const World& world, ThreadId t, Footprint& out);

// Thread t ends: a HANDLE_LEAK issue per statement whose handles t opened and never closed. The
// handles stay open (their share access too), as kernel handles do.
void fileSystemThreadExit(const World& world, ThreadId t, StepEffects& effects);

}  // namespace checker
