#pragma once
// Softmax turns the output layer's k pre-activations (the logits z) into class probabilities:
//   p_j = e^(z_j) / Σ_c e^(z_c)
// Unlike an activation of the catalogue it is not applied unit by unit: every p_j depends on the
// whole row z, so it lives here, beside the catalogue, and only the output layer of a classifier
// uses it, with the cross-entropy loss, which gives ∂L/∂z directly (see loss.hpp).
#include <cstddef>

namespace actlab {

// p_j = e^(z_j − m) / Σ_c e^(z_c − m) with m = max z: the same ratio, but every exponent is ≤ 0, so
// nothing overflows, and the largest term is e^0 = 1, so the sum never underflows to 0.
void softmax(const double* logits, double* probabilities, std::size_t k);

// LSE(z) = log Σ_c e^(z_c), the cross-entropy's normaliser: −log p_t = LSE(z) − z_t. Computed as
// m + log1p(Σ_{c ≠ argmax} e^(z_c − m)), finite for any finite logits (LSE(1000, −1000) = 1000).
double log_sum_exp(const double* logits, std::size_t k);

}  // namespace actlab
