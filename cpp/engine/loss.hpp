#pragma once
// Losses, averaged as PyTorch's default reduction 'mean' does: MSE and BCE over every element of the
// batch, cross-entropy over the examples (one class label each).
#include <cstddef>
#include <optional>
#include <string_view>

#include "matrix.hpp"

namespace actlab {

enum class LossKind {
    mse,            // mean squared error: L = mean (a − t)²
    bce,            // binary cross-entropy on a sigmoid output, computed from its logit z (BCEWithLogitsLoss)
    cross_entropy,  // −log p_t on a softmax output of k classes, computed from the logits z (CrossEntropyLoss)
};

struct LossResult {
    double value = 0.0;
    // MSE: ∂L/∂a. BCE: ∂L/∂z = (σ(z) − t)/n; cross-entropy: ∂L/∂z_j = (p_j − [j = t])/n. Both are taken
    // straight from the logits, so they stay exact where σ'(z) underflows, and softmax's Jacobian
    // (every p_j depends on every z_c) never has to be formed.
    Matrix gradient;
    bool gradient_is_pre_activation = false;
    double count = 0;  // n, what the loss is averaged over: elements (MSE, BCE) or examples (cross-entropy)
};

// `pre_activations` and `activations` are the output layer's z and a. `targets` has their shape, except
// for cross-entropy: one column holding each example's class index 0 … k−1 (validated by the caller).
LossResult compute_loss(LossKind kind, const Matrix& pre_activations, const Matrix& activations,
                        const Matrix& targets);

// The columns of a target row: one per output unit, or one class index for cross-entropy.
std::size_t target_columns(LossKind kind, std::size_t output_units);

std::string_view loss_name(LossKind kind);
std::optional<LossKind> parse_loss(std::string_view name);

}  // namespace actlab
