#pragma once
// An activation f turns a neuron's pre-activation z into its activation a = f(z).
// Backpropagation needs one more thing from it: the local derivative f'(z).
#include <optional>
#include <string>
#include <string_view>

namespace actlab {

enum class ActivationKind { identity, sigmoid, tanh, relu, leaky_relu, prelu, elu, gelu, silu, softplus };

struct Activation {
    ActivationKind kind = ActivationKind::identity;
    double slope = 0.01;               // leaky_relu: slope for z ≤ 0
    double elu_alpha = 1.0;            // elu: the negative side saturates at −elu_alpha
    double softplus_beta = 1.0;        // softplus: sharpness
    double softplus_threshold = 20.0;  // softplus: linear above β·z > threshold
};

// a = f(z). `prelu_alpha` is the unit's learned α; other activations ignore it.
double activate(const Activation& activation, double pre_activation, double prelu_alpha = 0.25);

// f'(z). Sigmoid and tanh read it off the activation a = f(z), as PyTorch's backward does.
double local_derivative(const Activation& activation, double pre_activation, double activation_value,
                        double prelu_alpha = 0.25);

// sup |f'(z)|: the scale for "nearly zero derivative" in the saturation statistic.
double peak_derivative(const Activation& activation, double prelu_alpha = 0.25);

// True where f'(z) → 0 as z goes to ±∞ on some side (sigmoid, tanh, ELU, GELU, SiLU, Softplus).
// Piecewise-linear activations never saturate: their slope is constant on each side.
bool can_saturate(ActivationKind kind);

std::string_view activation_name(ActivationKind kind);
std::optional<ActivationKind> parse_activation(std::string_view name);

}  // namespace actlab
