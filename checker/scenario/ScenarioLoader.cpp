#include "checker/scenario/ScenarioLoader.hpp"

#include "checker/scenario/BodyReader.hpp"
#include "checker/scenario/DeclReader.hpp"
#include "checker/scenario/ExpectReader.hpp"
#include "checker/scenario/InputError.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace checker {

namespace {

// The largest scenario file read.
constexpr uintmax_t kMaxFileBytes = 64 << 20;
// The longest description accepted.
constexpr size_t kMaxDescription = 65536;

void readHeader(LoadContext& context, const Json& root)
{
    const std::string& name = context.check.string(context.check.member(root, "/", "scenario"), "/scenario");
    const bool valid = !name.empty() && name.size() <= kMaxNameLength &&
                       name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-") ==
                           std::string::npos;
    if (!valid) context.fail("/scenario", "bad scenario name " + inQuotes(name) + " (1 to 128 of [A-Za-z0-9_.-])");
    context.program.name = name;
    if (const Json* description = JsonCheck::find(root, "description")) {
        context.program.description = context.check.string(*description, "/description");
        if (context.program.description.size() > kMaxDescription)
            context.fail("/description",
                         "description longer than " + std::to_string(kMaxDescription) + " characters");
    }
}

void readBodies(LoadContext& context, const Json& root)
{
    const Json& threads = root["threads"];
    for (size_t i = 0; i < threads.size(); ++i) {
        const std::string pointer = pointerTo(pointerTo("/threads", i), "body");
        context.program.threadDecls[i].body = readBody(context, threads[i]["body"], pointer);
    }
    if (const Json* apcs = JsonCheck::find(root, "apcs")) {
        for (size_t i = 0; i < apcs->size(); ++i) {
            const std::string pointer = pointerTo(pointerTo("/apcs", i), "body");
            context.program.apcs[i].body = readBody(context, (*apcs)[i]["body"], pointer);
        }
    }
    if (const Json* unload = JsonCheck::find(root, "unload"))
        context.program.unloadBody = readBody(context, *unload, "/unload");
}

void readScenario(LoadContext& context, const Json& root)
{
    context.check.object(root, "/",
                         {"scenario", "description", "params", "objects", "globals", "filesystem", "threads", "apcs",
                          "unload", "expect"},
                         "a scenario (a JSON object)");
    readHeader(context, root);
    readParams(context, JsonCheck::find(root, "params"));
    readObjects(context, JsonCheck::find(root, "objects"));
    readGlobals(context, JsonCheck::find(root, "globals"));
    readThreadDecls(context, context.check.member(root, "/", "threads"));
    readApcDecls(context, JsonCheck::find(root, "apcs"));
    readBodies(context, root);
    readFilesystem(context, JsonCheck::find(root, "filesystem"));
    readExpect(context, JsonCheck::find(root, "expect"));
}

}  // namespace

Program loadScenarioFile(const std::string& path, const LoadOptions& options)
{
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) throw InputError(path + ": is a directory, not a scenario file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path + ": cannot open the file: " + std::strerror(errno));
    const auto size = std::filesystem::file_size(path, error);
    if (!error && size > kMaxFileBytes)
        throw InputError(path + ": the file is larger than " + std::to_string(kMaxFileBytes >> 20) + " MiB");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw InputError(path + ": cannot read the file");
    return loadScenarioText(text.str(), path, options);
}

Program loadScenarioText(std::string_view text, const std::string& displayName, const LoadOptions& options)
{
    const Json root = parseScenarioJson(text, displayName);
    const SourceMap sourceMap(text);
    Program program;
    program.file = displayName;
    LoadContext context{JsonCheck(displayName), sourceMap, options, program, {}, {}, {}, {}, {}};
    readScenario(context, root);
    return program;
}

}  // namespace checker
