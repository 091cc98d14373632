#pragma once
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "parameter.hpp"
// Leaky ReLU (Maas, Hannun & Ng, 2013): z for z > 0, slope·z for z ≤ 0 (PyTorch default slope 0.01).
// The small slope keeps a gradient flowing, so a unit pushed negative can still recover.
namespace actlab::activations {
struct LeakyRelu {
    static constexpr const char* name = "leaky_relu";
    double slope = 0.01;
    static constexpr std::array<Parameter<LeakyRelu>, 1> parameters() { return {{{"slope", &LeakyRelu::slope}}}; }
    double value(double z) const { return z > 0 ? z : slope * z; }
    // At exactly 0 the derivative is the slope, as in PyTorch.
    double derivative(double z, double /*a*/) const { return z > 0 ? 1.0 : slope; }
    double peak_derivative() const { return std::max(1.0, std::fabs(slope)); }
    std::optional<double> peak_at() const { return std::nullopt; }  // on a whole side
    static constexpr bool saturates = false;
    // PyTorch's calculate_gain('leaky_relu', slope): √(2 / (1 + slope²)).
    double gain() const { return std::sqrt(2.0 / (1.0 + slope * slope)); }
};
}  // namespace actlab::activations
