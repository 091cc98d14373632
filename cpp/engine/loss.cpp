#include "loss.hpp"

#include <cmath>

#include "activations/sigmoid.hpp"
#include "softmax.hpp"

namespace actlab {

namespace {

// L = mean over examples of −log p_t = LSE(z) − z_t, from the logits: exact for any finite z, where
// log(p_t) of a rounded p_t would give log(0) = −∞ once p_t underflows.
LossResult cross_entropy(const Matrix& z, const Matrix& p, const Matrix& labels) {
    LossResult result;
    result.gradient.resize(p.rows, p.cols);
    result.gradient_is_pre_activation = true;
    result.count = static_cast<double>(p.rows);
    double sum = 0.0;
    for (std::size_t r = 0; r < p.rows; ++r) {
        const auto t = static_cast<std::size_t>(labels(r, 0));
        sum += log_sum_exp(z.row(r), z.cols) - z(r, t);
        for (std::size_t j = 0; j < p.cols; ++j) result.gradient(r, j) = (p(r, j) - (j == t ? 1.0 : 0.0)) / result.count;
    }
    result.value = sum / result.count;
    return result;
}

}  // namespace

LossResult compute_loss(LossKind kind, const Matrix& z, const Matrix& a, const Matrix& targets) {
    if (kind == LossKind::cross_entropy) return cross_entropy(z, a, targets);
    LossResult result;
    result.gradient.resize(a.rows, a.cols);
    const double n = static_cast<double>(a.values.size());
    double sum = 0.0;
    for (std::size_t k = 0; k < a.values.size(); ++k) {
        const double t = targets.values[k];
        if (kind == LossKind::mse) {
            const double error = a.values[k] - t;
            sum += error * error;
            result.gradient.values[k] = 2.0 * error / n;
        } else {
            // log(1 + e^(−z)) + (1 − t)·z rearranged as max(z, 0) − z·t + log1p(e^(−|z|)): no overflow.
            const double logit = z.values[k];
            sum += std::fmax(logit, 0.0) - logit * t + std::log1p(std::exp(-std::fabs(logit)));
            result.gradient.values[k] = (activations::Sigmoid{}.value(logit) - t) / n;
        }
    }
    result.value = sum / n;
    result.gradient_is_pre_activation = kind == LossKind::bce;
    result.count = n;
    return result;
}

std::size_t target_columns(LossKind kind, std::size_t output_units) {
    return kind == LossKind::cross_entropy ? 1 : output_units;
}

std::string_view loss_name(LossKind kind) {
    switch (kind) {
        case LossKind::mse: return "mse";
        case LossKind::bce: return "bce";
        case LossKind::cross_entropy: return "cross_entropy";
    }
    return "mse";
}

std::optional<LossKind> parse_loss(std::string_view name) {
    for (LossKind kind : {LossKind::mse, LossKind::bce, LossKind::cross_entropy})
        if (loss_name(kind) == name) return kind;
    return std::nullopt;
}

}  // namespace actlab
