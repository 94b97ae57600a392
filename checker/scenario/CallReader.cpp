#include "checker/scenario/CallReader.hpp"

#include "checker/program/Constants.hpp"
#include "checker/program/TypeNames.hpp"
#include "checker/scenario/RefReader.hpp"

#include <charconv>

namespace checker {

namespace {

ExprRef* exprSlot(CallInstr& call, ArgSlot slot)
{
    switch (slot) {
    case ArgSlot::Value: return &call.value;
    case ArgSlot::Exchange: return &call.exchange;
    case ArgSlot::Comparand: return &call.comparand;
    case ArgSlot::Adjustment: return &call.adjustment;
    case ArgSlot::Length: return &call.length;
    case ArgSlot::Offset: return &call.offset;
    case ArgSlot::Handle: return &call.handle;
    case ArgSlot::Access: return &call.access;
    case ArgSlot::Share: return &call.share;
    case ArgSlot::Disposition: return &call.disposition;
    case ArgSlot::Options: return &call.options;
    case ArgSlot::Count: return &call.count;
    case ArgSlot::Limit: return &call.limit;
    default: return nullptr;
    }
}

int32_t* outSlot(CallInstr& call, ArgSlot slot)
{
    switch (slot) {
    case ArgSlot::OutStatus: return &call.outStatus;
    case ArgSlot::OutResult: return &call.outResult;
    case ArgSlot::OutPrevious: return &call.outPrevious;
    case ArgSlot::OutHandle: return &call.outHandle;
    case ArgSlot::OutInformation: return &call.outInformation;
    default: return nullptr;
    }
}

bool* boolSlot(CallInstr& call, ArgSlot slot)
{
    switch (slot) {
    case ArgSlot::Wait: return &call.wait;
    case ArgSlot::ReplaceIfExists: return &call.replaceIfExists;
    case ArgSlot::Delete: return &call.deleteFile;
    case ArgSlot::Signaled: return &call.signaled;
    default: return nullptr;
    }
}

TemplateId* textSlot(CallInstr& call, ArgSlot slot)
{
    switch (slot) {
    case ArgSlot::Path: return &call.path;
    case ArgSlot::Data: return &call.data;
    case ArgSlot::RenameTarget: return &call.renameTarget;
    default: return nullptr;
    }
}

FlagGroup flagGroup(ArgSlot slot)
{
    switch (slot) {
    case ArgSlot::Share: return FlagGroup::Share;
    case ArgSlot::Disposition: return FlagGroup::Disposition;
    case ArgSlot::Options: return FlagGroup::Options;
    default: return FlagGroup::Access;
    }
}

std::string_view trimmed(std::string_view text)
{
    const size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

class CallReader {
public:
    CallReader(LoadContext& context, const BodyScope& scope, const Json& statement, const std::string& pointer)
        : context_(context), scope_(scope), names_(scope.resolver()), statement_(statement), pointer_(pointer)
    {
    }

    int32_t read(std::string& text);

private:
    void readArg(const ArgSpec& arg, const Json& value, const std::string& pointer);
    void readObjectList(const ArgSpec& arg, const Json& value, const std::string& pointer);
    ExprRef readFlags(const Json& value, const std::string& pointer, FlagGroup group);
    int64_t flagToken(std::string_view token, const std::string& pointer, FlagGroup group);
    void readTimeout(const Json& value, const std::string& pointer);
    void readChoice(const ArgSpec& arg, const Json& value, const std::string& pointer);
    void checkExtra();
    void checkInfoClassFields();
    void applyDefaults();
    std::string render() const;

    LoadContext& context_;
    const BodyScope& scope_;
    NameResolver names_;
    const Json& statement_;
    std::string pointer_;
    const ApiSpec* spec_ = nullptr;
    CallInstr call_;
};

int32_t CallReader::read(std::string& text)
{
    const std::string namePointer = pointerTo(pointer_, "call");
    const std::string& name = context_.check.string(*JsonCheck::find(statement_, "call"), namePointer);
    std::optional<Api> api = apiByName(name);
    if (!api) {
        std::vector<std::string_view> allowed;
        for (const ApiSpec& spec : allApis()) allowed.push_back(spec.name);
        context_.fail(namePointer,
                      "unknown call " + inQuotes(name) + " (allowed: " + joined(allowed, allowed.size()) + ")");
    }
    spec_ = &apiSpec(*api);
    call_.api = *api;
    std::vector<std::string_view> keys{"call", "label"};
    for (const ArgSpec& arg : spec_->args) keys.push_back(arg.key);
    context_.check.object(statement_, pointer_, keys, "a statement");
    for (const ArgSpec& arg : spec_->args) {
        if (const Json* value = JsonCheck::find(statement_, arg.key))
            readArg(arg, *value, pointerTo(pointer_, arg.key));
        else if (arg.required)
            context_.fail(pointer_, "missing required key \"" + std::string(arg.key) + "\" of " + name);
    }
    checkExtra();
    applyDefaults();
    if (context_.options.isSupported && !context_.options.isSupported(*api))
        context_.fail(namePointer, name + " is not supported yet");
    text = render();
    context_.program.calls.push_back(std::move(call_));
    return int32_t(context_.program.calls.size() - 1);
}

void CallReader::readArg(const ArgSpec& arg, const Json& value, const std::string& pointer)
{
    switch (arg.kind) {
    case ArgKind::Object:
        call_.object = readObjectRef(context_, value, pointer, names_, arg.objectTypes, spec_->name);
        break;
    case ArgKind::ObjectList: readObjectList(arg, value, pointer); break;
    case ArgKind::Thread: call_.thread = readThreadRef(context_, value, pointer); break;
    case ArgKind::Template: call_.start = readTemplateThread(context_, value, pointer); break;
    case ArgKind::Global: call_.target = readGlobalRef(context_, value, pointer, names_); break;
    case ArgKind::Expr: *exprSlot(call_, arg.slot) = readExpr(context_, value, pointer, names_); break;
    case ArgKind::Flags: *exprSlot(call_, arg.slot) = readFlags(value, pointer, flagGroup(arg.slot)); break;
    case ArgKind::Bool: *boolSlot(call_, arg.slot) = context_.check.boolean(value, pointer); break;
    case ArgKind::Timeout: readTimeout(value, pointer); break;
    case ArgKind::Text: *textSlot(call_, arg.slot) = readTemplate(context_, value, pointer, names_); break;
    case ArgKind::OutLocal: *outSlot(call_, arg.slot) = scope_.assigned(value, pointer); break;
    case ArgKind::WaitType:
    case ArgKind::InfoClass:
    case ArgKind::EventType: readChoice(arg, value, pointer); break;
    }
}

void CallReader::readObjectList(const ArgSpec& arg, const Json& value, const std::string& pointer)
{
    context_.check.array(value, pointer);
    if (value.empty() || value.size() > kMaxWaitObjects)
        context_.fail(pointer, "expected 1.." + std::to_string(kMaxWaitObjects) + " objects, got " +
                                   std::to_string(value.size()));
    for (size_t i = 0; i < value.size(); ++i)
        call_.objects.push_back(
            readObjectRef(context_, value[i], pointerTo(pointer, i), names_, arg.objectTypes, spec_->name));
}

ExprRef CallReader::readFlags(const Json& value, const std::string& pointer, FlagGroup group)
{
    const int64_t limit = group == FlagGroup::Disposition ? 5 : 0xFFFFFFFF;
    int64_t flags = 0;
    if (value.is_number()) {
        flags = context_.check.integer(value, pointer);
    } else if (value.is_string()) {
        const std::string_view text = value.get_ref<const std::string&>();
        if (group == FlagGroup::Disposition && text.find('|') != std::string_view::npos)
            context_.fail(pointer, "a disposition is one value, not a combination");
        for (size_t start = 0; start <= text.size();) {
            const size_t bar = std::min(text.find('|', start), text.size());
            flags |= flagToken(trimmed(text.substr(start, bar - start)), pointer, group);
            start = bar + 1;
        }
    } else {
        context_.fail(pointer, "expected an integer or flag names joined by '|', got " + describe(value));
    }
    if (flags < 0 || flags > limit)
        context_.fail(pointer, "value " + std::to_string(flags) + " is out of range 0.." + std::to_string(limit));
    return appendExpr(context_.program, constantExpr(flags));
}

int64_t CallReader::flagToken(std::string_view token, const std::string& pointer, FlagGroup group)
{
    static constexpr std::array<std::string_view, 4> kGroupNames{"an access flag", "a share flag", "a disposition",
                                                                 "an option flag"};
    if (!token.empty() && token[0] >= '0' && token[0] <= '9') {
        const bool hex = token.starts_with("0x") || token.starts_with("0X");
        int64_t number = -1;
        auto [end, error] =
            std::from_chars(token.data() + (hex ? 2 : 0), token.data() + token.size(), number, hex ? 16 : 10);
        if (error == std::errc() && end == token.data() + token.size()) return number;
    }
    for (const NamedConstant& flag : flagNames(group))
        if (flag.name == token) return flag.value;
    std::vector<std::string_view> allowed;
    for (const NamedConstant& flag : flagNames(group)) allowed.push_back(flag.name);
    context_.fail(pointer, (token.empty() ? std::string("empty flag name")
                                          : inQuotes(token) + " is not " + std::string(kGroupNames[size_t(group)])) +
                               " (allowed: " + joined(allowed) + ", or an integer)");
}

void CallReader::readTimeout(const Json& value, const std::string& pointer)
{
    if (value.is_null()) return;
    if (!value.is_number_integer() || value.get<int64_t>() != 0)
        context_.fail(pointer, "timeout is null (wait forever) or 0 (poll); other timeouts are not modelled");
    call_.hasTimeout = true;
}

void CallReader::readChoice(const ArgSpec& arg, const Json& value, const std::string& pointer)
{
    const std::string& text = context_.check.string(value, pointer);
    if (arg.kind == ArgKind::WaitType && (text == "WaitAll" || text == "WaitAny")) {
        call_.waitAll = text == "WaitAll";
    } else if (arg.kind == ArgKind::EventType && eventTypeByName(text)) {
        call_.eventType = *eventTypeByName(text);
    } else if (arg.kind == ArgKind::InfoClass && spec_->api == Api::ZwQueryInformationFile) {
        if (text != "FileStandardInformation")
            context_.fail(pointer, "unknown class " + inQuotes(text) + " (allowed: FileStandardInformation)");
        call_.infoClass = CallInstr::InfoClass::Standard;
    } else if (arg.kind == ArgKind::InfoClass &&
               (text == "FileRenameInformation" || text == "FileDispositionInformation")) {
        call_.infoClass =
            text == "FileRenameInformation" ? CallInstr::InfoClass::Rename : CallInstr::InfoClass::Disposition;
    } else {
        const char* allowed = arg.kind == ArgKind::WaitType    ? "WaitAll, WaitAny"
                              : arg.kind == ArgKind::EventType ? "NotificationEvent, SynchronizationEvent"
                                                               : "FileRenameInformation, FileDispositionInformation";
        context_.fail(pointer,
                      "unknown " + std::string(arg.key) + " " + inQuotes(text) + " (allowed: " + allowed + ")");
    }
}

void CallReader::checkExtra()
{
    if (spec_->extra == ApiSpec::Extra::ObjectXorThread) {
        const bool object = JsonCheck::find(statement_, "object"), thread = JsonCheck::find(statement_, "thread");
        if (object == thread)
            context_.fail(pointer_, std::string(spec_->name) +
                                        " takes exactly one of \"object\" and \"thread\" (found " +
                                        (object ? "both" : "neither") + ")");
    }
    if (spec_->extra == ApiSpec::Extra::InfoClassFields) checkInfoClassFields();
}

void CallReader::checkInfoClassFields()
{
    const bool rename = call_.infoClass == CallInstr::InfoClass::Rename;
    const char* className = rename ? "FileRenameInformation" : "FileDispositionInformation";
    for (std::string_view key : {"target", "replace_if_exists", "delete"}) {
        const bool belongs = rename ? key != "delete" : key == "delete";
        if (!belongs && JsonCheck::find(statement_, key))
            context_.fail(pointerTo(pointer_, key),
                          "\"" + std::string(key) + "\" does not go with class " + className);
    }
    const char* required = rename ? "target" : "delete";
    if (!JsonCheck::find(statement_, required))
        context_.fail(pointer_, "missing required key \"" + std::string(required) + "\" of class " + className);
}

void CallReader::applyDefaults()
{
    for (const ArgSpec& arg : spec_->args) {
        ExprRef* slot = exprSlot(call_, arg.slot);
        if (!slot || !slot->empty()) continue;
        if (arg.slot == ArgSlot::Options)
            *slot = appendExpr(context_.program, constantExpr(*namedConstant("FILE_SYNCHRONOUS_IO_NONALERT")));
        else if (arg.slot == ArgSlot::Adjustment)
            *slot = appendExpr(context_.program, constantExpr(1));
        else if (arg.slot == ArgSlot::Count)
            *slot = appendExpr(context_.program, constantExpr(0));
    }
}

// "[out = ]Api(inputs...)[ -> handle]"
std::string CallReader::render() const
{
    std::string result, inputs, handle;
    for (const ArgSpec& arg : spec_->args) {
        const Json* value = JsonCheck::find(statement_, arg.key);
        if (!value) continue;
        if (arg.kind == ArgKind::OutLocal) {
            if (arg.slot == ArgSlot::OutHandle)
                handle = " -> " + value->get<std::string>();
            else if (result.empty() && arg.slot != ArgSlot::OutInformation)
                result = value->get<std::string>() + " = ";
            continue;
        }
        if (!inputs.empty()) inputs += ", ";
        inputs += arg.kind == ArgKind::Text ? "\"" + renderValue(*value) + "\"" : renderValue(*value);
    }
    return result + std::string(spec_->name) + "(" + inputs + ")" + handle;
}

}  // namespace

int32_t readCall(LoadContext& context, const BodyScope& scope, const Json& statement, const std::string& pointer,
                 std::string& text)
{
    return CallReader(context, scope, statement, pointer).read(text);
}

}  // namespace checker
