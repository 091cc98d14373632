#pragma once
// Shared helpers for the native suite: loading the PyTorch fixtures (tests/reference/*.json),
// turning them into engine objects, and comparing numbers against them.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstddef>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/activation.hpp"
#include "engine/dense_layer.hpp"
#include "engine/loss.hpp"
#include "engine/matrix.hpp"
#include "engine/network.hpp"

namespace actlab::test {

using json = nlohmann::json;

// PyTorch fixtures: 1e-10 relative, with an absolute floor for values near zero, where the
// summation order (ours vs. PyTorch's) decides the last bits of a result that cancels.
inline constexpr double fixture_relative_tolerance = 1e-10;
inline constexpr double fixture_absolute_floor = 1e-14;

inline boost::test_tools::assertion_result close_enough(double actual, double expected,
                                                        double relative = fixture_relative_tolerance,
                                                        double absolute = fixture_absolute_floor) {
    const bool finite = std::isfinite(actual) && std::isfinite(expected);
    const double difference = std::fabs(actual - expected);
    const double allowed = absolute + relative * std::fmax(std::fabs(actual), std::fabs(expected));
    boost::test_tools::assertion_result result(finite && difference <= allowed);
    if (!result) {
        std::ostringstream message;
        message.precision(17);
        message << "actual " << actual << " vs expected " << expected << " (|difference| " << difference
                << " > allowed " << allowed << ")";
        result.message() << message.str();
    }
    return result;
}

// |a − n| / max(|a| + |n|, floor): the gradient-check error, as gradient_check.hpp defines it.
inline double relative_error(double analytic, double numeric, double floor = 1e-8) {
    return std::fabs(analytic - numeric) / std::fmax(std::fabs(analytic) + std::fabs(numeric), floor);
}

inline json load_fixture(const std::string& file) {
    const std::string path = std::string(ACTLAB_REFERENCE_DIR) + "/" + file;
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open fixture " + path);
    return json::parse(in);
}

// Fixtures are read once per process (std::map: references stay valid as more are loaded).
inline const json& fixture(const std::string& file) {
    static std::map<std::string, json> cache;
    auto found = cache.find(file);
    if (found == cache.end()) found = cache.emplace(file, load_fixture(file)).first;
    return found->second;
}

inline const json& find_named(const json& list, const std::string& name) {
    for (const json& entry : list)
        if (entry.at("name").get<std::string>() == name) return entry;
    throw std::runtime_error("no fixture entry named " + name);
}

// An activation of the engine's catalogue with its default parameters.
inline Activation make_activation(std::string_view name) {
    const auto f = parse_activation(name);
    if (!f) throw std::runtime_error("unknown activation " + std::string(name));
    return *f;
}

// The same activation with one parameter changed.
inline Activation with(Activation f, std::string_view parameter, double value) {
    if (!set_parameter(f, parameter, value))
        throw std::runtime_error(std::string(activation_name(f)) + " has no parameter " + std::string(parameter));
    return f;
}

// A fixture's activation: {"kind", and its constants}, each constant named as the engine names it or
// prefixed with the kind ("elu_alpha", "softplus_beta", "prelu_alpha").
inline Activation activation_from_json(const json& spec) {
    const std::string kind = spec.at("kind").get<std::string>();
    Activation f = make_activation(kind);
    for (const auto& [key, value] : spec.items()) {
        if (key == "kind" || key == "name" || key == "points") continue;
        const std::string parameter = key.rfind(kind + "_", 0) == 0 ? key.substr(kind.size() + 1) : key;
        f = with(f, parameter, value.get<double>());
    }
    return f;
}

inline Matrix matrix_from_json(const json& rows) {
    Matrix m(rows.size(), rows.empty() ? 0 : rows.at(0).size());
    for (std::size_t r = 0; r < m.rows; ++r)
        for (std::size_t c = 0; c < m.cols; ++c) m(r, c) = rows.at(r).at(c).get<double>();
    return m;
}

inline Matrix matrix_of(std::size_t rows, std::size_t cols, const std::vector<double>& values) {
    Matrix m(rows, cols);
    m.values = values;
    return m;
}

inline LossKind loss_named(const std::string& name) {
    if (name == "mse") return LossKind::mse;
    if (name == "bce") return LossKind::bce;
    if (name == "cross_entropy") return LossKind::cross_entropy;
    throw std::runtime_error("unknown loss " + name);
}

// A network with the fixture's explicit weights, biases and PReLU α.
inline Network network_from_json(const json& fixture_case) {
    Network network;
    network.input_size = fixture_case.at("input_size").get<std::size_t>();
    std::size_t fan_in = network.input_size;
    for (const json& spec : fixture_case.at("layers")) {
        const std::size_t units = spec.at("units").get<std::size_t>();
        // "softmax" is not in the catalogue: it is the output layer's identity f followed by softmax over the row.
        const bool softmax = spec.at("activation").at("kind") == "softmax";
        DenseLayer layer(fan_in, units, softmax ? make_activation("identity") : activation_from_json(spec.at("activation")));
        layer.softmax = softmax;
        layer.weights = matrix_from_json(spec.at("weights"));
        layer.biases = spec.at("biases").get<std::vector<double>>();
        if (spec.contains("alpha")) {
            layer.alpha_mode = spec.at("alpha_mode").get<std::string>() == "shared" ? AlphaMode::shared
                                                                                     : AlphaMode::per_unit;
            layer.alpha = spec.at("alpha").get<std::vector<double>>();
        }
        BOOST_TEST_REQUIRE(layer.weights.rows == units);
        BOOST_TEST_REQUIRE(layer.weights.cols == fan_in);
        network.layers.push_back(std::move(layer));
        fan_in = units;
    }
    return network;
}

// Element-by-element comparison against a fixture's nested list (matrix) or list (vector).
inline void check_matrix(const Matrix& actual, const json& expected, const std::string& what) {
    BOOST_TEST_REQUIRE(actual.rows == expected.size(), what << ": rows");
    for (std::size_t r = 0; r < actual.rows; ++r) {
        BOOST_TEST_REQUIRE(actual.cols == expected.at(r).size(), what << ": cols");
        for (std::size_t c = 0; c < actual.cols; ++c)
            BOOST_TEST(close_enough(actual(r, c), expected.at(r).at(c).get<double>()),
                       what << "[" << r << "][" << c << "]");
    }
}

inline void check_vector(const std::vector<double>& actual, const json& expected, const std::string& what) {
    BOOST_TEST_REQUIRE(actual.size() == expected.size(), what << ": size");
    for (std::size_t k = 0; k < actual.size(); ++k)
        BOOST_TEST(close_enough(actual[k], expected.at(k).get<double>()), what << "[" << k << "]");
}

// Every activation of the catalogue, by name, for sweeps.
inline std::vector<std::string> all_activations() {
    std::vector<std::string> names;
    for (std::string_view name : activation_names()) names.emplace_back(name);
    return names;
}

}  // namespace actlab::test

