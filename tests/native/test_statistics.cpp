// Layer statistics on constructed cases whose answers are known: sparsity, dead units, saturation,
// population moments, gradient norms; and the article's initialisation claim on a deep ReLU net.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <vector>

#include "engine/backpropagation.hpp"
#include "engine/initialisation.hpp"
#include "engine/random.hpp"
#include "engine/statistics.hpp"
#include "test_support.hpp"

namespace tt = boost::test_tools;
using namespace actlab;

namespace {

// One layer with zero weights: every pre-activation is the unit's bias, whatever the inputs.
// For PReLU, `alpha` is the starting α.
Network bias_only_layer(std::size_t fan_in, const std::string& kind, const std::vector<double>& biases,
                        double alpha = 0.25) {
    Activation f = test::make_activation(kind);
    if (kind == "prelu") f = test::with(f, "alpha", alpha);
    LayerSpec spec{biases.size(), f, AlphaMode::shared};
    Network network = make_network(fan_in, {spec});
    network.layers[0].biases = biases;
    return network;
}

Matrix random_inputs(std::size_t rows, std::size_t cols, std::uint64_t seed) {
    Random random(seed);
    Matrix m(rows, cols);
    for (double& v : m.values) v = random.normal();
    return m;
}

LayerStatistics statistics_of(const Network& network, const Matrix& inputs, double threshold = default_saturation_threshold) {
    ForwardPass pass;
    forward(network, inputs, pass);
    return layer_statistics(network, pass, nullptr, threshold).at(0);
}

double population_std(const std::vector<double>& v) {
    double mean = 0, squares = 0;
    for (double x : v) mean += x;
    mean /= static_cast<double>(v.size());
    for (double x : v) squares += (x - mean) * (x - mean);
    return std::sqrt(squares / static_cast<double>(v.size()));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(statistics)

// ReLU with zero weights and negative biases: every output is 0 → 100% sparse, every unit dead.
BOOST_AUTO_TEST_CASE(relu_with_negative_biases_is_all_dead) {
    const std::vector<double> biases{-0.1, -1.0, -2.0, -0.5, -3.0};
    const Network network = bias_only_layer(4, "relu", biases);
    const LayerStatistics s = statistics_of(network, random_inputs(6, 4, 1));
    BOOST_TEST(s.sparsity_fraction == 1.0);
    BOOST_TEST(s.dead_units == 5u);
    BOOST_TEST(s.dead_unit_fraction == 1.0);
    BOOST_TEST(s.saturation_fraction == 0.0);
    BOOST_TEST(s.activation_mean == 0.0);
    BOOST_TEST(s.activation_std == 0.0);
    // z = b for all 6 examples: the moments of the biases (population std).
    BOOST_TEST(s.pre_activation_mean == -6.6 / 5, tt::tolerance(1e-12));
    BOOST_TEST(s.pre_activation_std == population_std(biases), tt::tolerance(1e-12));
    BOOST_TEST(s.pre_activation_std == std::sqrt((0.01 + 1 + 4 + 0.25 + 9) / 5 - 1.32 * 1.32), tt::tolerance(1e-12));
}

// Sigmoid fed z = ±50: σ' ≈ 2e-22 ≪ 5% of 1/4 and σ ≠ 0 → every pair saturated, none sparse.
BOOST_AUTO_TEST_CASE(sigmoid_at_plus_minus_fifty_is_saturated) {
    const Network network = bias_only_layer(2, "sigmoid", {50.0, -50.0, 50.0, -50.0});
    const LayerStatistics s = statistics_of(network, random_inputs(5, 2, 2));
    BOOST_TEST(s.saturation_fraction == 1.0);
    BOOST_TEST(s.sparsity_fraction == 0.0);
    BOOST_TEST(s.dead_units == 0u);
    BOOST_TEST(s.pre_activation_mean == 0.0, tt::tolerance(1e-12));
    BOOST_TEST(s.pre_activation_std == 50.0, tt::tolerance(1e-12));  // population: not 50·√(20/19)
    BOOST_TEST(s.activation_mean == 0.5, tt::tolerance(1e-12));
    BOOST_TEST(s.activation_std == 0.5, tt::tolerance(1e-12));
}

// tanh and ELU saturate too; at z = 0 nothing is saturated.
BOOST_AUTO_TEST_CASE(other_saturating_activations) {
    BOOST_TEST(statistics_of(bias_only_layer(1, "tanh", {20.0, -20.0}), random_inputs(3, 1, 3))
                   .saturation_fraction == 1.0);
    BOOST_TEST(statistics_of(bias_only_layer(1, "tanh", {0.0, 0.0}), random_inputs(3, 1, 3))
                   .saturation_fraction == 0.0);
    // ELU: only the negative side saturates (a = −1, f' = e^−30).
    const LayerStatistics elu = statistics_of(bias_only_layer(1, "elu", {-30.0, 30.0}), random_inputs(4, 1, 3));
    BOOST_TEST(elu.saturation_fraction == 0.5);
    BOOST_TEST(elu.sparsity_fraction == 0.0);
}

// ReLU never counts as saturated (its slope is 1 or 0, constant on each side), whatever z is.
BOOST_AUTO_TEST_CASE(relu_never_saturates) {
    const LayerStatistics s = statistics_of(bias_only_layer(3, "relu", {50.0, -50.0, 1e6, -1e-3}),
                                            random_inputs(4, 3, 4));
    BOOST_TEST(s.saturation_fraction == 0.0);
    BOOST_TEST(s.sparsity_fraction == 0.5);
    BOOST_TEST(s.dead_units == 2u);
    BOOST_TEST(s.dead_unit_fraction == 0.5);
}

// Leaky ReLU's negative side is slope·z ≠ 0: never sparse, never dead, never saturated.
BOOST_AUTO_TEST_CASE(leaky_relu_is_never_dead) {
    const LayerStatistics s = statistics_of(bias_only_layer(3, "leaky_relu", {-50.0, -1.0, -1e-3}),
                                            random_inputs(4, 3, 5));
    BOOST_TEST(s.sparsity_fraction == 0.0);
    BOOST_TEST(s.dead_units == 0u);
    BOOST_TEST(s.saturation_fraction == 0.0);
    // Activation moments of slope·b: mean 0.01·(−51.001)/3.
    BOOST_TEST(s.activation_mean == 0.01 * -51.001 / 3, tt::tolerance(1e-12));
    BOOST_TEST(s.activation_std == population_std({-0.5, -0.01, -1e-5}), tt::tolerance(1e-12));
    // PReLU with α = 0 is ReLU: its negative units are dead.
    const LayerStatistics zero_alpha =
        statistics_of(bias_only_layer(3, "prelu", {-2.0, 1.0}, 0.0), random_inputs(4, 3, 5));
    BOOST_TEST(zero_alpha.dead_units == 1u);
    BOOST_TEST(zero_alpha.sparsity_fraction == 0.5);
}

// A mixed case: unit 0 is always off, unit 1 off for one example of three.
BOOST_AUTO_TEST_CASE(partial_sparsity_and_moments) {
    Network network = make_network(1, {LayerSpec{2, test::make_activation("relu")}});
    network.layers[0].weights = test::matrix_of(2, 1, {0.0, 1.0});
    network.layers[0].biases = {-1.0, 0.0};
    const Matrix inputs = test::matrix_of(3, 1, {1.0, -1.0, 2.0});
    const LayerStatistics s = statistics_of(network, inputs);
    BOOST_TEST(s.sparsity_fraction == 4.0 / 6, tt::tolerance(1e-15));
    BOOST_TEST(s.dead_units == 1u);
    BOOST_TEST(s.dead_unit_fraction == 0.5);
    // z = {−1, 1; −1, −1; −1, 2}, a = {0, 1; 0, 0; 0, 2}.
    BOOST_TEST(s.pre_activation_mean == -1.0 / 6, tt::tolerance(1e-14));
    BOOST_TEST(s.pre_activation_std == population_std({-1, 1, -1, -1, -1, 2}), tt::tolerance(1e-14));
    BOOST_TEST(s.activation_mean == 0.5, tt::tolerance(1e-14));
    BOOST_TEST(s.activation_std == std::sqrt(5.0 / 6 - 0.25), tt::tolerance(1e-14));
}

// The threshold is relative to the peak derivative: σ'(3)/σ'(0) = 4σ(3)(1 − σ(3)) ≈ 0.1807.
BOOST_AUTO_TEST_CASE(saturation_threshold_is_relative_to_the_peak) {
    const double s3 = 1 / (1 + std::exp(-3.0)), ratio = 4 * s3 * (1 - s3);
    BOOST_TEST(ratio == 0.18071, tt::tolerance(1e-4));
    const Network network = bias_only_layer(1, "sigmoid", {3.0, -3.0});
    const Matrix inputs = random_inputs(2, 1, 6);
    BOOST_TEST(statistics_of(network, inputs).saturation_fraction == 0.0);  // default 0.05
    BOOST_TEST(statistics_of(network, inputs, ratio - 1e-3).saturation_fraction == 0.0);
    BOOST_TEST(statistics_of(network, inputs, ratio + 1e-3).saturation_fraction == 1.0);
    // tanh'(1.5) = 1 − tanh²(1.5) ≈ 0.1807 too (peak 1).
    const double t = std::tanh(1.5), tanh_ratio = 1 - t * t;
    const Network tanh_layer = bias_only_layer(1, "tanh", {1.5});
    BOOST_TEST(statistics_of(tanh_layer, inputs, tanh_ratio - 1e-3).saturation_fraction == 0.0);
    BOOST_TEST(statistics_of(tanh_layer, inputs, tanh_ratio + 1e-3).saturation_fraction == 1.0);
}

// ‖∂L/∂W‖ and ‖∂L/∂z‖ for z = w·x + b (identity), MSE over 3 examples: ∂L/∂z_r = 2(z_r − t_r)/3.
BOOST_AUTO_TEST_CASE(gradient_norms_in_closed_form) {
    Network network = make_network(2, {LayerSpec{1, test::make_activation("identity")}});
    network.layers[0].weights = test::matrix_of(1, 2, {0.5, -1.0});
    network.layers[0].biases = {0.25};
    const Matrix inputs = test::matrix_of(3, 2, {1.0, 2.0, -1.0, 0.5, 3.0, -2.0});
    const Matrix targets = test::matrix_of(3, 1, {0.0, 1.0, -1.0});
    ForwardPass pass;
    Gradients gradients;
    forward_backward(network, inputs, targets, LossKind::mse, pass, gradients);
    double delta[3], gw0 = 0, gw1 = 0, delta_squares = 0;
    for (int r = 0; r < 3; ++r) {
        const double z = 0.5 * inputs(r, 0) - 1.0 * inputs(r, 1) + 0.25;
        delta[r] = 2 * (z - targets(r, 0)) / 3;
        gw0 += delta[r] * inputs(r, 0);
        gw1 += delta[r] * inputs(r, 1);
        delta_squares += delta[r] * delta[r];
    }
    const auto with = layer_statistics(network, pass, &gradients);
    BOOST_TEST_REQUIRE(with.size() == 1u);
    BOOST_TEST(with[0].gradient_norm == std::sqrt(gw0 * gw0 + gw1 * gw1), tt::tolerance(1e-12));
    BOOST_TEST(with[0].grad_pre_activation_norm == std::sqrt(delta_squares), tt::tolerance(1e-12));
    const auto without = layer_statistics(network, pass, nullptr);
    BOOST_TEST(without[0].gradient_norm == 0.0);
    BOOST_TEST(without[0].grad_pre_activation_norm == 0.0);
}

// One entry per layer, in order.
BOOST_AUTO_TEST_CASE(one_entry_per_layer) {
    Network network = make_network(2, {LayerSpec{3, test::make_activation("relu")},
                                       LayerSpec{4, test::make_activation("sigmoid")}});
    network.layers[0].biases = {-1, -1, -1};                          // layer 0: all dead
    network.layers[1].biases = {60, -60, 60, -60};                    // layer 1: all saturated
    ForwardPass pass;
    forward(network, random_inputs(3, 2, 8), pass);
    const auto all = layer_statistics(network, pass, nullptr);
    BOOST_TEST_REQUIRE(all.size() == 2u);
    BOOST_TEST(all[0].dead_unit_fraction == 1.0);
    BOOST_TEST(all[0].saturation_fraction == 0.0);
    BOOST_TEST(all[1].dead_unit_fraction == 0.0);
    BOOST_TEST(all[1].saturation_fraction == 1.0);
}

// Kaiming/He initialisation keeps the activation variance of a deep ReLU network steady (within a
// factor 2 of the first layer's over 20 layers of 256); U(−0.01, 0.01) collapses it: each layer
// multiplies E[a²] by fan_in·Var(w)/2 = 256·(0.01²/3)/2 ≈ 0.0043.
BOOST_AUTO_TEST_CASE(kaiming_keeps_deep_relu_activations_alive) {
    const std::vector<LayerSpec> specs(20, LayerSpec{256, test::make_activation("relu")});
    Network network = make_network(256, specs);
    const Matrix inputs = random_inputs(128, 256, 9);
    ForwardPass pass;

    Initialisation kaiming;
    kaiming.scheme = InitScheme::kaiming_normal;
    kaiming.seed = 1;
    initialise(network, kaiming);
    forward(network, inputs, pass);
    auto stats = layer_statistics(network, pass, nullptr);
    BOOST_TEST_REQUIRE(stats.size() == 20u);
    const double first = stats[0].activation_std * stats[0].activation_std;
    BOOST_TEST(first > 0.1);
    for (std::size_t l = 1; l < 20; ++l) {
        const double variance = stats[l].activation_std * stats[l].activation_std;
        BOOST_TEST(variance / first > 0.5, "layer " << l << ": " << variance << " vs " << first);
        BOOST_TEST(variance / first < 2.0, "layer " << l << ": " << variance << " vs " << first);
    }

    Initialisation tiny;
    tiny.scheme = InitScheme::uniform;
    tiny.scale = 0.01;
    tiny.seed = 1;
    initialise(network, tiny);
    forward(network, inputs, pass);
    stats = layer_statistics(network, pass, nullptr);
    const double tiny_first = stats[0].activation_std * stats[0].activation_std;
    const double tiny_last = stats[19].activation_std * stats[19].activation_std;
    BOOST_TEST(tiny_first > 0.0);
    BOOST_TEST(tiny_last < 1e-6 * tiny_first);
}

// Histogram: equal bins over [low, high]; values outside go to the end bins, counts sum to the size.
BOOST_AUTO_TEST_CASE(histogram_counts) {
    const std::vector<double> values{0.0, 0.1, 0.25, 0.3, 0.5, 0.74, 0.99, 1.0, -5.0, 7.0};
    const std::vector<std::size_t> counts = histogram(values, 4, 0.0, 1.0);
    // [0, .25): 0, 0.1, −5 │ [.25, .5): 0.25, 0.3 │ [.5, .75): 0.5, 0.74 │ [.75, 1]: 0.99, 1.0, 7
    BOOST_TEST(counts == (std::vector<std::size_t>{3, 2, 2, 3}), tt::per_element());
    const std::vector<std::size_t> shifted = histogram({-3.0, -1.0, -0.5, 0.5, 2.9}, 3, -3.0, 3.0);
    BOOST_TEST(shifted == (std::vector<std::size_t>{1, 3, 1}), tt::per_element());
    // Many values: the counts always sum to the number of values.
    Random random(12);
    std::vector<double> many(10000);
    for (double& v : many) v = random.normal(0.0, 2.0);
    const std::vector<std::size_t> bins = histogram(many, 20, -1.0, 1.0);
    std::size_t total = 0;
    for (std::size_t c : bins) total += c;
    BOOST_TEST(total == many.size());
    BOOST_TEST(bins.front() > bins[1]);  // the tail below −1 lands in the first bin
    BOOST_TEST(histogram({}, 5, 0.0, 1.0) == (std::vector<std::size_t>(5, 0)), tt::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
