#pragma once
#include <array>
#include <cmath>
#include <optional>

#include "parameter.hpp"
#include "sigmoid.hpp"
// SiLU / Swish (Elfwing et al., 2017; Ramachandran et al., 2017): z·σ(z).
namespace actlab::activations {
struct Silu {
    static constexpr const char* name = "silu";
    static constexpr std::array<Parameter<Silu>, 0> parameters() { return {}; }
    double value(double z) const { return z * Sigmoid{}.value(z); }
    // d/dz [z·σ(z)] = σ(z)·(1 + z·(1 − σ(z))).
    double derivative(double z, double /*a*/) const {
        const double s = Sigmoid{}.value(z);
        return s * (1.0 + z * (1.0 - s));
    }
    // Where f'' = 0, found numerically (the test suite re-finds both by search).
    double peak_derivative() const { return 1.0998393201288669; }
    std::optional<double> peak_at() const { return 2.3993572805154676; }
    static constexpr bool saturates = true;  // f' → 0 as z → −∞
    double gain() const { return std::sqrt(2.0); }  // PyTorch has none: the engine takes ReLU's √2
};
}  // namespace actlab::activations
