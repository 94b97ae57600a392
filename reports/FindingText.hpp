#pragma once
// One finding of the text summary, in the shape kernel developers know from lockdep and Driver
// Verifier's !deadlock (STYLE.md "Text reports kernel developers already read"):
//
//   ======================================================================
//   F1  DEADLOCK  (deadlock, error)
//   wait-for cycle: T2 waits for FAST_MUTEX A held by T1; ...
//   ----------------------------------------------------------------------
//   T2 is trying to acquire A (exclusive)            who waits for what (deadlocks), or the
//       at line 19  /threads/1/body/1  [T2 takes A]  statements involved (other kinds)
//     but already holds B (exclusive)
//   cycle: T2 -> A -> T1 -> B -> T2
//   unsafe interleaving (...):                       one column per thread (InterleavingTable)
//    *** DEADLOCK ***
//   legend:                                          objects and statements: pointer, label, line
//   replay: checker replay out/x/report.json --finding F1
//
// Races show both statements; lost files their paths and notes (where the files ended up);
// api_misuse the rule, what it means and how to fix it.

#include "reports/Report.hpp"

#include <string>

namespace checker::report {

// The text of `finding`, starting with a blank line. `reportPath` is report.json's path: the
// replay and render commands name it, and DOT files are shown next to it.
std::string findingText(const Finding& finding, const std::string& reportPath);

// `word` as one shell word: unchanged when it holds only [A-Za-z0-9_./:=+-], else single-quoted.
std::string shellWord(const std::string& word);

}  // namespace checker::report
