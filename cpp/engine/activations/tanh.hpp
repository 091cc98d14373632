#pragma once
#include <array>
#include <cmath>
#include <optional>

#include "parameter.hpp"
// tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)) = 2σ(2z) − 1, range (−1, 1), zero-centred.
// (The article's (1 − e^(−z)) / (1 + e^(−z)) is tanh(z/2).)
namespace actlab::activations {
struct Tanh {
    static constexpr const char* name = "tanh";
    static constexpr std::array<Parameter<Tanh>, 0> parameters() { return {}; }
    double value(double z) const { return std::tanh(z); }
    // tanh' = 1 − tanh², from the output as in PyTorch.
    double derivative(double /*z*/, double a) const { return 1.0 - a * a; }
    double peak_derivative() const { return 1.0; }
    std::optional<double> peak_at() const { return 0.0; }
    static constexpr bool saturates = true;     // tanh' → 0 on both sides
    double gain() const { return 5.0 / 3.0; }   // PyTorch's calculate_gain('tanh')
};
}  // namespace actlab::activations
