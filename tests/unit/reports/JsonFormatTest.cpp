// formatJson against a plain rendering of its rule built on nlohmann's dump (every container
// rendered in full, every scalar dumped): its own string escaping and its early stop when a
// container cannot fit on a line must change nothing, whatever the strings' bytes.

#include "reports/JsonFormat.hpp"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <limits>
#include <random>

namespace checker::report {
namespace {

using Json = nlohmann::ordered_json;

std::string dumped(const Json& value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string oneLine(const Json& value)
{
    if (!value.is_array() && !value.is_object()) return dumped(value);
    std::string out = value.is_array() ? "[" : "{";
    bool first = true;
    for (const auto& [key, item] : value.items()) {
        if (!first) out += ", ";
        first = false;
        if (value.is_object()) out += dumped(Json(key)) + ": ";
        out += oneLine(item);
    }
    return out + (value.is_array() ? "]" : "}");
}

bool holdsObject(const Json& value)
{
    return value.is_object() || (value.is_array() && std::any_of(value.begin(), value.end(), holdsObject));
}

// JsonFormat.hpp's rule, literally: one line when short or an array without objects.
std::string reference(const Json& value, size_t indent)
{
    const bool container = value.is_array() || value.is_object();
    const std::string line = oneLine(value);
    if (!container || value.empty() || (value.is_array() && !holdsObject(value)) ||
        (indent <= 100 && line.size() <= 100 - indent))
        return line;
    std::string out = value.is_array() ? "[\n" : "{\n";
    bool first = true;
    for (const auto& [key, item] : value.items()) {
        out += first ? "" : ",\n";
        first = false;
        out += std::string(indent + 2, ' ');
        if (value.is_object()) out += dumped(Json(key)) + ": ";
        out += reference(item, indent + 2);
    }
    return out + "\n" + std::string(indent, ' ') + (value.is_array() ? "]" : "}");
}

// Random bytes drawn mostly from the troublesome ones: controls, quotes, backslashes, valid
// multi-byte sequences, stray continuation bytes and truncated sequences.
std::string randomString(std::mt19937& rng, size_t maxLength)
{
    static const std::vector<std::string> pieces = {
        "a", "Z", " ", "\"", "\\", "/", "\x7f", "\n", "\t", "\b", "\f", "\r", std::string(1, '\0'), "\x01",
        "\x1f", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xed\xa0\x80", "\x80", "\xbf", "\xc3",
        "\xe2\x82", "\xf0\x9f", "\xc0\xaf", "\xf5", "\xff", "\xfe"};
    const size_t length = std::uniform_int_distribution<size_t>(0, maxLength)(rng);
    const bool ascii = rng() % 2 == 0;
    std::string out;
    for (size_t i = 0; i < length; ++i) {
        if (rng() % 3 == 0) {
            const unsigned limit = ascii ? 0x7f : 0xff;
            out += char(std::uniform_int_distribution<unsigned>(0, limit)(rng));
        } else {
            const std::string& piece = pieces[rng() % pieces.size()];
            if (!ascii || static_cast<unsigned char>(piece[0]) < 0x80) out += piece;
        }
    }
    return out;
}

Json randomScalar(std::mt19937& rng)
{
    switch (rng() % 8) {
    case 0: return nullptr;
    case 1: return rng() % 2 == 0;
    case 2: return std::int64_t(rng()) - std::int64_t(rng()) * 4096;
    case 3: return std::uint64_t(rng()) << (rng() % 33);
    case 4: return double(std::int64_t(rng()) - 2147483648LL) / 1000.0;
    case 5: return std::numeric_limits<std::int64_t>::min();
    default: return randomString(rng, rng() % 4 == 0 ? 150 : 12);
    }
}

Json randomValue(std::mt19937& rng, int depth)
{
    const unsigned pick = rng() % 10;
    if (depth == 0 || pick < 4) return randomScalar(rng);
    const size_t size = rng() % 6;
    Json value = pick < 7 ? Json::array() : Json::object();
    for (size_t i = 0; i < size; ++i) {
        if (value.is_array())
            value.push_back(randomValue(rng, depth - 1));
        else
            value[randomString(rng, 10)] = randomValue(rng, depth - 1);
    }
    return value;
}

class JsonFormatTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(JsonFormatTest);
    CPPUNIT_TEST(everyByteIsEscapedAsDumpDoes);
    CPPUNIT_TEST(randomStringsAreEscapedAsDumpDoes);
    CPPUNIT_TEST(randomValuesFollowTheReferenceLayout);
    CPPUNIT_TEST(longArraysOfScalarsStayOnOneLine);
    CPPUNIT_TEST(objectWithRoomKeepsInsertionOrder);
    CPPUNIT_TEST_SUITE_END();

public:
    void everyByteIsEscapedAsDumpDoes()
    {
        for (unsigned first = 0; first < 256; ++first) {
            for (const std::string& tail : {std::string(), std::string("x"), std::string("\x80"), std::string("\xa9")}) {
                const std::string text = std::string(1, char(first)) + tail;
                CPPUNIT_ASSERT_EQUAL(dumped(Json(text)), formatJson(Json(text)));
            }
        }
    }

    void randomStringsAreEscapedAsDumpDoes()
    {
        std::mt19937 rng(7);
        for (int i = 0; i < 20000; ++i) {
            const std::string text = randomString(rng, 40);
            CPPUNIT_ASSERT_EQUAL(dumped(Json(text)), formatJson(Json(text)));
            const Json object = {{text, text}};
            CPPUNIT_ASSERT_EQUAL(reference(object, 0), formatJson(object));
        }
    }

    void randomValuesFollowTheReferenceLayout()
    {
        std::mt19937 rng(11);
        for (int i = 0; i < 3000; ++i) {
            const Json value = randomValue(rng, 1 + i % 7);
            CPPUNIT_ASSERT_EQUAL(reference(value, 0), formatJson(value));
        }
    }

    void longArraysOfScalarsStayOnOneLine()
    {
        Json value = {{"schedule", Json::array()}, {"deep", {{"more", {{"name", std::string(200, 'x')}}}}}};
        for (int i = 0; i < 100; ++i) value["schedule"].push_back(i);
        const std::string text = formatJson(value);
        CPPUNIT_ASSERT_EQUAL(reference(value, 0), text);
        CPPUNIT_ASSERT(text.find("[0, 1, 2,") != std::string::npos);
        CPPUNIT_ASSERT(text.find("\"name\": \"xxx") != std::string::npos);
    }

    void objectWithRoomKeepsInsertionOrder()
    {
        Json object = objectWithRoom(2);
        CPPUNIT_ASSERT_EQUAL(std::string("{}"), formatJson(object));
        object["z"] = 1;
        object["a"] = Json::array({1, 2});
        object["m"] = "three members, one more than the room";
        CPPUNIT_ASSERT_EQUAL(std::string(R"({"z": 1, "a": [1, 2], "m": "three members, one more than the room"})"),
                             formatJson(object));
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(JsonFormatTest);

}  // namespace
}  // namespace checker::report
