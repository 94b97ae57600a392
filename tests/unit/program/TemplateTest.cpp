// Templates: placeholders, literal braces, errors with their column, expansion into a reused string.

#include "checker/program/Eval.hpp"
#include "checker/program/TemplateCompiler.hpp"

#include <cppunit/extensions/HelperMacros.h>

using namespace checker;

namespace {

NameBinding testNames(std::string_view name)
{
    if (name == "i") return NameBinding::local(0);
    if (name == "j") return NameBinding::local(1);
    if (name == "N") return NameBinding::constant(7);
    return {};
}

std::string expand(const std::string& text, std::vector<int64_t> locals = {0, 0})
{
    Program program;
    const TemplateId id = compileTemplate(program, text, testNames);
    std::string out = "garbage";
    const EvalError error = expandTemplate(program, id, locals.data(), out);
    CPPUNIT_ASSERT_MESSAGE(text, error == EvalError::None);
    return out;
}

std::string failure(const std::string& text)
{
    Program program;
    try {
        compileTemplate(program, text, testNames);
    } catch (const CompileError& error) {
        return error.what();
    }
    CPPUNIT_FAIL("no error for template: " + text);
    return {};
}

void assertFailure(const std::string& text, const std::string& expected)
{
    const std::string message = failure(text);
    CPPUNIT_ASSERT_MESSAGE(text + " -> " + message, message.find(expected) != std::string::npos);
}

}  // namespace

class TemplateTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(TemplateTest);
    CPPUNIT_TEST(placeholdersBecomeDecimalValues);
    CPPUNIT_TEST(doubledBracesAreLiteral);
    CPPUNIT_TEST(literalsAreMerged);
    CPPUNIT_TEST(malformedTemplatesAreErrors);
    CPPUNIT_TEST(expansionErrorsAreReported);
    CPPUNIT_TEST(expansionReusesTheString);
    CPPUNIT_TEST_SUITE_END();

public:
    void placeholdersBecomeDecimalValues()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("\\DosDevices\\C:\\Temp\\file_3.txt"),
                             expand("\\DosDevices\\C:\\Temp\\file_{i}.txt", {3, 0}));
        CPPUNIT_ASSERT_EQUAL(std::string("a-5b14"), expand("a{i}b{N * 2}", {-5, 0}));
        CPPUNIT_ASSERT_EQUAL(std::string("-9223372036854775808"), expand("{i}", {INT64_MIN, 0}));
        CPPUNIT_ASSERT_EQUAL(std::string("12"), expand("{i}{j}", {1, 2}));
        CPPUNIT_ASSERT_EQUAL(std::string(""), expand(""));
        CPPUNIT_ASSERT_EQUAL(std::string("x"), expand("{ N - 7 == 0 && 1 }x").substr(1));
    }

    void doubledBracesAreLiteral()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("{i}"), expand("{{i}}"));
        CPPUNIT_ASSERT_EQUAL(std::string("{3}"), expand("{{{i}}}", {3, 0}));
        CPPUNIT_ASSERT_EQUAL(std::string("}{"), expand("}}{{"));
    }

    void literalsAreMerged()
    {
        Program program;
        const TemplateId id = compileTemplate(program, "ab{{c}}d{i}e", testNames);
        const Template& compiled = program.templates[size_t(id)];
        CPPUNIT_ASSERT_EQUAL(size_t(3), compiled.pieces.size());
        CPPUNIT_ASSERT_EQUAL(std::string("ab{c}d"), compiled.pieces[0].literal);
        CPPUNIT_ASSERT(!compiled.pieces[1].expr.empty());
        CPPUNIT_ASSERT_EQUAL(std::string("e"), compiled.pieces[2].literal);
        CPPUNIT_ASSERT_EQUAL(TemplateId(1), compileTemplate(program, "{i}", testNames));
        CPPUNIT_ASSERT_EQUAL(size_t(1), program.templates[1].pieces.size());
    }

    void malformedTemplatesAreErrors()
    {
        assertFailure("a{}b", "empty {} (write {{ and }} for literal braces) at column 2");
        assertFailure("a{  }b", "empty {}");
        assertFailure("file_{i", "unclosed '{' (write {{ for a literal brace) at column 6");
        assertFailure("file_{i{j}}", "unclosed '{'");
        assertFailure("file_i}", "unmatched '}' (write }} for a literal brace) at column 7");
        assertFailure("x{q}", "in {q} at column 2: unknown name \"q\" at column 1");
        assertFailure("x{i +}", "in {i +} at column 2: expected a value at the end");
        assertFailure(std::string(kMaxTemplateText + 1, 'a'), "template longer than 4096 characters");
    }

    void expansionErrorsAreReported()
    {
        Program program;
        const TemplateId id = compileTemplate(program, "v{i / j}", testNames);
        const int64_t locals[2] = {1, 0};
        std::string out;
        CPPUNIT_ASSERT(expandTemplate(program, id, locals, out) == EvalError::DivisionByZero);
        CPPUNIT_ASSERT(expandTemplate(program, -1, locals, out) == EvalError::None);
        CPPUNIT_ASSERT(out.empty());
    }

    void expansionReusesTheString()
    {
        Program program;
        const TemplateId id = compileTemplate(program, "C:\\Temp\\file_{i}.txt", testNames);
        std::string out;
        out.reserve(256);
        const char* buffer = out.data();
        for (int64_t i = 0; i < 100; ++i) {
            const int64_t locals[2] = {i * 1000003, 0};
            CPPUNIT_ASSERT(expandTemplate(program, id, locals, out) == EvalError::None);
        }
        CPPUNIT_ASSERT_EQUAL(buffer, static_cast<const char*>(out.data()));
        CPPUNIT_ASSERT_EQUAL(std::string("C:\\Temp\\file_99000297.txt"), out);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TemplateTest);
