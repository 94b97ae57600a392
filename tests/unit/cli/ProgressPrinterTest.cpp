#include "checker/cli/ProgressPrinter.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <sstream>

namespace checker::cli {
namespace {

Progress at(double seconds, uint64_t executions)
{
    Progress progress;
    progress.executions = executions;
    progress.depth = 40;
    progress.findings = 1;
    progress.elapsedSeconds = seconds;
    return progress;
}

class ProgressPrinterTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ProgressPrinterTest);
    CPPUNIT_TEST(whenProgressIsShown);
    CPPUNIT_TEST(lineFormat);
    CPPUNIT_TEST(linesEveryFewSecondsWhenNotATerminal);
    CPPUNIT_TEST(redrawnOnATerminal);
    CPPUNIT_TEST_SUITE_END();

public:
    void whenProgressIsShown()
    {
        CPPUNIT_ASSERT(progressWanted(ProgressMode::Auto, true, nullptr));
        CPPUNIT_ASSERT(progressWanted(ProgressMode::Auto, true, "false"));
        CPPUNIT_ASSERT(!progressWanted(ProgressMode::Auto, true, "true"));
        CPPUNIT_ASSERT(!progressWanted(ProgressMode::Auto, false, nullptr));
        CPPUNIT_ASSERT(!progressWanted(ProgressMode::Quiet, true, nullptr));
        CPPUNIT_ASSERT(progressWanted(ProgressMode::Always, false, "true"));
    }

    void lineFormat()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("lock_order: 1200 executions (600/s), depth 40, 1 findings, 2.0 s"),
                             ProgressPrinter::format("lock_order", at(2.0, 1200)));
        CPPUNIT_ASSERT_EQUAL(std::string("x: 0 executions (0/s), depth 40, 1 findings, 0.0 s"),
                             ProgressPrinter::format("x", at(0, 0)));
    }

    void linesEveryFewSecondsWhenNotATerminal()
    {
        std::ostringstream out;
        ProgressPrinter printer(out, false, "s");
        printer.update(at(0.5, 1));  // runs under a second show nothing
        printer.update(at(1.0, 2));
        printer.update(at(5.0, 3));
        printer.update(at(6.5, 4));
        printer.finish();
        CPPUNIT_ASSERT_EQUAL(std::string("s: 2 executions (2/s), depth 40, 1 findings, 1.0 s\n"
                                         "s: 4 executions (1/s), depth 40, 1 findings, 6.5 s\n"),
                             out.str());
    }

    void redrawnOnATerminal()
    {
        std::ostringstream out;
        ProgressPrinter printer(out, true, "s");
        printer.update(at(1.1, 1));
        printer.update(at(1.2, 2));
        printer.update(at(1.4, 3));
        printer.finish();
        const std::string text = out.str();
        CPPUNIT_ASSERT(text.find('\n') == std::string::npos);
        CPPUNIT_ASSERT(text.find("s: 1 executions") != std::string::npos);
        CPPUNIT_ASSERT(text.find("s: 3 executions") != std::string::npos);
        CPPUNIT_ASSERT(text.rfind("\r\x1b[K") == text.size() - 4);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ProgressPrinterTest);

}  // namespace
}  // namespace checker::cli
