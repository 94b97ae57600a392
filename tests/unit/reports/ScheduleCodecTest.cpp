#include "SampleReport.hpp"

#include "reports/ReportError.hpp"
#include "reports/ScheduleCodec.hpp"

#include <cppunit/extensions/HelperMacros.h>

namespace checker::report {
namespace {

using testing::witnessOf;

std::vector<ScheduleEntry> decodeText(const std::string& text)
{
    return decodeSchedule(nlohmann::json::parse(text), "r.json", "/findings/0/witness/schedule");
}

std::string errorOf(const std::string& text)
{
    try {
        decodeText(text);
    } catch (const ReportError& error) {
        return error.what();
    }
    return "no error";
}

class ScheduleCodecTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(ScheduleCodecTest);
    CPPUNIT_TEST(emptySchedule);
    CPPUNIT_TEST(shortRunsStayPlain);
    CPPUNIT_TEST(runsOfThreeOrMoreAreEncoded);
    CPPUNIT_TEST(apcDeliveriesAreObjectsAndNeverRuns);
    CPPUNIT_TEST(decodeInvertsEncode);
    CPPUNIT_TEST(decodeAcceptsShortRuns);
    CPPUNIT_TEST(malformedEntriesNamePointer);
    CPPUNIT_TEST(hugeRunsAreRefused);
    CPPUNIT_TEST_SUITE_END();

public:
    void emptySchedule()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("[]"), encodeSchedule({}).dump());
        CPPUNIT_ASSERT(decodeText("[]").empty());
    }

    void shortRunsStayPlain()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("[0,0,1,2,1]"), encodeSchedule(witnessOf({0, 0, 1, 2, 1}).schedule).dump());
    }

    void runsOfThreeOrMoreAreEncoded()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("[[0,3],1,1,[2,4]]"),
                             encodeSchedule(witnessOf({0, 0, 0, 1, 1, 2, 2, 2, 2}).schedule).dump());
    }

    void apcDeliveriesAreObjectsAndNeverRuns()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("[0,{\"apc\":0},{\"apc\":0},{\"apc\":0},{\"apc\":2},0]"),
                             encodeSchedule(witnessOf({0, -1, -1, -1, -3, 0}).schedule).dump());
    }

    void decodeInvertsEncode()
    {
        const std::vector<std::vector<ScheduleEntry>> cases = {
            witnessOf({}).schedule, witnessOf({3}).schedule, witnessOf({0, 0, 0, 0, -1, 1, 1, 1, 0}).schedule,
            witnessOf({-2, -2, -2, 5, 5, 4, 4, 4}).schedule};
        for (const auto& schedule : cases)
            CPPUNIT_ASSERT(decodeText(encodeSchedule(schedule).dump()) == schedule);
    }

    void decodeAcceptsShortRuns()
    {
        CPPUNIT_ASSERT(decodeText("[[1, 1], [0, 2], {\"apc\": 1}]") == witnessOf({1, 0, 0, -2}).schedule);
    }

    void malformedEntriesNamePointer()
    {
        CPPUNIT_ASSERT_EQUAL(std::string("r.json: /findings/0/witness/schedule: expected an array of schedule entries"),
                             errorOf("{}"));
        CPPUNIT_ASSERT_EQUAL(std::string("r.json: /findings/0/witness/schedule/1: expected an index from 0 to 4294967295"),
                             errorOf("[0, -1]"));
        CPPUNIT_ASSERT(errorOf("[0, \"a\"]").find("/schedule/1: a schedule entry must be") != std::string::npos);
        CPPUNIT_ASSERT(errorOf("[[0, 1, 2]]").find("/schedule/0: a schedule entry must be") != std::string::npos);
        CPPUNIT_ASSERT(errorOf("[[0, 0]]").find("/schedule/0/1: expected a run length") != std::string::npos);
        CPPUNIT_ASSERT(errorOf("[{\"apc\": 1, \"x\": 2}]").find("/schedule/0: a schedule entry") != std::string::npos);
        CPPUNIT_ASSERT(errorOf("[{\"apc\": 1.5}]").find("/schedule/0/apc: expected an index") != std::string::npos);
        CPPUNIT_ASSERT(errorOf("[4294967296]").find("expected an index") != std::string::npos);
    }

    void hugeRunsAreRefused()
    {
        CPPUNIT_ASSERT(errorOf("[[0, 1000000000000]]").find("/schedule/0/1: expected a run length") != std::string::npos);
        CPPUNIT_ASSERT(errorOf("[[0, 60000000], [1, 60000000]]").find("/schedule/1: schedule longer than") !=
                       std::string::npos);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ScheduleCodecTest);

}  // namespace
}  // namespace checker::report
