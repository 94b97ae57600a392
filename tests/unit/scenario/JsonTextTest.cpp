// The JSON layer: syntax errors with line and column, the pre-scan's limits and duplicate keys,
// comments, and the source map from pointers to lines.

#include "ScenarioTestSupport.hpp"

#include "checker/scenario/JsonText.hpp"
#include "checker/scenario/SourceMap.hpp"

using namespace checker;
using namespace checker::test;

namespace {

std::string parseFailure(const std::string& text)
{
    try {
        parseScenarioJson(text, "f.json");
    } catch (const InputError& error) {
        return error.what();
    }
    CPPUNIT_FAIL("accepted: " + text);
    return {};
}

void assertStartsWith(const std::string& text, const std::string& prefix)
{
    CPPUNIT_ASSERT_MESSAGE(text, text.starts_with(prefix));
}

}  // namespace

class JsonTextTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(JsonTextTest);
    CPPUNIT_TEST(syntaxErrorsHaveLineAndColumn);
    CPPUNIT_TEST(columnsCountCharacters);
    CPPUNIT_TEST(commentsAndByteOrderMarkAreAccepted);
    CPPUNIT_TEST(duplicateKeysAreErrors);
    CPPUNIT_TEST(nestingIsLimited);
    CPPUNIT_TEST(pointersEscapeTheirKeys);
    CPPUNIT_TEST(sourceMapFindsContainers);
    CPPUNIT_TEST_SUITE_END();

public:
    void syntaxErrorsHaveLineAndColumn()
    {
        assertStartsWith(parseFailure("{\n  \"a\": tru\n}"), "f.json:2:11: JSON syntax error: ");
        assertStartsWith(parseFailure("{\"a\": 1,\n\n   ]"), "f.json:3:4: JSON syntax error: ");
        assertStartsWith(parseFailure("{\"a\": \"x"), "f.json:1:7: JSON syntax error: ");
        assertStartsWith(parseFailure("{\"a\": 01}"), "f.json:1:8: JSON syntax error: ");
        assertStartsWith(parseFailure("{\"a\": 1"), "f.json:1:7: JSON syntax error: ");
        assertStartsWith(parseFailure(""), "f.json:1:1: JSON syntax error: the file is empty");
        assertStartsWith(parseFailure("\n\n"), "f.json:1:1: JSON syntax error: the file is empty");
        assertStartsWith(parseFailure("{} {}"), "f.json:1:4: JSON syntax error: ");
        assertStartsWith(parseFailure("{\"a\": 1} /* open"), "f.json:1:10: JSON syntax error: ");
        const std::string message = parseFailure("{\"a\": \"\xff\"}");
        assertStartsWith(message, "f.json:1:7: JSON syntax error: ");
        CPPUNIT_ASSERT(message.find('\n') == std::string::npos);
    }

    void columnsCountCharacters()
    {
        assertStartsWith(parseFailure("{\"\xc3\xa9\xc3\xa9\": x}"), "f.json:1:8: JSON syntax error: ");
    }

    void commentsAndByteOrderMarkAreAccepted()
    {
        const Json json = parseScenarioJson("\xEF\xBB\xBF// c\n{/* x */\"a\": [1, // y\n 2]}", "f.json");
        CPPUNIT_ASSERT_EQUAL(size_t(2), json["a"].size());
    }

    void duplicateKeysAreErrors()
    {
        try {
            parseScenarioJson(R"({"a": {"b": 1, "c": [{"x": 1, "x": 2}]}})", "f.json");
            CPPUNIT_FAIL("duplicate accepted");
        } catch (const InputError& error) {
            CPPUNIT_ASSERT_EQUAL(std::string("/a/c/0/x"), error.pointer());
            CPPUNIT_ASSERT_EQUAL(std::string("key \"x\" given twice in one object"), error.problem());
        }
        parseScenarioJson(R"({"a": {"x": 1}, "b": {"x": 2}})", "f.json");
    }

    void nestingIsLimited()
    {
        const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
        parseScenarioJson(ok, "f.json");
        try {
            parseScenarioJson("[" + ok + "]", "f.json");
            CPPUNIT_FAIL("too deep accepted");
        } catch (const InputError& error) {
            CPPUNIT_ASSERT_EQUAL(std::string("nested deeper than 200 levels"), error.problem());
            CPPUNIT_ASSERT_EQUAL(size_t(2 * kMaxJsonDepth), error.pointer().size());
        }
    }

    void pointersEscapeTheirKeys()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("a~1b~0c"), escapePointerToken("a/b~c"));
        try {
            parseScenarioJson(R"({"a/b": {"~": 1, "~": 2}})", "f.json");
            CPPUNIT_FAIL("duplicate accepted");
        } catch (const InputError& error) {
            CPPUNIT_ASSERT_EQUAL(std::string("/a~1b/~0"), error.pointer());
        }
    }

    void sourceMapFindsContainers()
    {
        const std::string text =
            "{\n\"a\": [\n  {\"k\\\"ey\": \"[{\\\\\"},\n  /* { [ */ {}, // ]\n [\n]],\n"
            "\"\\u00e9/\\ud83d\\ude00\": {}}";
        parseScenarioJson(text, "f.json");
        const SourceMap map(text);
        CPPUNIT_ASSERT_EQUAL(int32_t(1), map.lineOf("/"));
        CPPUNIT_ASSERT_EQUAL(int32_t(2), map.lineOf("/a"));
        CPPUNIT_ASSERT_EQUAL(int32_t(3), map.lineOf("/a/0"));
        CPPUNIT_ASSERT_EQUAL(int32_t(4), map.lineOf("/a/1"));
        CPPUNIT_ASSERT_EQUAL(int32_t(5), map.lineOf("/a/2"));
        CPPUNIT_ASSERT_EQUAL(int32_t(7), map.lineOf("/\xc3\xa9~1\xf0\x9f\x98\x80"));
        CPPUNIT_ASSERT_EQUAL(int32_t(0), map.lineOf("/a/0/k\"ey"));
        CPPUNIT_ASSERT_EQUAL(int32_t(0), map.lineOf("/nope"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(JsonTextTest);
