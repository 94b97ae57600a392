#include "checker/cli/BenchSuite.hpp"

#include "checker/scenario/InputError.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace checker::cli {

namespace {

nlohmann::json readJson(const std::string& path)
{
    std::ifstream in(path);
    if (!in) throw InputError(path + ": cannot read the file");
    std::stringstream text;
    text << in.rdbuf();
    try {
        return nlohmann::json::parse(text.str(), nullptr, true, true);
    } catch (const nlohmann::json::parse_error& e) {
        throw InputError(path + ": not valid JSON: " + e.what());
    }
}

BenchCase readCase(const std::string& suite, const nlohmann::json& entry, size_t index)
{
    const std::string pointer = "/benchmarks/" + std::to_string(index);
    if (!entry.is_object() || !entry.contains("scenario") || !entry["scenario"].is_string())
        throw InputError(suite, pointer, "expected an object with a \"scenario\" path");
    for (const auto& [key, value] : entry.items())
        if (key != "scenario" && key != "params" && key != "executions" && key != "peers")
            throw InputError(suite, pointer + "/" + key, "unknown key (allowed: scenario, params, executions, peers)");
    BenchCase c;
    c.scenario = (std::filesystem::path(suite).parent_path() / entry["scenario"].get<std::string>()).string();
    c.name = std::filesystem::path(c.scenario).stem().string();
    std::string args;
    if (entry.contains("params")) {
        if (!entry["params"].is_object()) throw InputError(suite, pointer + "/params", "expected an object NAME -> integer");
        for (const auto& [name, value] : entry["params"].items()) {
            if (!value.is_number_integer())
                throw InputError(suite, pointer + "/params/" + name, "expected an integer");
            c.params.emplace_back(name, value.get<int64_t>());
            args += (args.empty() ? "" : ",") + name + "=" + std::to_string(value.get<int64_t>());
        }
    }
    if (entry.contains("executions")) {
        if (!entry["executions"].is_number_unsigned())
            throw InputError(suite, pointer + "/executions", "expected a non-negative integer");
        c.executions = entry["executions"].get<uint64_t>();
    }
    if (entry.contains("peers")) c.peers = readPeerTimes(suite, pointer + "/peers", entry["peers"]);
    c.name += "(" + args + ")";
    return c;
}

}  // namespace

std::vector<BenchCase> readBenchCases(const std::string& path)
{
    nlohmann::json doc = readJson(path);
    if (doc.is_object() && doc.contains("scenario") && !doc.contains("benchmarks")) {
        BenchCase single;
        single.scenario = path;
        single.name = std::filesystem::path(path).stem().string() + "()";
        return {single};
    }
    if (!doc.is_object() || !doc.contains("benchmarks") || !doc["benchmarks"].is_array())
        throw InputError(path, "/", "expected a suite {\"benchmarks\": [...]} or a scenario");
    for (const auto& [key, value] : doc.items())
        if (key != "benchmarks" && key != "description" && key != "targets")
            throw InputError(path, "/" + key, "unknown key (allowed: description, targets, benchmarks)");
    const BenchTargets targets = doc.contains("targets") ? readBenchTargets(path, "/targets", doc["targets"]) : BenchTargets{};
    std::vector<BenchCase> cases;
    size_t index = 0;
    for (const auto& entry : doc["benchmarks"]) {
        cases.push_back(readCase(path, entry, index++));
        cases.back().targets = targets;
    }
    return cases;
}

}  // namespace checker::cli
