#pragma once
#include <cmath>
// Softplus: log(1 + e^(βz)) / β, a smooth ReLU. Like PyTorch, it returns z itself once βz > threshold
// (default β = 1, threshold = 20), where the two agree to double precision.
namespace actlab::softplus {
inline constexpr double default_beta = 1.0;
inline constexpr double default_threshold = 20.0;
inline double value(double pre_activation, double beta, double threshold) {
    const double scaled = beta * pre_activation;
    if (scaled > threshold) return pre_activation;
    return std::log1p(std::exp(scaled)) / beta;
}
// d/dz = σ(βz) = e^(βz) / (e^(βz) + 1), 1 past the threshold.
inline double derivative(double pre_activation, double beta, double threshold) {
    const double scaled = beta * pre_activation;
    if (scaled > threshold) return 1.0;
    const double e = std::exp(scaled);
    return e / (e + 1.0);
}
}  // namespace actlab::softplus
