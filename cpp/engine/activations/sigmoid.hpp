#pragma once
#include <array>
#include <cmath>
#include <optional>

#include "parameter.hpp"
// Sigmoid σ(z) = 1 / (1 + e^(−z)), range (0, 1). σ'(z) = σ(z)(1 − σ(z)) ≤ 1/4.
namespace actlab::activations {
struct Sigmoid {
    static constexpr const char* name = "sigmoid";
    static constexpr std::array<Parameter<Sigmoid>, 0> parameters() { return {}; }
    // Two branches so that e^(·) only ever sees a non-positive argument: no overflow for any finite z.
    double value(double z) const {
        if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
        const double e = std::exp(z);
        return e / (1.0 + e);
    }
    // Written in terms of the output a = σ(z), as PyTorch's backward does.
    double derivative(double /*z*/, double a) const { return a * (1.0 - a); }
    double peak_derivative() const { return 0.25; }
    std::optional<double> peak_at() const { return 0.0; }
    static constexpr bool saturates = true;  // σ' → 0 on both sides
    double gain() const { return 1.0; }      // PyTorch's calculate_gain('sigmoid')
};
}  // namespace actlab::activations
