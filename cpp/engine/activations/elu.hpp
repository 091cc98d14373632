#pragma once
#include <cmath>
// ELU (Clevert et al., 2015): z for z > 0, α(e^z − 1) for z ≤ 0, α = 1 by default.
// Negative outputs push the mean activation towards zero; the negative side saturates at −α.
namespace actlab::elu {
inline constexpr double default_alpha = 1.0;
inline double value(double pre_activation, double alpha) {
    return pre_activation > 0 ? pre_activation : alpha * std::expm1(pre_activation);
}
inline double derivative(double pre_activation, double alpha) {
    return pre_activation > 0 ? 1.0 : alpha * std::exp(pre_activation);
}
}  // namespace actlab::elu
