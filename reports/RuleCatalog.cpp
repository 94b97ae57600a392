#include "reports/RuleCatalog.hpp"

#include <array>
#include <stdexcept>

namespace checker::report {

namespace {

// Indexed by FindingKind.
const std::array<RuleInfo, size_t(FindingKind::Count_)> kKinds = {{
    {"deadlock", "Deadlock", "DEADLOCK",
     "Threads wait for each other in a cycle, or every live thread is blocked: none of them can ever continue.",
     "Take the locks in one global order in every thread; do not wait for an event or a thread while "
     "holding a lock the other side needs; never re-acquire a non-recursive lock you hold."},
    {"lock_order_inversion", "LockOrderInversion", "POSSIBLE CIRCULAR LOCKING DEPENDENCY",
     "Locks are taken in opposite orders by different code paths (as lockdep and Driver Verifier "
     "0xC4/0x1001 report it): some schedule of the same code deadlocks, even if the explored ones did not.",
     "Choose one order for these locks and take them in that order everywhere, or protect the data "
     "with one lock instead of two."},
    {"data_race", "DataRace", "DATA RACE",
     "Two threads access the same shared variable, at least one writes, and nothing orders the "
     "accesses (no lock, event, semaphore, thread wait or interlocked operation between them).",
     "Protect every access to the variable with the same lock, use Interlocked operations, or make "
     "the access atomic when a racy flag is intended."},
    {"file_race", "FileRace", "FILE RACE",
     "Two threads operate on the same path or file, at least one changes it, and nothing in the "
     "driver orders them (the file system's internal locks do not count).",
     "Hold one lock around each thread's whole use of the file (open to close), or order the "
     "threads with an event so one finishes before the other starts."},
    {"lost_file", "LostFile", "LOST FILE",
     "A file that expect.final says must exist is missing at the end of a complete execution.",
     "Follow the witness to the thread that moved, deleted or never created the file; usually two "
     "loops run in the wrong order (the mover before the creator): order them with an event."},
    {"unexpected_file", "UnexpectedFile", "UNEXPECTED FILE",
     "A file that expect.final says must not exist is still there at the end of a complete execution.",
     "Find the step that should have moved or deleted it and why it did not run or failed (status); "
     "order it after the step that creates the file."},
    {"file_content", "FileContent", "WRONG FILE CONTENT",
     "A file exists at the end but its size or content differs from expect.final (e.g. writes "
     "interleaved, lost or truncated).",
     "Serialize the writers of the file or give each writer its own file; check dispositions that "
     "truncate (FILE_OVERWRITE, FILE_OVERWRITE_IF, FILE_SUPERSEDE)."},
    {"outcome_divergence", "OutcomeDivergence", "OUTCOMES DIVERGE",
     "Complete executions end in different final states (globals and files): the result depends on "
     "the schedule.",
     "If one outcome is the right one, add the ordering that forces it; if all are fine, say so "
     "with \"outcome_divergence\": \"any\" in expect.findings."},
    {"assertion_failure", "AssertionFailure", "ASSERTION FAILED",
     "An assert statement was false in some execution; that execution stopped there.",
     "Read the interleaving up to the assert: a step of another thread, not ordered with this one, "
     "changed what the assert checks."},
    {"api_misuse", "ApiMisuse", "API MISUSE",
     "A kernel API was called against its rules (see the rule).",
     "See the rule's own description."},
    {"livelock", "Livelock", "STEP BOUND REACHED",
     "An execution ran more visible steps than --max-steps allows: a loop that never ends under this "
     "schedule (e.g. a spin wait whose condition no thread makes true), or a bound too small.",
     "Make the loop wait on an event instead of spinning; raise --max-steps if the execution is "
     "legitimately that long."},
    {"runtime_error", "RuntimeError", "RUNTIME ERROR",
     "The scenario did something undefined: an index out of range, a division by zero, an integer "
     "overflow.",
     "Fix the statement shown (or the driver logic it models)."},
}};

const std::vector<RuleInfo> kMisuse = {
    {"RELEASE_NOT_OWNED", "ReleaseNotOwned", "LOCK RELEASED BY A NON-OWNER",
     "A lock is released by a thread that does not hold it, or once too often (bug check 0xE3, Driver "
     "Verifier 0xC4/0x1004 and 0x1007; corrupts a push lock).",
     "Release only what this thread acquired, exactly once; check early returns and error branches."},
    {"RECURSIVE_ACQUIRE", "RecursiveAcquire", "RECURSIVE ACQUIRE",
     "A thread acquires a non-recursive lock (fast mutex, push lock, spin lock) it already holds and "
     "waits for itself forever (Driver Verifier 0xC4/0x1000).",
     "Do not call code that takes the lock while holding it; split it into locked and unlocked variants."},
    {"APCS_NOT_DISABLED", "ApcsNotDisabled", "LOCK TAKEN WITH NORMAL KERNEL APCS ENABLED",
     "An ERESOURCE or push lock is acquired outside a critical or guarded region: a kernel APC "
     "(suspension, I/O completion) can run in the owner while it holds the lock (Driver Verifier "
     "0xC4/0x37, 0x38, 0xEA, 0xEB).",
     "Put KeEnterCriticalRegion before the acquire and KeLeaveCriticalRegion after the release."},
    {"THREAD_EXIT_HOLDING_LOCK", "ThreadExitHoldingLock", "THREAD EXITS HOLDING A LOCK",
     "A thread ends while it still owns a lock; every later waiter hangs (bug check 0x4000008A, "
     "Driver Verifier 0xC4/0x100A).",
     "Release every lock on every path out of the thread routine, error paths included."},
    {"HANDLE_LEAK", "HandleLeak", "HANDLE LEAK",
     "A file handle is still open when the thread that opened it ends.",
     "ZwClose every handle on every path, including the branches after a failed call."},
    {"INVALID_HANDLE", "InvalidHandle", "INVALID HANDLE",
     "A call uses a handle that is closed or was never opened (STATUS_INVALID_HANDLE; bug check 0x93 "
     "when closed from kernel mode).",
     "Check the status of the open before using the handle; never use a handle after ZwClose."},
    {"RESOURCE_DELETED_IN_USE", "ResourceDeletedInUse", "RESOURCE DELETED WHILE IN USE",
     "A resource is deleted while a thread owns it or waits for it (Driver Verifier 0xC4/0x100B, bug "
     "check 0xD2).",
     "Wait for every thread that uses the resource to end before deleting it."},
    {"WAIT_AT_DISPATCH_LEVEL", "WaitAtDispatchLevel", "WAIT AT DISPATCH_LEVEL",
     "A thread waits or takes a blocking lock at DISPATCH_LEVEL, e.g. while holding a spin lock "
     "(Driver Verifier 0xC4/0x121, 0x122).",
     "Release the spin lock before waiting, or poll with a timeout of 0."},
    {"UNLOAD_WITH_RUNNING_THREADS", "UnloadWithRunningThreads", "UNLOAD WITH THREADS RUNNING",
     "The unload routine returns while threads of the driver are still alive: their code is unmapped "
     "under them (the <Unloaded_Driver.sys> frames of a crash dump).",
     "Tell the threads to stop and wait for each thread object in the unload routine."},
    {"SEMAPHORE_LIMIT_EXCEEDED", "SemaphoreLimitExceeded", "SEMAPHORE LIMIT EXCEEDED",
     "KeReleaseSemaphore would raise the count above the limit (raises STATUS_SEMAPHORE_LIMIT_EXCEEDED).",
     "Release only as often as the semaphore was acquired; check the limit given at initialization."},
    {"MUTEX_NOT_OWNED", "MutexNotOwned", "KMUTEX RELEASED BY A NON-OWNER",
     "KeReleaseMutex by a thread that does not own the mutex (raises STATUS_MUTANT_NOT_OWNED).",
     "Release the mutex in the thread that acquired it, once per acquire."},
    {"MUTANT_LIMIT_EXCEEDED", "MutantLimitExceeded", "KMUTEX RECURSION LIMIT EXCEEDED",
     "A KMUTEX is acquired recursively more often than its recursion count allows "
     "(raises STATUS_MUTANT_LIMIT_EXCEEDED).",
     "Look for an acquire in a loop without the matching release."},
    {"CRITICAL_REGION_UNBALANCED", "CriticalRegionUnbalanced", "CRITICAL REGION UNBALANCED",
     "KeLeaveCriticalRegion without a matching enter, or a thread ends inside a critical or guarded "
     "region (Driver Verifier 0xC4/0x3E, bug check 0x20).",
     "Pair every enter with exactly one leave on every path."},
    {"SYNC_IO_WITH_SPECIAL_APCS_DISABLED", "SyncIoWithSpecialApcsDisabled",
     "SYNCHRONOUS I/O WITH SPECIAL KERNEL APCS DISABLED",
     "A Zw file call is made holding a fast mutex or spin lock, or in a guarded region: its I/O "
     "completion APC cannot run and the call hangs (Driver Verifier 0xC4/0xE6).",
     "Do file I/O outside fast mutexes, spin locks and guarded regions; an ERESOURCE or push lock "
     "inside a critical region does not have this problem."},
    {"ACCESS_NOT_GRANTED", "AccessNotGranted", "ACCESS NOT GRANTED",
     "A Zw call uses a handle opened without the access it needs (STATUS_ACCESS_DENIED).",
     "Open the file with the access later calls need (e.g. DELETE to rename or delete it)."},
    {"INVALID_PARAMETER", "InvalidParameter", "INVALID PARAMETER",
     "A call is given a parameter the API rejects (STATUS_INVALID_PARAMETER).",
     "Check the arguments of the call shown against the API's documentation."},
};

}  // namespace

const RuleInfo& kindInfo(FindingKind kind)
{
    const auto index = size_t(kind);
    if (index >= kKinds.size()) throw std::out_of_range("kindInfo: not a finding kind");
    return kKinds[index];
}

const std::vector<RuleInfo>& misuseRules()
{
    return kMisuse;
}

const RuleInfo* misuseRule(const std::string& id)
{
    for (const RuleInfo& rule : kMisuse)
        if (rule.id == id) return &rule;
    return nullptr;
}

const RuleInfo& ruleOf(const Finding& finding)
{
    if (finding.kind == FindingKind::ApiMisuse && !finding.rule.empty())
        if (const RuleInfo* rule = misuseRule(finding.rule)) return *rule;
    return kindInfo(finding.kind);
}

std::string sarifRuleId(const Finding& finding)
{
    std::string id = findingKindId(finding.kind);
    if (!finding.rule.empty()) id += "/" + finding.rule;
    return id;
}

}  // namespace checker::report
