#pragma once
// An activation f turns a neuron's pre-activation z into its activation a = f(z).
// Backpropagation needs one more thing from it: the local derivative f'(z).
//
// Each activation is one header in activations/ that holds everything about it: its name, its
// parameters and their defaults, value, derivative, peak derivative, saturation rule and initial-
// isation gain. This file lists them (the catalogue) and asks them; nothing else in the engine
// names an activation. The row functions choose the activation once per row, and then run a loop
// written for that one activation: no switch or virtual call per value.
#include <cstddef>
#include <optional>
#include <string_view>
#include <variant>
#include <vector>

#include "activations/elu.hpp"
#include "activations/gelu.hpp"
#include "activations/gelu_tanh.hpp"
#include "activations/identity.hpp"
#include "activations/leaky_relu.hpp"
#include "activations/mish.hpp"
#include "activations/prelu.hpp"
#include "activations/relu.hpp"
#include "activations/sigmoid.hpp"
#include "activations/silu.hpp"
#include "activations/softplus.hpp"
#include "activations/tanh.hpp"

namespace actlab {

// The catalogue, in the order it is reported. Adding an activation: its header, and its type here.
using Activation = std::variant<activations::Identity, activations::Sigmoid, activations::Tanh, activations::Relu,
                                activations::LeakyRelu, activations::Prelu, activations::Elu, activations::Gelu,
                                activations::GeluTanh, activations::Silu, activations::Mish, activations::Softplus>;

// a = f(z) and f'(z). Sigmoid and tanh read f'(z) off the activation a = f(z), as PyTorch's backward does.
double activate(const Activation& activation, double pre_activation);
double local_derivative(const Activation& activation, double pre_activation, double activation_value);

// The same for the n pre-activations of a row. An activation that learns a parameter (PReLU's α)
// reads it for value k at learned[k · learned_step]: step 1 for one per unit, 0 for one shared by
// the layer; with learned = null (and for every other activation) its own value is used.
void activate(const Activation& activation, const double* pre_activations, double* activations, std::size_t n,
              const double* learned = nullptr, std::size_t learned_step = 0);
void local_derivative(const Activation& activation, const double* pre_activations, const double* activations,
                      double* derivatives, std::size_t n, const double* learned = nullptr,
                      std::size_t learned_step = 0);

// The learned parameter θ (PReLU's α): ∂f/∂θ at z (0 for activations that learn nothing), and its
// gradient over a row: grad_learned[k · learned_step] += grad_activations[k] · ∂f/∂θ(z_k), in k order.
double learned_derivative(const Activation& activation, double pre_activation);
void accumulate_learned_gradient(const Activation& activation, const double* pre_activations,
                                 const double* grad_activations, double* grad_learned, std::size_t n,
                                 std::size_t learned_step);

// sup |f'(z)|: the scale for "nearly zero derivative" in the saturation statistic; and a z where
// it is reached, if there is a single one (none for ReLU, whose f' is 1 on all of z > 0).
double peak_derivative(const Activation& activation);
std::optional<double> peak_at(const Activation& activation);

// True where f'(z) → 0 as z goes to ±∞ on some side (sigmoid, tanh, and the smooth ReLU-like ones).
// Piecewise-linear activations never saturate: their slope is constant on each side.
bool can_saturate(const Activation& activation);

// The Kaiming gain: PyTorch's calculate_gain where it has one, ReLU's √2 for the ReLU-like rest.
double gain(const Activation& activation);

std::string_view activation_name(const Activation& activation);
std::vector<std::string_view> activation_names();                    // the catalogue's order
std::optional<Activation> parse_activation(std::string_view name);  // with default parameters

// An activation's parameters, with their current values (the defaults, when fresh) and ranges
// (±∞ when unbounded). set_parameter returns false for a name the activation does not have.
struct ParameterValue {
    const char* name;
    double value;
    double low, high;
};
std::vector<ParameterValue> parameters(const Activation& activation);
bool set_parameter(Activation& activation, std::string_view name, double value);

// The parameter a layer learns (PReLU's "alpha"), if any.
std::optional<std::string_view> learned_parameter(const Activation& activation);

}  // namespace actlab
