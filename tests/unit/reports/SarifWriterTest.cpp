#include "GoldenFile.hpp"
#include "SampleReport.hpp"

#include "reports/RuleCatalog.hpp"
#include "reports/SarifWriter.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <set>

namespace checker::report {
namespace {

using Json = nlohmann::json;

Report canonicalTraced()
{
    Report report = testing::tracedSampleReport();
    canonicalize(report);
    return report;
}

// `value[key]` exists and has the wanted type, or the test fails naming `where`.
const Json& require(const Json& value, const std::string& key, Json::value_t type, const std::string& where)
{
    CPPUNIT_ASSERT_MESSAGE(where + ": not an object", value.is_object());
    CPPUNIT_ASSERT_MESSAGE(where + "." + key + ": missing", value.contains(key));
    const Json& item = value.at(key);
    const bool ok = item.type() == type || (type == Json::value_t::number_integer && item.is_number_integer());
    CPPUNIT_ASSERT_MESSAGE(where + "." + key + ": wrong type", ok);
    return item;
}

void checkMessage(const Json& owner, const std::string& where)
{
    require(require(owner, "message", Json::value_t::object, where), "text", Json::value_t::string, where + ".message");
}

void checkPhysicalLocation(const Json& location, const std::string& where)
{
    const Json& physical = require(location, "physicalLocation", Json::value_t::object, where);
    const Json& artifact = require(physical, "artifactLocation", Json::value_t::object, where + ".physicalLocation");
    const std::string uri = require(artifact, "uri", Json::value_t::string, where + ".artifactLocation");
    CPPUNIT_ASSERT_MESSAGE(where + ": uri must be a URI reference", uri.find_first_of(" \\") == std::string::npos);
    const Json& region = require(physical, "region", Json::value_t::object, where + ".physicalLocation");
    CPPUNIT_ASSERT(require(region, "startLine", Json::value_t::number_integer, where + ".region").get<int64_t>() >= 1);
}

// The code flow: at least one threadFlow, each with at least one location that has a location
// and an executionOrder; execution orders are global (distinct across threads) and increase
// within each thread.
void checkCodeFlows(const Json& result, const std::string& where)
{
    const Json& flows = require(result, "codeFlows", Json::value_t::array, where);
    CPPUNIT_ASSERT(!flows.empty());
    std::set<int64_t> orders;
    for (const Json& flow : flows) {
        const Json& threadFlows = require(flow, "threadFlows", Json::value_t::array, where + ".codeFlows[]");
        CPPUNIT_ASSERT(!threadFlows.empty());
        for (const Json& threadFlow : threadFlows) {
            const Json& locations = require(threadFlow, "locations", Json::value_t::array, where + ".threadFlows[]");
            CPPUNIT_ASSERT(!locations.empty());
            int64_t previous = -1;
            for (const Json& step : locations) {
                checkPhysicalLocation(require(step, "location", Json::value_t::object, where + ".threadFlowLocation"),
                                      where + ".threadFlowLocation.location");
                const int64_t order = require(step, "executionOrder", Json::value_t::number_integer, where).get<int64_t>();
                CPPUNIT_ASSERT(order > previous);
                CPPUNIT_ASSERT_MESSAGE("executionOrder repeated across threads", orders.insert(order).second);
                previous = order;
            }
        }
    }
}

// The SARIF 2.1.0 shape code-scanning viewers rely on (the schema's required properties).
void checkSarifShape(const Json& log)
{
    CPPUNIT_ASSERT_EQUAL(std::string("2.1.0"), require(log, "version", Json::value_t::string, "log").get<std::string>());
    CPPUNIT_ASSERT(require(log, "$schema", Json::value_t::string, "log").get<std::string>().find("sarif-schema-2.1.0") !=
                   std::string::npos);
    const Json& runs = require(log, "runs", Json::value_t::array, "log");
    CPPUNIT_ASSERT_EQUAL(size_t(1), runs.size());
    const Json& driver = require(require(runs[0], "tool", Json::value_t::object, "run"), "driver", Json::value_t::object, "tool");
    require(driver, "name", Json::value_t::string, "driver");
    const Json& rules = require(driver, "rules", Json::value_t::array, "driver");
    std::set<std::string> ruleIds;
    for (const Json& rule : rules) CPPUNIT_ASSERT(ruleIds.insert(require(rule, "id", Json::value_t::string, "rule")).second);
    for (const Json& invocation : require(runs[0], "invocations", Json::value_t::array, "run"))
        require(invocation, "executionSuccessful", Json::value_t::boolean, "invocation");
    for (const Json& result : require(runs[0], "results", Json::value_t::array, "run")) {
        const std::string ruleId = require(result, "ruleId", Json::value_t::string, "result");
        CPPUNIT_ASSERT_MESSAGE("unknown rule " + ruleId, ruleIds.count(ruleId));
        const size_t index = require(result, "ruleIndex", Json::value_t::number_integer, "result").get<size_t>();
        CPPUNIT_ASSERT_EQUAL(ruleId, rules.at(index).at("id").get<std::string>());
        const std::set<std::string> levels = {"none", "note", "warning", "error"};
        CPPUNIT_ASSERT(levels.count(require(result, "level", Json::value_t::string, "result")));
        checkMessage(result, "result");
        const Json& locations = require(result, "locations", Json::value_t::array, "result");
        CPPUNIT_ASSERT(!locations.empty());
        for (const Json& location : locations) checkPhysicalLocation(location, "result.locations[]");
        for (const auto& [key, value] : require(result, "partialFingerprints", Json::value_t::object, "result").items())
            CPPUNIT_ASSERT(value.is_string());
        checkCodeFlows(result, "result");
    }
}

class SarifWriterTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(SarifWriterTest);
    CPPUNIT_TEST(matchesGoldenFile);
    CPPUNIT_TEST(hasTheSarif210Shape);
    CPPUNIT_TEST(untracedReportHasTheShapeToo);
    CPPUNIT_TEST(rulesCoverEveryKindAndMisuseRule);
    CPPUNIT_TEST(resultsCarryRuleLevelLinesAndFingerprints);
    CPPUNIT_TEST(threadFlowsShowTheInterleaving);
    CPPUNIT_TEST(pathsBecomeUriReferences);
    CPPUNIT_TEST_SUITE_END();

public:
    void matchesGoldenFile() { testing::checkGolden("report.sarif", SarifWriter().render(canonicalTraced())); }

    void hasTheSarif210Shape() { checkSarifShape(Json::parse(SarifWriter().render(canonicalTraced()))); }

    void untracedReportHasTheShapeToo()
    {
        Report report = testing::sampleReport();
        canonicalize(report);
        checkSarifShape(Json::parse(SarifWriter().render(report)));
        Report clean = report;
        clean.findings.clear();
        checkSarifShape(Json::parse(SarifWriter().render(clean)));
    }

    void rulesCoverEveryKindAndMisuseRule()
    {
        const Json log = Json::parse(SarifWriter().render(canonicalTraced()));
        const Json& rules = log["runs"][0]["tool"]["driver"]["rules"];
        CPPUNIT_ASSERT_EQUAL(size_t(FindingKind::Count_) + misuseRules().size(), rules.size());
        CPPUNIT_ASSERT_EQUAL(std::string("deadlock"), rules[0]["id"].get<std::string>());
        CPPUNIT_ASSERT_EQUAL(std::string("Deadlock"), rules[0]["name"].get<std::string>());
        CPPUNIT_ASSERT(!rules[0]["help"]["text"].get<std::string>().empty());
        CPPUNIT_ASSERT_EQUAL(std::string("api_misuse/RELEASE_NOT_OWNED"), rules[size_t(FindingKind::Count_)]["id"].get<std::string>());
        Report report = canonicalTraced();
        report.findings[1].rule = "SOMETHING_NEW";
        const Json extended = Json::parse(SarifWriter().render(report));
        CPPUNIT_ASSERT_EQUAL(std::string("api_misuse/SOMETHING_NEW"), extended["runs"][0]["tool"]["driver"]["rules"].back()["id"].get<std::string>());
        checkSarifShape(extended);
    }

    void resultsCarryRuleLevelLinesAndFingerprints()
    {
        const Json results = Json::parse(SarifWriter().render(canonicalTraced()))["runs"][0]["results"];
        CPPUNIT_ASSERT_EQUAL(size_t(2), results.size());
        CPPUNIT_ASSERT_EQUAL(std::string("deadlock"), results[0]["ruleId"].get<std::string>());
        CPPUNIT_ASSERT_EQUAL(std::string("error"), results[0]["level"].get<std::string>());
        CPPUNIT_ASSERT_EQUAL(12, results[0]["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>());
        CPPUNIT_ASSERT_EQUAL(std::string("deadlock:FileResource1,FileResource2:/threads/0/body/1,/threads/1/body/1"),
                             results[0]["partialFingerprints"][kSarifFingerprintKey].get<std::string>());
        CPPUNIT_ASSERT_EQUAL(std::string("api_misuse/RELEASE_NOT_OWNED"), results[1]["ruleId"].get<std::string>());
        CPPUNIT_ASSERT_EQUAL(std::string("warning"), results[1]["level"].get<std::string>());
        CPPUNIT_ASSERT_EQUAL(30, results[1]["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>());
    }

    void threadFlowsShowTheInterleaving()
    {
        const Json flows = Json::parse(SarifWriter().render(canonicalTraced()))["runs"][0]["results"][0]["codeFlows"][0]["threadFlows"];
        CPPUNIT_ASSERT_EQUAL(size_t(2), flows.size());
        CPPUNIT_ASSERT_EQUAL(std::string("FileMoveThread"), flows[0]["id"].get<std::string>());
        std::vector<int> orders;
        for (const Json& step : flows[0]["locations"]) orders.push_back(step["executionOrder"].get<int>());
        CPPUNIT_ASSERT(orders == (std::vector<int>{1, 11, 12}));
        const Json& blocked = flows[0]["locations"][2];
        CPPUNIT_ASSERT_EQUAL(std::string("essential"), blocked["importance"].get<std::string>());
        CPPUNIT_ASSERT(blocked["location"]["message"]["text"].get<std::string>().find("blocked at") == 0);
    }

    void pathsBecomeUriReferences()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("scenarios/demos/a.json"), uriOfPath("scenarios/demos/a.json"));
        CPPUNIT_ASSERT_EQUAL(std::string("my%20scenarios/a%23b.json"), uriOfPath("my scenarios/a#b.json"));
        CPPUNIT_ASSERT_EQUAL(std::string("file:///work/x.json"), uriOfPath("/work/x.json"));
        CPPUNIT_ASSERT_EQUAL(std::string("C%3A/x.json"), uriOfPath("C:\\x.json"));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SarifWriterTest);

}  // namespace
}  // namespace checker::report
