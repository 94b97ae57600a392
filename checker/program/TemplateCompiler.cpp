#include "checker/program/TemplateCompiler.hpp"

namespace checker {

namespace {

[[noreturn]] void failAt(size_t at, const std::string& what)
{
    throw CompileError(what + " at column " + std::to_string(at + 1));
}

void appendLiteral(Template& compiled, std::string_view text)
{
    if (text.empty()) return;
    if (compiled.pieces.empty() || !compiled.pieces.back().expr.empty()) compiled.pieces.push_back(TemplatePiece{});
    compiled.pieces.back().literal += text;
}

// Compiles the expression of the `{...}` that opens at `open` and closes at `close`.
ExprRef compilePlaceholder(Program& program, std::string_view text, size_t open, size_t close,
                           const NameResolver& names)
{
    const std::string_view inner = text.substr(open + 1, close - open - 1);
    if (inner.find_first_not_of(" \t\r\n") == std::string_view::npos)
        failAt(open, "empty {} (write {{ and }} for literal braces)");
    try {
        return appendExpr(program, compileExpr(inner, names));
    } catch (const CompileError& error) {
        throw CompileError("in {" + std::string(inner.substr(0, 64)) + "} at column " + std::to_string(open + 1) +
                           ": " + error.what());
    }
}

}  // namespace

TemplateId compileTemplate(Program& program, std::string_view text, const NameResolver& names)
{
    if (text.size() > kMaxTemplateText)
        throw CompileError("template longer than " + std::to_string(kMaxTemplateText) + " characters");
    Template compiled;
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t brace = text.find_first_of("{}", pos);
        if (brace == std::string_view::npos) {
            appendLiteral(compiled, text.substr(pos));
            break;
        }
        appendLiteral(compiled, text.substr(pos, brace - pos));
        if (brace + 1 < text.size() && text[brace + 1] == text[brace]) {
            appendLiteral(compiled, text.substr(brace, 1));
            pos = brace + 2;
            continue;
        }
        if (text[brace] == '}') failAt(brace, "unmatched '}' (write }} for a literal brace)");
        const size_t close = text.find_first_of("{}", brace + 1);
        if (close == std::string_view::npos || text[close] == '{')
            failAt(brace, "unclosed '{' (write {{ for a literal brace)");
        compiled.pieces.push_back(TemplatePiece{{}, compilePlaceholder(program, text, brace, close, names)});
        pos = close + 1;
    }
    program.templates.push_back(std::move(compiled));
    return TemplateId(program.templates.size() - 1);
}

}  // namespace checker
