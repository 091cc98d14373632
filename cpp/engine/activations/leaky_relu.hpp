#pragma once
// Leaky ReLU (Maas, Hannun & Ng, 2013): z for z > 0, slope·z for z ≤ 0 (PyTorch default slope 0.01).
// The small slope keeps a gradient flowing, so a unit pushed negative can still recover.
namespace actlab::leaky_relu {
inline constexpr double default_slope = 0.01;
inline double value(double pre_activation, double slope) {
    return pre_activation > 0 ? pre_activation : slope * pre_activation;
}
// At exactly 0 the derivative is the slope, as in PyTorch.
inline double derivative(double pre_activation, double slope) { return pre_activation > 0 ? 1.0 : slope; }
}  // namespace actlab::leaky_relu
