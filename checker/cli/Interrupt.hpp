#pragma once
// Ctrl-C: the first SIGINT asks exploration to stop (ExploreOptions::interrupt), so that the run
// still writes a valid, incomplete report; a second SIGINT ends the process the default way.

#include <atomic>

namespace checker::cli {

// Installs the SIGINT handler (once) and returns the flag it sets.
const std::atomic<bool>& installInterruptHandler();

// Whether SIGINT arrived since installInterruptHandler().
bool interrupted();

}  // namespace checker::cli
