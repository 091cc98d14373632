#pragma once
#include <array>
#include <optional>

#include "parameter.hpp"
// Identity: the "no activation" baseline. A stack of identity layers is one linear map.
namespace actlab::activations {
struct Identity {
    static constexpr const char* name = "identity";
    static constexpr std::array<Parameter<Identity>, 0> parameters() { return {}; }
    double value(double z) const { return z; }
    double derivative(double /*z*/, double /*a*/) const { return 1.0; }
    double peak_derivative() const { return 1.0; }
    std::optional<double> peak_at() const { return std::nullopt; }  // f' = 1 everywhere
    static constexpr bool saturates = false;
    double gain() const { return 1.0; }  // PyTorch's calculate_gain('linear')
};
}  // namespace actlab::activations
