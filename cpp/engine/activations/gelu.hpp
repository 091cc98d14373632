#pragma once
#include <array>
#include <cmath>
#include <optional>

#include "parameter.hpp"
// GELU (Hendrycks & Gimpel, 2016), exact form: z·Φ(z) with Φ the standard normal CDF.
namespace actlab::activations {
struct Gelu {
    static constexpr const char* name = "gelu";
    static constexpr double inv_sqrt2 = 0.70710678118654752440;
    static constexpr double inv_sqrt_2pi = 0.39894228040143267794;
    static constexpr std::array<Parameter<Gelu>, 0> parameters() { return {}; }
    // Φ(z) = ½·erfc(−z/√2): erfc keeps full precision far into the negative tail, where 1 + erf(·) cancels.
    static double normal_cdf(double z) { return 0.5 * std::erfc(-z * inv_sqrt2); }
    static double normal_pdf(double z) { return inv_sqrt_2pi * std::exp(-0.5 * z * z); }
    double value(double z) const { return z * normal_cdf(z); }
    // d/dz [z·Φ(z)] = Φ(z) + z·φ(z). For |z| huge, φ underflows to exactly 0 first, so z·φ(z) stays finite.
    double derivative(double z, double /*a*/) const { return normal_cdf(z) + z * normal_pdf(z); }
    // The derivative peaks where φ(z)(2 − z²) = 0, at z = √2.
    double peak_derivative() const { return derivative(1.41421356237309504880, 0.0); }
    std::optional<double> peak_at() const { return 1.41421356237309504880; }
    static constexpr bool saturates = true;  // f' → 0 as z → −∞
    double gain() const { return std::sqrt(2.0); }  // PyTorch has none: the engine takes ReLU's √2
};
}  // namespace actlab::activations
