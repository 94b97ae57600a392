#include "checker/explore/MemoryBudget.hpp"

#include <cstdio>
#include <cstdlib>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace checker {

MemoryBudget::MemoryBudget(uint64_t maxMb) : maxBytes_(maxMb << 20) {}

bool MemoryBudget::exceeded(uint64_t work)
{
    if (maxBytes_ == 0 || exceeded_ || work < nextCheck_) return exceeded_;
    nextCheck_ = work + kCheckEvery;
    exceeded_ = residentBytes() > maxBytes_;
    return exceeded_;
}

uint64_t MemoryBudget::residentBytes()
{
    // /proc/self/statm: "size resident shared text lib data dt", in pages.
    const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        char text[128];
        const ssize_t n = ::read(fd, text, sizeof text - 1);
        ::close(fd);
        if (n > 0) {
            text[n] = '\0';
            unsigned long long size = 0, resident = 0;
            if (std::sscanf(text, "%llu %llu", &size, &resident) == 2)
                return uint64_t(resident) * uint64_t(::sysconf(_SC_PAGESIZE));
        }
    }
    struct rusage usage {};
    if (::getrusage(RUSAGE_SELF, &usage) == 0) return uint64_t(usage.ru_maxrss) * 1024;
    return 0;
}

}  // namespace checker
