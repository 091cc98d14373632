#pragma once
#include <cmath>
// GELU (Hendrycks & Gimpel, 2016), exact form: z·Φ(z) with Φ the standard normal CDF.
namespace actlab::gelu {
inline constexpr double inv_sqrt2 = 0.70710678118654752440;
inline constexpr double inv_sqrt_2pi = 0.39894228040143267794;
// Φ(z) = ½·erfc(−z/√2): erfc keeps full precision far into the negative tail, where 1 + erf(·) cancels.
inline double normal_cdf(double z) { return 0.5 * std::erfc(-z * inv_sqrt2); }
inline double normal_pdf(double z) { return inv_sqrt_2pi * std::exp(-0.5 * z * z); }
inline double value(double pre_activation) { return pre_activation * normal_cdf(pre_activation); }
// d/dz [z·Φ(z)] = Φ(z) + z·φ(z). For |z| huge, φ underflows to exactly 0 first, so z·φ(z) stays finite.
inline double derivative(double pre_activation, double /*activation*/) {
    return normal_cdf(pre_activation) + pre_activation * normal_pdf(pre_activation);
}
// The derivative peaks where φ(z)(2 − z²) = 0, at z = √2.
inline double peak_derivative() { return derivative(1.41421356237309504880, 0.0); }
}  // namespace actlab::gelu
