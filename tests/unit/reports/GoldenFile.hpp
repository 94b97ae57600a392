#pragma once
// Comparing rendered text with a golden file under tests/unit/reports/golden/. With
// CHECKER_UPDATE_GOLDEN=1 in the environment the golden file is rewritten instead (review the diff
// before committing it).

#include "SampleReport.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace checker::report::testing {

inline void checkGolden(const std::string& name, const std::string& actual)
{
    const std::string path = goldenPath(name);
    const char* update = std::getenv("CHECKER_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << actual;
        return;
    }
    const std::string expected = readTextFile(path);
    CPPUNIT_ASSERT_MESSAGE("missing golden file " + path, !expected.empty());
    CPPUNIT_ASSERT_EQUAL(expected, actual);
}

}  // namespace checker::report::testing
