#pragma once
#include <array>
#include <cmath>
#include <optional>

#include "parameter.hpp"
#include "sigmoid.hpp"
// GELU's tanh approximation (Hendrycks & Gimpel, 2016), the form GPT-2 uses and PyTorch's
// F.gelu(approximate='tanh'): ½z(1 + tanh(u)) with u = √(2/π)(z + 0.044715z³).
// It stays within 4.8e-4 of the exact GELU (z·Φ(z)) everywhere.
namespace actlab::activations {
struct GeluTanh {
    static constexpr const char* name = "gelu_tanh";
    static constexpr double sqrt_2_over_pi = 0.79788456080286535588;
    static constexpr double cubic = 0.044715;
    // Past |z| = 30, |2u| > 1900 and σ(2u) is 0 or 1 to double precision: f is relu(z) there, and
    // z³ (and u' · 0 in the derivative) can no longer overflow into inf or NaN.
    static constexpr double linear_beyond = 30.0;
    static constexpr std::array<Parameter<GeluTanh>, 0> parameters() { return {}; }
    static double inner(double z) { return sqrt_2_over_pi * (z + cubic * z * z * z); }
    // ½(1 + tanh u) = σ(2u): written with σ there is no 1 + tanh u to cancel in the negative tail.
    double value(double z) const {
        if (z > linear_beyond) return z;
        if (z < -linear_beyond) return 0.0 * z;  // −0, as PyTorch's ½z·(1 − 1)
        return z * Sigmoid{}.value(2.0 * inner(z));
    }
    // d/dz [z·σ(2u)] = σ(2u) + z·σ(2u)·σ(−2u)·2u', u' = √(2/π)(1 + 3·0.044715z²); σ(−2u), not 1 − σ(2u),
    // keeps its digits where σ(2u) is close to 1.
    double derivative(double z, double /*a*/) const {
        if (z > linear_beyond) return 1.0;
        if (z < -linear_beyond) return 0.0;
        const double u2 = 2.0 * inner(z);
        const double s = Sigmoid{}.value(u2), rest = Sigmoid{}.value(-u2);
        return s + z * s * rest * 2.0 * sqrt_2_over_pi * (1.0 + 3.0 * cubic * z * z);
    }
    // Where f'' = 0, found numerically (mpmath, 40 digits): near the exact GELU's √2 and 1.1289.
    double peak_derivative() const { return 1.1289930686587718; }
    std::optional<double> peak_at() const { return 1.4185040087908284; }
    static constexpr bool saturates = true;  // f' → 0 as z → −∞
    // PyTorch's calculate_gain has no 'gelu': the engine takes ReLU's √2, as for the exact GELU it approximates.
    double gain() const { return std::sqrt(2.0); }
};
}  // namespace actlab::activations
