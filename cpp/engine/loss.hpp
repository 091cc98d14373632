#pragma once
// Losses, averaged over every element of the batch (PyTorch's default reduction 'mean').
#include <optional>
#include <string_view>

#include "matrix.hpp"

namespace actlab {

enum class LossKind {
    mse,  // mean squared error: L = mean (a − t)²
    bce,  // binary cross-entropy on a sigmoid output, computed from its logit z (BCEWithLogitsLoss)
};

struct LossResult {
    double value = 0.0;
    // MSE: ∂L/∂a. BCE: ∂L/∂z = (σ(z) − t)/n, taken straight from the logit, so it stays exact
    // where σ'(z) underflows to 0.
    Matrix gradient;
    bool gradient_is_pre_activation = false;
};

// `pre_activations` and `activations` are the output layer's z and a; `targets` has their shape.
LossResult compute_loss(LossKind kind, const Matrix& pre_activations, const Matrix& activations,
                        const Matrix& targets);

std::string_view loss_name(LossKind kind);
std::optional<LossKind> parse_loss(std::string_view name);

}  // namespace actlab
