#include "loss.hpp"

#include <cmath>

#include "activations/sigmoid.hpp"

namespace actlab {

LossResult compute_loss(LossKind kind, const Matrix& z, const Matrix& a, const Matrix& targets) {
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
    return result;
}

std::string_view loss_name(LossKind kind) { return kind == LossKind::mse ? "mse" : "bce"; }

std::optional<LossKind> parse_loss(std::string_view name) {
    if (name == "mse") return LossKind::mse;
    if (name == "bce") return LossKind::bce;
    return std::nullopt;
}

}  // namespace actlab
