// Activations: values and local derivatives against PyTorch autograd (activations.json) and
// against closed forms; the PyTorch conventions at the kinks; the peak-derivative constants.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace bdata = boost::unit_test::data;
namespace tt = boost::test_tools;
using namespace actlab;
using actlab::test::close_enough;
using actlab::test::make_activation;

namespace {

// Every entry of activations.json ("leaky_relu_0.2", "softplus_1_20", …).
std::vector<std::string> fixture_activation_names() {
    std::vector<std::string> names;
    for (const auto& entry : test::fixture("activations.json").at("activations"))
        names.push_back(entry.at("name").get<std::string>());
    return names;
}

Activation with_slope(double slope) { return test::with(make_activation("leaky_relu"), "slope", slope); }

// Golden-section search for the maximum of a unimodal function on [low, high].
double maximum_of(const std::function<double(double)>& g, double low, double high) {
    const double ratio = (std::sqrt(5.0) - 1.0) / 2.0;
    double a = low, b = high;
    for (int k = 0; k < 200; ++k) {
        const double c = b - ratio * (b - a), d = a + ratio * (b - a);
        if (g(c) > g(d)) b = d;
        else a = c;
    }
    return g(0.5 * (a + b));
}

double logistic(double z) { return 1.0 / (1.0 + std::exp(-z)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(activations)

// Every point of activations.json: f(x), f'(x) (from the engine's f(x), as the backward pass uses
// it) and, for PReLU, ∂f/∂α. The floor is tiny here: the fixture is exact enough that even the
// subnormal and 1e-300 points are compared relatively. One exception: σ' = a(1 − a) and
// tanh' = 1 − a² are read off the output (PyTorch does the same), so they are only accurate to
// a few ulps of 1 in absolute terms: one ulp of difference between glibc's tanh and PyTorch's
// becomes 2e-17 in 1 − a². Their derivative floor is 1e-15.
namespace {
void check_activation_fixture(const std::string& name) {
    const auto& entry = test::find_named(test::fixture("activations.json").at("activations"), name);
    const Activation f = test::activation_from_json(entry);
    const bool from_output = activation_name(f) == "sigmoid" || activation_name(f) == "tanh";
    const double derivative_floor = from_output ? 1e-15 : 1e-300;
    BOOST_TEST_REQUIRE(entry.at("points").size() >= 60u);
    for (const auto& point : entry.at("points")) {
        const double x = point.at("x").get<double>();
        const double value = activate(f, x);
        const double derivative = local_derivative(f, x, value);
        BOOST_TEST(close_enough(value, point.at("value").get<double>(), 1e-10, 1e-300), name << " f(" << x << ")");
        BOOST_TEST(close_enough(derivative, point.at("derivative").get<double>(), 1e-10, derivative_floor),
                   name << " f'(" << x << ")");
        if (learned_parameter(f))
            BOOST_TEST(close_enough(learned_derivative(f, x), point.at("derivative_alpha").get<double>(), 1e-10,
                                    1e-300),
                       name << " df/dalpha(" << x << ")");
    }
}
}  // namespace

// A new activation comes with its PyTorch fixture: every activation of the catalogue has one.
BOOST_AUTO_TEST_CASE(every_activation_has_a_pytorch_fixture) {
    for (std::string_view name : activation_names()) {
        bool found = false;
        for (const auto& entry : test::fixture("activations.json").at("activations"))
            found = found || entry.at("kind").get<std::string>() == name;
        BOOST_TEST(found, name);
    }
}

BOOST_DATA_TEST_CASE(match_pytorch_autograd, bdata::make(fixture_activation_names()), name) {
    check_activation_fixture(name);
}

// The row-at-a-time overloads (what the dense layer uses) against the same fixture: PReLU's α read
// with step 0 (shared), step 1 (one per value) and absent (the default 0.25).
BOOST_DATA_TEST_CASE(row_overloads_match_pytorch_autograd, bdata::make(fixture_activation_names()), name) {
    const auto& entry = test::find_named(test::fixture("activations.json").at("activations"), std::string(name));
    const Activation f = test::activation_from_json(entry);
    const bool from_output = activation_name(f) == "sigmoid" || activation_name(f) == "tanh";
    std::vector<double> x, value, derivative;
    for (const auto& point : entry.at("points")) {
        x.push_back(point.at("x").get<double>());
        value.push_back(point.at("value").get<double>());
        derivative.push_back(point.at("derivative").get<double>());
    }
    const std::size_t n = x.size();
    const double shared_alpha = 0.25;
    const std::vector<double> per_value_alpha(n, 0.25);
    for (int mode = 0; mode < 3; ++mode) {
        const double* alpha = mode == 0 ? nullptr : mode == 1 ? &shared_alpha : per_value_alpha.data();
        const std::size_t step = mode == 2 ? 1 : 0;
        std::vector<double> a(n), d(n);
        activate(f, x.data(), a.data(), n, alpha, step);
        local_derivative(f, x.data(), a.data(), d.data(), n, alpha, step);
        std::size_t wrong = 0;
        for (std::size_t k = 0; k < n; ++k) {
            const bool ok = close_enough(a[k], value[k], 1e-10, 1e-300) &&
                            close_enough(d[k], derivative[k], 1e-10, from_output ? 1e-15 : 1e-300);
            if (!ok) BOOST_TEST_MESSAGE(name << " mode " << mode << " x = " << x[k] << ": " << a[k] << ", " << d[k]);
            wrong += !ok;
        }
        BOOST_TEST(wrong == 0u, "alpha mode " << mode);
    }
}

// PyTorch's conventions at exactly 0 (seed/DIGEST.md) and the smooth activations' f'(0).
BOOST_AUTO_TEST_CASE(derivative_at_zero_follows_pytorch) {
    const auto at_zero = [](const Activation& f) { return local_derivative(f, 0.0, activate(f, 0.0)); };
    BOOST_TEST(at_zero(make_activation("relu")) == 0.0);
    BOOST_TEST(at_zero(with_slope(0.01)) == 0.01);
    BOOST_TEST(at_zero(with_slope(0.2)) == 0.2);
    BOOST_TEST(at_zero(make_activation("prelu")) == 0.25);
    BOOST_TEST(at_zero(test::with(make_activation("prelu"), "alpha", 0.7)) == 0.7);
    BOOST_TEST(at_zero(make_activation("elu")) == 1.0);
    BOOST_TEST(at_zero(make_activation("identity")) == 1.0);
    BOOST_TEST(at_zero(make_activation("sigmoid")) == 0.25);
    BOOST_TEST(at_zero(make_activation("tanh")) == 1.0);
    BOOST_TEST(at_zero(make_activation("gelu")) == 0.5);
    BOOST_TEST(at_zero(make_activation("silu")) == 0.5);
    BOOST_TEST(at_zero(make_activation("softplus")) == 0.5);
    // And the values there.
    BOOST_TEST(activate(make_activation("sigmoid"), 0.0) == 0.5);
    BOOST_TEST(activate(make_activation("softplus"), 0.0) == std::log(2.0), tt::tolerance(1e-15));
    BOOST_TEST(activate(make_activation("relu"), 0.0) == 0.0);
    BOOST_TEST(activate(make_activation("elu"), 0.0) == 0.0);
}

// Near 0 every smooth activation is f(0) + f'(0)·x to double precision; these only hold if the
// implementation avoids cancellation (expm1 for ELU, erfc for GELU).
BOOST_AUTO_TEST_CASE(tiny_inputs_keep_full_relative_precision) {
    for (double x : {1e-300, -1e-300, 1e-200, -1e-200, 1e-20, -1e-20}) {
        BOOST_TEST_CONTEXT("x = " << x) {
            BOOST_TEST(activate(make_activation("identity"), x) == x);
            BOOST_TEST(activate(make_activation("relu"), x) == (x > 0 ? x : 0.0));
            BOOST_TEST(activate(with_slope(0.01), x) == (x > 0 ? x : 0.01 * x), tt::tolerance(1e-15));
            BOOST_TEST(activate(test::with(make_activation("prelu"), "alpha", 0.3), x) == (x > 0 ? x : 0.3 * x),
                       tt::tolerance(1e-15));
            BOOST_TEST(activate(make_activation("elu"), x) == x, tt::tolerance(1e-15));
            BOOST_TEST(activate(make_activation("tanh"), x) == x, tt::tolerance(1e-15));
            BOOST_TEST(activate(make_activation("gelu"), x) == 0.5 * x, tt::tolerance(1e-15));
            BOOST_TEST(activate(make_activation("silu"), x) == 0.5 * x, tt::tolerance(1e-15));
            BOOST_TEST(activate(make_activation("sigmoid"), x) == 0.5, tt::tolerance(1e-15));
            BOOST_TEST(activate(make_activation("softplus"), x) == std::log(2.0),
                       tt::tolerance(1e-15));
        }
    }
    // ELU at −1e-8: α·expm1(x) = x + x²/2, where α·(e^x − 1) would lose half the digits.
    const double x = -1e-8;
    BOOST_TEST(activate(make_activation("elu"), x) == x + x * x / 2, tt::tolerance(1e-15));
}

// Closed forms away from 0, with non-default constants.
BOOST_AUTO_TEST_CASE(closed_forms_with_parameters) {
    BOOST_TEST(activate(with_slope(0.2), -2.0) == -0.4, tt::tolerance(1e-15));
    BOOST_TEST(local_derivative(with_slope(0.2), -2.0, -0.4) == 0.2);
    BOOST_TEST(local_derivative(with_slope(0.2), 2.0, 2.0) == 1.0);
    const Activation prelu = test::with(make_activation("prelu"), "alpha", 0.5);
    BOOST_TEST(activate(prelu, -2.0) == -1.0);
    BOOST_TEST(local_derivative(prelu, -2.0, -1.0) == 0.5);
    BOOST_TEST(learned_derivative(prelu, -2.0) == -2.0);
    BOOST_TEST(learned_derivative(prelu, 0.0) == 0.0);
    BOOST_TEST(learned_derivative(prelu, 3.0) == 0.0);

    const Activation elu = test::with(make_activation("elu"), "alpha", 1.5);
    BOOST_TEST(activate(elu, -1.0) == 1.5 * (std::exp(-1.0) - 1.0), tt::tolerance(1e-14));
    BOOST_TEST(local_derivative(elu, -1.0, activate(elu, -1.0)) == 1.5 * std::exp(-1.0), tt::tolerance(1e-14));
    BOOST_TEST(activate(elu, -1e6) == -1.5);
    BOOST_TEST(activate(elu, 2.5) == 2.5);

    const Activation softplus = test::with(test::with(make_activation("softplus"), "beta", 2.0), "threshold", 10.0);
    BOOST_TEST(activate(softplus, 1.0) == std::log(1.0 + std::exp(2.0)) / 2.0, tt::tolerance(1e-14));
    BOOST_TEST(local_derivative(softplus, 1.0, activate(softplus, 1.0)) == logistic(2.0), tt::tolerance(1e-14));
    BOOST_TEST(activate(softplus, 6.0) == 6.0);  // βz = 12 > threshold: linear, exactly z
    BOOST_TEST(local_derivative(softplus, 6.0, 6.0) == 1.0);
    BOOST_TEST(activate(softplus, 5.0) == std::log(1.0 + std::exp(10.0)) / 2.0, tt::tolerance(1e-14));  // βz = 10: not past it

    for (double z : {-4.0, -1.3, 0.7, 2.0, 5.5}) {
        BOOST_TEST_CONTEXT("z = " << z) {
            const double s = logistic(z);
            BOOST_TEST(activate(make_activation("sigmoid"), z) == s, tt::tolerance(1e-14));
            BOOST_TEST(activate(make_activation("silu"), z) == z * s, tt::tolerance(1e-14));
            BOOST_TEST(local_derivative(make_activation("silu"), z, z * s) == s * (1 + z * (1 - s)),
                       tt::tolerance(1e-13));
            const double phi = std::exp(-z * z / 2) / std::sqrt(2 * M_PI);
            const double cdf = 0.5 * (1 + std::erf(z / std::sqrt(2.0)));
            BOOST_TEST(activate(make_activation("gelu"), z) == z * cdf, tt::tolerance(1e-12));
            BOOST_TEST(local_derivative(make_activation("gelu"), z, z * cdf) == cdf + z * phi,
                       tt::tolerance(1e-12));
        }
    }
}

// tanh(z) = (e^z − e^−z)/(e^z + e^−z) = 2σ(2z) − 1; the article's (1 − e^−z)/(1 + e^−z) is tanh(z/2).
BOOST_AUTO_TEST_CASE(tanh_is_the_correct_formula_not_the_articles) {
    const Activation tanh_f = make_activation("tanh");
    for (double z : {-3.0, -0.8, 0.25, 1.0, 2.5}) {
        BOOST_TEST_CONTEXT("z = " << z) {
            const double correct = (std::exp(z) - std::exp(-z)) / (std::exp(z) + std::exp(-z));
            BOOST_TEST(activate(tanh_f, z) == correct, tt::tolerance(1e-13));
            BOOST_TEST(activate(tanh_f, z) == 2 * logistic(2 * z) - 1, tt::tolerance(1e-13));
            const double articles = (1 - std::exp(-z)) / (1 + std::exp(-z));
            BOOST_TEST(activate(tanh_f, z / 2) == articles, tt::tolerance(1e-13));
            BOOST_TEST(std::fabs(activate(tanh_f, z) - articles) > 1e-3);  // not the same function
        }
    }
}

// σ' and tanh' are read off the activation a, as PyTorch's backward does: z is not consulted.
BOOST_AUTO_TEST_CASE(sigmoid_and_tanh_derivatives_come_from_the_output) {
    BOOST_TEST(local_derivative(make_activation("sigmoid"), 123.0, 0.3) == 0.3 * 0.7,
               tt::tolerance(1e-15));
    BOOST_TEST(local_derivative(make_activation("tanh"), -9.0, 0.6) == 1 - 0.36, tt::tolerance(1e-15));
}

// σ' ≤ 1/4 with the maximum at 0, tanh' ≤ 1: the article's vanishing-gradient bound.
BOOST_AUTO_TEST_CASE(sigmoid_derivative_is_at_most_a_quarter) {
    const Activation sigmoid = make_activation("sigmoid");
    double largest = 0;
    for (double z = -20; z <= 20; z += 0.001) largest = std::fmax(largest, local_derivative(sigmoid, z, activate(sigmoid, z)));
    BOOST_TEST(largest <= 0.25);
    BOOST_TEST(largest == 0.25, tt::tolerance(1e-6));
    BOOST_TEST(peak_derivative(sigmoid) == 0.25);
    BOOST_TEST(peak_derivative(make_activation("tanh")) == 1.0);
}

// The peak constants of SiLU' and GELU' re-found by searching our own closed forms.
BOOST_AUTO_TEST_CASE(peak_derivatives_of_silu_and_gelu_by_search) {
    const double silu_peak = maximum_of(
        [](double z) {
            const double s = logistic(z);
            return s * (1 + z * (1 - s));
        },
        0.0, 5.0);
    const double gelu_peak = maximum_of(
        [](double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)) + z * std::exp(-z * z / 2) / std::sqrt(2 * M_PI); },
        0.0, 5.0);
    // Reference value (mpmath, 30 digits): 1.09983932012886691695818 at z = 2.39935728051546766783.
    BOOST_TEST(silu_peak == 1.0998393201288669, tt::tolerance(1e-14));
    // The engine's constant must be the supremum to double precision: it is the scale of the
    // saturation statistic, and peak_derivative_bounds_every_sample relies on it being an upper bound.
    BOOST_TEST(peak_derivative(make_activation("silu")) == silu_peak, tt::tolerance(1e-11));
    BOOST_TEST(peak_derivative(make_activation("gelu")) == gelu_peak, tt::tolerance(1e-12));
    // The GELU peak sits at √2: φ(z)(2 − z²) = 0.
    const double at_root2 = 0.5 * std::erfc(-1.0) + std::sqrt(2.0) * std::exp(-1.0) / std::sqrt(2 * M_PI);
    BOOST_TEST(gelu_peak == at_root2, tt::tolerance(1e-12));
}

// peak_derivative is sup |f'| for every kind: no sample exceeds it, and some sample comes close.
BOOST_DATA_TEST_CASE(peak_derivative_bounds_every_sample, bdata::make(test::all_activations()), kind) {
    for (double parameter : {0.25, 1.5}) {
        Activation f = make_activation(kind);
        set_parameter(f, "slope", parameter);  // Leaky ReLU's, and α for PReLU and ELU
        set_parameter(f, "alpha", parameter);
        double largest = 0;
        std::vector<double> samples{-1e-12, -0.0, 0.0, 1e-12, 25.0, 1e3};  // ELU's sup is at 0⁻, Softplus's past 20
        for (int k = -30000; k <= 30000; ++k) samples.push_back(k * 1e-3);
        for (double z : samples)
            largest = std::fmax(largest, std::fabs(local_derivative(f, z, activate(f, z))));
        const double peak = peak_derivative(f);
        BOOST_TEST(largest <= peak * (1 + 1e-12), "parameter " << parameter);
        BOOST_TEST(largest >= peak * (1 - 1e-4), "parameter " << parameter);
    }
}

BOOST_AUTO_TEST_CASE(which_activations_can_saturate) {
    for (const char* name : {"sigmoid", "tanh", "elu", "gelu", "silu", "softplus"})
        BOOST_TEST(can_saturate(make_activation(name)), name);
    for (const char* name : {"identity", "relu", "leaky_relu", "prelu"})
        BOOST_TEST(!can_saturate(make_activation(name)), name);
}

BOOST_AUTO_TEST_CASE(names_round_trip) {
    for (const char* name : {"identity", "sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu", "gelu", "silu",
                             "softplus"}) {
        const auto parsed = parse_activation(name);
        BOOST_TEST_REQUIRE(parsed.has_value(), name);
        BOOST_TEST(activation_name(*parsed) == name);
    }
    for (std::string_view name : activation_names()) BOOST_TEST(activation_name(*parse_activation(name)) == name);
    BOOST_TEST(!parse_activation("swish").has_value());
    BOOST_TEST(!parse_activation("").has_value());
    BOOST_TEST(!parse_activation("ReLU").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
