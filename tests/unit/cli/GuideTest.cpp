// docs/guide.md cannot drift from the checker: every scenario it names exists (and is a scenario
// the gate runs), every excerpt marked `<!-- excerpt: FILE -->` is verbatim in FILE, and every
// finding kind and api_misuse rule the reports know is explained in it.

#include "checker/cli/ScenarioFiles.hpp"
#include "reports/RuleCatalog.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace checker::cli {
namespace {

std::string readSource(const std::string& path)
{
    std::ifstream in(std::string(CHECKER_SOURCE_ROOT) + "/" + path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

class GuideTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(GuideTest);
    CPPUNIT_TEST(namedScenariosExist);
    CPPUNIT_TEST(excerptsAreVerbatim);
    CPPUNIT_TEST(everyKindAndRuleIsExplained);
    CPPUNIT_TEST_SUITE_END();

    const std::string guide_ = readSource("docs/guide.md");

public:
    void namedScenariosExist()
    {
        CPPUNIT_ASSERT(!guide_.empty());
        static const std::regex kPath(R"(scenarios/guide/[A-Za-z0-9_.-]+\.json)");
        size_t named = 0;
        for (auto it = std::sregex_iterator(guide_.begin(), guide_.end(), kPath); it != std::sregex_iterator(); ++it) {
            const std::string path = it->str();
            const std::string text = readSource(path);
            CPPUNIT_ASSERT_MESSAGE(path + " is named in docs/guide.md but missing", !text.empty());
            CPPUNIT_ASSERT_MESSAGE(path + " is not a scenario file", looksLikeScenario(text));
            CPPUNIT_ASSERT_MESSAGE(path + " has no expect block", text.find("\"expect\"") != std::string::npos);
            ++named;
        }
        CPPUNIT_ASSERT(named >= 4);
    }

    void excerptsAreVerbatim()
    {
        static const std::regex kExcerpt(R"(<!-- excerpt: ([^ ]+) -->\n```json\n([\s\S]*?)```)");
        size_t excerpts = 0;
        for (auto it = std::sregex_iterator(guide_.begin(), guide_.end(), kExcerpt); it != std::sregex_iterator(); ++it) {
            const std::string file = (*it)[1].str();
            const std::string excerpt = (*it)[2].str();
            CPPUNIT_ASSERT_MESSAGE("excerpt of " + file + " is not in it:\n" + excerpt,
                                   readSource(file).find(excerpt) != std::string::npos);
            ++excerpts;
        }
        CPPUNIT_ASSERT(excerpts >= 5);
    }

    void everyKindAndRuleIsExplained()
    {
        for (size_t k = 0; k < size_t(report::FindingKind::Count_); ++k) {
            const std::string id = "| `" + std::string(report::findingKindId(report::FindingKind(k))) + "` |";
            CPPUNIT_ASSERT_MESSAGE(id, guide_.find(id) != std::string::npos);
        }
        for (const report::RuleInfo& rule : report::misuseRules()) {
            const std::string id = "| `" + std::string(rule.id) + "` |";
            CPPUNIT_ASSERT_MESSAGE(id, guide_.find(id) != std::string::npos);
        }
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(GuideTest);

}  // namespace
}  // namespace checker::cli
