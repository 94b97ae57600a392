#include "checker/scenario/RefReader.hpp"

#include "checker/program/TypeNames.hpp"

namespace checker {

namespace {

// "Name" or "Name[INDEX]", split.
struct RefText {
    std::string name;
    bool indexed = false;
    std::string index;
};

std::string_view trimmed(std::string_view text)
{
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

RefText splitRef(const LoadContext& context, const Json& value, const std::string& pointer, std::string_view kind)
{
    if (!value.is_string())
        context.fail(pointer, "expected " + std::string(kind) + " (a string \"Name\" or \"Name[index]\"), got " +
                                  describe(value));
    const std::string_view text = value.get_ref<const std::string&>();
    const size_t open = text.find('[');
    RefText ref{std::string(trimmed(text.substr(0, open))), open != std::string_view::npos, {}};
    if (ref.indexed) {
        const std::string_view rest = trimmed(text.substr(open + 1));
        if (!rest.ends_with(']') || trimmed(rest.substr(0, rest.size() - 1)).empty())
            context.fail(pointer, "bad reference " + inQuotes(text) + " (write \"Name\" or \"Name[index]\")");
        ref.index = std::string(rest.substr(0, rest.size() - 1));
    }
    if (!isIdentifier(ref.name) || ref.name.size() > kMaxNameLength)
        context.fail(pointer, "bad reference " + inQuotes(text) + " (write \"Name\" or \"Name[index]\")");
    return ref;
}

int32_t lookup(const LoadContext& context, const NameIndex& index, const RefText& ref, const std::string& pointer,
               std::string_view kind)
{
    auto it = index.find(ref.name);
    if (it == index.end()) {
        const std::vector<std::string_view> names = namesOf(index);
        context.fail(pointer, "unknown " + std::string(kind) + " " + inQuotes(ref.name) +
                                  (names.empty() ? " (none is declared)" : " (declared: " + joined(names) + ")"));
    }
    return it->second;
}

// The index expression of `ref` into an array of `size` (or none for a scalar).
ExprRef readIndex(LoadContext& context, const RefText& ref, bool isArray, uint32_t size, const std::string& pointer,
                  const NameResolver& names)
{
    const std::string name = inQuotes(ref.name);
    if (!isArray && ref.indexed) context.fail(pointer, name + " is not an array; write " + name);
    if (isArray && !ref.indexed)
        context.fail(pointer,
                     name + " is an array of " + std::to_string(size) + "; write \"" + ref.name + "[index]\"");
    if (!isArray) return {};
    CompiledExpr index;
    try {
        index = compileExpr(ref.index, names);
    } catch (const CompileError& error) {
        context.fail(pointer, "bad index expression " + inQuotes(ref.index) + ": " + error.what());
    }
    if (std::optional<int64_t> constant = index.constant(); constant && (*constant < 0 || *constant >= size))
        context.fail(pointer, "index " + std::to_string(*constant) + " is out of range for " + name +
                                  " (an array of " + std::to_string(size) + ")");
    return appendExpr(context.program, index);
}

std::string withArticle(std::string_view typeName)
{
    return (std::string_view("AEIOU").find(typeName[0]) == std::string_view::npos ? "a " : "an ") +
           std::string(typeName);
}

std::string typeList(uint8_t types)
{
    std::string text;
    std::vector<std::string_view> names;
    for (size_t t = 0; t < size_t(ObjectType::Count_); ++t)
        if (types & objectTypeBit(ObjectType(t))) names.push_back(objectTypeName(ObjectType(t)));
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
        text += names[i];
    }
    return text;
}

}  // namespace

ObjRef readObjectRef(LoadContext& context, const Json& value, const std::string& pointer, const NameResolver& names,
                     uint8_t acceptedTypes, std::string_view user)
{
    const RefText ref = splitRef(context, value, pointer, "an object reference");
    const int32_t decl = lookup(context, context.objects, ref, pointer, "object");
    const ObjectDecl& object = context.program.objects[size_t(decl)];
    if (acceptedTypes != 0 && !(acceptedTypes & objectTypeBit(object.type)))
        context.fail(pointer, inQuotes(ref.name) + " is " + withArticle(objectTypeName(object.type)) + "; " +
                                  std::string(user) + " takes " + typeList(acceptedTypes));
    return ObjRef{decl, readIndex(context, ref, object.isArray, object.size, pointer, names)};
}

GlobalRef readGlobalRef(LoadContext& context, const Json& value, const std::string& pointer,
                        const NameResolver& names)
{
    const RefText ref = splitRef(context, value, pointer, "a global reference");
    const int32_t decl = lookup(context, context.globals, ref, pointer, "global");
    const GlobalDecl& global = context.program.globals[size_t(decl)];
    return GlobalRef{decl, readIndex(context, ref, global.isArray, global.size, pointer, names)};
}

ThreadRef readThreadRef(const LoadContext& context, const Json& value, const std::string& pointer)
{
    const RefText ref = splitRef(context, value, pointer, "a thread instance");
    const int32_t decl = lookup(context, context.threads, ref, pointer, "thread");
    const ThreadDecl& thread = context.program.threadDecls[size_t(decl)];
    const std::string name = inQuotes(ref.name);
    if (!ref.indexed) {
        if (thread.counted && thread.autostart)
            context.fail(pointer, name + " has " + std::to_string(thread.count) + " instances; write \"" + ref.name +
                                      "[K]\" with 0 <= K < " + std::to_string(thread.count));
        return ThreadRef{decl, 0};
    }
    if (thread.autostart && !thread.counted)
        context.fail(pointer, name + " is a single thread (no count); write " + name);
    const int64_t instance = readConstant(context, Json(ref.index), pointer);
    if (instance < 0 || (thread.autostart && instance >= thread.count))
        context.fail(pointer,
                     "instance " + std::to_string(instance) + " of " + name + " does not exist" +
                         (thread.autostart ? " (0 <= K < " + std::to_string(thread.count) + ")" : " (K >= 0)"));
    return ThreadRef{decl, instance};
}

int32_t readTemplateThread(const LoadContext& context, const Json& value, const std::string& pointer)
{
    const RefText ref = splitRef(context, value, pointer, "a thread name");
    const int32_t decl = lookup(context, context.threads, ref, pointer, "thread");
    if (ref.indexed) context.fail(pointer, "name the template thread without an index: " + inQuotes(ref.name));
    if (context.program.threadDecls[size_t(decl)].autostart)
        context.fail(pointer,
                     inQuotes(ref.name) + " is not a template thread (declare it with \"autostart\": false)");
    return decl;
}

}  // namespace checker
