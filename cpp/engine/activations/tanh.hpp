#pragma once
#include <cmath>
// tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)) = 2σ(2z) − 1, range (−1, 1), zero-centred.
// (The article's (1 − e^(−z)) / (1 + e^(−z)) is tanh(z/2).)
namespace actlab::tanh_activation {
inline double value(double pre_activation) { return std::tanh(pre_activation); }
// tanh' = 1 − tanh², from the output as in PyTorch.
inline double derivative(double /*pre_activation*/, double activation) { return 1.0 - activation * activation; }
inline constexpr double peak_derivative = 1.0;  // at z = 0
}  // namespace actlab::tanh_activation
