#pragma once
// The "unsafe interleaving" of the text summary: one column per thread, one row per witness step,
// in order, as lockdep's "Possible unsafe locking scenario" shows it. Blocked attempts are rows
// numbered "wait"; steps left out of an abridged trace become one "..." row saying how many.
//
//            T1                        T2
//            ----                      ----
//       1    ExAcquireFastMutex(A)
//       2                              ExAcquireFastMutex(B)
//    wait    ExAcquireFastMutex(B)
//    wait                              ExAcquireFastMutex(A)

#include "reports/Report.hpp"

#include <string>
#include <vector>

namespace checker::report {

// Widest cell; longer statements are cut in the middle with "..." (the legend gives them in full).
inline constexpr size_t kMaxCellWidth = 40;

// The threads of `trace` in order of their first step.
std::vector<std::string> traceThreads(const Trace& trace);

// The table, each line indented by `indent` spaces and ending with a newline.
std::string interleavingTable(const Trace& trace, size_t indent);

// What a step shows in its cell: the statement, and its result when it has one.
std::string cellText(const TraceStep& step);

}  // namespace checker::report
