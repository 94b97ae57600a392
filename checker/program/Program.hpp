#pragma once
// The compiled form of a scenario: what the interpreter (checker/exec) runs.
//
// Structured statements are flattened into per-body instruction arrays with jumps; locals are slots;
// expressions are stack bytecode in one arena; templates are pre-split into literal and expression
// pieces; params are already bound (folded into constants). Every instruction points back at the
// statement it came from (JSON pointer, label, line) so findings can name it.
//
// A Program is immutable once built and shared read-only by every execution and worker.

#include "checker/program/Api.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace checker {

// ---------------------------------------------------------------------------------------------
// Expressions: stack bytecode. An ExprRef names a contiguous run of ops in Program::exprCode.
// Evaluation leaves exactly one value on the stack. Arithmetic is 64-bit signed; overflow,
// division by zero and out-of-range shifts are runtime errors (the interpreter reports them).
// Evaluate with evalExpr / expandTemplate (Eval.hpp).
//
// NTSTATUS values are held sign-extended from 32 bits (ntStatus() in Constants.hpp): the constant
// STATUS_INVALID_HANDLE is -1073741816, and a model that writes a status local must write
// ntStatus(code) so that `s == STATUS_...` and `s < 0` behave as in C. NT_SUCCESS(x) is
// (int32)x >= 0. Flags and access masks stay positive (GENERIC_READ is 0x80000000).

enum class ExprOpCode : uint8_t {
    Const,      // push imm
    Local,      // push locals[imm]
    Neg, Not, BitNot,                     // unary on top
    Mul, Div, Mod, Add, Sub, Shl, Shr,    // binary: pop b, pop a, push a op b
    Lt, Le, Gt, Ge, Eq, Ne, BitAnd, BitXor, BitOr,
    AndJump,    // short-circuit &&: if top == 0 { replace top by 0; jump to imm (op index relative
                // to the expression start) } else pop
    OrJump,     // short-circuit ||: if top != 0 { replace top by 1; jump to imm } else pop
    ToBool,     // top = (top != 0)
    NtSuccess,  // top = NT_SUCCESS(top)  (i.e. (int32)top >= 0)
};

struct ExprOp {
    ExprOpCode code;
    int64_t imm = 0;
};

struct ExprRef {
    uint32_t begin = 0;   // index into Program::exprCode
    uint32_t length = 0;  // 0 = no expression
    bool empty() const { return length == 0; }
};

// ---------------------------------------------------------------------------------------------
// Templates: "C:\\Temp\\file_{i}.txt" -> [literal "C:\Temp\file_", expr i, literal ".txt"].

struct TemplatePiece {
    std::string literal;  // used when expr is empty
    ExprRef expr;
};

struct Template {
    std::vector<TemplatePiece> pieces;
};

using TemplateId = int32_t;  // index into Program::templates; -1 = none

// ---------------------------------------------------------------------------------------------
// Kernel objects and globals.

enum class ObjectType : uint8_t {
    EX_PUSH_LOCK, KMUTEX, ERESOURCE, KEVENT, KSEMAPHORE, FAST_MUTEX, KSPIN_LOCK, Count_
};
constexpr uint8_t objectTypeBit(ObjectType t) { return uint8_t(1u << unsigned(t)); }

enum class EventType : uint8_t { NotificationEvent, SynchronizationEvent };

// One declared object (or object array). Element k of declaration d has the world-wide object id
// firstId + k.
struct ObjectDecl {
    std::string name;
    ObjectType type;
    uint32_t size = 1;        // 1 for a scalar; the array length otherwise
    bool isArray = false;
    uint32_t firstId = 0;
    EventType eventType = EventType::NotificationEvent;  // KEVENT
    bool signaled = false;                               // KEVENT
    int64_t count = 0;                                   // KSEMAPHORE initial count
    int64_t limit = 0;                                   // KSEMAPHORE limit
    std::string pointer;                                 // JSON pointer of the declaration
};

// One declared global (scalar or array). Element k lives at Program::globals slot firstSlot + k.
struct GlobalDecl {
    std::string name;
    uint32_t size = 1;
    bool isArray = false;
    int64_t init = 0;
    uint32_t firstSlot = 0;
};

// A reference to an object or global, possibly indexed: decl index + index expression.
struct ObjRef {
    int32_t decl = -1;     // index into Program::objects (or Program::globals for GlobalRef)
    ExprRef index;         // empty for a scalar
};
using GlobalRef = ObjRef;

// A reference to a thread instance by name: declaration + instance number. For a template thread
// (autostart false), instance K is the K-th one PsCreateSystemThread started (0-based).
struct ThreadRef {
    int32_t decl = -1;     // index into Program::threadDecls
    int64_t instance = 0;
};

// ---------------------------------------------------------------------------------------------
// Calls. One CallInstr per call statement; the fields used depend on the Api (see ArgSlot).
// Defaults are compiled in: `options` of ZwCreateFile/ZwOpenFile is a Const
// FILE_SYNCHRONOUS_IO_NONALERT, `adjustment` of KeReleaseSemaphore a Const 1, `count` of
// KeInitializeSemaphore a Const 0. Flag arguments (access, share, disposition, options) are
// always Const. `offset` stays empty when not given (the handle's current position).

struct CallInstr {
    Api api = Api::Count_;
    ObjRef object;                    // lock / mutex / resource / event / semaphore / object
    std::vector<ObjRef> objects;      // KeWaitForMultipleObjects
    ThreadRef thread;                 // wait on a thread; ExReleaseResourceForThreadLite
    int32_t start = -1;               // PsCreateSystemThread: template thread decl index
    GlobalRef target;                 // Interlocked*: the global
    ExprRef value, exchange, comparand, adjustment, length, offset, handle;
    ExprRef access, share, disposition, options;
    bool wait = true;                 // ExAcquireResource*: `wait` (default true)
    bool hasTimeout = false;          // timeout given as 0 (poll); false = infinite
    bool waitAll = false;             // KeWaitForMultipleObjects: WaitAll
    enum class InfoClass : uint8_t { None, Rename, Disposition, Standard } infoClass = InfoClass::None;
    bool replaceIfExists = false;
    bool deleteFile = false;
    TemplateId path = -1, data = -1, renameTarget = -1;
    // Locals that receive results; -1 = not requested.
    int32_t outStatus = -1, outResult = -1, outPrevious = -1, outHandle = -1, outInformation = -1;
    // Re-initialization calls carry the declaration fields.
    EventType eventType = EventType::NotificationEvent;
    bool signaled = false;
    ExprRef count, limit;
};

// ---------------------------------------------------------------------------------------------
// Instructions.

enum class OpCode : uint8_t {
    // invisible (run between scheduling points)
    Let,          // locals[a] = eval(e1)
    Jump,         // pc = a
    JumpIfFalse,  // if !eval(e1) pc = a
    Assert,       // if !eval(e1): assertion_failure with message template b; execution stops
    Assume,       // if !eval(e1): execution discarded
    End,          // the body ends here (end of body or `return`)
    // visible (each one scheduling point)
    Load,         // locals[a] = globals[ref]           ref = globalRef (decl + index expr)
    Store,        // globals[ref] = eval(e1)
    Yield,        // no-op scheduling point
    Call,         // calls[a]
};

inline bool isVisible(OpCode op) { return op >= OpCode::Load; }

struct Instr {
    OpCode op;
    bool atomic = false;   // Load/Store
    int32_t a = -1;        // local slot / jump target / call index
    int32_t b = -1;        // Assert: message template
    ExprRef e1;
    GlobalRef global;      // Load/Store
    int32_t stmt = -1;     // index into Program::statements
};

// Where an instruction came from, for reports.
struct StatementInfo {
    std::string pointer;   // JSON pointer, e.g. "/threads/1/body/3"
    std::string label;     // "" if none
    int32_t line = 0;      // 1-based line in the scenario file; 0 if unknown
    std::string text;      // a short rendering for reports, e.g. "ExAcquireFastMutex(M[1])"
};

// A body of code: a thread's, an APC's, or the unload routine's.
// Locals: slot 0 is `self`; every name assigned anywhere in the body (let, load, for, a call's
// out-arguments) is a local of the whole body, in document order of first assignment; after them
// come hidden slots named "v.below" holding a `for` loop's bound (evaluated once, when the bound
// is not a constant). Every local starts at 0. A `for` variable is an ordinary local, incremented
// after each iteration (C's `for (v = from; v < below; ++v)`).
struct Body {
    std::vector<Instr> code;  // always ends with End
    uint32_t localCount = 0;  // slot 0 is `self`
    std::vector<std::string> localNames;  // slot -> name (for reports)
};

struct ThreadDecl {
    std::string name;
    int64_t count = 1;        // instances at start (autostart); counted threads are named Name[i]
    bool counted = false;     // `count` given
    bool autostart = true;
    int32_t body = -1;        // index into Program::bodies
    std::string pointer;
};

struct ApcDecl {
    std::string name;
    ThreadRef target;
    int32_t body = -1;
    std::string pointer;
};

// ---------------------------------------------------------------------------------------------
// expect block, compiled.

struct CountConstraint {
    enum class Kind : uint8_t { Exact, AtLeast, AtMost, Any } kind = Kind::Exact;
    int64_t value = 0;
};

struct FinalPredicate {
    std::string forVar;        // "" when no `for`
    int64_t from = 0, below = 1;
    TemplateId path = -1;      // expanded with the `for` variable as local slot 0 of exprs
    enum class Exists : uint8_t { Unspecified, Yes, No } exists = Exists::Unspecified;
    ExprRef size;              // empty = unchecked
    TemplateId content = -1;   // -1 = unchecked
    std::string pointer;
};

struct Expectations {
    bool present = false;
    bool hasFindings = false;
    std::map<std::string, CountConstraint> findings;  // kind -> constraint
    std::vector<FinalPredicate> final;
    bool hasExecutions = false;
    int64_t executions = 0;
};

struct InitialFile {
    std::string path;     // already expanded (params only)
    std::string content;
};

// ---------------------------------------------------------------------------------------------

struct Program {
    std::string name;             // scenario name
    std::string description;
    std::string file;             // path of the scenario file as given
    std::map<std::string, int64_t> params;   // bound values (declared, after overrides)

    std::vector<ExprOp> exprCode;
    uint32_t maxExprStack = 1;    // deepest evaluation stack any expression needs
    std::vector<Template> templates;
    std::vector<ObjectDecl> objects;
    uint32_t objectCount = 0;     // total object ids (sum of sizes)
    std::vector<GlobalDecl> globals;
    uint32_t globalSlots = 0;     // total global slots (sum of sizes)
    std::vector<CallInstr> calls;
    std::vector<StatementInfo> statements;
    std::vector<Body> bodies;
    std::vector<ThreadDecl> threadDecls;
    std::vector<ApcDecl> apcs;
    int32_t unloadBody = -1;      // -1 = no unload routine
    int32_t driverEntryDecl = -1; // thread decl named DriverEntry, or -1

    std::vector<std::string> directories;  // initial directories (expanded)
    std::vector<InitialFile> files;        // initial files (expanded)

    Expectations expect;
};

}  // namespace checker
