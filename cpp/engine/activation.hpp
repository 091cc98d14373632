#pragma once
// An activation f turns a neuron's pre-activation z into its activation a = f(z).
// Backpropagation needs one more thing from it: the local derivative f'(z).
#include <cstddef>
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

// The same for n pre-activations of one layer at once (a row of a batch): the choice of function
// is made once per row instead of once per value, so the common activations run as plain loops.
// PReLU reads its α for value k at prelu_alpha[k · alpha_step]: step 1 for one α per unit, 0 for
// a shared α (prelu_alpha may be null for every other activation).
void activate(const Activation& activation, const double* pre_activations, double* activations, std::size_t n,
              const double* prelu_alpha = nullptr, std::size_t alpha_step = 0);
void local_derivative(const Activation& activation, const double* pre_activations, const double* activations,
                      double* derivatives, std::size_t n, const double* prelu_alpha = nullptr,
                      std::size_t alpha_step = 0);

// sup |f'(z)|: the scale for "nearly zero derivative" in the saturation statistic.
double peak_derivative(const Activation& activation, double prelu_alpha = 0.25);

// True where f'(z) → 0 as z goes to ±∞ on some side (sigmoid, tanh, ELU, GELU, SiLU, Softplus).
// Piecewise-linear activations never saturate: their slope is constant on each side.
bool can_saturate(ActivationKind kind);

std::string_view activation_name(ActivationKind kind);
std::optional<ActivationKind> parse_activation(std::string_view name);

}  // namespace actlab
