// Initialisation and the random generator: statistics of large samples against the formulas,
// reproducibility from a seed, and the generator against a reference xoshiro256** written here.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "engine/initialisation.hpp"
#include "engine/random.hpp"
#include "test_support.hpp"

namespace bdata = boost::unit_test::data;
namespace tt = boost::test_tools;
using namespace actlab;

namespace {

struct Moments {
    double mean = 0, variance = 0, skewness = 0, kurtosis = 0, min = 0, max = 0;
};

Moments moments_of(const std::vector<double>& values) {
    Moments m;
    const double n = static_cast<double>(values.size());
    for (double v : values) m.mean += v;
    m.mean /= n;
    double m2 = 0, m3 = 0, m4 = 0;
    for (double v : values) {
        const double d = v - m.mean;
        m2 += d * d;
        m3 += d * d * d;
        m4 += d * d * d * d;
    }
    m2 /= n;
    m3 /= n;
    m4 /= n;
    m.variance = m2;
    m.skewness = m3 / std::pow(m2, 1.5);
    m.kurtosis = m4 / (m2 * m2);
    m.min = *std::min_element(values.begin(), values.end());
    m.max = *std::max_element(values.begin(), values.end());
    return m;
}

Network single_layer(std::size_t fan_in, std::size_t units, const std::string& kind = "relu") {
    return make_network(fan_in, {LayerSpec{units, test::make_activation(kind)}});
}

Initialisation scheme(InitScheme s, std::uint64_t seed = 42) {
    Initialisation init;
    init.scheme = s;
    init.seed = seed;
    return init;
}

// The expected weight distribution of one scheme on one layer.
struct Expected {
    double variance;
    double bound;  // |w| ≤ bound for the uniform schemes; 0 for normal ones
};

struct SchemeCase {
    std::string name;
    InitScheme scheme;
    std::string activation;
    std::size_t fan_in, units;
    Expected expected;
};

std::ostream& operator<<(std::ostream& out, const SchemeCase& c) { return out << c.name; }

std::vector<SchemeCase> scheme_cases() {
    const double relu_gain2 = 2.0, tanh_gain2 = 25.0 / 9.0;
    const double leaky_gain2 = 2.0 / (1.0 + 0.01 * 0.01);
    return {
        // Kaiming normal, ReLU, 512 × 512: Var = 2/512.
        {"kaiming_normal_relu_512x512", InitScheme::kaiming_normal, "relu", 512, 512, {2.0 / 512, 0}},
        {"kaiming_normal_tanh_400x300", InitScheme::kaiming_normal, "tanh", 400, 300, {tanh_gain2 / 400, 0}},
        {"kaiming_normal_leaky_256x512", InitScheme::kaiming_normal, "leaky_relu", 256, 512,
         {leaky_gain2 / 256, 0}},
        {"kaiming_normal_sigmoid_300x400", InitScheme::kaiming_normal, "sigmoid", 300, 400, {1.0 / 300, 0}},
        // Kaiming uniform: U(−b, b), b = gain·√(3/fan_in): Var = b²/3 = gain²/fan_in.
        {"kaiming_uniform_relu_512x512", InitScheme::kaiming_uniform, "relu", 512, 512,
         {relu_gain2 / 512, std::sqrt(2.0) * std::sqrt(3.0 / 512)}},
        {"kaiming_uniform_tanh_300x400", InitScheme::kaiming_uniform, "tanh", 300, 400,
         {tanh_gain2 / 300, (5.0 / 3.0) * std::sqrt(3.0 / 300)}},
        // Xavier: fan_out = units. Var = 2/(fan_in + fan_out); uniform bound √(6/(fan_in + fan_out)).
        {"xavier_uniform_512x256", InitScheme::xavier_uniform, "tanh", 512, 256,
         {2.0 / 768, std::sqrt(6.0 / 768)}},
        {"xavier_normal_256x768", InitScheme::xavier_normal, "sigmoid", 256, 768, {2.0 / 1024, 0}},
    };
}

// The published algorithms, transcribed here from their reference C (Vigna): SplitMix64 expands
// the seed into xoshiro256**'s four words of state.
struct ReferenceXoshiro {
    std::uint64_t s[4];
    explicit ReferenceXoshiro(std::uint64_t seed) {
        for (auto& word : s) {
            std::uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            word = z ^ (z >> 31);
        }
    }
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t next() {
        const std::uint64_t result = rotl(s[1] * 5, 7) * 9;
        const std::uint64_t t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = rotl(s[3], 45);
        return result;
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(initialisation)

// Mean ~0 (within 5 standard errors), variance within 3% of the formula, uniform schemes inside
// their bound and reaching close to it.
BOOST_DATA_TEST_CASE(weight_statistics_follow_the_formula, bdata::make(scheme_cases()), c) {
    Network network = single_layer(c.fan_in, c.units, c.activation);
    initialise(network, scheme(c.scheme, 7));
    const std::vector<double>& w = network.layers[0].weights.values;
    BOOST_TEST_REQUIRE(w.size() == c.fan_in * c.units);
    const Moments m = moments_of(w);
    const double n = static_cast<double>(w.size());
    BOOST_TEST(std::fabs(m.mean) < 5 * std::sqrt(c.expected.variance / n));
    BOOST_TEST(m.variance == c.expected.variance, tt::tolerance(0.03));
    if (c.expected.bound > 0) {
        BOOST_TEST(m.max <= c.expected.bound);
        BOOST_TEST(m.min >= -c.expected.bound);
        BOOST_TEST(m.max > 0.999 * c.expected.bound);
        BOOST_TEST(m.min < -0.999 * c.expected.bound);
        BOOST_TEST(m.kurtosis == 1.8, tt::tolerance(0.02));  // uniform: 9/5
    } else {
        BOOST_TEST(m.kurtosis == 3.0, tt::tolerance(0.03));  // normal
        BOOST_TEST(std::fabs(m.skewness) < 0.03);
    }
}

BOOST_AUTO_TEST_CASE(uniform_and_normal_use_the_scale) {
    Network network = single_layer(400, 500);
    Initialisation init = scheme(InitScheme::uniform, 3);
    init.scale = 0.3;
    initialise(network, init);
    Moments m = moments_of(network.layers[0].weights.values);
    BOOST_TEST(m.variance == 0.09 / 3, tt::tolerance(0.03));
    BOOST_TEST(m.max <= 0.3);
    BOOST_TEST(m.min >= -0.3);
    BOOST_TEST(m.max > 0.299);
    init.scheme = InitScheme::normal;
    init.scale = 0.05;
    initialise(network, init);
    m = moments_of(network.layers[0].weights.values);
    BOOST_TEST(m.variance == 0.0025, tt::tolerance(0.03));
    BOOST_TEST(std::fabs(m.mean) < 5 * 0.05 / std::sqrt(200000.0));
}

BOOST_AUTO_TEST_CASE(zeros_constant_and_bias) {
    Network network = make_network(3, {LayerSpec{4, test::make_activation("tanh")},
                                       LayerSpec{2, test::make_activation("sigmoid")}});
    Initialisation init = scheme(InitScheme::constant);
    init.value = 0.7;
    init.bias = -0.25;
    initialise(network, init);
    for (const auto& layer : network.layers) {
        for (double w : layer.weights.values) BOOST_TEST(w == 0.7);
        for (double b : layer.biases) BOOST_TEST(b == -0.25);
    }
    init.scheme = InitScheme::zeros;
    init.bias = 0.0;
    initialise(network, init);
    for (const auto& layer : network.layers) {
        for (double w : layer.weights.values) BOOST_TEST(w == 0.0);
        for (double b : layer.biases) BOOST_TEST(b == 0.0);
    }
    // Random schemes set the biases to `bias` too (every bias starts there).
    init.scheme = InitScheme::kaiming_normal;
    init.bias = 0.1;
    initialise(network, init);
    for (const auto& layer : network.layers)
        for (double b : layer.biases) BOOST_TEST(b == 0.1);
}

// PyTorch's calculate_gain, from its documentation table.
BOOST_AUTO_TEST_CASE(kaiming_gains) {
    const auto gain = [](const std::string& kind, double slope_or_alpha = 0.01) {
        Activation f = test::make_activation(kind);
        if (kind == "leaky_relu") f = test::with(f, "slope", slope_or_alpha);
        if (kind == "prelu") f = test::with(f, "alpha", slope_or_alpha);
        LayerSpec spec{3, f, AlphaMode::shared};
        return kaiming_gain(make_network(2, {spec}).layers[0]);
    };
    BOOST_TEST(gain("relu") == std::sqrt(2.0), tt::tolerance(1e-15));
    BOOST_TEST(gain("leaky_relu", 0.01) == std::sqrt(2.0 / 1.0001), tt::tolerance(1e-15));
    BOOST_TEST(gain("leaky_relu", 0.2) == std::sqrt(2.0 / 1.04), tt::tolerance(1e-15));
    BOOST_TEST(gain("prelu", 0.25) == std::sqrt(2.0 / 1.0625), tt::tolerance(1e-15));
    BOOST_TEST(gain("tanh") == 5.0 / 3.0, tt::tolerance(1e-15));
    BOOST_TEST(gain("sigmoid") == 1.0);
    BOOST_TEST(gain("identity") == 1.0);
    for (std::string kind : {"elu", "gelu", "silu", "softplus"})
        BOOST_TEST(gain(kind) == std::sqrt(2.0), tt::tolerance(1e-15));
}

BOOST_AUTO_TEST_CASE(same_seed_same_weights_different_seed_different) {
    const std::vector<LayerSpec> specs{LayerSpec{8, test::make_activation("relu")},
                                       LayerSpec{8, test::make_activation("relu")}};
    for (InitScheme s : {InitScheme::uniform, InitScheme::normal, InitScheme::xavier_uniform, InitScheme::xavier_normal,
                         InitScheme::kaiming_uniform, InitScheme::kaiming_normal}) {
        BOOST_TEST_CONTEXT(init_scheme_name(s)) {
            Network a = make_network(8, specs), b = make_network(8, specs), c = make_network(8, specs);
            initialise(a, scheme(s, 123));
            initialise(b, scheme(s, 123));
            initialise(c, scheme(s, 124));
            BOOST_TEST(a.layers[0].weights.values == b.layers[0].weights.values);
            BOOST_TEST(a.layers[1].weights.values == b.layers[1].weights.values);
            std::size_t equal = 0;
            for (std::size_t k = 0; k < 64; ++k) equal += a.layers[0].weights.values[k] == c.layers[0].weights.values[k];
            BOOST_TEST(equal == 0u);
            // One generator across the layers: the second layer does not repeat the first.
            BOOST_TEST(a.layers[0].weights.values != a.layers[1].weights.values);
            // Re-initialising the same network with the same seed gives the same weights again.
            const std::vector<double> first = a.layers[1].weights.values;
            initialise(a, scheme(s, 999));
            initialise(a, scheme(s, 123));
            BOOST_TEST(a.layers[1].weights.values == first);
        }
    }
}

// "Layer by layer, each weight matrix row by row, from one generator": the uniform scheme's
// weights are the generator's uniform(−s, s) draws in that order.
BOOST_AUTO_TEST_CASE(draw_order_is_layer_by_layer_row_by_row) {
    Network network = make_network(3, {LayerSpec{2, test::make_activation("relu")},
                                       LayerSpec{4, test::make_activation("relu")}});
    Initialisation init = scheme(InitScheme::uniform, 2024);
    init.scale = 0.5;
    initialise(network, init);
    ReferenceXoshiro reference(2024);
    for (const auto& layer : network.layers)
        for (std::size_t j = 0; j < layer.units; ++j)
            for (std::size_t i = 0; i < layer.fan_in; ++i) {
                const double u = static_cast<double>(reference.next() >> 11) * 0x1.0p-53;
                BOOST_TEST(layer.weights(j, i) == -0.5 + u, tt::tolerance(1e-14));
            }
}

// xoshiro256** seeded through SplitMix64: the same 64-bit stream as the reference transcription,
// which is what makes native and WebAssembly weights identical.
BOOST_AUTO_TEST_CASE(random_matches_reference_xoshiro256starstar) {
    // SplitMix64's first output for seed 0 is the published 0xe220a8397b1dcdaf.
    ReferenceXoshiro zero(0);
    BOOST_TEST(zero.s[0] == 0xe220a8397b1dcdafULL);
    for (std::uint64_t seed : {0ULL, 1ULL, 42ULL, 0xffffffffffffffffULL}) {
        Random random(seed);
        ReferenceXoshiro reference(seed);
        int mismatches = 0;
        for (int k = 0; k < 1000; ++k) mismatches += random.next_u64() != reference.next();
        BOOST_TEST(mismatches == 0, "seed " << seed);
    }
}

BOOST_AUTO_TEST_CASE(uniform_is_in_the_half_open_unit_interval) {
    Random random(5);
    std::vector<double> values(1000000);
    for (double& v : values) v = random.uniform();
    const Moments m = moments_of(values);
    BOOST_TEST(m.min >= 0.0);
    BOOST_TEST(m.max < 1.0);
    BOOST_TEST(std::fabs(m.mean - 0.5) < 5 * std::sqrt(1.0 / 12 / 1e6));
    BOOST_TEST(m.variance == 1.0 / 12, tt::tolerance(0.01));
    // Ten equal bins, each within 5 standard deviations of 1e5.
    std::vector<int> bins(10, 0);
    for (double v : values) ++bins[static_cast<std::size_t>(v * 10)];
    for (int count : bins) BOOST_TEST(std::abs(count - 100000) < 5 * 300);
    // uniform(low, high) lands in [low, high).
    int outside = 0;
    for (int k = 0; k < 100000; ++k) {
        const double v = random.uniform(-2.0, 3.0);
        outside += !(v >= -2.0 && v < 3.0);
    }
    BOOST_TEST(outside == 0);
}

BOOST_AUTO_TEST_CASE(normal_has_standard_moments) {
    Random random(11);
    std::vector<double> values(1000000);
    for (double& v : values) v = random.normal();
    const Moments m = moments_of(values);
    BOOST_TEST(std::fabs(m.mean) < 5e-3);  // 5 standard errors of 1e-3
    BOOST_TEST(m.variance == 1.0, tt::tolerance(0.01));
    BOOST_TEST(std::fabs(m.skewness) < 0.015);
    BOOST_TEST(m.kurtosis == 3.0, tt::tolerance(0.01));
    // P(|z| > 2) = 0.0455.
    const auto beyond_two = std::count_if(values.begin(), values.end(), [](double v) { return std::fabs(v) > 2; });
    BOOST_TEST(beyond_two / 1e6 == 0.0455, tt::tolerance(0.03));
    // normal(mean, std) shifts and scales.
    std::vector<double> shifted(200000);
    for (double& v : shifted) v = random.normal(3.0, 0.5);
    const Moments s = moments_of(shifted);
    BOOST_TEST(s.mean == 3.0, tt::tolerance(0.002));
    BOOST_TEST(s.variance == 0.25, tt::tolerance(0.02));
    BOOST_TEST(std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); }));
}

BOOST_AUTO_TEST_CASE(below_is_uniform_on_the_integers) {
    Random random(17);
    std::vector<int> counts(7, 0);
    int outside = 0;
    for (int k = 0; k < 700000; ++k) {
        const std::uint64_t v = random.below(7);
        if (v < 7u) ++counts[v];
        else ++outside;
    }
    BOOST_TEST(outside == 0);
    for (int count : counts) BOOST_TEST(std::abs(count - 100000) < 5 * 320);
    BOOST_TEST(random.below(1) == 0u);
}

BOOST_AUTO_TEST_CASE(scheme_names_round_trip) {
    for (const std::string name : {"zeros", "constant", "uniform", "normal", "xavier_uniform", "xavier_normal",
                                   "kaiming_uniform", "kaiming_normal"}) {
        const auto parsed = parse_init_scheme(name);
        BOOST_TEST_REQUIRE(parsed.has_value(), name);
        BOOST_TEST(std::string(init_scheme_name(*parsed)) == name);
    }
    BOOST_TEST(!parse_init_scheme("he").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
