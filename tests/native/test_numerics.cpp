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
    double alpha;  // PReLU's α
};

std::ostream& operator<<(std::ostream& out, const Variant& v) { return out << v.name; }

std::vector<Variant> variants() {
    std::vector<Variant> all;
    for (ActivationKind kind : test::all_activation_kinds())
        all.push_back({std::string(activation_name(kind)), test::make_activation(kind), 0.25});
    Variant leaky{"leaky_relu_0.2", test::make_activation(ActivationKind::leaky_relu), 0.25};
    leaky.f.slope = 0.2;
    Variant prelu{"prelu_1.5", test::make_activation(ActivationKind::prelu), 1.5};
    Variant elu{"elu_1.5", test::make_activation(ActivationKind::elu), 0.25};
    elu.f.elu_alpha = 1.5;
    Variant softplus{"softplus_beta_3", test::make_activation(ActivationKind::softplus), 0.25};
    softplus.f.softplus_beta = 3.0;
    softplus.f.softplus_threshold = 15.0;
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

bool monotone(ActivationKind kind) { return kind != ActivationKind::gelu && kind != ActivationKind::silu; }

}  // namespace

BOOST_AUTO_TEST_SUITE(numerics)

// Finite everywhere, in range, derivative of the right sign and never above the peak.
BOOST_DATA_TEST_CASE(finite_for_every_magnitude, bdata::make(variants()), v) {
    std::size_t not_finite = 0, out_of_range = 0, bad_derivative = 0;
    const double peak = peak_derivative(v.f, v.alpha);
    for (double x : extreme_points()) {
        const double a = activate(v.f, x, v.alpha);
        const double d = local_derivative(v.f, x, a, v.alpha);
        if (!std::isfinite(a) || !std::isfinite(d)) {
            ++not_finite;
            BOOST_TEST_MESSAGE(v.name << ": f(" << x << ") = " << a << ", f' = " << d);
            continue;
        }
        switch (v.f.kind) {
            case ActivationKind::sigmoid: out_of_range += !(a >= 0 && a <= 1); break;
            case ActivationKind::tanh: out_of_range += !(a >= -1 && a <= 1); break;
            case ActivationKind::elu: out_of_range += !(a >= -v.f.elu_alpha); break;
            case ActivationKind::softplus:
            case ActivationKind::relu: out_of_range += !(a >= 0); break;
            case ActivationKind::gelu: out_of_range += !(a >= -0.17); break;  // min of z·Φ(z) ≈ −0.170
            case ActivationKind::silu: out_of_range += !(a >= -0.279); break;  // min of z·σ(z) ≈ −0.278
            default: break;
        }
        if (monotone(v.f.kind) && d < 0) ++bad_derivative;
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
                const auto f = [](ActivationKind kind) { return test::make_activation(kind); };
                BOOST_TEST(activate(f(ActivationKind::identity), s) == s);
                BOOST_TEST(activate(f(ActivationKind::relu), s) == (s > 0 ? s : 0.0));
                BOOST_TEST(local_derivative(f(ActivationKind::relu), s, 0.0) == (s > 0 ? 1.0 : 0.0));
                BOOST_TEST(local_derivative(f(ActivationKind::leaky_relu), s, 0.0) == (s > 0 ? 1.0 : 0.01));
                BOOST_TEST(local_derivative(f(ActivationKind::prelu), s, 0.0, 0.3) == (s > 0 ? 1.0 : 0.3));
                BOOST_TEST(activate(f(ActivationKind::prelu), s, 0.5) == (s > 0 ? s : 0.5 * s));
                BOOST_TEST(activate(f(ActivationKind::tanh), s) == s);
                BOOST_TEST(activate(f(ActivationKind::elu), s) == s);  // expm1(s) = s
                BOOST_TEST(local_derivative(f(ActivationKind::elu), s, s) == 1.0);
                BOOST_TEST(activate(f(ActivationKind::sigmoid), s) == 0.5);
                BOOST_TEST(local_derivative(f(ActivationKind::sigmoid), s, 0.5) == 0.25);
                BOOST_TEST(activate(f(ActivationKind::gelu), s) == s * 0.5);
                BOOST_TEST(local_derivative(f(ActivationKind::gelu), s, s * 0.5) == 0.5);
                BOOST_TEST(activate(f(ActivationKind::silu), s) == s * 0.5);
                BOOST_TEST(local_derivative(f(ActivationKind::silu), s, s * 0.5) == 0.5);
                BOOST_TEST(activate(f(ActivationKind::softplus), s) == std::log(2.0), tt::tolerance(1e-15));
                BOOST_TEST(local_derivative(f(ActivationKind::softplus), s, std::log(2.0)) == 0.5);
            }
        }
    }
}

// Deep in the negative tail the true values are subnormal: they must come out > 0, not flushed.
BOOST_AUTO_TEST_CASE(subnormal_outputs_are_not_flushed) {
    const double z = -740.0;  // e^−740 ≈ 4.2e-322
    const double tail = std::exp(z);
    BOOST_TEST_REQUIRE(std::fpclassify(tail) == FP_SUBNORMAL);
    const Activation sigmoid = test::make_activation(ActivationKind::sigmoid);
    const double a = activate(sigmoid, z);
    BOOST_TEST(a > 0.0);
    BOOST_TEST(a == tail, tt::tolerance(0.02));  // subnormals carry few digits
    BOOST_TEST(local_derivative(sigmoid, z, a) > 0.0);
    BOOST_TEST(activate(test::make_activation(ActivationKind::softplus), z) > 0.0);
    BOOST_TEST(local_derivative(test::make_activation(ActivationKind::softplus), z, 0.0) > 0.0);
    BOOST_TEST(local_derivative(test::make_activation(ActivationKind::elu), z, -1.0) > 0.0);
    BOOST_TEST(activate(test::make_activation(ActivationKind::silu), -700.0) < 0.0);  // −700·e^−700 ≈ −7e-302
    BOOST_TEST(activate(test::make_activation(ActivationKind::gelu), -37.0) < 0.0);   // −37·Φ(−37) ≈ −2e-298
}

// σ(−z) = 1 − σ(z): the two branches of the stable sigmoid meet without a seam.
BOOST_AUTO_TEST_CASE(sigmoid_branches_are_seamless) {
    const Activation sigmoid = test::make_activation(ActivationKind::sigmoid);
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
    const Activation softplus = test::make_activation(ActivationKind::softplus);
    const double below = activate(softplus, 20.0), above = activate(softplus, std::nextafter(20.0, 21.0));
    BOOST_TEST(std::fabs(above - below) < 3e-9);
    BOOST_TEST(below == 20.0 + std::log1p(std::exp(-20.0)), tt::tolerance(1e-15));
    BOOST_TEST(local_derivative(softplus, 20.0, below) == 1 / (1 + std::exp(-20.0)), tt::tolerance(1e-15));
    BOOST_TEST(local_derivative(softplus, 20.5, 20.5) == 1.0);
}

// Whole passes at extreme logits: a sigmoid output layer with z = ±1e300 and BCE gives a finite
// loss and finite gradients everywhere.
BOOST_AUTO_TEST_CASE(bce_network_with_logits_of_1e300) {
    Network network = make_network(1, {LayerSpec{2, test::make_activation(ActivationKind::sigmoid)}});
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
    LayerSpec hidden{3, v.f, AlphaMode::shared, v.alpha};
    Network network = make_network(1, {hidden, LayerSpec{1, test::make_activation(ActivationKind::tanh)}});
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
