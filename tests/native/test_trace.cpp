// The step-by-step trace of a 1 → 1 → 1 sigmoid network: the order of the steps, and every number
// against the chain rule worked out by hand.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "engine/backpropagation.hpp"
#include "engine/trace.hpp"
#include "test_support.hpp"

namespace tt = boost::test_tools;
using namespace actlab;

namespace {

double logistic(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// w₁, b₁, w₂, b₂ of the 1 → 1 → 1 network, both layers sigmoid.
constexpr double w1 = 0.6, b1 = -0.2, w2 = -1.3, b2 = 0.4;

Network tiny_network(const std::string& output = "sigmoid", const std::string& hidden = "sigmoid") {
    Network network = make_network(1, {LayerSpec{1, test::make_activation(hidden)},
                                       LayerSpec{1, test::make_activation(output)}});
    network.layers[0].weights(0, 0) = w1;
    network.layers[0].biases[0] = b1;
    network.layers[1].weights(0, 0) = w2;
    network.layers[1].biases[0] = b2;
    return network;
}

Trace run_trace(const Network& network, const Matrix& inputs, const Matrix& targets, LossKind loss) {
    ForwardPass pass;
    forward(network, inputs, pass);
    const LossResult result = compute_loss(loss, pass.layers.back().pre_activations, pass.layers.back().activations, targets);
    Gradients gradients;
    backward(network, inputs, pass, result, gradients);
    return trace_pass(network, inputs, targets, pass, result, gradients);
}

using Kind = std::string;  // "kind@layer"

Kind kind(const std::string& name, int layer) { return name + "@" + std::to_string(layer); }

std::vector<Kind> kinds_of(const Trace& trace) {
    std::vector<Kind> kinds;
    for (const auto& step : trace.steps) kinds.push_back(kind(step.kind, step.layer));
    return kinds;
}

// Forward: each layer's weighted sum, bias, activation; then the loss. Backward, from the top:
// the loss gradient, then per layer ∂L/∂z, ∂L/∂b, ∂L/∂w, ∂L/∂x.
const std::vector<Kind> mse_sequence{
    kind("weighted_sum", 0),          kind("bias", 0),           kind("activation", 0),
    kind("weighted_sum", 1),          kind("bias", 1),           kind("activation", 1),
    kind("loss", -1),
    kind("loss_gradient", 1),         kind("activation_derivative", 1), kind("bias_gradient", 1),
    kind("weight_gradient", 1),       kind("input_gradient", 1),
    kind("activation_derivative", 0), kind("bias_gradient", 0),  kind("weight_gradient", 0), kind("input_gradient", 0)};

// The hand computation for one example.
struct ChainRule {
    double x, t;
    double sum1, z1, a1, sum2, z2, a2;
    double loss_gradient, delta2, grad_w2, grad_b2, grad_a1, delta1, grad_w1, grad_b1, grad_x;

    ChainRule(double x_, double t_, double n) : x(x_), t(t_) {
        sum1 = w1 * x;
        z1 = sum1 + b1;
        a1 = logistic(z1);
        sum2 = w2 * a1;
        z2 = sum2 + b2;
        a2 = logistic(z2);
        loss_gradient = 2 * (a2 - t) / n;           // ∂L/∂a₂ for L = mean (a₂ − t)²
        delta2 = loss_gradient * a2 * (1 - a2);     // ∂L/∂z₂ = ∂L/∂a₂ · σ'(z₂)
        grad_w2 = delta2 * a1;                      // ∂L/∂w₂ = ∂L/∂z₂ · a₁
        grad_b2 = delta2;                           // ∂L/∂b₂ = ∂L/∂z₂
        grad_a1 = delta2 * w2;                      // ∂L/∂a₁ = ∂L/∂z₂ · w₂
        delta1 = grad_a1 * a1 * (1 - a1);           // ∂L/∂z₁ = ∂L/∂a₁ · σ'(z₁)
        grad_w1 = delta1 * x;
        grad_b1 = delta1;
        grad_x = delta1 * w1;
    }
};

bool has_input_valued(const TraceStep& step, double value) {
    for (const auto& q : step.inputs)
        for (double v : q.values)
            if (std::fabs(v - value) <= 1e-12 * std::fabs(value)) return true;
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(trace)

BOOST_AUTO_TEST_CASE(one_example_traces_every_neuron) {
    const Network network = tiny_network();
    const double x = 1.5, t = 0.9;
    const Trace trace = run_trace(network, test::matrix_of(1, 1, {x}), test::matrix_of(1, 1, {t}), LossKind::mse);
    BOOST_TEST(trace.granularity == "neuron");
    BOOST_TEST_REQUIRE(trace.steps.size() == mse_sequence.size());
    BOOST_TEST(kinds_of(trace) == mse_sequence, tt::per_element());

    const ChainRule h(x, t, 1.0);
    const std::vector<double> expected{h.sum1, h.z1, h.a1, h.sum2, h.z2, h.a2, (h.a2 - t) * (h.a2 - t),
                                       h.loss_gradient, h.delta2, h.grad_b2, h.grad_w2, h.grad_a1,
                                       h.delta1, h.grad_b1, h.grad_w1, h.grad_x};
    for (std::size_t k = 0; k < trace.steps.size(); ++k) {
        const TraceStep& step = trace.steps[k];
        BOOST_TEST_CONTEXT("step " << k << " (" << step.kind << ", layer " << step.layer << ")") {
            BOOST_TEST(step.phase == (k < 7 ? "forward" : "backward"));
            BOOST_TEST_REQUIRE(step.result.values.size() == 1u);
            BOOST_TEST(step.result.rows == 0u);  // a scalar
            BOOST_TEST(step.result.cols == 0u);
            BOOST_TEST(step.result.values[0] == expected[k], tt::tolerance(1e-12));
            if (step.layer >= 0) BOOST_TEST(step.unit == 0);  // the one neuron (or the one input)
            BOOST_TEST(step.source == (step.kind == "weight_gradient" ? 0 : -1));
        }
    }
    // The steps show their operands: σ'(z) beside ∂L/∂a, and the input beside ∂L/∂z for ∂L/∂w.
    BOOST_TEST(has_input_valued(trace.steps[8], h.a2 * (1 - h.a2)));
    BOOST_TEST(has_input_valued(trace.steps[8], h.loss_gradient));
    BOOST_TEST(has_input_valued(trace.steps[12], h.a1 * (1 - h.a1)));
    BOOST_TEST(has_input_valued(trace.steps[14], x));
    BOOST_TEST(has_input_valued(trace.steps[14], h.delta1));
    BOOST_TEST(has_input_valued(trace.steps[0], w1));
    BOOST_TEST(has_input_valued(trace.steps[1], b1));
}

BOOST_AUTO_TEST_CASE(a_batch_of_three_is_traced_layer_by_layer) {
    const Network network = tiny_network();
    const std::vector<double> xs{1.5, -0.5, 2.0}, ts{0.9, 0.1, 0.5};
    const Trace trace = run_trace(network, test::matrix_of(3, 1, xs), test::matrix_of(3, 1, ts), LossKind::mse);
    BOOST_TEST(trace.granularity == "layer");
    BOOST_TEST_REQUIRE(trace.steps.size() == mse_sequence.size());
    BOOST_TEST(kinds_of(trace) == mse_sequence, tt::per_element());
    for (const auto& step : trace.steps) BOOST_TEST(step.unit == -1, step.kind);

    const std::vector<ChainRule> h{ChainRule(xs[0], ts[0], 3), ChainRule(xs[1], ts[1], 3), ChainRule(xs[2], ts[2], 3)};
    // Per-example quantities (3 × 1 matrices) by step index, and the summed parameter gradients.
    const auto per_example = [&](double ChainRule::*member) {
        return std::vector<double>{h[0].*member, h[1].*member, h[2].*member};
    };
    const auto summed = [&](double ChainRule::*member) { return h[0].*member + h[1].*member + h[2].*member; };
    const std::vector<std::pair<std::size_t, double ChainRule::*>> matrices{
        {0, &ChainRule::sum1},           {1, &ChainRule::z1},     {2, &ChainRule::a1},
        {3, &ChainRule::sum2},           {4, &ChainRule::z2},     {5, &ChainRule::a2},
        {7, &ChainRule::loss_gradient},  {8, &ChainRule::delta2}, {11, &ChainRule::grad_a1},
        {12, &ChainRule::delta1},        {15, &ChainRule::grad_x}};
    for (const auto& [k, member] : matrices) {
        const TraceStep& step = trace.steps[k];
        BOOST_TEST_CONTEXT("step " << k << " (" << step.kind << ", layer " << step.layer << ")") {
            BOOST_TEST(step.result.rows == 3u);
            BOOST_TEST(step.result.cols == 1u);
            const std::vector<double> expected = per_example(member);
            BOOST_TEST_REQUIRE(step.result.values.size() == 3u);
            for (std::size_t r = 0; r < 3; ++r) BOOST_TEST(step.result.values[r] == expected[r], tt::tolerance(1e-12));
        }
    }
    double loss = 0;
    for (std::size_t r = 0; r < 3; ++r) loss += (h[r].a2 - ts[r]) * (h[r].a2 - ts[r]) / 3;
    BOOST_TEST_REQUIRE(trace.steps[6].result.values.size() == 1u);
    BOOST_TEST(trace.steps[6].result.values[0] == loss, tt::tolerance(1e-12));
    // Parameter gradients sum over the batch.
    const std::vector<std::pair<std::size_t, double ChainRule::*>> sums{
        {9, &ChainRule::grad_b2}, {10, &ChainRule::grad_w2}, {13, &ChainRule::grad_b1}, {14, &ChainRule::grad_w1}};
    for (const auto& [k, member] : sums) {
        BOOST_TEST_REQUIRE(trace.steps[k].result.values.size() == 1u, "step " << k);
        BOOST_TEST(trace.steps[k].result.values[0] == summed(member), tt::tolerance(1e-12));
    }
    for (std::size_t k = 0; k < trace.steps.size(); ++k)
        BOOST_TEST(trace.steps[k].phase == (k < 7 ? "forward" : "backward"), "step " << k);
}

// With BCE the loss hands over ∂L/∂z of the output directly: no activation_derivative step there,
// and the loss gradient is (σ(z₂) − t)/n.
BOOST_AUTO_TEST_CASE(bce_skips_the_output_activation_derivative) {
    const Network network = tiny_network();
    const double x = -0.8, t = 1.0;
    const Trace trace = run_trace(network, test::matrix_of(1, 1, {x}), test::matrix_of(1, 1, {t}), LossKind::bce);
    const std::vector<Kind> expected{
        kind("weighted_sum", 0),  kind("bias", 0),           kind("activation", 0),   kind("weighted_sum", 1), kind("bias", 1),
        kind("activation", 1),    kind("loss", -1),          kind("loss_gradient", 1), kind("bias_gradient", 1),
        kind("weight_gradient", 1), kind("input_gradient", 1), kind("activation_derivative", 0), kind("bias_gradient", 0),
        kind("weight_gradient", 0), kind("input_gradient", 0)};
    BOOST_TEST(kinds_of(trace) == expected, tt::per_element());
    BOOST_TEST_REQUIRE(trace.steps.size() == expected.size());
    const double z1 = w1 * x + b1, a1 = logistic(z1), z2 = w2 * a1 + b2, a2 = logistic(z2);
    BOOST_TEST(trace.steps[6].result.values.at(0) == -std::log(a2), tt::tolerance(1e-12));
    BOOST_TEST(trace.steps[7].result.values.at(0) == a2 - t, tt::tolerance(1e-12));
    BOOST_TEST(trace.steps[9].result.values.at(0) == (a2 - t) * a1, tt::tolerance(1e-12));
    BOOST_TEST(trace.steps[14].result.values.at(0) == (a2 - t) * w2 * a1 * (1 - a1) * w1, tt::tolerance(1e-12));
}

// Cross-entropy on a softmax output: like BCE, the loss hands over ∂L/∂z = (p − y)/n (y the one-hot
// label), so the output layer has no activation_derivative; each softmax unit's activation step
// shows the row's LSE(z), from which p_j = e^(z_j − LSE).
BOOST_AUTO_TEST_CASE(cross_entropy_traces_softmax_units) {
    LayerSpec output{3, test::make_activation("identity")};
    output.softmax = true;
    Network network = make_network(1, {output});
    const std::vector<double> w{0.5, -1.0, 2.0}, b{0.1, 0.2, -0.3};
    for (std::size_t j = 0; j < 3; ++j) {
        network.layers[0].weights(j, 0) = w[j];
        network.layers[0].biases[j] = b[j];
    }
    const double x = 0.7, label = 1;
    const Trace trace =
        run_trace(network, test::matrix_of(1, 1, {x}), test::matrix_of(1, 1, {label}), LossKind::cross_entropy);
    std::vector<Kind> expected;
    for (int j = 0; j < 3; ++j)
        for (const char* k : {"weighted_sum", "bias", "activation"}) expected.push_back(kind(k, 0));
    expected.push_back(kind("loss", -1));
    for (int j = 0; j < 3; ++j)
        for (const char* k : {"loss_gradient", "bias_gradient", "weight_gradient"}) expected.push_back(kind(k, 0));
    expected.push_back(kind("input_gradient", 0));
    BOOST_TEST(kinds_of(trace) == expected, tt::per_element());
    BOOST_TEST_REQUIRE(trace.steps.size() == expected.size());

    double z[3], sum = 0;
    for (std::size_t j = 0; j < 3; ++j) {
        z[j] = w[j] * x + b[j];
        sum += std::exp(z[j]);
    }
    double grad_x = 0;
    for (std::size_t j = 0; j < 3; ++j) {
        const double p = std::exp(z[j]) / sum, y = j == label ? 1.0 : 0.0;
        grad_x += (p - y) * w[j];
        const TraceStep& activation = trace.steps[3 * j + 2];
        BOOST_TEST(activation.result.values.at(0) == p, tt::tolerance(1e-14));
        BOOST_TEST(has_input_valued(activation, std::log(sum)));  // the log_sum_exp beside z_j
        const TraceStep& gradient = trace.steps[10 + 3 * j];
        BOOST_TEST(gradient.result.values.at(0) == p - y, tt::tolerance(1e-14));  // n = 1 example
        BOOST_TEST(gradient.inputs.at(1).name == "target");
        BOOST_TEST(gradient.inputs.at(1).values.at(0) == y);
        BOOST_TEST(trace.steps[12 + 3 * j].result.values.at(0) == (p - y) * x, tt::tolerance(1e-14));
    }
    BOOST_TEST(trace.steps[9].result.values.at(0) == std::log(sum) - z[1], tt::tolerance(1e-14));
    BOOST_TEST(trace.steps.back().result.values.at(0) == grad_x, tt::tolerance(1e-13));
}

// A PReLU layer adds an alpha_gradient step after its activation derivative: ∂L/∂α = ∂L/∂a · z for z ≤ 0.
BOOST_AUTO_TEST_CASE(prelu_adds_an_alpha_gradient_step) {
    Network network = tiny_network("identity", "prelu");
    const double alpha = network.layers[0].alpha.at(0);
    BOOST_TEST(alpha == 0.25);
    const double x = -2.0, t = 0.3;  // z₁ = 0.6·(−2) − 0.2 = −1.4 ≤ 0
    const Trace trace = run_trace(network, test::matrix_of(1, 1, {x}), test::matrix_of(1, 1, {t}), LossKind::mse);
    const double z1 = w1 * x + b1, a1 = alpha * z1, out = w2 * a1 + b2;
    const double grad_a1 = 2 * (out - t) * w2;
    std::size_t found = 0;
    for (std::size_t k = 0; k < trace.steps.size(); ++k) {
        if (trace.steps[k].kind != "alpha_gradient") continue;
        ++found;
        BOOST_TEST(trace.steps[k].layer == 0);
        BOOST_TEST(trace.steps[k - 1].kind == "activation_derivative");
        BOOST_TEST(trace.steps[k - 1].result.values.at(0) == grad_a1 * alpha, tt::tolerance(1e-12));
        BOOST_TEST(trace.steps[k].result.values.at(0) == grad_a1 * z1, tt::tolerance(1e-12));
    }
    BOOST_TEST(found == 1u);
}

// The activation step shows the activation's parameters beside z, per neuron and per layer:
// ELU's α and Softplus's β and threshold as set, Leaky ReLU's slope (ELU and Softplus showed none before).
BOOST_AUTO_TEST_CASE(activation_steps_show_the_activation_parameters) {
    const auto parameters_shown = [](const Trace& trace, int layer) {
        std::vector<std::pair<std::string, double>> shown;
        for (const auto& step : trace.steps)
            if (step.kind == "activation" && step.layer == layer)
                for (const auto& q : step.inputs)
                    if (q.name != "pre_activation") shown.emplace_back(q.name, q.values.at(0));
        return shown;
    };
    Network network = tiny_network("identity", "elu");
    network.layers[0].activation = test::with(network.layers[0].activation, "alpha", 1.5);
    const Matrix targets = test::matrix_of(1, 1, {0.3});
    const Trace neuron = run_trace(network, test::matrix_of(1, 1, {-2.0}), targets, LossKind::mse);
    BOOST_TEST((parameters_shown(neuron, 0) == std::vector<std::pair<std::string, double>>{{"alpha", 1.5}}));
    BOOST_TEST(parameters_shown(neuron, 1).empty());  // identity has none

    network.layers[0].activation = test::with(test::make_activation("softplus"), "threshold", 7.0);
    const Trace layer = run_trace(network, test::matrix_of(2, 1, {-2.0, 1.0}), test::matrix_of(2, 1, {0.3, 0.1}),
                                  LossKind::mse);
    BOOST_TEST((parameters_shown(layer, 0) == std::vector<std::pair<std::string, double>>{{"beta", 1.0}, {"threshold", 7.0}}));
}

// Neuron granularity: one example and a small network. A wide network falls back to layers.
BOOST_AUTO_TEST_CASE(wide_networks_are_traced_by_layer) {
    Network network = make_network(2, {LayerSpec{max_neuron_units + 1, test::make_activation("tanh")},
                                       LayerSpec{1, test::make_activation("sigmoid")}});
    const Trace trace = run_trace(network, test::matrix_of(1, 2, {0.1, 0.2}), test::matrix_of(1, 1, {1.0}), LossKind::mse);
    BOOST_TEST(trace.granularity == "layer");
    BOOST_TEST(trace.steps.size() == mse_sequence.size());
    Network small = make_network(2, {LayerSpec{3, test::make_activation("tanh")},
                                     LayerSpec{1, test::make_activation("sigmoid")}});
    const Trace by_neuron = run_trace(small, test::matrix_of(1, 2, {0.1, 0.2}), test::matrix_of(1, 1, {1.0}), LossKind::mse);
    BOOST_TEST(by_neuron.granularity == "neuron");
    // Forward: 3 steps per neuron (4 neurons) + loss. Backward: loss gradient; per neuron
    // ∂L/∂z, ∂L/∂b and one ∂L/∂w per input (3 + 3 + 3·4 + 1·5); ∂L/∂x per input of each layer (3 + 2).
    BOOST_TEST(by_neuron.steps.size() == 12u + 1u + 1u + (3u * 4u + 1u * 5u) + 5u);
}

BOOST_AUTO_TEST_SUITE_END()
