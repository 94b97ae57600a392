// `checker bench`: explores each benchmark in a child process of its own (so that its peak RSS is
// its own, read with wait4) and prints executions, blocked executions, times, executions/s,
// visible steps/s and peak RSS, the ratio to the fastest published peer and to one thread, and the
// suite's targets met or missed; checks the execution count against the suite's oracle. A
// measurement, never a pass/fail on time: only a wrong execution count makes it exit 1.

#include "checker/cli/BenchSuite.hpp"
#include "checker/cli/Commands.hpp"
#include "checker/cli/ScenarioRunner.hpp"
#include "checker/scenario/InputError.hpp"
#include "reports/AtomicFile.hpp"

#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

namespace checker::cli {

namespace {

struct BenchResult {
    nlohmann::ordered_json measured;   // what the child reported
    double wallSeconds = 0;            // fork to exit, as the parent saw it
    long peakRssKb = 0;
};

// Runs in the child: explores the case and returns the figures as JSON text.
std::string measure(const BenchCase& c, unsigned jobs)
{
    nlohmann::ordered_json out;
    try {
        Program program = loadScenarioFile(c.scenario, loadOptions(c.params));
        ExploreOptions options;
        options.jobs = jobs;
        auto start = std::chrono::steady_clock::now();
        ExploreResult result = explore(program, options);
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        out["executions"] = result.stats.executions;
        out["blocked_executions"] = result.stats.blockedExecutions;
        out["complete"] = result.stats.complete;
        out["steps"] = result.stats.steps;
        out["interpreter_steps"] = result.interpreterSteps;
        out["explore_s"] = seconds;
        out["jobs"] = jobs;
        out["subtrees_from_workers"] = result.parallel.taken;
        out["subtrees_redone"] = result.parallel.redone;
    } catch (const std::exception& e) {
        out["error"] = e.what();
    }
    return out.dump();
}

BenchResult runInChild(const BenchCase& c, unsigned jobs)
{
    int fds[2];
    if (pipe(fds) != 0) throw InputError("bench: cannot create a pipe");
    auto start = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid < 0) throw InputError("bench: cannot fork");
    if (pid == 0) {
        close(fds[0]);
        std::string text = measure(c, jobs);
        ssize_t written = write(fds[1], text.data(), text.size());
        _exit(written == ssize_t(text.size()) ? 0 : 1);
    }
    close(fds[1]);
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) text.append(buffer, size_t(n));
    close(fds[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    BenchResult r;
    r.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.peakRssKb = usage.ru_maxrss;
    r.measured = text.empty() ? nlohmann::ordered_json{{"error", "the benchmark process died"}}
                              : nlohmann::ordered_json::parse(text);
    return r;
}

double perSecond(double count, double seconds) { return seconds > 0 ? count / seconds : 0; }

// `repeat` runs of a case: the one with the median wall time (of an even number, the slower of the
// middle two). Runs that fail or disagree on the execution count give an error instead: the
// exploration is deterministic, so a difference is a defect worth seeing.
BenchResult medianRun(const BenchCase& c, unsigned jobs, unsigned repeat)
{
    std::vector<BenchResult> runs;
    for (unsigned k = 0; k < repeat; ++k) {
        runs.push_back(runInChild(c, jobs));
        if (runs.back().measured.contains("error")) return runs.back();
        const uint64_t first = runs.front().measured.value("executions", uint64_t(0));
        const uint64_t now = runs.back().measured.value("executions", uint64_t(0));
        if (now != first) {
            runs.back().measured = {{"error", "runs disagree on the execution count: " + std::to_string(first) +
                                                  " and " + std::to_string(now)}};
            return runs.back();
        }
    }
    std::sort(runs.begin(), runs.end(),
              [](const BenchResult& a, const BenchResult& b) { return a.wallSeconds < b.wallSeconds; });
    return runs[repeat / 2];
}

// The comparisons a row can carry: against the fastest published peer, and against one thread.
void addComparisons(nlohmann::ordered_json& j, const BenchCase& c, const std::optional<BenchResult>& oneThread)
{
    if (const PeerTime* peer = fastestPeer(c.peers)) {
        nlohmann::ordered_json peers;
        for (const PeerTime& p : c.peers) peers[p.tool] = p.wallSeconds;
        j["peers"] = peers;
        j["fastest_peer"] = peer->tool;
        j["vs_fastest_peer"] = perSecond(peer->wallSeconds, j["wall_s"].get<double>());
    }
    if (oneThread && !oneThread->measured.contains("error")) {
        j["one_thread_wall_s"] = oneThread->wallSeconds;
        j["jobs_speedup"] = perSecond(oneThread->wallSeconds, j["wall_s"].get<double>());
    }
}

nlohmann::ordered_json row(const BenchCase& c, const BenchResult& r, const std::optional<BenchResult>& oneThread,
                           unsigned repeat, bool& countOk)
{
    nlohmann::ordered_json j;
    j["name"] = c.name;
    j["scenario"] = c.scenario;
    for (const auto& [k, v] : r.measured.items()) j[k] = v;
    countOk = !r.measured.contains("error") &&
              (!c.executions || r.measured.value("executions", uint64_t(0)) == *c.executions);
    if (r.measured.contains("error")) return j;
    double seconds = r.measured.value("explore_s", 0.0);
    j["runs"] = repeat;
    j["wall_s"] = r.wallSeconds;
    j["executions_per_s"] = perSecond(r.measured.value("executions", 0.0), seconds);
    j["steps_per_s"] = perSecond(r.measured.value("interpreter_steps", 0.0), seconds);
    j["peak_rss_kb"] = r.peakRssKb;
    j["oracle"] = c.executions ? nlohmann::ordered_json(*c.executions) : nlohmann::ordered_json();
    j["oracle_ok"] = countOk;
    addComparisons(j, c, oneThread);
    j["targets"] = evaluateTargets(c.targets, j);
    return j;
}

void printRow(const nlohmann::ordered_json& j)
{
    if (j.contains("error")) {
        std::printf("%-24s error: %s\n", j["name"].get<std::string>().c_str(), j["error"].get<std::string>().c_str());
        return;
    }
    std::string oracle = j["oracle"].is_null() ? "-" : j["oracle_ok"].get<bool>() ? "ok" : "WRONG";
    std::printf("%-24s %10llu %7llu %6s %8.3f %9.3f %12.0f %12.0f %8.1f\n",
                j["name"].get<std::string>().c_str(),
                static_cast<unsigned long long>(j["executions"].get<uint64_t>()),
                static_cast<unsigned long long>(j["blocked_executions"].get<uint64_t>()), oracle.c_str(),
                j["wall_s"].get<double>(), j["explore_s"].get<double>(), j["executions_per_s"].get<double>(),
                j["steps_per_s"].get<double>(), j["peak_rss_kb"].get<double>() / 1024.0);
    if (j.contains("fastest_peer"))
        std::printf("%24s vs %s (%.3f s): %.1fx\n", "", j["fastest_peer"].get<std::string>().c_str(),
                    j["peers"][j["fastest_peer"].get<std::string>()].get<double>(), j["vs_fastest_peer"].get<double>());
    if (j.contains("jobs_speedup"))
        std::printf("%24s vs one thread (%.3f s): %.2fx\n", "", j["one_thread_wall_s"].get<double>(),
                    j["jobs_speedup"].get<double>());
    if (!j["targets"].empty()) std::printf("%24s targets: %s\n", "", describeTargets(j["targets"]).c_str());
}

}  // namespace

ExitCode benchCommand(const BenchArgs& args)
{
    std::vector<BenchCase> cases;
    for (const auto& path : args.paths)
        for (auto& c : readBenchCases(path)) cases.push_back(std::move(c));
    if (args.jobs > 1) std::printf("each explored with %u threads, and with one for the speedup\n", args.jobs);
    if (args.repeat > 1) std::printf("each run %u times: the figures of the run with the median wall time\n", args.repeat);
    std::printf("%-24s %10s %7s %6s %8s %9s %12s %12s %8s\n", "benchmark", "executions", "blocked",
                "oracle", "wall s", "explore s", "exec/s", "steps/s", "RSS MB");
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    bool allOk = true;
    for (const BenchCase& c : cases) {
        bool ok = true;
        const std::optional<BenchResult> oneThread =
            args.jobs > 1 ? std::optional(medianRun(c, 1, args.repeat)) : std::nullopt;
        nlohmann::ordered_json j = row(c, medianRun(c, args.jobs, args.repeat), oneThread, args.repeat, ok);
        printRow(j);
        std::fflush(stdout);
        allOk = allOk && ok;
        all.push_back(std::move(j));
    }
    if (args.json) report::writeFileAtomically(*args.json, nlohmann::ordered_json{{"benchmarks", all}}.dump(2) + "\n");
    return allOk ? ExitCode::Clean : ExitCode::Findings;
}

}  // namespace checker::cli
