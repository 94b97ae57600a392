#include "checker/scenario/BodyReader.hpp"

#include "checker/program/BodyBuilder.hpp"
#include "checker/scenario/BodyScope.hpp"
#include "checker/scenario/CallReader.hpp"
#include "checker/scenario/RefReader.hpp"

#include <array>

namespace checker {

namespace {

constexpr std::array<std::string_view, 13> kKeywords{
    "call", "let", "load", "store", "if", "while", "for", "break", "continue", "return", "assert", "assume", "yield",
};

class StatementReader {
public:
    StatementReader(LoadContext& context, const BodyScope& scope, int32_t body)
        : context_(context), scope_(scope), names_(scope.resolver()), builder_(context.program, body)
    {
    }

    void readList(const Json& statements, const std::string& pointer, int depth);
    void finish(const std::string& pointer);

private:
    void readStatement(const Json& statement, const std::string& pointer, int depth);
    std::string_view keywordOf(const Json& statement, const std::string& pointer) const;
    void readSimple(std::string_view keyword, const Json& statement, const std::string& pointer);
    void readLet(const Json& statement, const std::string& pointer);
    void readLoad(const Json& statement, const std::string& pointer);
    void readStore(const Json& statement, const std::string& pointer);
    void readCheck(std::string_view keyword, const Json& statement, const std::string& pointer);
    void readIf(const Json& statement, const std::string& pointer, int depth);
    void readWhile(const Json& statement, const std::string& pointer, int depth);
    void readFor(const Json& statement, const std::string& pointer, int depth);
    void readCallStatement(const Json& statement, const std::string& pointer);

    int32_t addStatement(const Json& statement, const std::string& pointer, std::string text);
    ExprRef expr(const Json& statement, const std::string& pointer, std::string_view key);
    static std::string raw(const Json& statement, std::string_view key)
    {
        return renderValue(*JsonCheck::find(statement, key));
    }
    bool atomic(const Json& statement, const std::string& pointer) const;
    void emit(OpCode op, int32_t stmt, int32_t a = -1, ExprRef e1 = {}, GlobalRef global = {}, bool isAtomic = false);
    void checkKeys(const Json& statement, const std::string& pointer, std::string_view keyword,
                   std::vector<std::string_view> keys) const;

    LoadContext& context_;
    const BodyScope& scope_;
    NameResolver names_;
    BodyBuilder builder_;
};

void StatementReader::readList(const Json& statements, const std::string& pointer, int depth)
{
    context_.check.array(statements, pointer);
    for (size_t i = 0; i < statements.size(); ++i) readStatement(statements[i], pointerTo(pointer, i), depth);
}

void StatementReader::finish(const std::string& pointer)
{
    builder_.finish(builder_.addStatement({pointer, "", context_.sourceMap.lineOf(pointer), "end"}));
}

std::string_view StatementReader::keywordOf(const Json& statement, const std::string& pointer) const
{
    if (!statement.is_object())
        context_.fail(pointer, "expected a statement (a JSON object), got " + describe(statement));
    std::vector<std::string_view> found;
    for (std::string_view keyword : kKeywords)
        if (JsonCheck::find(statement, keyword)) found.push_back(keyword);
    const std::vector<std::string_view> all(kKeywords.begin(), kKeywords.end());
    if (found.empty()) context_.fail(pointer, "a statement needs one keyword of: " + joined(all));
    if (found.size() > 1)
        context_.fail(pointer, "a statement has exactly one keyword; found " + joined(found) +
                                   " (keywords: " + joined(all) + ")");
    return found[0];
}

void StatementReader::readStatement(const Json& statement, const std::string& pointer, int depth)
{
    const std::string_view keyword = keywordOf(statement, pointer);
    if (keyword == "let") return readLet(statement, pointer);
    if (keyword == "load") return readLoad(statement, pointer);
    if (keyword == "store") return readStore(statement, pointer);
    if (keyword == "call") return readCallStatement(statement, pointer);
    if (keyword == "assert" || keyword == "assume") return readCheck(keyword, statement, pointer);
    if (depth >= kMaxStatementNesting && (keyword == "if" || keyword == "while" || keyword == "for"))
        context_.fail(pointer, "statements nested deeper than " + std::to_string(kMaxStatementNesting) + " levels");
    if (keyword == "if") return readIf(statement, pointer, depth);
    if (keyword == "while") return readWhile(statement, pointer, depth);
    if (keyword == "for") return readFor(statement, pointer, depth);
    readSimple(keyword, statement, pointer);
}

// break, continue, return, yield: {"keyword": true}.
void StatementReader::readSimple(std::string_view keyword, const Json& statement, const std::string& pointer)
{
    checkKeys(statement, pointer, keyword, {});
    const std::string keyPointer = pointerTo(pointer, keyword);
    context_.check.isTrue(*JsonCheck::find(statement, keyword), keyPointer);
    if ((keyword == "break" || keyword == "continue") && !builder_.inLoop())
        context_.fail(keyPointer, std::string(keyword) + " outside a loop");
    const int32_t stmt = addStatement(statement, pointer, std::string(keyword));
    if (keyword == "break")
        builder_.emitBreak(stmt);
    else if (keyword == "continue")
        builder_.emitContinue(stmt);
    else if (keyword == "return")
        builder_.emitEnd(stmt);
    else
        emit(OpCode::Yield, stmt);
}

void StatementReader::readLet(const Json& statement, const std::string& pointer)
{
    checkKeys(statement, pointer, "let", {"value"});
    const Json& target = *JsonCheck::find(statement, "let");
    const int32_t slot = scope_.assigned(target, pointerTo(pointer, "let"));
    const ExprRef value = expr(statement, pointer, "value");
    const int32_t stmt =
        addStatement(statement, pointer, target.get<std::string>() + " = " + raw(statement, "value"));
    emit(OpCode::Let, stmt, slot, value);
}

void StatementReader::readLoad(const Json& statement, const std::string& pointer)
{
    checkKeys(statement, pointer, "load", {"from", "atomic"});
    const Json& target = *JsonCheck::find(statement, "load");
    const int32_t slot = scope_.assigned(target, pointerTo(pointer, "load"));
    const Json& from = context_.check.member(statement, pointer, "from");
    const GlobalRef global = readGlobalRef(context_, from, pointerTo(pointer, "from"), names_);
    const bool isAtomic = atomic(statement, pointer);
    const int32_t stmt = addStatement(
        statement, pointer, target.get<std::string>() + " = load " + (isAtomic ? "atomic " : "") + renderValue(from));
    emit(OpCode::Load, stmt, slot, {}, global, isAtomic);
}

void StatementReader::readStore(const Json& statement, const std::string& pointer)
{
    checkKeys(statement, pointer, "store", {"value", "atomic"});
    const Json& target = *JsonCheck::find(statement, "store");
    const GlobalRef global = readGlobalRef(context_, target, pointerTo(pointer, "store"), names_);
    const ExprRef value = expr(statement, pointer, "value");
    const bool isAtomic = atomic(statement, pointer);
    const int32_t stmt = addStatement(
        statement, pointer,
        std::string("store ") + (isAtomic ? "atomic " : "") + renderValue(target) + " = " + raw(statement, "value"));
    emit(OpCode::Store, stmt, -1, value, global, isAtomic);
}

// assert (with an optional message template) and assume.
void StatementReader::readCheck(std::string_view keyword, const Json& statement, const std::string& pointer)
{
    const bool isAssert = keyword == "assert";
    checkKeys(statement, pointer, keyword,
              isAssert ? std::vector<std::string_view>{"message"} : std::vector<std::string_view>{});
    const ExprRef condition = expr(statement, pointer, keyword);
    TemplateId message = -1;
    if (const Json* text = isAssert ? JsonCheck::find(statement, "message") : nullptr)
        message = readTemplate(context_, *text, pointerTo(pointer, "message"), names_);
    const int32_t stmt = addStatement(statement, pointer, std::string(keyword) + "(" + raw(statement, keyword) + ")");
    Instr check{};
    check.op = isAssert ? OpCode::Assert : OpCode::Assume;
    check.b = message;
    check.e1 = condition;
    check.stmt = stmt;
    builder_.emit(check);
}

void StatementReader::readIf(const Json& statement, const std::string& pointer, int depth)
{
    checkKeys(statement, pointer, "if", {"then", "else"});
    const ExprRef condition = expr(statement, pointer, "if");
    const Json& thenBranch = context_.check.member(statement, pointer, "then");
    const int32_t stmt = addStatement(statement, pointer, "if (" + raw(statement, "if") + ")");
    builder_.beginIf(condition, stmt);
    readList(thenBranch, pointerTo(pointer, "then"), depth + 1);
    if (const Json* elseBranch = JsonCheck::find(statement, "else")) {
        builder_.beginElse(stmt);
        readList(*elseBranch, pointerTo(pointer, "else"), depth + 1);
    }
    builder_.endIf();
}

void StatementReader::readWhile(const Json& statement, const std::string& pointer, int depth)
{
    checkKeys(statement, pointer, "while", {"do"});
    const ExprRef condition = expr(statement, pointer, "while");
    const Json& body = context_.check.member(statement, pointer, "do");
    builder_.beginWhile(condition, addStatement(statement, pointer, "while (" + raw(statement, "while") + ")"));
    readList(body, pointerTo(pointer, "do"), depth + 1);
    builder_.endLoop();
}

void StatementReader::readFor(const Json& statement, const std::string& pointer, int depth)
{
    checkKeys(statement, pointer, "for", {"from", "below", "do"});
    const Json& var = *JsonCheck::find(statement, "for");
    const int32_t slot = scope_.assigned(var, pointerTo(pointer, "for"));
    const ExprRef from = expr(statement, pointer, "from");
    const ExprRef below = expr(statement, pointer, "below");
    const Json& body = context_.check.member(statement, pointer, "do");
    const int32_t stmt = addStatement(
        statement, pointer,
        "for " + var.get<std::string>() + " from " + raw(statement, "from") + " below " + raw(statement, "below"));
    builder_.beginFor(slot, from, below, stmt);
    readList(body, pointerTo(pointer, "do"), depth + 1);
    builder_.endLoop();
}

void StatementReader::readCallStatement(const Json& statement, const std::string& pointer)
{
    std::string text;
    const int32_t call = readCall(context_, scope_, statement, pointer, text);
    emit(OpCode::Call, addStatement(statement, pointer, std::move(text)), call);
}

int32_t StatementReader::addStatement(const Json& statement, const std::string& pointer, std::string text)
{
    std::string label;
    if (const Json* value = JsonCheck::find(statement, "label")) {
        label = context_.check.string(*value, pointerTo(pointer, "label"));
        if (label.size() > kMaxLabelLength)
            context_.fail(pointerTo(pointer, "label"),
                          "label longer than " + std::to_string(kMaxLabelLength) + " characters");
    }
    return builder_.addStatement({pointer, std::move(label), context_.sourceMap.lineOf(pointer), std::move(text)});
}

ExprRef StatementReader::expr(const Json& statement, const std::string& pointer, std::string_view key)
{
    return readExpr(context_, context_.check.member(statement, pointer, key), pointerTo(pointer, key), names_);
}

bool StatementReader::atomic(const Json& statement, const std::string& pointer) const
{
    const Json* value = JsonCheck::find(statement, "atomic");
    return value && context_.check.boolean(*value, pointerTo(pointer, "atomic"));
}

void StatementReader::emit(OpCode op, int32_t stmt, int32_t a, ExprRef e1, GlobalRef global, bool isAtomic)
{
    Instr instr{};
    instr.op = op;
    instr.atomic = isAtomic;
    instr.a = a;
    instr.e1 = e1;
    instr.global = global;
    instr.stmt = stmt;
    builder_.emit(instr);
}

void StatementReader::checkKeys(const Json& statement, const std::string& pointer, std::string_view keyword,
                                std::vector<std::string_view> keys) const
{
    keys.insert(keys.begin(), keyword);
    keys.push_back("label");
    context_.check.object(statement, pointer, keys, "a statement");
}

}  // namespace

int32_t readBody(LoadContext& context, const Json& statements, const std::string& pointer)
{
    context.check.array(statements, pointer);
    const BodyScope scope(context, statements);
    Body body;
    body.localNames = scope.localNames();
    body.localCount = uint32_t(body.localNames.size());
    context.program.bodies.push_back(std::move(body));
    const auto index = int32_t(context.program.bodies.size() - 1);
    StatementReader reader(context, scope, index);
    reader.readList(statements, pointer, 0);
    reader.finish(pointer);
    return index;
}

}  // namespace checker
