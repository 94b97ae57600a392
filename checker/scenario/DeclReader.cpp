#include "checker/scenario/DeclReader.hpp"

#include "checker/program/TypeNames.hpp"
#include "checker/scenario/RefReader.hpp"

namespace checker {

namespace {

// A declared name: an identifier not yet declared in `index`.
const std::string& declaredName(const LoadContext& context, const Json& declaration, const std::string& pointer,
                                const NameIndex& index, std::string_view kind)
{
    const std::string namePointer = pointerTo(pointer, "name");
    const std::string& name = context.check.name(context.check.member(declaration, pointer, "name"), namePointer,
                                                 std::string(kind) + " name");
    if (index.count(name)) context.fail(namePointer, std::string(kind) + " " + inQuotes(name) + " is declared twice");
    return name;
}

int64_t arraySize(const LoadContext& context, const Json& value, const std::string& pointer)
{
    const int64_t size = readConstant(context, value, pointer);
    if (size < 1 || size > kMaxArrayElements)
        context.fail(pointer, "array size " + std::to_string(size) + " is out of range 1.." +
                                  std::to_string(kMaxArrayElements));
    return size;
}

void addElements(const LoadContext& context, uint32_t& total, int64_t size, const std::string& pointer,
                 std::string_view what)
{
    if (int64_t(total) + size > kMaxTotalElements)
        context.fail(pointer, "more than " + std::to_string(kMaxTotalElements) + " " + std::string(what) + " in all");
    total += uint32_t(size);
}

void readEventFields(const LoadContext& context, const Json& declaration, const std::string& pointer,
                     ObjectDecl& object)
{
    const std::string typePointer = pointerTo(pointer, "event_type");
    const std::string& type =
        context.check.string(context.check.member(declaration, pointer, "event_type"), typePointer);
    std::optional<EventType> eventType = eventTypeByName(type);
    if (!eventType)
        context.fail(typePointer,
                     "unknown event type " + inQuotes(type) + " (allowed: NotificationEvent, SynchronizationEvent)");
    object.eventType = *eventType;
    if (const Json* signaled = JsonCheck::find(declaration, "signaled"))
        object.signaled = context.check.boolean(*signaled, pointerTo(pointer, "signaled"));
}

void readSemaphoreFields(const LoadContext& context, const Json& declaration, const std::string& pointer,
                         ObjectDecl& object)
{
    const std::string limitPointer = pointerTo(pointer, "limit");
    object.limit = readConstant(context, context.check.member(declaration, pointer, "limit"), limitPointer);
    if (object.limit < 1 || object.limit > INT32_MAX)
        context.fail(limitPointer, "limit " + std::to_string(object.limit) + " is out of range 1..2147483647");
    if (const Json* count = JsonCheck::find(declaration, "count")) {
        const std::string countPointer = pointerTo(pointer, "count");
        object.count = readConstant(context, *count, countPointer);
        if (object.count < 0 || object.count > object.limit)
            context.fail(countPointer, "count " + std::to_string(object.count) + " is out of range 0..limit (" +
                                           std::to_string(object.limit) + ")");
    }
}

void readObject(LoadContext& context, const Json& declaration, const std::string& pointer)
{
    if (!declaration.is_object() || !JsonCheck::find(declaration, "type"))
        context.check.object(declaration, pointer,
                             {"name", "type", "array", "event_type", "signaled", "count", "limit"},
                             "an object declaration (a JSON object)");
    const std::string typePointer = pointerTo(pointer, "type");
    const std::string& typeName =
        context.check.string(context.check.member(declaration, pointer, "type"), typePointer);
    std::optional<ObjectType> type = objectTypeByName(typeName);
    if (!type)
        context.fail(typePointer, "unknown object type " + inQuotes(typeName) + " (allowed: " +
                                      joined({kObjectTypeNames.begin(), kObjectTypeNames.end()}) + ")");
    std::vector<std::string_view> allowed{"name", "type", "array"};
    if (*type == ObjectType::KEVENT) allowed.insert(allowed.end(), {"event_type", "signaled"});
    if (*type == ObjectType::KSEMAPHORE) allowed.insert(allowed.end(), {"count", "limit"});
    context.check.object(declaration, pointer, allowed, "an object declaration");

    ObjectDecl object{};
    object.name = declaredName(context, declaration, pointer, context.objects, "object");
    object.type = *type;
    object.pointer = pointer;
    if (const Json* array = JsonCheck::find(declaration, "array")) {
        object.isArray = true;
        object.size = uint32_t(arraySize(context, *array, pointerTo(pointer, "array")));
    }
    if (*type == ObjectType::KEVENT) readEventFields(context, declaration, pointer, object);
    if (*type == ObjectType::KSEMAPHORE) readSemaphoreFields(context, declaration, pointer, object);
    object.firstId = context.program.objectCount;
    addElements(context, context.program.objectCount, object.size, pointer, "objects");
    context.objects.emplace(object.name, int32_t(context.program.objects.size()));
    context.program.objects.push_back(std::move(object));
}

void readGlobal(LoadContext& context, const std::string& name, const Json& value, const std::string& pointer)
{
    if (name.size() > kMaxNameLength || !isIdentifier(name))
        context.fail(pointer, "bad global name " + inQuotes(name) + " (names match [A-Za-z_][A-Za-z0-9_]*)");
    if (std::string taken = nameTakenBy(context, name); !taken.empty())
        context.fail(pointer, "global " + inQuotes(name) + " would hide " + taken);
    GlobalDecl global{};
    global.name = name;
    if (value.is_object()) {
        context.check.object(value, pointer, {"array", "init"}, "a global array");
        global.isArray = true;
        global.size =
            uint32_t(arraySize(context, context.check.member(value, pointer, "array"), pointerTo(pointer, "array")));
        if (const Json* init = JsonCheck::find(value, "init"))
            global.init = context.check.integer(*init, pointerTo(pointer, "init"));
    } else if (value.is_number()) {
        global.init = context.check.integer(value, pointer);
    } else {
        context.fail(pointer, "expected an integer or {\"array\": EXPR, \"init\": integer}, got " + describe(value));
    }
    global.firstSlot = context.program.globalSlots;
    addElements(context, context.program.globalSlots, global.size, pointer, "global slots");
    context.globals.emplace(name, int32_t(context.program.globals.size()));
    context.program.globals.push_back(std::move(global));
}

void readThreadDecl(LoadContext& context, const Json& declaration, const std::string& pointer, int64_t& instances)
{
    context.check.object(declaration, pointer, {"name", "body", "count", "autostart"},
                         "a thread declaration (a JSON object)");
    ThreadDecl thread{};
    thread.name = declaredName(context, declaration, pointer, context.threads, "thread");
    thread.pointer = pointer;
    context.check.array(context.check.member(declaration, pointer, "body"), pointerTo(pointer, "body"));
    if (const Json* autostart = JsonCheck::find(declaration, "autostart"))
        thread.autostart = context.check.boolean(*autostart, pointerTo(pointer, "autostart"));
    if (const Json* count = JsonCheck::find(declaration, "count")) {
        const std::string countPointer = pointerTo(pointer, "count");
        if (!thread.autostart)
            context.fail(
                countPointer,
                "a template thread (autostart false) has no count: PsCreateSystemThread starts its instances");
        thread.counted = true;
        thread.count = readConstant(context, *count, countPointer);
        if (thread.count < 0 || thread.count > kMaxThreadInstances)
            context.fail(countPointer, "count " + std::to_string(thread.count) + " is out of range 0.." +
                                           std::to_string(kMaxThreadInstances));
    }
    if (thread.name == "DriverEntry" && (thread.counted || !thread.autostart))
        context.fail(pointer, "DriverEntry must be a single autostart thread (no count, autostart true)");
    if (thread.autostart && (instances += thread.count) > kMaxThreadInstances)
        context.fail(pointer, "more than " + std::to_string(kMaxThreadInstances) + " thread instances in all");
    if (thread.name == "DriverEntry") context.program.driverEntryDecl = int32_t(context.program.threadDecls.size());
    context.threads.emplace(thread.name, int32_t(context.program.threadDecls.size()));
    context.program.threadDecls.push_back(std::move(thread));
}

}  // namespace

void readParams(LoadContext& context, const Json* params)
{
    if (params) {
        if (!params->is_object())
            context.fail("/params", "expected an object NAME -> integer, got " + describe(*params));
        for (const auto& [name, value] : params->items()) {
            const std::string pointer = pointerTo("/params", name);
            if (name.size() > kMaxNameLength || !isIdentifier(name))
                context.fail(pointer, "bad param name " + inQuotes(name) + " (names match [A-Za-z_][A-Za-z0-9_]*)");
            if (std::string taken = nameTakenBy(context, name); !taken.empty())
                context.fail(pointer, "param " + inQuotes(name) + " would hide " + taken);
            context.params.emplace(name, context.check.integer(value, pointer));
        }
    }
    for (const auto& [name, value] : context.options.paramOverrides) {
        auto it = context.params.find(name);
        if (it == context.params.end()) {
            std::vector<std::string_view> declared;
            for (const auto& entry : context.params) declared.push_back(entry.first);
            context.fail("/params", "--param " + inQuotes(name) + " is not declared (declared: " +
                                        (declared.empty() ? std::string("none") : joined(declared)) + ")");
        }
        it->second = value;
    }
    context.program.params.insert(context.params.begin(), context.params.end());
}

void readObjects(LoadContext& context, const Json* objects)
{
    if (!objects) return;
    context.check.array(*objects, "/objects");
    for (size_t i = 0; i < objects->size(); ++i) readObject(context, (*objects)[i], pointerTo("/objects", i));
}

void readGlobals(LoadContext& context, const Json* globals)
{
    if (!globals) return;
    if (!globals->is_object())
        context.fail("/globals", "expected an object NAME -> integer or {\"array\": EXPR, \"init\": integer}, got " +
                                     describe(*globals));
    for (const auto& [name, value] : globals->items()) readGlobal(context, name, value, pointerTo("/globals", name));
}

void readThreadDecls(LoadContext& context, const Json& threads)
{
    context.check.array(threads, "/threads");
    if (threads.empty()) context.fail("/threads", "a scenario needs at least one thread");
    int64_t instances = 0;
    for (size_t i = 0; i < threads.size(); ++i)
        readThreadDecl(context, threads[i], pointerTo("/threads", i), instances);
}

void readApcDecls(LoadContext& context, const Json* apcs)
{
    if (!apcs) return;
    context.check.array(*apcs, "/apcs");
    for (size_t i = 0; i < apcs->size(); ++i) {
        const std::string pointer = pointerTo("/apcs", i);
        const Json& declaration = (*apcs)[i];
        context.check.object(declaration, pointer, {"name", "target", "body"}, "an APC declaration (a JSON object)");
        ApcDecl apc{};
        apc.name = declaredName(context, declaration, pointer, context.apcs, "APC");
        apc.pointer = pointer;
        const std::string targetPointer = pointerTo(pointer, "target");
        apc.target = readThreadRef(context, context.check.member(declaration, pointer, "target"), targetPointer);
        if (!context.program.threadDecls[size_t(apc.target.decl)].autostart)
            context.fail(targetPointer, "an APC targets a thread that exists at the start, not a template thread");
        context.check.array(context.check.member(declaration, pointer, "body"), pointerTo(pointer, "body"));
        context.apcs.emplace(apc.name, int32_t(context.program.apcs.size()));
        context.program.apcs.push_back(std::move(apc));
    }
}

void readFilesystem(LoadContext& context, const Json* filesystem)
{
    if (!filesystem) return;
    context.check.object(*filesystem, "/filesystem", {"directories", "files"}, "an object");
    if (const Json* directories = JsonCheck::find(*filesystem, "directories")) {
        context.check.array(*directories, "/filesystem/directories");
        for (size_t i = 0; i < directories->size(); ++i)
            context.program.directories.push_back(
                expandConstantTemplate(context, (*directories)[i], pointerTo("/filesystem/directories", i)));
    }
    if (const Json* files = JsonCheck::find(*filesystem, "files")) {
        context.check.array(*files, "/filesystem/files");
        for (size_t i = 0; i < files->size(); ++i) {
            const std::string pointer = pointerTo("/filesystem/files", i);
            const Json& file = (*files)[i];
            context.check.object(file, pointer, {"path", "content"}, "a file (a JSON object)");
            InitialFile initial;
            initial.path = expandConstantTemplate(context, context.check.member(file, pointer, "path"),
                                                  pointerTo(pointer, "path"));
            if (const Json* content = JsonCheck::find(file, "content"))
                initial.content = expandConstantTemplate(context, *content, pointerTo(pointer, "content"));
            context.program.files.push_back(std::move(initial));
        }
    }
}

}  // namespace checker
