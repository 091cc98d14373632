#pragma once
#include <array>
#include <cmath>
#include <optional>

#include "parameter.hpp"
// ReLU(z) = z for z > 0, 0 for z ≤ 0. The derivative at exactly 0 is 0, as in PyTorch.
namespace actlab::activations {
struct Relu {
    static constexpr const char* name = "relu";
    static constexpr std::array<Parameter<Relu>, 0> parameters() { return {}; }
    double value(double z) const { return z > 0 ? z : 0.0; }
    double derivative(double z, double /*a*/) const { return z > 0 ? 1.0 : 0.0; }
    double peak_derivative() const { return 1.0; }
    std::optional<double> peak_at() const { return std::nullopt; }  // f' = 1 on all of z > 0
    static constexpr bool saturates = false;  // piecewise linear: a constant slope on each side
    double gain() const { return std::sqrt(2.0); }  // PyTorch's calculate_gain('relu')
};
}  // namespace actlab::activations
