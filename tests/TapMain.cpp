// Runs every CppUnit suite registered in this executable and reports in TAP (Test Anything
// Protocol), so that meson counts each test case as its own result. Diagnostics start with '#'.

#include <cppunit/Exception.h>
#include <cppunit/SourceLine.h>
#include <cppunit/Test.h>
#include <cppunit/TestFailure.h>
#include <cppunit/TestListener.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestResultCollector.h>
#include <cppunit/extensions/TestFactoryRegistry.h>
#include <cppunit/ui/text/TestRunner.h>

#include <iostream>
#include <sstream>
#include <string>

namespace {

int countCases(CppUnit::Test* test)
{
    return test->countTestCases();
}

// Prints "ok N - name" / "not ok N - name" per case, with the failure's text as '#' lines.
class TapListener : public CppUnit::TestListener {
public:
    void startTest(CppUnit::Test*) override { failed_ = false; message_.clear(); }

    void addFailure(const CppUnit::TestFailure& failure) override
    {
        failed_ = true;
        std::ostringstream text;
        text << failure.sourceLine().fileName() << ":" << failure.sourceLine().lineNumber() << ": "
             << failure.thrownException()->what();
        message_ += text.str();
    }

    void endTest(CppUnit::Test* test) override
    {
        ++number_;
        std::cout << (failed_ ? "not ok " : "ok ") << number_ << " - " << test->getName() << "\n";
        if (failed_) {
            std::istringstream lines(message_);
            for (std::string line; std::getline(lines, line);) std::cout << "# " << line << "\n";
        }
        std::cout.flush();
    }

private:
    int number_ = 0;
    bool failed_ = false;
    std::string message_;
};

}  // namespace

int main()
{
    CppUnit::Test* suite = CppUnit::TestFactoryRegistry::getRegistry().makeTest();
    std::cout << "1.." << countCases(suite) << "\n";

    CppUnit::TestResult controller;
    CppUnit::TestResultCollector collector;
    TapListener tap;
    controller.addListener(&collector);
    controller.addListener(&tap);
    suite->run(&controller);
    delete suite;
    return collector.wasSuccessful() ? 0 : 1;
}
