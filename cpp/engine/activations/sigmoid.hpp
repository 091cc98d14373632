#pragma once
#include <cmath>
// Sigmoid σ(z) = 1 / (1 + e^(−z)), range (0, 1). σ'(z) = σ(z)(1 − σ(z)) ≤ 1/4.
namespace actlab::sigmoid {
// Two branches so that e^(·) only ever sees a non-positive argument: no overflow for any finite z.
inline double value(double pre_activation) {
    if (pre_activation >= 0) return 1.0 / (1.0 + std::exp(-pre_activation));
    const double e = std::exp(pre_activation);
    return e / (1.0 + e);
}
// Written in terms of the output, as PyTorch's backward does.
inline double derivative(double /*pre_activation*/, double activation) { return activation * (1.0 - activation); }
inline constexpr double peak_derivative = 0.25;  // at z = 0
}  // namespace actlab::sigmoid
