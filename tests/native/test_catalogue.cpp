// The activation catalogue: what every activation says about itself (peak derivative and where it
// is reached, saturation, initialisation gain, parameters and defaults), against closed forms and
// PyTorch's calculate_gain; and the {"catalogue": {}} request that reports it.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>

#include "protocol/protocol.hpp"
#include "test_support.hpp"

namespace bdata = boost::unit_test::data;
namespace tt = boost::test_tools;
using namespace actlab;
using actlab::test::make_activation;

BOOST_AUTO_TEST_SUITE(catalogue)

BOOST_AUTO_TEST_CASE(peaks_of_the_derivative_in_closed_form) {
    BOOST_TEST(peak_derivative(make_activation("sigmoid")) == 0.25);  // σ'(0) = ¼
    BOOST_TEST(*peak_at(make_activation("sigmoid")) == 0.0);
    BOOST_TEST(peak_derivative(make_activation("tanh")) == 1.0);  // tanh'(0) = 1
    BOOST_TEST(*peak_at(make_activation("tanh")) == 0.0);
    // GELU: Φ(z) + z·φ(z) is largest where φ(z)(2 − z²) = 0, at √2.
    const double root2 = std::sqrt(2.0);
    BOOST_TEST(*peak_at(make_activation("gelu")) == root2, tt::tolerance(1e-15));
    BOOST_TEST(peak_derivative(make_activation("gelu")) ==
                   0.5 * std::erfc(-1.0) + root2 * std::exp(-1.0) / std::sqrt(2 * M_PI),
               tt::tolerance(1e-15));
    for (const char* name : {"identity", "relu", "leaky_relu", "prelu", "elu", "softplus"}) {
        BOOST_TEST(peak_derivative(make_activation(name)) == 1.0, name);
        BOOST_TEST(!peak_at(make_activation(name)).has_value(), name << ": f' = 1 on a whole half-line");
    }
    // A parameter can move the peak: ELU with α = 2 has f'(0) = 2 on its negative side.
    const Activation elu2 = test::with(make_activation("elu"), "alpha", 2.0);
    BOOST_TEST(peak_derivative(elu2) == 2.0);
    BOOST_TEST(*peak_at(elu2) == 0.0);
    BOOST_TEST(peak_derivative(test::with(make_activation("leaky_relu"), "slope", -3.0)) == 3.0);
}

// Wherever an activation names the point of its peak, f' is the peak there and f'' = 0 (a central
// difference of f' changes sign across it).
BOOST_DATA_TEST_CASE(peak_at_is_where_the_derivative_peaks, bdata::make(test::all_activations()), name) {
    const Activation f = make_activation(name);
    const auto z = peak_at(f);
    if (!z) return;
    const auto slope = [&](double x) { return local_derivative(f, x, activate(f, x)); };
    BOOST_TEST(slope(*z) == peak_derivative(f), tt::tolerance(1e-12));
    BOOST_TEST(slope(*z - 1e-4) <= slope(*z) + 1e-15);
    BOOST_TEST(slope(*z + 1e-4) <= slope(*z) + 1e-15);
}

// PyTorch's torch.nn.init.calculate_gain: linear and sigmoid 1, tanh 5/3, relu √2,
// leaky_relu √(2 / (1 + slope²)). PyTorch has none for PReLU (the engine takes Leaky ReLU's with
// α), ELU, GELU, SiLU and Softplus (the engine takes ReLU's √2).
BOOST_AUTO_TEST_CASE(gains_follow_pytorch_calculate_gain) {
    BOOST_TEST(gain(make_activation("identity")) == 1.0);
    BOOST_TEST(gain(make_activation("sigmoid")) == 1.0);
    BOOST_TEST(gain(make_activation("tanh")) == 5.0 / 3.0, tt::tolerance(1e-15));
    BOOST_TEST(gain(make_activation("relu")) == std::sqrt(2.0), tt::tolerance(1e-15));
    BOOST_TEST(gain(make_activation("leaky_relu")) == std::sqrt(2.0 / (1 + 0.01 * 0.01)), tt::tolerance(1e-15));
    BOOST_TEST(gain(test::with(make_activation("leaky_relu"), "slope", 0.2)) == std::sqrt(2.0 / 1.04),
               tt::tolerance(1e-15));
    BOOST_TEST(gain(make_activation("prelu")) == std::sqrt(2.0 / 1.0625), tt::tolerance(1e-15));
    for (const char* name : {"elu", "gelu", "silu", "softplus"})
        BOOST_TEST(gain(make_activation(name)) == std::sqrt(2.0), tt::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(parameters_and_their_defaults) {
    const auto check = [](const char* name, std::vector<std::pair<std::string, double>> expected) {
        const auto found = parameters(make_activation(name));
        BOOST_TEST_REQUIRE(found.size() == expected.size(), name);
        for (std::size_t k = 0; k < found.size(); ++k) {
            BOOST_TEST(found[k].name == expected[k].first, name);
            BOOST_TEST(found[k].value == expected[k].second, name << " " << found[k].name);
        }
    };
    check("leaky_relu", {{"slope", 0.01}});  // PyTorch's defaults
    check("prelu", {{"alpha", 0.25}});
    check("elu", {{"alpha", 1.0}});
    check("softplus", {{"beta", 1.0}, {"threshold", 20.0}});
    for (const char* name : {"identity", "sigmoid", "tanh", "relu", "gelu", "silu"}) check(name, {});
    BOOST_TEST(*learned_parameter(make_activation("prelu")) == "alpha");
    BOOST_TEST(!learned_parameter(make_activation("elu")).has_value());
    Activation relu = make_activation("relu");
    BOOST_TEST(!set_parameter(relu, "slope", 0.5));
}

// {"catalogue": {}} through the protocol, as the CLI and the module answer it.
BOOST_AUTO_TEST_CASE(catalogue_request) {
    const auto response = nlohmann::json::parse(protocol::evaluate_text(R"({"catalogue": {}})"));
    const auto& list = response.at("catalogue");
    BOOST_TEST_REQUIRE(list.size() == activation_names().size());
    for (std::size_t k = 0; k < list.size(); ++k)
        BOOST_TEST(list[k].at("name").get<std::string>() == activation_names()[k]);
    const auto& sigmoid = test::find_named(list, "sigmoid");
    BOOST_TEST(sigmoid.at("peak_derivative").get<double>() == 0.25);
    BOOST_TEST(sigmoid.at("peak_at").get<double>() == 0.0);
    BOOST_TEST(sigmoid.at("saturates").get<bool>());
    BOOST_TEST(sigmoid.at("gain").get<double>() == 1.0);
    BOOST_TEST(sigmoid.at("parameters").empty());
    const auto& relu = test::find_named(list, "relu");
    BOOST_TEST(relu.at("peak_at").is_null());
    BOOST_TEST(!relu.at("saturates").get<bool>());
    const auto& softplus = test::find_named(list, "softplus").at("parameters");
    BOOST_TEST(softplus.dump() == R"([{"default":1.0,"max":1000000.0,"min":1e-06,"name":"beta"},)"
                                  R"({"default":20.0,"max":1000000.0,"min":0.0,"name":"threshold"}])");
    BOOST_TEST(test::find_named(list, "prelu").at("parameters").dump() ==
               R"([{"default":0.25,"learned":true,"name":"alpha"}])");
    BOOST_CHECK_THROW(protocol::evaluate_text(R"({"catalogue": {"names": true}})"), protocol::ProtocolError);
}

BOOST_AUTO_TEST_SUITE_END()
