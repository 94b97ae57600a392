#pragma once
// Flattens the structured statements of one body into its flat code (Body::code, Program.hpp).
// The caller walks the statements in order; for each `if`, `while` and `for` it calls begin*, then
// compiles the nested statements, then end*. Control flow becomes jumps:
//
//   if C then A else B    JumpIfFalse C -> L1; A; Jump -> L2; L1: B; L2:
//   while C do A          L0: JumpIfFalse C -> L1; A; Jump -> L0; L1:
//   for v from F below B  Let v = F; Let v.below = B; L0: JumpIfFalse v < v.below -> L1; A;
//                         Lc: Let v = v + 1; Jump -> L0; L1:
//   break / continue      Jump -> the innermost loop's L1 / its condition (while) or Lc (for)
//   return, end of body   End
//
// For-loop semantics: the loop variable is an ordinary local of the body (C's `for (v = F; v < B;
// ++v)`): F is evaluated once before B; B is evaluated once into a hidden local named "v.below"
// (no hidden local when B is a constant); the body may read and assign v, and an assignment
// changes the iteration as in C; after the loop v keeps its last value.

#include "checker/program/Program.hpp"

#include <vector>

namespace checker {

class BodyBuilder {
public:
    // Builds program.bodies[body], whose named locals (localNames, localCount) are already set.
    // No other body may be added to `program` while this builder is in use.
    BodyBuilder(Program& program, int32_t body);

    // Registers a statement for reports; returns its index for Instr::stmt.
    int32_t addStatement(StatementInfo info);

    // Appends a straight-line instruction: Let, Assert, Assume, Load, Store, Yield or Call.
    void emit(const Instr& instr);

    void beginIf(ExprRef condition, int32_t stmt);
    // Ends the `then` branch of the innermost if and starts its `else` branch.
    void beginElse(int32_t stmt);
    void endIf();

    void beginWhile(ExprRef condition, int32_t stmt);
    void beginFor(int32_t var, ExprRef from, ExprRef below, int32_t stmt);
    // Closes the innermost while or for.
    void endLoop();

    // Whether a break or continue here has a loop to leave.
    bool inLoop() const;
    // Require inLoop().
    void emitBreak(int32_t stmt);
    void emitContinue(int32_t stmt);
    // `return`.
    void emitEnd(int32_t stmt);

    // Ends the body with End; every block must be closed.
    void finish(int32_t stmt);

private:
    struct Block {
        bool isLoop = false;
        int32_t var = -1;          // for: the loop variable; -1 for while
        int32_t head = -1;         // loop: index of its condition
        int32_t pendingJump = -1;  // if: the JumpIfFalse, then the Jump over the else branch
        int32_t stmt = -1;
        std::vector<int32_t> breaks, continues;
    };

    Body& body();
    int32_t here();
    int32_t emitJump(OpCode op, ExprRef condition, int32_t stmt);
    void patch(int32_t jumpAt, int32_t target);
    Block& innermostLoop();
    int32_t addHiddenLocal(std::string name);
    void emitLet(int32_t slot, ExprRef value, int32_t stmt);

    Program& program_;
    int32_t body_;
    std::vector<Block> blocks_;
};

}  // namespace checker
