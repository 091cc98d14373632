#pragma once
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "parameter.hpp"
// ELU (Clevert et al., 2015): z for z > 0, α(e^z − 1) for z ≤ 0, α = 1 by default.
// Negative outputs push the mean activation towards zero; the negative side saturates at −α.
namespace actlab::activations {
struct Elu {
    static constexpr const char* name = "elu";
    double alpha = 1.0;
    static constexpr std::array<Parameter<Elu>, 1> parameters() { return {{{"alpha", &Elu::alpha}}}; }
    double value(double z) const { return z > 0 ? z : alpha * std::expm1(z); }
    double derivative(double z, double /*a*/) const { return z > 0 ? 1.0 : alpha * std::exp(z); }
    // 1 on z > 0; α·e^z on z ≤ 0, largest (|α|) at z = 0.
    double peak_derivative() const { return std::max(1.0, std::fabs(alpha)); }
    std::optional<double> peak_at() const {
        if (std::fabs(alpha) > 1.0) return 0.0;
        return std::nullopt;  // f' = 1 on all of z > 0
    }
    static constexpr bool saturates = true;  // f' → 0 as z → −∞
    double gain() const { return std::sqrt(2.0); }  // PyTorch has none: the engine takes ReLU's √2
};
}  // namespace actlab::activations
