#pragma once
#include <array>
#include <cmath>
#include <optional>

#include "parameter.hpp"
// Softplus: log(1 + e^(βz)) / β, a smooth ReLU. Like PyTorch, it returns z itself once βz > threshold
// (default β = 1, threshold = 20), where the two agree to double precision.
namespace actlab::activations {
struct Softplus {
    static constexpr const char* name = "softplus";
    double beta = 1.0;
    double threshold = 20.0;
    static constexpr std::array<Parameter<Softplus>, 2> parameters() {
        return {{{"beta", &Softplus::beta, 1e-6, 1e6}, {"threshold", &Softplus::threshold, 0, 1e6}}};
    }
    double value(double z) const {
        const double scaled = beta * z;
        if (scaled > threshold) return z;
        return std::log1p(std::exp(scaled)) / beta;
    }
    // d/dz = σ(βz) = e^(βz) / (e^(βz) + 1), 1 past the threshold.
    double derivative(double z, double /*a*/) const {
        const double scaled = beta * z;
        if (scaled > threshold) return 1.0;
        const double e = std::exp(scaled);
        return e / (e + 1.0);
    }
    double peak_derivative() const { return 1.0; }  // approached as z → ∞, reached past the threshold
    std::optional<double> peak_at() const { return std::nullopt; }
    static constexpr bool saturates = true;  // f' → 0 as z → −∞
    double gain() const { return std::sqrt(2.0); }  // PyTorch has none: the engine takes ReLU's √2
};
}  // namespace actlab::activations
