#pragma once
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "parameter.hpp"
// Parametric ReLU (He et al., 2015): z for z > 0, α·z for z ≤ 0, with α learned.
// α starts at 0.25 (PyTorch and the paper) and is shared by a layer or kept per unit.
namespace actlab::activations {
struct Prelu {
    static constexpr const char* name = "prelu";
    double alpha = 0.25;
    static constexpr std::array<Parameter<Prelu>, 1> parameters() { return {{{"alpha", &Prelu::alpha}}}; }
    // α is learned: each layer keeps its own copy (one, or one per unit), starting from `alpha`.
    static constexpr double Prelu::*learned = &Prelu::alpha;
    double value(double z) const { return z > 0 ? z : alpha * z; }
    // ∂P/∂z: 1 for z > 0, α for z ≤ 0 (α at exactly 0, as in PyTorch).
    double derivative(double z, double /*a*/) const { return z > 0 ? 1.0 : alpha; }
    // ∂P/∂α: 0 for z > 0, z for z ≤ 0.
    double derivative_learned(double z) const { return z > 0 ? 0.0 : z; }
    double peak_derivative() const { return std::max(1.0, std::fabs(alpha)); }
    std::optional<double> peak_at() const { return std::nullopt; }  // on a whole side
    static constexpr bool saturates = false;
    // PyTorch has no gain for PReLU; the engine uses Leaky ReLU's with slope α: √(2 / (1 + α²)).
    double gain() const { return std::sqrt(2.0 / (1.0 + alpha * alpha)); }
};
}  // namespace actlab::activations
