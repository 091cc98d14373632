#pragma once
// ReLU(z) = z for z > 0, 0 for z ≤ 0. The derivative at exactly 0 is 0, as in PyTorch.
namespace actlab::relu {
inline double value(double pre_activation) { return pre_activation > 0 ? pre_activation : 0.0; }
inline double derivative(double pre_activation, double /*activation*/) { return pre_activation > 0 ? 1.0 : 0.0; }
}  // namespace actlab::relu
