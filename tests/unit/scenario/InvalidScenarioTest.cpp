// Malformed scenarios: the corpus in tests/data/invalid (each file's expected pointer and message in
// EXPECTED.tsv) and generated inputs too large to commit (deep nesting, huge strings, many
// elements). Every one must be an InputError naming the file and the pointer, never a crash.

#include "ScenarioTestSupport.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace checker;
using namespace checker::test;

namespace {

const std::string kCorpus = "tests/data/invalid/";

struct Expected {
    std::string file, pointer, substring;
};

std::vector<Expected> readExpected()
{
    std::ifstream in(kCorpus + "EXPECTED.tsv");
    CPPUNIT_ASSERT_MESSAGE("cannot read " + kCorpus + "EXPECTED.tsv", in.good());
    std::vector<Expected> rows;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        Expected row;
        std::getline(fields, row.file, '\t');
        std::getline(fields, row.pointer, '\t');
        std::getline(fields, row.substring);
        CPPUNIT_ASSERT_MESSAGE("malformed row: " + line,
                               !row.file.empty() && !row.pointer.empty() && !row.substring.empty());
        rows.push_back(row);
    }
    return rows;
}

// "POINTER" is a JSON pointer (starting with '/') or LINE:COL of a JSON syntax error.
void checkCorpusFile(const Expected& row)
{
    const std::string path = kCorpus + row.file;
    try {
        loadScenarioFile(path, {});
    } catch (const InputError& error) {
        const std::string what = error.what();
        const std::string prefix = path + (row.pointer[0] == '/' ? ": " : ":") + row.pointer + ": ";
        CPPUNIT_ASSERT_MESSAGE(row.file + ": " + what, what.starts_with(prefix));
        CPPUNIT_ASSERT_MESSAGE(row.file + ": " + what + "\n   does not contain: " + row.substring,
                               what.find(row.substring) != std::string::npos);
        CPPUNIT_ASSERT_MESSAGE(row.file + ": " + what, what.find('\n') == std::string::npos);
        return;
    }
    CPPUNIT_FAIL(row.file + " was accepted");
}

std::string repeat(const std::string& text, size_t times)
{
    std::string out;
    out.reserve(text.size() * times);
    for (size_t i = 0; i < times; ++i) out += text;
    return out;
}

// Loads `json` and requires an InputError whose problem contains `substring` (pointer unchecked).
void expectProblem(const std::string& json, const std::string& substring)
{
    try {
        loadScenarioText(json, "big.json", {});
    } catch (const InputError& error) {
        CPPUNIT_ASSERT_MESSAGE(std::string(error.what()).substr(0, 300),
                               error.problem().find(substring) != std::string::npos);
        CPPUNIT_ASSERT(std::string(error.what()).starts_with("big.json: /"));
        CPPUNIT_ASSERT(std::string(error.what()).size() < 1000);
        return;
    }
    CPPUNIT_FAIL("accepted: " + json.substr(0, 200));
}

// A JSON syntax error: what() starts with `prefix` and stays short.
void expectSyntaxError(const std::string& json, const std::string& prefix)
{
    try {
        loadScenarioText(json, "big.json", {});
    } catch (const InputError& error) {
        const std::string what = error.what();
        CPPUNIT_ASSERT_MESSAGE(what.substr(0, 300), what.starts_with(prefix));
        CPPUNIT_ASSERT(what.size() < 400);
        return;
    }
    CPPUNIT_FAIL("accepted: " + json.substr(0, 200));
}

}  // namespace

class InvalidScenarioTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(InvalidScenarioTest);
    CPPUNIT_TEST(everyCorpusFileFailsAsExpected);
    CPPUNIT_TEST(everyCorpusFileIsListed);
    CPPUNIT_TEST(deeplyNestedJsonIsAnError);
    CPPUNIT_TEST(deeplyNestedStatementsAreAnError);
    CPPUNIT_TEST(deeplyNestedExpressionsAreAnError);
    CPPUNIT_TEST(hugeStringsAreErrors);
    CPPUNIT_TEST(hugeCountsAreErrors);
    CPPUNIT_TEST(manyStatementsAreFine);
    CPPUNIT_TEST(paramOverrideOfUndeclaredName);
    CPPUNIT_TEST_SUITE_END();

public:
    void everyCorpusFileFailsAsExpected()
    {
        const std::vector<Expected> rows = readExpected();
        CPPUNIT_ASSERT(rows.size() >= 40);
        for (const Expected& row : rows) checkCorpusFile(row);
    }

    void everyCorpusFileIsListed()
    {
        std::vector<std::string> listed, present;
        for (const Expected& row : readExpected()) listed.push_back(row.file);
        for (const auto& entry : std::filesystem::directory_iterator(kCorpus))
            if (entry.path().extension() == ".json") present.push_back(entry.path().filename().string());
        std::sort(listed.begin(), listed.end());
        std::sort(present.begin(), present.end());
        CPPUNIT_ASSERT(std::adjacent_find(listed.begin(), listed.end()) == listed.end());
        CPPUNIT_ASSERT(listed == present);
    }

    void deeplyNestedJsonIsAnError()
    {
        expectProblem(repeat("[", 100000) + repeat("]", 100000), "nested deeper than 200 levels");
        expectProblem(repeat("{\"a\":", 10000) + "1" + repeat("}", 10000), "nested deeper than 200 levels");
        const std::string body = repeat("[", 10000) + repeat("]", 10000);
        try {
            loadScenarioText(withBody(body), "big.json", {});
            CPPUNIT_FAIL("accepted");
        } catch (const InputError& error) {
            CPPUNIT_ASSERT(error.pointer().starts_with("/threads/0/body/0/0/0/"));
        }
        expectProblem(repeat("[", 10000), "nested deeper than 200 levels");
    }

    void deeplyNestedStatementsAreAnError()
    {
        auto nestedIfs = [](size_t depth) {
            return repeat(R"([{"if": 1, "then": )", depth) + "[]" + repeat("}]", depth);
        };
        load(withBody(nestedIfs(64)));
        expectError(withBody(nestedIfs(65)), "/threads/0/body/0" + repeat("/then/0", 64),
                    "statements nested deeper than 64 levels");
        const std::string loops = repeat(R"([{"while": 1, "do": )", 65) + "[]" + repeat("}]", 65);
        expectError(withBody(loops), "/threads/0/body/0" + repeat("/do/0", 64), "nested deeper than 64 levels");
    }

    void deeplyNestedExpressionsAreAnError()
    {
        expectError(withBody(R"([{"let": "x", "value": ")" + repeat("(", 2000) + "1" + repeat(")", 2000) + "\"}]"),
                    "/threads/0/body/0/value", "expression nested deeper than 64 levels at column 65");
        expectError(withBody(R"([{"let": "x", "value": ")" + repeat("-", 4000) + "1\"}]"), "/threads/0/body/0/value",
                    "nested deeper than 64 levels");
    }

    void hugeStringsAreErrors()
    {
        expectError(withBody(R"([{"let": "x", "value": ")" + repeat("1+", 2500) + "1\"}]"), "/threads/0/body/0/value",
                    "expression longer than 4096 characters");
        expectError(withBody(R"([{"assert": 0, "message": ")" + repeat("m", 5000) + "\"}]"),
                    "/threads/0/body/0/message", "template longer than 4096 characters");
        expectError(withBody(R"([{"yield": true, "label": ")" + repeat("l", 1 << 20) + "\"}]"),
                    "/threads/0/body/0/label", "label longer than 256 characters");
        expectError(withBody(R"([{"let": ")" + repeat("x", 200) + R"(", "value": 1}])"), "/threads/0/body/0/let",
                    "local name longer than 128 characters");
        expectError(R"({"scenario": ")" + repeat("s", 1000) + R"(", "threads": [{"name": "T", "body": []}]})",
                    "/scenario", "bad scenario name");
        expectError(withBody("[]", R"("description": ")" + repeat("d", 70000) + "\""), "/description",
                    "description longer than 65536 characters");
        expectError(withBody("[]", R"("filesystem": {"files": [{"path": "C:\\x", "content": ")" + repeat("c", 5000) +
                                       "\"}]}"),
                    "/filesystem/files/0/content", "template longer than 4096 characters");
        expectSyntaxError(
            "{\"scenario\": \"" + repeat("\\u00e9", 100000),
            "big.json:1:14: JSON syntax error: syntax error while parsing value - invalid string: missing "
            "closing quote");
    }

    void hugeCountsAreErrors()
    {
        std::string objects;
        for (int i = 0; i < 17; ++i)
            objects += std::string(i ? "," : "") + R"({"name": "M)" + std::to_string(i) +
                       R"(", "type": "FAST_MUTEX", "array": 1000000})";
        expectError(withBody("[]", R"("objects": [)" + objects + "]"), "/objects/16",
                    "more than 16000000 objects in all");
        expectError(withBody("[]", R"("globals": {"g": {"array": "1000000 + 1"}})"), "/globals/g/array",
                    "array size 1000001 is out of range 1..1000000");
        expectError(
            withBody("[]", R"("expect": {"final": [{"for": "i", "from": 0, "below": 2000000, "path": "C:\\{i}"}]})"),
            "/expect/final/0/below", "more than 1000000 iterations");
        std::string threads;
        for (int i = 0; i < 257; ++i)
            threads += std::string(i ? "," : "") + R"({"name": "T)" + std::to_string(i) + R"(", "body": []})";
        expectError(R"({"scenario": "x", "threads": [)" + threads + "]}", "/threads/256",
                    "more than 256 thread instances in all");
        expectError(withBody(R"([{"call": "KeWaitForMultipleObjects", "objects": [)" + repeat("\"E\",", 64) +
                                 R"("E"], "wait_type": "WaitAll"}])",
                             R"("objects": [{"name": "E", "type": "KEVENT", "event_type": "NotificationEvent"}])"),
                    "/threads/0/body/0/objects", "expected 1..64 objects, got 65");
    }

    void manyStatementsAreFine()
    {
        const Program program = load(withBody("[" + repeat(R"({"yield": true},)", 100000) + R"({"yield": true}])"));
        CPPUNIT_ASSERT_EQUAL(size_t(100002), program.bodies[0].code.size());
        CPPUNIT_ASSERT_EQUAL(std::string("/threads/0/body/100000"), program.statements[100000].pointer);
        CPPUNIT_ASSERT_EQUAL(int32_t(1), program.statements[100000].line);
    }

    void paramOverrideOfUndeclaredName()
    {
        LoadOptions options;
        options.paramOverrides = {{"N", 1}};
        expectError(withBody("[]"), "/params", "--param \"N\" is not declared (declared: none)", options);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(InvalidScenarioTest);
