// Losses in closed form: MSE and BCE-with-logits, mean over every element, and BCE's stability for
// logits as large as ±1e300; cross-entropy on softmax, mean over the examples, exact for logits of ±1000.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <vector>

#include "engine/loss.hpp"
#include "test_support.hpp"

namespace tt = boost::test_tools;
using namespace actlab;

namespace {
double logistic(double z) { return 1.0 / (1.0 + std::exp(-z)); }
}  // namespace

BOOST_AUTO_TEST_SUITE(loss)

// L = mean (a − t)² over all rows × cols; ∂L/∂a = 2(a − t)/n. MSE reads a, not z.
BOOST_AUTO_TEST_CASE(mse_closed_form) {
    const Matrix a = test::matrix_of(2, 3, {0.5, -1.0, 2.0, 0.0, 3.0, -0.25});
    const Matrix t = test::matrix_of(2, 3, {1.0, 1.0, 0.0, 0.0, -1.0, 0.25});
    const Matrix z = test::matrix_of(2, 3, {100, 100, 100, 100, 100, 100});  // ignored by MSE
    const LossResult result = compute_loss(LossKind::mse, z, a, t);
    BOOST_TEST(result.value == (0.25 + 4.0 + 4.0 + 0.0 + 16.0 + 0.25) / 6, tt::tolerance(1e-14));
    BOOST_TEST(!result.gradient_is_pre_activation);
    BOOST_TEST_REQUIRE(result.gradient.rows == 2u);
    BOOST_TEST_REQUIRE(result.gradient.cols == 3u);
    for (std::size_t k = 0; k < 6; ++k)
        BOOST_TEST(result.gradient.values[k] == 2 * (a.values[k] - t.values[k]) / 6, tt::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(mse_is_zero_at_the_target) {
    const Matrix a = test::matrix_of(1, 2, {0.3, -0.7});
    const LossResult result = compute_loss(LossKind::mse, a, a, a);
    BOOST_TEST(result.value == 0.0);
    BOOST_TEST(result.gradient.values[0] == 0.0);
    BOOST_TEST(result.gradient.values[1] == 0.0);
}

// BCE = mean −[t·log σ(z) + (1 − t)·log(1 − σ(z))]; ∂L/∂z = (σ(z) − t)/n, taken from z.
BOOST_AUTO_TEST_CASE(bce_closed_form) {
    const std::vector<double> zs{-2.0, -0.5, 0.0, 0.7, 3.0, 1.2}, ts{0.0, 1.0, 0.5, 1.0, 0.0, 0.3};
    const Matrix z = test::matrix_of(3, 2, zs), t = test::matrix_of(3, 2, ts);
    Matrix a(3, 2);
    for (std::size_t k = 0; k < 6; ++k) a.values[k] = logistic(zs[k]);
    const LossResult result = compute_loss(LossKind::bce, z, a, t);
    double expected = 0;
    for (std::size_t k = 0; k < 6; ++k)
        expected -= ts[k] * std::log(logistic(zs[k])) + (1 - ts[k]) * std::log(1 - logistic(zs[k]));
    BOOST_TEST(result.value == expected / 6, tt::tolerance(1e-13));
    BOOST_TEST(result.gradient_is_pre_activation);
    for (std::size_t k = 0; k < 6; ++k)
        BOOST_TEST(result.gradient.values[k] == (logistic(zs[k]) - ts[k]) / 6, tt::tolerance(1e-13));
}

BOOST_AUTO_TEST_CASE(bce_at_zero_is_log_two) {
    const Matrix z = test::matrix_of(1, 1, {0.0}), a = test::matrix_of(1, 1, {0.5});
    for (double t : {0.0, 0.5, 1.0}) {
        const LossResult result = compute_loss(LossKind::bce, z, a, test::matrix_of(1, 1, {t}));
        BOOST_TEST(result.value == std::log(2.0), tt::tolerance(1e-15));
        BOOST_TEST(result.gradient.values[0] == 0.5 - t, tt::tolerance(1e-15));
    }
}

// Logits as large as ±1e300: no NaN, no Inf; right answers −log σ(z) → 0 and → |z|.
BOOST_AUTO_TEST_CASE(bce_is_stable_for_huge_logits) {
    for (double z : {1e300, -1e300, 1e10, -1e10, 800.0, -800.0, 50.0, -50.0}) {
        for (double t : {0.0, 1.0, 0.25}) {
            BOOST_TEST_CONTEXT("z = " << z << ", t = " << t) {
                const Matrix zm = test::matrix_of(1, 1, {z}), am = test::matrix_of(1, 1, {logistic(z)});
                const LossResult result = compute_loss(LossKind::bce, zm, am, test::matrix_of(1, 1, {t}));
                BOOST_TEST(std::isfinite(result.value));
                BOOST_TEST(std::isfinite(result.gradient.values[0]));
                BOOST_TEST(result.value >= 0.0);
                // Right answer: −t·log σ(z) − (1 − t)·log σ(−z), where −log σ(z) = log(1 + e^−z) is
                // |z|·[z < 0] + e^−|z| to double precision once |z| ≥ 50.
                const double tail = std::exp(-std::fabs(z));
                const double minus_log_sigma_z = (z < 0 ? -z : 0.0) + tail;
                const double minus_log_sigma_minus_z = (z > 0 ? z : 0.0) + tail;
                const double right = t * minus_log_sigma_z + (1 - t) * minus_log_sigma_minus_z;
                BOOST_TEST(result.value == right, tt::tolerance(1e-12));
                BOOST_TEST(result.gradient.values[0] == logistic(z) - t, tt::tolerance(1e-12));
            }
        }
    }
    // The right labels: loss exactly 0 at ±1e300.
    const LossResult sure = compute_loss(LossKind::bce, test::matrix_of(1, 2, {1e300, -1e300}),
                                         test::matrix_of(1, 2, {1.0, 0.0}), test::matrix_of(1, 2, {1.0, 0.0}));
    BOOST_TEST(sure.value == 0.0);
    BOOST_TEST(sure.gradient.values[0] == 0.0);
    BOOST_TEST(sure.gradient.values[1] == 0.0);
}

// Moderately large logits, where σ(z) rounds to 1 in double: log(1 − σ(z)) would be −inf, but the
// loss is z − log-sum: for z = 40, t = 0 it is 40 + log1p(e^−40) = 40 + 4.25e-18.
BOOST_AUTO_TEST_CASE(bce_where_sigmoid_rounds_to_one) {
    const Matrix z = test::matrix_of(1, 2, {40.0, -40.0});
    const Matrix a = test::matrix_of(1, 2, {1.0, logistic(-40.0)});
    const LossResult result = compute_loss(LossKind::bce, z, a, test::matrix_of(1, 2, {0.0, 1.0}));
    BOOST_TEST(result.value == 40.0, tt::tolerance(1e-15));
    BOOST_TEST(result.gradient.values[0] == 0.5, tt::tolerance(1e-15));    // (1 − 0)/2
    BOOST_TEST(result.gradient.values[1] == -0.5, tt::tolerance(1e-15));   // (σ(−40) − 1)/2
    // For t = 1 and z = 40 the loss is log1p(e^−40) ≈ 4.248e-18: tiny but not rounded to 0.
    const LossResult small = compute_loss(LossKind::bce, test::matrix_of(1, 1, {40.0}), test::matrix_of(1, 1, {1.0}),
                                          test::matrix_of(1, 1, {1.0}));
    BOOST_TEST(small.value == std::exp(-40.0), tt::tolerance(1e-12));
    BOOST_TEST(small.gradient.values[0] == -std::exp(-40.0) / (1 + std::exp(-40.0)), tt::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(mse_with_huge_values_stays_finite_up_to_overflow_of_the_square) {
    const LossResult result = compute_loss(LossKind::mse, test::matrix_of(1, 1, {0}), test::matrix_of(1, 1, {1e150}),
                                           test::matrix_of(1, 1, {-1e150}));
    BOOST_TEST(result.value == 4e300, tt::tolerance(1e-12));
    BOOST_TEST(result.gradient.values[0] == 4e150, tt::tolerance(1e-12));
}

// Cross-entropy = mean over the examples of −log p_t, p = softmax(z) = e^z / Σ e^z (PyTorch's
// CrossEntropyLoss, reduction 'mean': divided by the number of examples, not of elements);
// ∂L/∂z_j = (p_j − [j = t])/n. Written out here without the max shift (the logits are small).
BOOST_AUTO_TEST_CASE(cross_entropy_closed_form) {
    const std::vector<double> zs{0.5, -1.0, 2.0, 1.5, 0.0, -0.3, -2.0, 0.25, 0.75};
    const std::vector<double> labels{2, 0, 1};
    const Matrix z = test::matrix_of(3, 3, zs);
    Matrix p(3, 3);
    double expected = 0;
    for (std::size_t r = 0; r < 3; ++r) {
        const double sum = std::exp(zs[3 * r]) + std::exp(zs[3 * r + 1]) + std::exp(zs[3 * r + 2]);
        for (std::size_t j = 0; j < 3; ++j) p(r, j) = std::exp(zs[3 * r + j]) / sum;
        expected -= std::log(p(r, static_cast<std::size_t>(labels[r])));
    }
    const LossResult result = compute_loss(LossKind::cross_entropy, z, p, test::matrix_of(3, 1, labels));
    BOOST_TEST(result.value == expected / 3, tt::tolerance(1e-14));
    BOOST_TEST(result.gradient_is_pre_activation);
    BOOST_TEST(result.count == 3.0);
    BOOST_TEST_REQUIRE(result.gradient.rows == 3u);
    BOOST_TEST_REQUIRE(result.gradient.cols == 3u);
    for (std::size_t r = 0; r < 3; ++r)
        for (std::size_t j = 0; j < 3; ++j)
            BOOST_TEST(result.gradient(r, j) == (p(r, j) - (j == labels[r] ? 1.0 : 0.0)) / 3, tt::tolerance(1e-14));
}

// Logits of ±1000 overflow e^z; computed from LSE(z) − z_t the loss is exact: 2000, 0 and 1000 here
// (e^−1000 is below the smallest double), and the gradient is exactly (p − onehot)/n.
BOOST_AUTO_TEST_CASE(cross_entropy_is_exact_for_huge_logits) {
    const Matrix z = test::matrix_of(3, 3, {1000, -1000, 0, -1000, 1000, 0, 1000, -1000, 0});
    const Matrix p = test::matrix_of(3, 3, {1, 0, 0, 0, 1, 0, 1, 0, 0});  // softmax(z), to double precision
    const LossResult result = compute_loss(LossKind::cross_entropy, z, p, test::matrix_of(3, 1, {1, 0, 2}));
    BOOST_TEST(result.value == (2000.0 + 2000.0 + 1000.0) / 3);
    const std::vector<double> gradient{1, -1, 0, -1, 1, 0, 1, 0, -1};
    for (std::size_t k = 0; k < 9; ++k) BOOST_TEST(result.gradient.values[k] == gradient[k] / 3);
    // A confident right answer: −log p_0 = log(1 + 2e^−40) ≈ 2e^−40, kept to full relative precision.
    const LossResult small = compute_loss(LossKind::cross_entropy, test::matrix_of(1, 3, {40, 0, 0}),
                                          test::matrix_of(1, 3, {1, 0, 0}), test::matrix_of(1, 1, {0}));
    BOOST_TEST(small.value == 2 * std::exp(-40.0), tt::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(names_round_trip) {
    for (LossKind kind : {LossKind::mse, LossKind::bce, LossKind::cross_entropy})
        BOOST_TEST((parse_loss(loss_name(kind)) == kind));
    BOOST_TEST(std::string(loss_name(LossKind::cross_entropy)) == "cross_entropy");
    BOOST_TEST(!parse_loss("nll").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
