#include "json_reader.hpp"

#include <algorithm>
#include <cmath>

namespace actlab::protocol {

std::string describe(const json& value) {
    std::string text = value.dump();
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return text;
}

std::size_t nesting_depth(std::string_view text) {
    std::size_t depth = 0, deepest = 0;
    bool in_string = false;
    for (std::size_t k = 0; k < text.size(); ++k) {
        const char c = text[k];
        if (in_string) {
            if (c == '\\') ++k;  // skip the escaped character, which may be a quote
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

json parse_json(std::string_view text, const std::string& what) {
    const std::size_t depth = nesting_depth(text);
    if (depth > max_nesting_depth)
        throw ProtocolError(what + ": JSON nested " + std::to_string(depth) + " levels deep; at most " +
                            std::to_string(max_nesting_depth) + " levels of [ and { are allowed");
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        throw ProtocolError(std::string("malformed JSON: ") + e.what());
    }
}

void Field::fail(const std::string& problem) const { throw ProtocolError(path_ + ": " + problem); }

bool Field::has(const char* key) const { return value_.is_object() && value_.contains(key); }

Field Field::at(const char* key) const {
    if (!value_.is_object()) fail("expected an object, got " + describe(value_));
    const auto it = value_.find(key);
    const std::string child = path_.empty() ? key : path_ + "." + key;
    if (it == value_.end()) throw ProtocolError(child + ": missing");
    return Field(*it, child);
}

Field Field::item(std::size_t index) const { return Field(value_.at(index), path_ + "[" + std::to_string(index) + "]"); }

std::size_t Field::size() const {
    if (!value_.is_array()) fail("expected a list, got " + describe(value_));
    return value_.size();
}

double Field::number() const {
    if (!value_.is_number()) fail("expected a finite number, got " + describe(value_));
    const double v = value_.get<double>();
    if (!std::isfinite(v)) fail("expected a finite number, got " + describe(value_));
    return v;
}

double Field::number_in(double low, double high) const {
    const double v = number();
    if (v < low || v > high) fail("expected a number from " + describe(low) + " to " + describe(high) + ", got " + describe(value_));
    return v;
}

std::uint64_t Field::integer(std::uint64_t low, std::uint64_t high) const {
    const std::string expected = "expected an integer from " + std::to_string(low) + " to " + std::to_string(high);
    if (!value_.is_number()) fail(expected + ", got " + describe(value_));
    const double v = value_.get<double>();
    if (!std::isfinite(v) || v != std::floor(v) || v < static_cast<double>(low) || v > static_cast<double>(high))
        fail(expected + ", got " + describe(value_));
    return static_cast<std::uint64_t>(v);
}

bool Field::boolean() const {
    if (!value_.is_boolean()) fail("expected true or false, got " + describe(value_));
    return value_.get<bool>();
}

std::string Field::text() const {
    if (!value_.is_string()) fail("expected a string, got " + describe(value_));
    return value_.get<std::string>();
}

std::vector<double> Field::numbers(std::size_t expected_size) const {
    const std::size_t n = size();
    if (expected_size != 0 && n != expected_size)
        fail("expected a list of " + std::to_string(expected_size) + " numbers, got " + std::to_string(n));
    if (n == 0) fail("expected a non-empty list of numbers");
    std::vector<double> values(n);
    for (std::size_t k = 0; k < n; ++k) values[k] = item(k).number();
    return values;
}

Matrix Field::matrix(std::size_t expected_rows, std::size_t expected_cols) const {
    const std::size_t rows = size();
    if (expected_rows != 0 && rows != expected_rows)
        fail("expected " + std::to_string(expected_rows) + " rows, got " + std::to_string(rows));
    if (rows == 0) fail("expected at least one row");
    const std::size_t cols = expected_cols != 0 ? expected_cols : item(0).size();
    Matrix m(rows, cols);
    for (std::size_t r = 0; r < rows; ++r) {
        const std::vector<double> row = item(r).numbers(cols);
        std::copy(row.begin(), row.end(), m.row(r));
    }
    return m;
}

}  // namespace actlab::protocol
