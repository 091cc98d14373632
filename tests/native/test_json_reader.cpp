// The request reader refuses JSON nested deeper than max_nesting_depth before parsing it, with a
// message naming the depth found and the limit, so no request can exhaust the stack.
#include <boost/test/unit_test.hpp>

#include <string>

#include "protocol/json_reader.hpp"
#include "protocol/protocol.hpp"

namespace actlab::protocol {

namespace {
std::string nested_lists(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// The ProtocolError message of evaluate_text, or "" when it succeeds.
std::string error_of(const std::string& text) {
    try {
        evaluate_text(text);
    } catch (const ProtocolError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(json_reader)

BOOST_AUTO_TEST_CASE(nesting_depth_counts_brackets_outside_strings) {
    BOOST_TEST(nesting_depth("") == 0u);
    BOOST_TEST(nesting_depth("42") == 0u);
    BOOST_TEST(nesting_depth("[]") == 1u);
    BOOST_TEST(nesting_depth("[[1], [[2]], {\"a\": [3]}]") == 3u);
    BOOST_TEST(nesting_depth("{\"a\": {\"b\": {}}}") == 3u);
    // Brackets inside strings do not count, escaped quotes do not end the string, \\ does.
    BOOST_TEST(nesting_depth("[\"[[[{{{\"]") == 1u);
    BOOST_TEST(nesting_depth("[\"\\\"[[[\"]") == 1u);
    BOOST_TEST(nesting_depth("[\"\\\\\", [[]]]") == 3u);
    // Malformed text is measured all the same (the parser reports what is wrong with it).
    BOOST_TEST(nesting_depth(std::string(100000, '[')) == 100000u);
    BOOST_TEST(nesting_depth("]]]][") == 1u);
}

BOOST_AUTO_TEST_CASE(deep_requests_are_refused_with_the_depth_and_the_limit) {
    static_assert(max_nesting_depth == 64);
    for (std::size_t depth : {65, 10000, 100000, 1000000}) {
        const std::string expected = "request: JSON nested " + std::to_string(depth) +
                                     " levels deep; at most 64 levels of [ and { are allowed";
        BOOST_TEST(error_of(nested_lists(depth)) == expected, depth);
        BOOST_TEST(error_of(std::string(depth, '[')) == expected, depth << " unclosed");
    }
    std::string objects;
    for (int k = 0; k < 70; ++k) objects += "{\"a\":";
    objects += "1" + std::string(70, '}');
    BOOST_TEST(error_of(objects) == "request: JSON nested 70 levels deep; at most 64 levels of [ and { are allowed");
}

BOOST_AUTO_TEST_CASE(the_limit_itself_is_parsed_and_answered) {
    // 64 levels pass the reader; what follows is the ordinary answer for a list that is not a request.
    BOOST_TEST(error_of(nested_lists(64)).rfind("request: expected a JSON object, got [[[", 0) == 0u);
    BOOST_TEST(error_of("{\"curve\": {\"activation\": \"relu\", \"points\": [1]}}").empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace actlab::protocol
