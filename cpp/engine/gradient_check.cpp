#include "gradient_check.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace actlab {

namespace {
constexpr double relative_error_floor = 1e-8;

// A named handle on one differentiable quantity: where it lives and its analytic gradient.
struct Checked {
    std::string name;
    double* value;
    double analytic;
};
}  // namespace

GradientCheckResult gradient_check(const Network& original, const Matrix& original_inputs, const Matrix& targets,
                                   LossKind loss, double step, std::size_t max_checks) {
    Network network = original;
    Matrix inputs = original_inputs;
    ForwardPass pass;
    Gradients gradients;
    forward_backward(network, inputs, targets, loss, pass, gradients);

    std::vector<Checked> quantities;
    for (std::size_t l = 0; l < network.layers.size(); ++l) {
        DenseLayer& layer = network.layers[l];
        const LayerGradients& g = gradients.layers[l];
        const std::string prefix = "layers[" + std::to_string(l) + "].";
        for (std::size_t j = 0; j < layer.units; ++j)
            for (std::size_t i = 0; i < layer.fan_in; ++i)
                quantities.push_back({prefix + "weights[" + std::to_string(j) + "][" + std::to_string(i) + "]",
                                      &layer.weights(j, i), g.grad_weights(j, i)});
        for (std::size_t j = 0; j < layer.units; ++j)
            quantities.push_back({prefix + "biases[" + std::to_string(j) + "]", &layer.biases[j], g.grad_biases[j]});
        for (std::size_t k = 0; k < layer.alpha.size(); ++k)
            quantities.push_back({prefix + "alpha[" + std::to_string(k) + "]", &layer.alpha[k], g.grad_alpha[k]});
    }
    for (std::size_t r = 0; r < inputs.rows; ++r)
        for (std::size_t i = 0; i < inputs.cols; ++i)
            quantities.push_back({"inputs[" + std::to_string(r) + "][" + std::to_string(i) + "]", &inputs(r, i),
                                  gradients.grad_inputs(r, i)});

    const auto loss_now = [&] {
        forward(network, inputs, pass);
        const LayerForward& out = pass.layers.back();
        return compute_loss(loss, out.pre_activations, out.activations, targets).value;
    };

    GradientCheckResult result;
    const std::size_t stride = std::max<std::size_t>(1, (quantities.size() + max_checks - 1) / max_checks);
    for (std::size_t k = 0; k < quantities.size(); k += stride) {
        Checked& q = quantities[k];
        const double saved = *q.value;
        *q.value = saved + step;
        const double loss_plus = loss_now();
        *q.value = saved - step;
        const double loss_minus = loss_now();
        *q.value = saved;
        const double numeric = (loss_plus - loss_minus) / (2.0 * step);
        const double error =
            std::fabs(q.analytic - numeric) / std::max(std::fabs(q.analytic) + std::fabs(numeric), relative_error_floor);
        ++result.parameters_checked;
        if (error > result.max_relative_error || result.worst_parameter.empty()) {
            result.max_relative_error = error;
            result.worst_parameter = q.name;
            result.worst_analytic = q.analytic;
            result.worst_numeric = numeric;
        }
    }
    return result;
}

}  // namespace actlab
