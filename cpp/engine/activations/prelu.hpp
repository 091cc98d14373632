#pragma once
// Parametric ReLU (He et al., 2015): z for z > 0, α·z for z ≤ 0, with α learned.
// α starts at 0.25 (PyTorch and the paper) and is shared by a layer or kept per unit.
namespace actlab::prelu {
inline constexpr double default_alpha = 0.25;
inline double value(double pre_activation, double alpha) {
    return pre_activation > 0 ? pre_activation : alpha * pre_activation;
}
// ∂P/∂z: 1 for z > 0, α for z ≤ 0 (α at exactly 0, as in PyTorch).
inline double derivative(double pre_activation, double alpha) { return pre_activation > 0 ? 1.0 : alpha; }
// ∂P/∂α: 0 for z > 0, z for z ≤ 0.
inline double derivative_alpha(double pre_activation) { return pre_activation > 0 ? 0.0 : pre_activation; }
}  // namespace actlab::prelu
