#include "dense_layer.hpp"

#include "activations/prelu.hpp"

namespace actlab {

DenseLayer::DenseLayer(std::size_t fan_in_, std::size_t units_, Activation activation_)
    : fan_in(fan_in_), units(units_), activation(activation_), weights(units_, fan_in_), biases(units_, 0.0) {}

void forward(const DenseLayer& layer, const Matrix& inputs, LayerForward& out) {
    const std::size_t batch = inputs.rows;
    out.pre_activations.resize(batch, layer.units);
    out.activations.resize(batch, layer.units);
    for (std::size_t r = 0; r < batch; ++r) {
        const double* x = inputs.row(r);
        double* z = out.pre_activations.row(r);
        double* a = out.activations.row(r);
        for (std::size_t j = 0; j < layer.units; ++j) {
            z[j] = weighted_sum(layer.weights.row(j), x, layer.fan_in) + layer.biases[j];
            a[j] = activate(layer.activation, z[j], layer.alpha_of(j));
        }
    }
}

void backward(const DenseLayer& layer, const Matrix& inputs, const LayerForward& fwd, LayerGradients& g,
              bool pre_activation_gradient_given, Matrix* grad_inputs) {
    const std::size_t batch = inputs.rows;
    const bool is_prelu = layer.activation.kind == ActivationKind::prelu;
    if (!pre_activation_gradient_given) {
        g.grad_pre_activations.resize(batch, layer.units);
        for (std::size_t r = 0; r < batch; ++r)
            for (std::size_t j = 0; j < layer.units; ++j)
                g.grad_pre_activations(r, j) =
                    g.grad_activations(r, j) * local_derivative(layer.activation, fwd.pre_activations(r, j),
                                                                fwd.activations(r, j), layer.alpha_of(j));
    }
    g.grad_weights.resize(layer.units, layer.fan_in);
    g.grad_biases.assign(layer.units, 0.0);
    g.grad_alpha.assign(layer.alpha.size(), 0.0);
    for (std::size_t r = 0; r < batch; ++r) {
        const double* x = inputs.row(r);
        for (std::size_t j = 0; j < layer.units; ++j) {
            const double delta = g.grad_pre_activations(r, j);
            double* gw = g.grad_weights.row(j);
            for (std::size_t i = 0; i < layer.fan_in; ++i) gw[i] += delta * x[i];
            g.grad_biases[j] += delta;
            if (is_prelu && !pre_activation_gradient_given)
                g.grad_alpha[layer.alpha_index(j)] +=
                    g.grad_activations(r, j) * prelu::derivative_alpha(fwd.pre_activations(r, j));
        }
    }
    if (grad_inputs == nullptr) return;
    grad_inputs->resize(batch, layer.fan_in);
    for (std::size_t r = 0; r < batch; ++r) {
        double* gx = grad_inputs->row(r);
        for (std::size_t j = 0; j < layer.units; ++j) {
            const double delta = g.grad_pre_activations(r, j);
            const double* w = layer.weights.row(j);
            for (std::size_t i = 0; i < layer.fan_in; ++i) gx[i] += delta * w[i];
        }
    }
}

}  // namespace actlab
