#pragma once
// Reading a JSON request field by field, so every error names the field it is about:
//   layers[1].units: expected an integer from 1 to 4096, got 0
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/matrix.hpp"

namespace actlab::protocol {

using json = nlohmann::json;

struct ProtocolError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Field {
public:
    Field(const json& value, std::string path) : value_(value), path_(std::move(path)) {}

    const std::string& path() const { return path_; }
    const json& raw() const { return value_; }
    [[noreturn]] void fail(const std::string& problem) const;

    bool has(const char* key) const;
    Field at(const char* key) const;  // fails when missing
    Field item(std::size_t index) const;
    std::size_t size() const;         // of a list; fails when not a list
    bool is_list() const { return value_.is_array(); }

    double number() const;  // finite only
    double number_in(double low, double high) const;
    std::uint64_t integer(std::uint64_t low, std::uint64_t high) const;  // 64-bit even in wasm32
    bool boolean() const;
    std::string text() const;

    std::vector<double> numbers(std::size_t expected_size) const;  // 0: any non-empty length
    Matrix matrix(std::size_t expected_rows, std::size_t expected_cols) const;  // 0: any

    // Optional fields with defaults.
    double number_or(const char* key, double fallback) const { return has(key) ? at(key).number() : fallback; }
    bool boolean_or(const char* key, bool fallback) const { return has(key) ? at(key).boolean() : fallback; }

private:
    const json& value_;
    std::string path_;
};

// How a value is shown in an error message: strings quoted, long values cut.
std::string describe(const json& value);

// The deepest request is 4 levels (request → weights → layer → row). Text nested deeper than this
// limit is refused before it is parsed: parsing, describing and freeing a JSON tree all recurse, and
// 100,000 nested [ would overflow the stack of the CLI and of the WebAssembly module.
inline constexpr std::size_t max_nesting_depth = 64;

// The deepest nesting of [ and { in JSON text, outside strings (honouring \" escapes). One linear
// scan; it does not check that the text is valid JSON.
std::size_t nesting_depth(std::string_view text);

// Parses the JSON text of a request (what = "request") or of another JSON argument, refusing text
// nested deeper than max_nesting_depth. Throws ProtocolError:
//   request: JSON nested 100000 levels deep; at most 64 levels of [ and { are allowed
//   malformed JSON: [json.exception.parse_error.101] ...
json parse_json(std::string_view text, const std::string& what);

}  // namespace actlab::protocol
