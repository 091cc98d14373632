#pragma once
#include "sigmoid.hpp"
// SiLU / Swish (Elfwing et al., 2017; Ramachandran et al., 2017): z·σ(z).
namespace actlab::silu {
inline double value(double pre_activation) { return pre_activation * sigmoid::value(pre_activation); }
// d/dz [z·σ(z)] = σ(z)·(1 + z·(1 − σ(z))).
inline double derivative(double pre_activation, double /*activation*/) {
    const double s = sigmoid::value(pre_activation);
    return s * (1.0 + pre_activation * (1.0 - s));
}
// Peak of the derivative, at z ≈ 2.3993572805, found numerically (the test suite re-finds it by search).
inline constexpr double peak_derivative = 1.0998393201288669;
}  // namespace actlab::silu
