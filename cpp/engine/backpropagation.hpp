#pragma once
// Backpropagation: the chain rule applied layer by layer, from the loss back to the inputs.
//   ∂L/∂z = ∂L/∂a · f'(z),   ∂L/∂w_ji = ∂L/∂z_j · x_i,   ∂L/∂x_i = Σ_j w_ji · ∂L/∂z_j
#include <vector>

#include "loss.hpp"
#include "network.hpp"

namespace actlab {

struct Gradients {
    std::vector<LayerGradients> layers;
    Matrix grad_inputs;  // ∂L/∂x, batch × input_size
};

// Runs the backward pass from a loss gradient (see LossResult for which quantity it is).
void backward(const Network& network, const Matrix& inputs, const ForwardPass& pass, const LossResult& loss,
              Gradients& gradients);

// Forward pass, loss and backward pass in one call; returns the loss.
double forward_backward(const Network& network, const Matrix& inputs, const Matrix& targets, LossKind loss,
                        ForwardPass& pass, Gradients& gradients);

}  // namespace actlab
