#pragma once
#include <array>
#include <cmath>
#include <optional>

#include "parameter.hpp"
// Mish (Misra, 2019): z·tanh(softplus(z)). Like SiLU and GELU it is smooth, dips below 0 before it
// rises (minimum ≈ −0.3088 at z ≈ −1.1924) and becomes z for large z.
namespace actlab::activations {
struct Mish {
    static constexpr const char* name = "mish";
    static constexpr std::array<Parameter<Mish>, 0> parameters() { return {}; }

    // t = tanh(softplus(z)) and σ(z)·sech²(softplus(z)), from e = e^(−|z|) so that nothing overflows,
    // and as ratios, so that nothing cancels (no 1 − t²): with n = e(e + 2),
    //   z ≤ 0: t = n / (n + 2),               σ·sech² = 4e(1 + e) / (n + 2)²
    //   z > 0: t = (1 + 2e) / (1 + 2e + 2e²), σ·sech² = 4e²(1 + e) / (1 + 2e + 2e²)²
    struct Parts {
        double t, sigma_sech2;
    };
    static Parts parts(double z) {
        const double e = std::exp(-std::fabs(z));
        if (z <= 0) {
            const double n = e * (e + 2.0), d = n + 2.0;
            return {n / d, 4.0 * e * (1.0 + e) / (d * d)};
        }
        const double d = 1.0 + 2.0 * e + 2.0 * e * e;
        return {(1.0 + 2.0 * e) / d, 4.0 * e * e * (1.0 + e) / (d * d)};
    }
    double value(double z) const { return z * parts(z).t; }
    // d/dz [z·tanh(softplus(z))] = t + z·sech²(softplus(z))·σ(z), since softplus' = σ.
    double derivative(double z, double /*a*/) const {
        const Parts p = parts(z);
        return p.t + z * p.sigma_sech2;
    }
    // Where f'' = 0, found numerically (mpmath, 40 digits); the test suite's sweeps bound it from below.
    double peak_derivative() const { return 1.0884981612517279; }
    std::optional<double> peak_at() const { return 1.4905711794854285; }
    static constexpr bool saturates = true;  // f' → 0 as z → −∞
    // PyTorch's calculate_gain has no 'mish'. Mish is ReLU-like (≈ z for z ≫ 0, → 0 for z ≪ 0), so the
    // engine takes ReLU's √2, as for SiLU and GELU.
    double gain() const { return std::sqrt(2.0); }
};
}  // namespace actlab::activations
