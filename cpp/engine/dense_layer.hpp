#pragma once
// A dense (fully connected) layer: every unit j computes its pre-activation
//   z_j = Σ_i w_ji · x_i + b_j
// and its activation a_j = f(z_j), or, for a classifier's output layer, the class probabilities
// a = softmax(z) (softmax.hpp).
#include <cstddef>
#include <vector>

#include "activation.hpp"
#include "matrix.hpp"

namespace actlab {

enum class AlphaMode { shared, per_unit };  // a learned parameter (PReLU's α): one for the layer, or one per unit

struct DenseLayer {
    std::size_t fan_in = 0;
    std::size_t units = 0;
    Activation activation;
    Matrix weights;               // units × fan_in: row j holds the weights into unit j
    std::vector<double> biases;   // units
    AlphaMode alpha_mode = AlphaMode::shared;
    std::vector<double> alpha;    // the activation's learned parameter (PReLU's α): 1 entry (shared) or
                                  // `units` entries; empty for activations that learn nothing
    bool softmax = false;         // a = softmax(z) over the row instead of f(z) per unit (f is then the
                                  // identity): the output layer of a cross-entropy classifier, whose
                                  // loss gives ∂L/∂z, so f'(z) is never asked for

    DenseLayer() = default;
    DenseLayer(std::size_t fan_in, std::size_t units, Activation activation);

    double alpha_of(std::size_t unit) const {
        if (alpha.empty()) return 0.0;
        return alpha_mode == AlphaMode::shared ? alpha[0] : alpha[unit];
    }
    std::size_t alpha_index(std::size_t unit) const { return alpha_mode == AlphaMode::shared ? 0 : unit; }
    // The step between the α of neighbouring units in `alpha` (what the row functions of activation.hpp take).
    std::size_t alpha_step() const { return alpha_mode == AlphaMode::per_unit ? 1 : 0; }
    // The activation as unit j applies it: with that unit's learned parameter, if it has one.
    Activation unit_activation(std::size_t unit) const {
        Activation f = activation;
        const auto learned = learned_parameter(activation);
        if (learned && !alpha.empty()) set_parameter(f, *learned, alpha_of(unit));
        return f;
    }
    std::size_t parameter_count() const { return weights.values.size() + biases.size() + alpha.size(); }
};

// What the forward pass leaves behind for the backward pass: batch × units each.
struct LayerForward {
    Matrix pre_activations;  // z
    Matrix activations;      // a = f(z)
    Matrix weights_transposed;  // scratch: Wᵀ (fan_in × units), kept so training steps reuse its memory
};

// Gradients of the loss L for one layer.
struct LayerGradients {
    Matrix grad_activations;      // ∂L/∂a, batch × units (from the layer above, or the loss)
    Matrix grad_pre_activations;  // ∂L/∂z = ∂L/∂a · f'(z), batch × units
    Matrix grad_weights;          // ∂L/∂w_ji = Σ_examples ∂L/∂z_j · x_i, units × fan_in
    std::vector<double> grad_biases;  // ∂L/∂b_j = Σ_examples ∂L/∂z_j
    std::vector<double> grad_alpha;   // learned parameter: ∂L/∂α = Σ ∂L/∂a · ∂a/∂α over the units sharing that α
};

// s_j = Σ_i w_ji · x_i, summed in index order (the trace recomputes it with this same function).
inline double weighted_sum(const double* weights, const double* inputs, std::size_t fan_in) {
    double sum = 0.0;
    for (std::size_t i = 0; i < fan_in; ++i) sum += weights[i] * inputs[i];
    return sum;
}

void forward(const DenseLayer& layer, const Matrix& inputs, LayerForward& out);

// Fills grad_pre_activations from grad_activations (∂L/∂z = ∂L/∂a · f'(z)) unless
// `pre_activation_gradient_given` says the caller already set it (BCE computes ∂L/∂z of the
// output from the logit directly, which stays exact where σ'(z) underflows).
// Then the parameter gradients, and ∂L/∂x into grad_inputs (skipped when it is null).
void backward(const DenseLayer& layer, const Matrix& inputs, const LayerForward& forward_pass,
              LayerGradients& gradients, bool pre_activation_gradient_given, Matrix* grad_inputs);

}  // namespace actlab
