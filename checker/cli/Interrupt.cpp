#include "checker/cli/Interrupt.hpp"

#include <signal.h>

namespace checker::cli {

namespace {

std::atomic<bool> gInterrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void onSigint(int)
{
    gInterrupted.store(true, std::memory_order_relaxed);
}

}  // namespace

const std::atomic<bool>& installInterruptHandler()
{
    static const bool installed = [] {
        struct sigaction action {};
        action.sa_handler = onSigint;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND | SA_RESTART;
        return sigaction(SIGINT, &action, nullptr) == 0;
    }();
    (void)installed;
    return gInterrupted;
}

bool interrupted()
{
    return gInterrupted.load(std::memory_order_relaxed);
}

}  // namespace checker::cli
