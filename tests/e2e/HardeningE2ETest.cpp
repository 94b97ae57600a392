// End-to-end tests of the binary on hostile input and in hostile places (issue 7): every file of
// the malformed corpus exits 2 with one located message and writes nothing; bad --param values;
// runtime errors of a scenario are findings with witnesses that replay; runaway thread creation
// and memory growth stop on limits; outputs go only to --out and fail clearly where they cannot
// be written; Graphviz gets an argument vector; reports are byte-identical across runs and --jobs.

#include "Binary.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

using e2e::readJsonFile;
using e2e::runChecker;
using e2e::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kCorpus = "tests/data/invalid/";

struct CorpusRow {
    std::string file, location, substring;
};

// tests/data/invalid/EXPECTED.tsv: file, JSON pointer or LINE:COL, a part of the message.
std::vector<CorpusRow> corpusRows()
{
    std::ifstream in(kCorpus + "EXPECTED.tsv");
    CPPUNIT_ASSERT_MESSAGE("cannot read " + kCorpus + "EXPECTED.tsv", in.good());
    std::vector<CorpusRow> rows;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        CorpusRow row;
        std::getline(fields, row.file, '\t');
        std::getline(fields, row.location, '\t');
        std::getline(fields, row.substring);
        rows.push_back(row);
    }
    return rows;
}

std::string slurp(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeText(const fs::path& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

// A one-thread scenario named `name` whose thread runs `body`; `decls` adds top-level members.
std::string scenarioWith(const std::string& name, const std::string& body, const std::string& decls = "")
{
    return R"({"scenario": ")" + name + "\", " + (decls.empty() ? "" : decls + ", ") +
           R"("threads": [{"name": "T", "body": )" + body + "}]}";
}

// Files in `folder` (names only), sorted.
std::set<std::string> filesIn(const fs::path& folder)
{
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder)) names.insert(entry.path().filename().string());
    return names;
}

// "a, b, c", for messages.
std::string listed(const std::set<std::string>& names)
{
    std::string out;
    for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
    return out;
}

// The report text with the fields allowed to differ between runs (timing, and options.jobs when
// comparing --jobs values) replaced by a fixed token.
std::string normalized(const std::string& report)
{
    static const std::regex kElapsed("\"elapsed_s\": *[-+0-9.eE]+");
    static const std::regex kJobs("\"jobs\": *[0-9]+");
    return std::regex_replace(std::regex_replace(report, kElapsed, "\"elapsed_s\": T"), kJobs, "\"jobs\": J");
}

std::string firstFindingOfKind(const json& report, const std::string& kind)
{
    for (const auto& f : report["findings"])
        if (f["kind"] == kind) return f["id"];
    return "";
}

}  // namespace

class HardeningE2ETest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(HardeningE2ETest);
    CPPUNIT_TEST(everyMalformedFileExits2WithItsLocationAndWritesNothing);
    CPPUNIT_TEST(badParamOverridesExit2);
    CPPUNIT_TEST(runtimeErrorsAreFindingsThatReplay);
    CPPUNIT_TEST(badHandleIsAFinding);
    CPPUNIT_TEST(threadCreationLoopHitsTheThreadLimit);
    CPPUNIT_TEST(fileGrowthStopsAtTheVolumeSize);
    CPPUNIT_TEST(memoryBudgetStopsHonestly);
    CPPUNIT_TEST(badMemoryBudgetExits2);
    CPPUNIT_TEST(onlyTheOutputFolderIsWritten);
    CPPUNIT_TEST(outputFolderThatIsAFileIsAClearError);
    CPPUNIT_TEST(reportPathThatIsAFolderIsAClearError);
    CPPUNIT_TEST(outputFolderThatCannotBeCreatedIsAClearError);
    CPPUNIT_TEST(scenarioNameCannotLeaveTheOutputArea);
    CPPUNIT_TEST(renderPassesFileNamesWithoutAShell);
    CPPUNIT_TEST(reportsAreByteIdenticalAcrossRunsAndJobs);
    CPPUNIT_TEST(testCommandPrintsTheSameWithAnyJobs);
    CPPUNIT_TEST_SUITE_END();

public:
    void everyMalformedFileExits2WithItsLocationAndWritesNothing()
    {
        const std::vector<CorpusRow> rows = corpusRows();
        CPPUNIT_ASSERT(rows.size() >= 40);
        std::string failures;
        for (const CorpusRow& row : rows) {
            TempDir dir;
            const std::string path = kCorpus + row.file;
            const e2e::Result r = runChecker({"run", path, "--quiet", "--out", dir / "out"});
            const std::string prefix = path + (row.location[0] == '/' ? ": " : ":") + row.location + ": ";
            std::string problem;
            if (r.exitCode != 2) problem = "exit " + std::to_string(r.exitCode);
            else if (!r.err.starts_with(prefix)) problem = "message does not start with '" + prefix + "'";
            else if (r.err.find(row.substring) == std::string::npos) problem = "message lacks '" + row.substring + "'";
            else if (r.err.find('\n') != r.err.size() - 1) problem = "message is not one line";
            else if (!r.out.empty()) problem = "wrote to stdout";
            else if (fs::exists(dir / "out")) problem = "created the --out folder";
            if (!problem.empty()) failures += "\n  " + row.file + ": " + problem + ": " + r.err.substr(0, 300);
        }
        CPPUNIT_ASSERT_MESSAGE(failures, failures.empty());
    }

    void badParamOverridesExit2()
    {
        const std::string scenario = "scenarios/benchmarks/readers.json";
        for (const std::string param : {"N=ten", "N=1.5", "N=", "=3", "N", "N=99999999999999999999", "M=3", "N=3 "}) {
            TempDir dir;
            const e2e::Result r = runChecker({"run", scenario, "--quiet", "--param", param, "--out", dir / "out"});
            CPPUNIT_ASSERT_EQUAL_MESSAGE(param + ": " + r.err, 2, r.exitCode);
            CPPUNIT_ASSERT_MESSAGE(param + ": " + r.err, r.err.find("param") != std::string::npos);
            CPPUNIT_ASSERT_MESSAGE(param, !fs::exists(dir / "out"));
        }
    }

    void runtimeErrorsAreFindingsThatReplay()
    {
        const std::string array = R"("globals": {"a": {"array": 2, "init": 0}, "zero": 0, "big": 9223372036854775807})";
        const std::string mutexes = R"("objects": [{"name": "M", "type": "FAST_MUTEX", "array": 2}])";
        const struct {
            std::string name, body, decls, message;
        } cases[] = {
            {"division", R"([{"load": "z", "from": "zero"}, {"let": "x", "value": "10 / z"}])", array, "division by zero"},
            {"modulo", R"([{"load": "z", "from": "zero"}, {"let": "x", "value": "10 % z"}])", array, "division by zero"},
            {"overflow", R"([{"load": "b", "from": "big"}, {"let": "x", "value": "b + 1"}])", array, "overflow"},
            {"negation", R"([{"let": "m", "value": "-9223372036854775807 - 1"}, {"let": "x", "value": "-m"}])", array,
             "overflow"},
            {"shift", R"([{"let": "s", "value": 64}, {"let": "x", "value": "1 << s"}])", array, "shift"},
            {"global_index", R"([{"let": "k", "value": 2}, {"store": "a[k]", "value": 1}])", array, "out of range"},
            {"negative_index", R"([{"let": "k", "value": -1}, {"load": "v", "from": "a[k]"}])", array, "out of range"},
            {"object_index", R"([{"let": "k", "value": 7}, {"call": "ExAcquireFastMutex", "mutex": "M[k]"}])", mutexes,
             "out of range"},
            {"interlocked", R"([{"call": "InterlockedIncrement", "target": "big"}])", array, "overflow"},
        };
        for (const auto& c : cases) {
            TempDir dir;
            const std::string file = dir / (c.name + ".json");
            writeText(file, scenarioWith(c.name, c.body, c.decls));
            const e2e::Result r = runChecker({"run", file, "--quiet", "--format", "json", "--out", dir / "out"});
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.name + ": " + r.err, 1, r.exitCode);
            const json report = json::parse(r.out);
            const std::string id = firstFindingOfKind(report, "runtime_error");
            CPPUNIT_ASSERT_MESSAGE(c.name + ": " + r.out, !id.empty());
            bool mentioned = false;
            for (const auto& f : report["findings"])
                if (f["id"] == id) mentioned = f["message"].get<std::string>().find(c.message) != std::string::npos;
            CPPUNIT_ASSERT_MESSAGE(c.name + ": " + r.out, mentioned);
            const e2e::Result again = runChecker({"replay", dir / "out/report.json", "--finding", id});
            CPPUNIT_ASSERT_EQUAL_MESSAGE(c.name + ": " + again.out + again.err, 0, again.exitCode);
            CPPUNIT_ASSERT_MESSAGE(c.name + ": " + again.out, again.out.find("runtime_error") != std::string::npos);
        }
    }

    void badHandleIsAFinding()
    {
        TempDir dir;
        const std::string file = dir / "bad_handle.json";
        writeText(file, scenarioWith("bad_handle", R"([{"let": "h", "value": 1234}, {"call": "ZwClose", "handle": "h"}])"));
        const e2e::Result r = runChecker({"run", file, "--quiet", "--format", "json", "--out", dir / "out"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err, 1, r.exitCode);
        const json report = json::parse(r.out);
        bool found = false;
        for (const auto& f : report["findings"])
            found = found || (f["kind"] == "api_misuse" && f["rule"] == "INVALID_HANDLE" && !f["witness"].is_null());
        CPPUNIT_ASSERT_MESSAGE(r.out, found);
    }

    void threadCreationLoopHitsTheThreadLimit()
    {
        TempDir dir;
        const std::string file = dir / "spawn_loop.json";
        writeText(file, R"({"scenario": "spawn_loop", "threads": [
            {"name": "Main", "body": [{"while": 1, "do": [{"call": "PsCreateSystemThread", "start": "W"}]}]},
            {"name": "W", "autostart": false, "body": [{"yield": true}]}]})");
        const e2e::Result r = runChecker(
            {"run", file, "--quiet", "--format", "json", "--max-executions", "2", "--out", dir / "out"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err, 1, r.exitCode);
        const json report = json::parse(r.out);
        const std::string id = firstFindingOfKind(report, "runtime_error");
        CPPUNIT_ASSERT_MESSAGE(r.out.substr(0, 2000), !id.empty());
        for (const auto& f : report["findings"])
            if (f["id"] == id)
                CPPUNIT_ASSERT_MESSAGE(f.dump(), f["message"].get<std::string>().find("threads in one execution") !=
                                                     std::string::npos);
    }

    void fileGrowthStopsAtTheVolumeSize()
    {
        // Each write makes a 16 MiB file; the volume holds 256 MiB: the 17th write fails like a
        // full disk instead of the checker allocating without bound.
        TempDir dir;
        const std::string file = dir / "volume.json";
        writeText(file, scenarioWith("volume", R"json([{"for": "i", "from": 0, "below": 20, "do": [
            {"call": "ZwCreateFile", "path": "C:\\f_{i}.txt", "access": "GENERIC_WRITE", "share": 0,
             "disposition": "FILE_CREATE", "handle": "h"},
            {"call": "ZwWriteFile", "handle": "h", "data": "x", "offset": 16777215, "status": "s"},
            {"assert": "NT_SUCCESS(s) == (i < 16)", "message": "write {i}: status {s}"},
            {"call": "ZwClose", "handle": "h"}]}])json"));
        const e2e::Result r = runChecker({"run", file, "--quiet", "--format", "json", "--out", dir / "out"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err + r.out.substr(0, 3000), 0, r.exitCode);
    }

    void memoryBudgetStopsHonestly()
    {
        for (const std::string strategy : {"dpor", "random"}) {
            TempDir dir;
            const e2e::Result r = runChecker({"run", "scenarios/benchmarks/readers.json", "--quiet", "--format", "json",
                                              "--strategy", strategy, "--max-memory", "1", "--out", dir / "out"});
            CPPUNIT_ASSERT_MESSAGE(strategy + ": " + r.err, r.exitCode == 0 || r.exitCode == 1);
            const json report = json::parse(r.out);
            CPPUNIT_ASSERT_MESSAGE(strategy, !report["exploration"]["complete"].get<bool>());
            CPPUNIT_ASSERT_EQUAL_MESSAGE(strategy, std::string("memory"),
                                         report["exploration"]["stopped_by"].get<std::string>());
            CPPUNIT_ASSERT(fs::exists(dir / "out/report.json"));
        }
    }

    void badMemoryBudgetExits2()
    {
        for (const std::string value : {"0", "-5", "lots", "99999999999999999999"}) {
            TempDir dir;
            const e2e::Result r = runChecker(
                {"run", "scenarios/benchmarks/readers.json", "--quiet", "--max-memory", value, "--out", dir / "out"});
            CPPUNIT_ASSERT_EQUAL_MESSAGE(value + ": " + r.err, 2, r.exitCode);
            CPPUNIT_ASSERT_MESSAGE(value + ": " + r.err, r.err.find("--max-memory") != std::string::npos);
        }
    }

    void onlyTheOutputFolderIsWritten()
    {
        TempDir dir;
        const e2e::Result r = runChecker({"run", "scenarios/demos/abba_fast_mutex.json", "--quiet", "--out", dir / "out"});
        CPPUNIT_ASSERT_MESSAGE(r.err, r.exitCode == 0 || r.exitCode == 1);
        CPPUNIT_ASSERT_EQUAL(std::string("out"), listed(filesIn(dir.path())));
        static const std::regex kAllowed("report\\.json|report\\.sarif|F[0-9]+-[a-z_]+\\.dot");
        const std::set<std::string> written = filesIn(dir / "out");
        CPPUNIT_ASSERT(written.count("report.json") && written.count("report.sarif"));
        for (const std::string& name : written)
            CPPUNIT_ASSERT_MESSAGE("unexpected file " + name, std::regex_match(name, kAllowed));
    }

    void outputFolderThatIsAFileIsAClearError()
    {
        TempDir dir;
        const std::string file = dir / "taken";
        writeText(file, "precious");
        const e2e::Result r = runChecker({"run", "scenarios/demos/abba_fast_mutex.json", "--quiet", "--out", file});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err, 2, r.exitCode);
        CPPUNIT_ASSERT_MESSAGE(r.err, r.err.starts_with(file + ": ") && r.err.find("not a folder") != std::string::npos);
        CPPUNIT_ASSERT_EQUAL(std::string("precious"), slurp(file));
        CPPUNIT_ASSERT_EQUAL(std::string("taken"), listed(filesIn(dir.path())));
    }

    void reportPathThatIsAFolderIsAClearError()
    {
        TempDir dir;
        fs::create_directories(dir.path() / "out" / "report.json");
        const e2e::Result r = runChecker({"run", "scenarios/demos/abba_fast_mutex.json", "--quiet", "--out", dir / "out"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err, 2, r.exitCode);
        CPPUNIT_ASSERT_MESSAGE(r.err, r.err.find("report.json: is a directory") != std::string::npos);
        CPPUNIT_ASSERT(fs::is_directory(dir.path() / "out" / "report.json"));
        for (const std::string& name : filesIn(dir / "out"))
            CPPUNIT_ASSERT_MESSAGE("temporary file left: " + name, !name.starts_with("."));
    }

    void outputFolderThatCannotBeCreatedIsAClearError()
    {
        const std::string out = "/proc/checker-hardening-test/out";
        const e2e::Result r = runChecker({"run", "scenarios/demos/abba_fast_mutex.json", "--quiet", "--out", out});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err, 2, r.exitCode);
        CPPUNIT_ASSERT_MESSAGE(r.err, r.err.starts_with(out + ": "));
        CPPUNIT_ASSERT_MESSAGE(r.err, r.err.find('\n') == r.err.size() - 1);
    }

    void scenarioNameCannotLeaveTheOutputArea()
    {
        // Names are [A-Za-z0-9_.-]+, so no separator; "." and ".." would name out/ or the working
        // folder itself: without --out they are an input error, and nothing is written.
        for (const std::string name : {"..", "."}) {
            TempDir dir;
            const std::string file = dir / "dots.json";
            writeText(file, scenarioWith(name, "[]"));
            const e2e::Result r = runChecker({"run", file, "--quiet"});
            CPPUNIT_ASSERT_EQUAL_MESSAGE(name + ": " + r.err, 2, r.exitCode);
            CPPUNIT_ASSERT_MESSAGE(r.err, r.err.starts_with(file + ": /scenario: "));
        }
        TempDir dir;
        const std::string file = dir / "slash.json";
        writeText(file, scenarioWith("../escape", "[]"));
        const e2e::Result r = runChecker({"run", file, "--quiet"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err, 2, r.exitCode);
        CPPUNIT_ASSERT_MESSAGE(r.err, r.err.starts_with(file + ": /scenario: bad scenario name"));
    }

    void renderPassesFileNamesWithoutAShell()
    {
        TempDir dir;
        const e2e::Result run = runChecker({"run", "scenarios/demos/abba_fast_mutex.json", "--quiet", "--out", dir / "out"});
        CPPUNIT_ASSERT_MESSAGE(run.err, run.exitCode == 0 || run.exitCode == 1);
        const std::string hostile = dir / "a b;touch pwned;$(touch pwned2)`touch pwned3`.svg";
        const e2e::Result r = runChecker({"render", dir / "out/report.json", "--finding", "F1", "-T", "svg", "-o", hostile});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err, 0, r.exitCode);
        CPPUNIT_ASSERT_MESSAGE(r.out, fs::is_regular_file(hostile));
        CPPUNIT_ASSERT(slurp(hostile).find("<svg") != std::string::npos);
        for (const char* planted : {"pwned", "pwned2", "pwned3"}) {
            CPPUNIT_ASSERT(!fs::exists(dir.path() / planted));
            CPPUNIT_ASSERT(!fs::exists(planted));
        }
    }

    void reportsAreByteIdenticalAcrossRunsAndJobs()
    {
        const std::vector<std::vector<std::string>> runs = {
            {"scenarios/demos/abba_fast_mutex.json"},
            {"scenarios/demos/apc_interleaving.json"},
            {"scenarios/demos/bad_index.json"},
            {"scenarios/benchmarks/lastzero.json"},
            {"scenarios/benchmarks/readers.json"},
            {"scenarios/benchmarks/indexer.json", "--param", "N=14"},
            {"scenarios/lock_order.json", "--param", "N=12", "--param", "WRITES=2"},
            {"scenarios/demos/lost_update.json", "--strategy", "random", "--runs", "30", "--seed", "11"},
        };
        for (const auto& scenario : runs) {
            std::map<std::string, std::string> first;  // file name -> normalized content
            for (const std::string jobs : {"1", "1", "2", "4"}) {
                TempDir dir;
                std::vector<std::string> args{"run", scenario[0], "--quiet", "--jobs", jobs, "--out", dir / "out"};
                args.insert(args.end(), scenario.begin() + 1, scenario.end());
                const e2e::Result r = runChecker(args);
                CPPUNIT_ASSERT_MESSAGE(scenario[0] + ": " + r.err, r.exitCode == 0 || r.exitCode == 1);
                std::map<std::string, std::string> files;
                for (const std::string& name : filesIn(dir / "out")) files[name] = normalized(slurp(dir.path() / "out" / name));
                CPPUNIT_ASSERT(files.count("report.json"));
                if (first.empty()) {
                    first = files;
                    continue;
                }
                CPPUNIT_ASSERT_EQUAL_MESSAGE(scenario[0] + " --jobs " + jobs, first.size(), files.size());
                for (const auto& [name, text] : first)
                    CPPUNIT_ASSERT_EQUAL_MESSAGE(scenario[0] + " --jobs " + jobs + ": " + name, text, files[name]);
            }
        }
    }
    // `checker test --jobs N` runs N scenarios at a time: same lines, same order, same JUnit
    // (timing aside) as one at a time, including a failing scenario and an invalid one.
    void testCommandPrintsTheSameWithAnyJobs()
    {
        TempDir dir;
        fs::create_directories(dir / "gate");
        for (const char* name : {"abba_fast_mutex.json", "lost_update.json", "bad_index.json", "apc_interleaving.json"})
            fs::copy_file(fs::path("scenarios/demos") / name, dir.path() / "gate" / name);
        std::ofstream(dir.path() / "gate" / "b_broken.json") << R"({"scenario": "broken", "threads": 3})";
        std::ofstream(dir.path() / "gate" / "c_unexpected.json")
            << R"({"scenario": "unexpected", "globals": {"x": 0}, "threads": [)"
               R"({"name": "A", "body": [{"store": "x", "value": 1}]}, {"name": "B", "body": [{"store": "x", "value": 2}]}]})";
        std::string first;
        for (const std::string jobs : {"1", "3", "8"}) {
            const e2e::Result r = runChecker({"test", dir / "gate", "--quiet", "--jobs", jobs, "--junit", dir / ("junit" + jobs + ".xml")});
            CPPUNIT_ASSERT_EQUAL_MESSAGE(r.out + r.err, 2, r.exitCode);   // the invalid scenario
            CPPUNIT_ASSERT(r.out.find("FAIL unexpected") != std::string::npos);
            CPPUNIT_ASSERT(r.out.find("4 passed, 2 failed") != std::string::npos);
            if (first.empty()) first = r.out;
            CPPUNIT_ASSERT_EQUAL_MESSAGE("--jobs " + jobs, first, r.out);
        }
        static const std::regex kTime("time=\"[0-9.e+-]+\"");
        const std::string junit1 = std::regex_replace(slurp(dir / "junit1.xml"), kTime, "time=\"T\"");
        CPPUNIT_ASSERT_EQUAL(junit1, std::regex_replace(slurp(dir / "junit8.xml"), kTime, "time=\"T\""));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HardeningE2ETest);
