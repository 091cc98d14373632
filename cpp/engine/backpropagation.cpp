#include "backpropagation.hpp"

#include <stdexcept>

namespace actlab {

void backward(const Network& network, const Matrix& inputs, const ForwardPass& pass, const LossResult& loss,
              Gradients& gradients) {
    const std::size_t depth = network.layers.size();
    gradients.layers.resize(depth);
    LayerGradients& top = gradients.layers[depth - 1];
    // Softmax's ∂L/∂z exists in closed form only through the cross-entropy loss (the one that gives ∂L/∂z).
    if (network.layers.back().softmax && !loss.gradient_is_pre_activation)
        throw std::invalid_argument("a softmax output layer is trained with the cross-entropy loss");
    if (loss.gradient_is_pre_activation) {
        top.grad_pre_activations = loss.gradient;
        top.grad_activations.resize(0, 0);  // BCE never forms ∂L/∂a: it is not needed
    } else {
        top.grad_activations = loss.gradient;
    }
    for (std::size_t l = depth; l-- > 0;) {
        const Matrix& layer_inputs = l == 0 ? inputs : pass.layers[l - 1].activations;
        Matrix* grad_inputs = l == 0 ? &gradients.grad_inputs : &gradients.layers[l - 1].grad_activations;
        const bool given = l == depth - 1 && loss.gradient_is_pre_activation;
        backward(network.layers[l], layer_inputs, pass.layers[l], gradients.layers[l], given, grad_inputs);
    }
}

double forward_backward(const Network& network, const Matrix& inputs, const Matrix& targets, LossKind kind,
                        ForwardPass& pass, Gradients& gradients) {
    forward(network, inputs, pass);
    const LayerForward& out = pass.layers.back();
    const LossResult loss = compute_loss(kind, out.pre_activations, out.activations, targets);
    backward(network, inputs, pass, loss, gradients);
    return loss.value;
}

}  // namespace actlab
