// Gradient checks: every analytic gradient (weights, biases, PReLU α, inputs) against finite
// differences of the loss, for every activation, every loss, and PReLU α shared and per unit.
// Twice: with the engine's gradient_check, and with a central difference written here on top of
// forward() + compute_loss() only (so a bug shared by backward() and gradient_check() still shows).
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "engine/backpropagation.hpp"
#include "engine/gradient_check.hpp"
#include "engine/random.hpp"
#include "test_support.hpp"

namespace bdata = boost::unit_test::data;
using namespace actlab;

namespace {

struct CheckCase {
    std::string name;
    std::size_t input_size;
    std::vector<LayerSpec> layers;
    LossKind loss;
    std::size_t batch;
};

std::ostream& operator<<(std::ostream& out, const CheckCase& c) { return out << c.name; }

Activation activation(const std::string& name) { return test::make_activation(name); }

Activation leaky(double slope) { return test::with(activation("leaky_relu"), "slope", slope); }

// A layer; for PReLU, `alpha` is where its α starts.
LayerSpec spec(std::size_t units, Activation f, AlphaMode mode = AlphaMode::shared, double alpha = 0.25) {
    LayerSpec s;
    s.units = units;
    s.activation = f;
    s.alpha_mode = mode;
    if (const auto learned = learned_parameter(f)) set_parameter(s.activation, *learned, alpha);
    return s;
}

std::vector<CheckCase> check_cases() {
    std::vector<CheckCase> cases;
    const Activation identity = activation("identity"), sigmoid = activation("sigmoid");
    for (const std::string& kind : test::all_activations()) {
        const std::string& name = kind;
        cases.push_back({name + "_mse", 3, {spec(4, activation(kind)), spec(2, identity)}, LossKind::mse, 3});
        cases.push_back({name + "_bce", 2, {spec(3, activation(kind)), spec(2, sigmoid)}, LossKind::bce, 4});
        // The activation in the output layer too, where ∂L/∂a comes straight from the loss.
        if (kind != "sigmoid")
            cases.push_back({name + "_output_mse", 2, {spec(3, identity), spec(2, activation(kind))}, LossKind::mse, 3});
    }
    cases.push_back({"leaky_0.2_mse", 3, {spec(4, leaky(0.2)), spec(1, identity)}, LossKind::mse, 4});
    Activation elu = activation("elu");
    elu = test::with(elu, "alpha", 1.5);
    Activation softplus = activation("softplus");
    softplus = test::with(softplus, "beta", 2.0);
    softplus = test::with(softplus, "threshold", 3.0);  // some units past the threshold, none near it (see below)
    cases.push_back({"elu_1.5_softplus_beta2_mse", 2, {spec(4, elu), spec(3, softplus)}, LossKind::mse, 5});
    const Activation prelu = activation("prelu");
    cases.push_back({"prelu_shared_mse", 3, {spec(5, prelu, AlphaMode::shared, 0.25), spec(2, identity)}, LossKind::mse, 4});
    cases.push_back({"prelu_per_unit_mse", 3, {spec(5, prelu, AlphaMode::per_unit, 0.1), spec(2, identity)}, LossKind::mse, 4});
    cases.push_back({"prelu_shared_bce", 2, {spec(4, prelu, AlphaMode::shared, 0.3), spec(1, sigmoid)}, LossKind::bce, 5});
    cases.push_back({"prelu_per_unit_bce", 2, {spec(4, prelu, AlphaMode::per_unit, 0.2), spec(1, sigmoid)}, LossKind::bce, 5});
    cases.push_back({"prelu_output_per_unit_mse", 2, {spec(3, activation("tanh")), spec(3, prelu, AlphaMode::per_unit, 0.4)},
                     LossKind::mse, 4});
    cases.push_back({"deep_mixed_bce", 3,
                     {spec(4, activation("gelu")), spec(4, prelu, AlphaMode::per_unit, 0.25),
                      spec(3, activation("silu")), spec(3, elu), spec(2, sigmoid)},
                     LossKind::bce, 3});
    LayerSpec softmax = spec(4, identity);
    softmax.softmax = true;
    cases.push_back({"prelu_leaky_softmax_cross_entropy", 2,
                     {spec(4, prelu, AlphaMode::per_unit, 0.2), spec(3, leaky(0.1)), softmax}, LossKind::cross_entropy, 5});
    return cases;
}

// Piecewise activations have kinks (at 0; Softplus at βz = threshold, where its two branches meet
// only to ~1e-9): keep every pre-activation a safe distance away from them.
bool away_from_kinks(const Network& network, const ForwardPass& pass, double margin) {
    for (std::size_t l = 0; l < network.layers.size(); ++l) {
        const Activation& f = network.layers[l].activation;
        for (double z : pass.layers[l].pre_activations.values) {
            if (std::fabs(z) < margin) return false;
            if (activation_name(f) == "softplus") {
                const double beta = parameters(f).at(0).value, threshold = parameters(f).at(1).value;
                if (std::fabs(beta * z - threshold) < margin * beta) return false;
            }
        }
    }
    return true;
}

struct Problem {
    Network network;
    Matrix inputs, targets;
};

// Random weights, biases, inputs and targets from a seed; the first seed whose pre-activations all
// keep a margin of 0.05 from every kink.
Problem make_problem(const CheckCase& c) {
    for (std::uint64_t seed = 1; seed < 10000; ++seed) {
        Random random(seed);
        Problem p{make_network(c.input_size, c.layers), Matrix(c.batch, c.input_size), Matrix()};
        for (auto& layer : p.network.layers) {
            const double scale = 1.2 / std::sqrt(static_cast<double>(layer.fan_in));
            for (double& w : layer.weights.values) w = random.normal(0.0, scale);
            for (double& b : layer.biases) b = random.uniform(-0.5, 0.5);
            for (double& a : layer.alpha) a = random.uniform(0.05, 0.5);
        }
        for (double& x : p.inputs.values) x = random.normal();
        p.targets = Matrix(c.batch, target_columns(c.loss, p.network.output_size()));
        for (double& t : p.targets.values)
            t = c.loss == LossKind::cross_entropy ? static_cast<double>(random.below(p.network.output_size()))
                : c.loss == LossKind::bce       ? random.uniform()
                                                : random.normal();
        ForwardPass pass;
        forward(p.network, p.inputs, pass);
        if (away_from_kinks(p.network, pass, 0.05)) return p;
    }
    throw std::runtime_error("no seed keeps " + c.name + " away from its kinks");
}

double loss_of(const Network& network, const Matrix& inputs, const Matrix& targets, LossKind loss) {
    ForwardPass pass;
    forward(network, inputs, pass);
    return compute_loss(loss, pass.layers.back().pre_activations, pass.layers.back().activations, targets).value;
}

// Our own finite difference: the five-point central stencil
//   (−L(θ+2h) + 8L(θ+h) − 8L(θ−h) + L(θ−2h)) / 12h,  error O(h⁴),
// with h = 1e-3, so the round-off (~1e-16/h) and truncation (~h⁴) errors are both ≲ 1e-12.
// |Δz| ≤ 2h·|x| stays well inside the 0.05 margin from the kinks.
void independent_check(Problem& p, LossKind loss) {
    ForwardPass pass;
    Gradients gradients;
    forward_backward(p.network, p.inputs, p.targets, loss, pass, gradients);

    struct Quantity {
        std::string name;
        double* value;
        double analytic;
    };
    std::vector<Quantity> quantities;
    for (std::size_t l = 0; l < p.network.layers.size(); ++l) {
        DenseLayer& layer = p.network.layers[l];
        const LayerGradients& g = gradients.layers[l];
        const std::string prefix = "layers[" + std::to_string(l) + "].";
        BOOST_TEST_REQUIRE(g.grad_weights.values.size() == layer.weights.values.size());
        BOOST_TEST_REQUIRE(g.grad_biases.size() == layer.biases.size());
        BOOST_TEST_REQUIRE(g.grad_alpha.size() == layer.alpha.size());
        for (std::size_t k = 0; k < layer.weights.values.size(); ++k)
            quantities.push_back({prefix + "weights#" + std::to_string(k), &layer.weights.values[k], g.grad_weights.values[k]});
        for (std::size_t k = 0; k < layer.biases.size(); ++k)
            quantities.push_back({prefix + "biases[" + std::to_string(k) + "]", &layer.biases[k], g.grad_biases[k]});
        for (std::size_t k = 0; k < layer.alpha.size(); ++k)
            quantities.push_back({prefix + "alpha[" + std::to_string(k) + "]", &layer.alpha[k], g.grad_alpha[k]});
    }
    BOOST_TEST_REQUIRE(gradients.grad_inputs.values.size() == p.inputs.values.size());
    for (std::size_t k = 0; k < p.inputs.values.size(); ++k)
        quantities.push_back({"inputs#" + std::to_string(k), &p.inputs.values[k], gradients.grad_inputs.values[k]});

    const double h = 1e-3;
    std::size_t nonzero = 0;
    for (Quantity& q : quantities) {
        const double saved = *q.value;
        const auto at = [&](double offset) {
            *q.value = saved + offset;
            return loss_of(p.network, p.inputs, p.targets, loss);
        };
        // Differences first: a parameter the loss does not depend on gives exactly 0.
        const double numeric = (8 * (at(h) - at(-h)) - (at(2 * h) - at(-2 * h))) / (12 * h);
        *q.value = saved;
        const double error = test::relative_error(q.analytic, numeric);
        BOOST_TEST(error < 1e-6, q.name << ": analytic " << q.analytic << ", numeric " << numeric << ", relative error "
                                        << error);
        nonzero += std::fabs(q.analytic) > 1e-6;
    }
    // The check means nothing if the gradients are all ~0: most of them must not be.
    BOOST_TEST(nonzero * 2 > quantities.size());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(gradient_check_suite)

BOOST_DATA_TEST_CASE(engine_gradient_check_passes, bdata::make(check_cases()), c) {
    const Problem p = make_problem(c);
    const std::size_t inputs = p.inputs.values.size();
    // A central difference with step h has round-off error ~ε·L/h in absolute terms, so the relative
    // error of a gradient g is at least ~1e-16/(h·|g|). With the default h = 1e-6 that reaches 1e-6
    // for |g| ≈ 1e-4, which the deeper cases here have (down to 1e-5): so the 1e-6 bound is checked
    // at h = 1e-5 (truncation ~h² ≈ 1e-10 relative), and the default step against 1e-5.
    const GradientCheckResult result = gradient_check(p.network, p.inputs, p.targets, c.loss, 1e-5);
    BOOST_TEST_MESSAGE(c.name << ": max relative error " << result.max_relative_error << " at " << result.worst_parameter
                              << " (analytic " << result.worst_analytic << ")");
    BOOST_TEST(result.max_relative_error < 1e-6,
               result.worst_parameter << ": analytic " << result.worst_analytic << ", numeric " << result.worst_numeric);
    BOOST_TEST(result.parameters_checked == p.network.parameter_count() + inputs);
    BOOST_TEST(!result.worst_parameter.empty());
    const GradientCheckResult at_default_step = gradient_check(p.network, p.inputs, p.targets, c.loss);
    BOOST_TEST(at_default_step.max_relative_error < 1e-5, at_default_step.worst_parameter);
    BOOST_TEST(at_default_step.parameters_checked == result.parameters_checked);
}

BOOST_DATA_TEST_CASE(independent_central_difference, bdata::make(check_cases()), c) {
    Problem p = make_problem(c);
    independent_check(p, c.loss);
}

// The checker can fail: at ReLU's kink the analytic derivative (0, PyTorch's convention) differs
// from the central difference (the average of the two one-sided slopes, ½), and the checker says so.
BOOST_AUTO_TEST_CASE(a_kink_is_reported_as_a_mismatch) {
    Network network = make_network(1, {spec(1, activation("relu")), spec(1, activation("identity"))});
    network.layers[0].weights(0, 0) = 1.0;
    network.layers[0].biases[0] = 0.0;
    network.layers[1].weights(0, 0) = 2.0;
    network.layers[1].biases[0] = 0.0;
    const Matrix inputs = test::matrix_of(1, 1, {0.0});  // z = 0 exactly
    const Matrix targets = test::matrix_of(1, 1, {1.0});
    const GradientCheckResult result = gradient_check(network, inputs, targets, LossKind::mse);
    BOOST_TEST(result.max_relative_error > 0.5);
    // L = (2·relu(z) − 1)²: the one-sided slopes of L in b₁ are −4 and 0; the central difference is 2h − 2.
    BOOST_TEST(result.worst_numeric == -2.0 + 2e-6, boost::test_tools::tolerance(1e-9));  // (4h² − 4h)/2h, h = 1e-6
    BOOST_TEST(result.worst_analytic == 0.0);
    // z depends on b₁ and on x (w₁ multiplies x = 0): either may be named, never layer 1.
    BOOST_TEST((result.worst_parameter.find("layers[0].biases") == 0 || result.worst_parameter.find("inputs") == 0),
               result.worst_parameter);
}

// Above max_checks quantities, an evenly spaced subset is checked, never more than max_checks.
BOOST_AUTO_TEST_CASE(max_checks_limits_the_work) {
    const CheckCase c{"subset", 3, {spec(6, activation("tanh")), spec(2, activation("identity"))},
                      LossKind::mse, 4};
    const Problem p = make_problem(c);
    const std::size_t total = p.network.parameter_count() + p.inputs.values.size();  // 18 + 6 + 12 + 2 + 12 = 50
    BOOST_TEST(total == 50u);
    for (std::size_t limit : {1u, 7u, 10u, 49u}) {
        const GradientCheckResult result = gradient_check(p.network, p.inputs, p.targets, c.loss, 1e-6, limit);
        BOOST_TEST(result.parameters_checked <= limit, "limit " << limit);
        BOOST_TEST(result.parameters_checked * 2 >= limit, "limit " << limit);
        BOOST_TEST(result.max_relative_error < 1e-6, "limit " << limit);
    }
    BOOST_TEST(gradient_check(p.network, p.inputs, p.targets, c.loss, 1e-6, 50).parameters_checked == 50u);
}

BOOST_AUTO_TEST_SUITE_END()
