// Numerical robustness: no NaN or Inf from any activation or derivative for |x| up to 1e300,
// subnormal inputs handled like their neighbours at 0, subnormal outputs not flushed, and whole
// passes that stay finite at extreme logits.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cfloat>
#include <cmath>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

#include "engine/backpropagation.hpp"
#include "test_support.hpp"

namespace bdata = boost::unit_test::data;
namespace tt = boost::test_tools;
using namespace actlab;

namespace {

struct Variant {
    std::string name;
    Activation f;
};

std::ostream& operator<<(std::ostream& out, const Variant& v) { return out << v.name; }

std::vector<Variant> variants() {
    std::vector<Variant> all;
    for (const std::string& name : test::all_activations()) all.push_back({name, test::make_activation(name)});
    const Variant leaky{"leaky_relu_0.2", test::with(test::make_activation("leaky_relu"), "slope", 0.2)};
    const Variant prelu{"prelu_1.5", test::with(test::make_activation("prelu"), "alpha", 1.5)};
    const Variant elu{"elu_1.5", test::with(test::make_activation("elu"), "alpha", 1.5)};
    const Variant softplus{"softplus_beta_3",
                           test::with(test::with(test::make_activation("softplus"), "beta", 3.0), "threshold", 15.0)};
    all.insert(all.end(), {leaky, prelu, elu, softplus});
    return all;
}

// 0, ±subnormals, and ±10^k, ±3.7·10^k for k = −323 … 300 (so |x| up to 3.7e300).
std::vector<double> extreme_points() {
    std::vector<double> xs{0.0, -0.0, 5e-324, -5e-324, 1e-310, -1e-310, DBL_MIN, -DBL_MIN};
    for (int k = -323; k <= 300; ++k) {
        const double x = std::pow(10.0, k);
        xs.push_back(x);
        xs.push_back(-x);
        xs.push_back(3.7 * x);
        xs.push_back(-3.7 * x);
    }
    return xs;
}

// The activations PyTorch shows non-decreasing: no negative derivative at any point of any of their
// entries in activations.json (GELU, SiLU and the like dip below 0 before they rise, and show it).
bool monotone(std::string_view name) {
    bool seen = false;
    for (const auto& entry : test::fixture("activations.json").at("activations")) {
        if (entry.at("kind").get<std::string>() != name) continue;
        seen = true;
        for (const auto& point : entry.at("points"))
            if (point.at("derivative").get<double>() < 0) return false;
    }
    return seen;
}

// The smallest value f can take, where the test knows it (−∞ where it does not).
double lower_bound(const Activation& f) {
    const std::string_view name = activation_name(f);
    if (name == "sigmoid" || name == "relu" || name == "softplus") return 0.0;
    if (name == "tanh") return -1.0;
    if (name == "elu") return -parameters(f).at(0).value;  // −α
    if (name == "gelu") return -0.17;   // min of z·Φ(z) ≈ −0.170
    if (name == "silu") return -0.279;  // min of z·σ(z) ≈ −0.278
    return -std::numeric_limits<double>::infinity();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(numerics)

// Finite everywhere, in range, derivative of the right sign and never above the peak.
BOOST_DATA_TEST_CASE(finite_for_every_magnitude, bdata::make(variants()), v) {
    std::size_t not_finite = 0, out_of_range = 0, bad_derivative = 0;
    const double peak = peak_derivative(v.f);
    const bool non_decreasing = monotone(activation_name(v.f));
    for (double x : extreme_points()) {
        const double a = activate(v.f, x);
        const double d = local_derivative(v.f, x, a);
        if (!std::isfinite(a) || !std::isfinite(d)) {
            ++not_finite;
            BOOST_TEST_MESSAGE(v.name << ": f(" << x << ") = " << a << ", f' = " << d);
            continue;
        }
        out_of_range += !(a >= lower_bound(v.f));
        if (activation_name(v.f) == "sigmoid" || activation_name(v.f) == "tanh") out_of_range += !(a <= 1);
        if (non_decreasing && d < 0) ++bad_derivative;
        if (std::fabs(d) > peak * (1 + 1e-9)) ++bad_derivative;
    }
    BOOST_TEST(not_finite == 0u);
    BOOST_TEST(out_of_range == 0u);
    BOOST_TEST(bad_derivative == 0u);
}

// Subnormal (and other tiny) inputs behave like the limits at 0⁺ and 0⁻: exact values where the
// function is x, f(0) + f'(0)·x elsewhere, and the one-sided derivative at 0.
BOOST_AUTO_TEST_CASE(subnormal_inputs) {
    for (double x : {5e-324, 1e-310, 2.5e-320, DBL_MIN / 4}) {
        BOOST_TEST_REQUIRE(std::fpclassify(x) == FP_SUBNORMAL);
        for (double s : {x, -x}) {
            BOOST_TEST_CONTEXT("x = " << s) {
                const auto f = [](const char* name) { return test::make_activation(name); };
                BOOST_TEST(activate(f("identity"), s) == s);
                BOOST_TEST(activate(f("relu"), s) == (s > 0 ? s : 0.0));
                BOOST_TEST(local_derivative(f("relu"), s, 0.0) == (s > 0 ? 1.0 : 0.0));
                BOOST_TEST(local_derivative(f("leaky_relu"), s, 0.0) == (s > 0 ? 1.0 : 0.01));
                BOOST_TEST(local_derivative(test::with(f("prelu"), "alpha", 0.3), s, 0.0) == (s > 0 ? 1.0 : 0.3));
                BOOST_TEST(activate(test::with(f("prelu"), "alpha", 0.5), s) == (s > 0 ? s : 0.5 * s));
                BOOST_TEST(activate(f("tanh"), s) == s);
                BOOST_TEST(activate(f("elu"), s) == s);  // expm1(s) = s
                BOOST_TEST(local_derivative(f("elu"), s, s) == 1.0);
                BOOST_TEST(activate(f("sigmoid"), s) == 0.5);
                BOOST_TEST(local_derivative(f("sigmoid"), s, 0.5) == 0.25);
                BOOST_TEST(activate(f("gelu"), s) == s * 0.5);
                BOOST_TEST(local_derivative(f("gelu"), s, s * 0.5) == 0.5);
                BOOST_TEST(activate(f("silu"), s) == s * 0.5);
                BOOST_TEST(local_derivative(f("silu"), s, s * 0.5) == 0.5);
                BOOST_TEST(activate(f("softplus"), s) == std::log(2.0), tt::tolerance(1e-15));
                BOOST_TEST(local_derivative(f("softplus"), s, std::log(2.0)) == 0.5);
            }
        }
    }
}

// Deep in the negative tail the true values are subnormal: they must come out > 0, not flushed.
BOOST_AUTO_TEST_CASE(subnormal_outputs_are_not_flushed) {
    const double z = -740.0;  // e^−740 ≈ 4.2e-322
    const double tail = std::exp(z);
    BOOST_TEST_REQUIRE(std::fpclassify(tail) == FP_SUBNORMAL);
    const Activation sigmoid = test::make_activation("sigmoid");
    const double a = activate(sigmoid, z);
    BOOST_TEST(a > 0.0);
    BOOST_TEST(a == tail, tt::tolerance(0.02));  // subnormals carry few digits
    BOOST_TEST(local_derivative(sigmoid, z, a) > 0.0);
    BOOST_TEST(activate(test::make_activation("softplus"), z) > 0.0);
    BOOST_TEST(local_derivative(test::make_activation("softplus"), z, 0.0) > 0.0);
    BOOST_TEST(local_derivative(test::make_activation("elu"), z, -1.0) > 0.0);
    BOOST_TEST(activate(test::make_activation("silu"), -700.0) < 0.0);  // −700·e^−700 ≈ −7e-302
    BOOST_TEST(activate(test::make_activation("gelu"), -37.0) < 0.0);   // −37·Φ(−37) ≈ −2e-298
}

// σ(−z) = 1 − σ(z): the two branches of the stable sigmoid meet without a seam.
BOOST_AUTO_TEST_CASE(sigmoid_branches_are_seamless) {
    const Activation sigmoid = test::make_activation("sigmoid");
    std::size_t asymmetric = 0, not_monotone = 0;
    double previous = 0;
    for (int k = -30000; k <= 30000; ++k) {
        const double z = k * 1e-3;
        const double a = activate(sigmoid, z);
        asymmetric += std::fabs(activate(sigmoid, -z) - (1 - a)) > 2e-16;
        not_monotone += a < previous;
        previous = a;
    }
    BOOST_TEST(asymmetric == 0u);
    BOOST_TEST(not_monotone == 0u);
    BOOST_TEST(activate(sigmoid, -1e-17) <= 0.5);
    BOOST_TEST(activate(sigmoid, 1e-17) >= 0.5);
}

// Softplus switches to z past βz = threshold: the two sides agree there to ~e^−20 ≈ 2e-9.
BOOST_AUTO_TEST_CASE(softplus_threshold_is_continuous) {
    const Activation softplus = test::make_activation("softplus");
    const double below = activate(softplus, 20.0), above = activate(softplus, std::nextafter(20.0, 21.0));
    BOOST_TEST(std::fabs(above - below) < 3e-9);
    BOOST_TEST(below == 20.0 + std::log1p(std::exp(-20.0)), tt::tolerance(1e-15));
    BOOST_TEST(local_derivative(softplus, 20.0, below) == 1 / (1 + std::exp(-20.0)), tt::tolerance(1e-15));
    BOOST_TEST(local_derivative(softplus, 20.5, 20.5) == 1.0);
}

// Whole passes at extreme logits: a sigmoid output layer with z = ±1e300 and BCE gives a finite
// loss and finite gradients everywhere.
BOOST_AUTO_TEST_CASE(bce_network_with_logits_of_1e300) {
    Network network = make_network(1, {LayerSpec{2, test::make_activation("sigmoid")}});
    network.layers[0].weights = test::matrix_of(2, 1, {1e300, -1e300});
    const Matrix inputs = test::matrix_of(2, 1, {1.0, -1.0});
    const Matrix targets = test::matrix_of(2, 2, {1.0, 0.0, 0.0, 1.0});
    ForwardPass pass;
    Gradients gradients;
    const double loss = forward_backward(network, inputs, targets, LossKind::bce, pass, gradients);
    BOOST_TEST(std::isfinite(loss));
    BOOST_TEST(loss == 0.0);  // every logit is ±1e300 on the right side of its label
    const auto all_finite = [](const std::vector<double>& v) {
        for (double x : v)
            if (!std::isfinite(x)) return false;
        return true;
    };
    BOOST_TEST(all_finite(gradients.layers[0].grad_pre_activations.values));
    BOOST_TEST(all_finite(gradients.layers[0].grad_weights.values));
    BOOST_TEST(all_finite(gradients.grad_inputs.values));

    // Wrong labels: the loss is 1e300 (mean of 4 terms of 1e300 each), still finite.
    const Matrix wrong = test::matrix_of(2, 2, {0.0, 1.0, 1.0, 0.0});
    const double wrong_loss = forward_backward(network, inputs, wrong, LossKind::bce, pass, gradients);
    BOOST_TEST(wrong_loss == 1e300, tt::tolerance(1e-12));
    BOOST_TEST(all_finite(gradients.layers[0].grad_weights.values));
    BOOST_TEST(all_finite(gradients.grad_inputs.values));  // δ·w = ±0.25·1e300
    BOOST_TEST(std::fabs(gradients.grad_inputs(0, 0)) == 0.5e300, tt::tolerance(1e-12));
}

// Every activation in a hidden layer fed 1e300-sized pre-activations: forward and backward stay
// finite when the output is bounded (tanh) and the loss is MSE.
BOOST_DATA_TEST_CASE(huge_hidden_pre_activations_stay_finite, bdata::make(variants()), v) {
    LayerSpec hidden{3, v.f, AlphaMode::shared};
    Network network = make_network(1, {hidden, LayerSpec{1, test::make_activation("tanh")}});
    network.layers[0].weights = test::matrix_of(3, 1, {1e300, -1e300, 1e-300});
    network.layers[1].weights = test::matrix_of(1, 3, {1e-300, 1e-300, 1.0});
    const Matrix inputs = test::matrix_of(3, 1, {1.0, -1.0, 5e-324});
    const Matrix targets = test::matrix_of(3, 1, {0.5, -0.5, 0.0});
    ForwardPass pass;
    Gradients gradients;
    const double loss = forward_backward(network, inputs, targets, LossKind::mse, pass, gradients);
    BOOST_TEST(std::isfinite(loss));
    std::size_t not_finite = 0;
    for (const auto& layer : pass.layers)
        for (double x : layer.activations.values) not_finite += !std::isfinite(x);
    for (const auto& layer : gradients.layers) {
        for (double x : layer.grad_pre_activations.values) not_finite += !std::isfinite(x);
        for (double x : layer.grad_weights.values) not_finite += !std::isfinite(x);
        for (double x : layer.grad_biases) not_finite += !std::isfinite(x);
        for (double x : layer.grad_alpha) not_finite += !std::isfinite(x);
    }
    for (double x : gradients.grad_inputs.values) not_finite += !std::isfinite(x);
    BOOST_TEST(not_finite == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
