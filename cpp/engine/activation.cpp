#include "activation.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "activations/elu.hpp"
#include "activations/gelu.hpp"
#include "activations/identity.hpp"
#include "activations/leaky_relu.hpp"
#include "activations/prelu.hpp"
#include "activations/relu.hpp"
#include "activations/sigmoid.hpp"
#include "activations/silu.hpp"
#include "activations/softplus.hpp"
#include "activations/tanh.hpp"

namespace actlab {

double activate(const Activation& f, double z, double prelu_alpha) {
    switch (f.kind) {
        case ActivationKind::identity: return identity::value(z);
        case ActivationKind::sigmoid: return sigmoid::value(z);
        case ActivationKind::tanh: return tanh_activation::value(z);
        case ActivationKind::relu: return relu::value(z);
        case ActivationKind::leaky_relu: return leaky_relu::value(z, f.slope);
        case ActivationKind::prelu: return prelu::value(z, prelu_alpha);
        case ActivationKind::elu: return elu::value(z, f.elu_alpha);
        case ActivationKind::gelu: return gelu::value(z);
        case ActivationKind::silu: return silu::value(z);
        case ActivationKind::softplus: return softplus::value(z, f.softplus_beta, f.softplus_threshold);
    }
    return z;
}

double local_derivative(const Activation& f, double z, double a, double prelu_alpha) {
    switch (f.kind) {
        case ActivationKind::identity: return identity::derivative(z, a);
        case ActivationKind::sigmoid: return sigmoid::derivative(z, a);
        case ActivationKind::tanh: return tanh_activation::derivative(z, a);
        case ActivationKind::relu: return relu::derivative(z, a);
        case ActivationKind::leaky_relu: return leaky_relu::derivative(z, f.slope);
        case ActivationKind::prelu: return prelu::derivative(z, prelu_alpha);
        case ActivationKind::elu: return elu::derivative(z, f.elu_alpha);
        case ActivationKind::gelu: return gelu::derivative(z, a);
        case ActivationKind::silu: return silu::derivative(z, a);
        case ActivationKind::softplus: return softplus::derivative(z, f.softplus_beta, f.softplus_threshold);
    }
    return 1.0;
}

double peak_derivative(const Activation& f, double prelu_alpha) {
    switch (f.kind) {
        case ActivationKind::sigmoid: return sigmoid::peak_derivative;
        case ActivationKind::tanh: return tanh_activation::peak_derivative;
        case ActivationKind::leaky_relu: return std::max(1.0, std::fabs(f.slope));
        case ActivationKind::prelu: return std::max(1.0, std::fabs(prelu_alpha));
        case ActivationKind::elu: return std::max(1.0, std::fabs(f.elu_alpha));
        case ActivationKind::gelu: return gelu::peak_derivative();
        case ActivationKind::silu: return silu::peak_derivative;
        case ActivationKind::identity:
        case ActivationKind::relu:
        case ActivationKind::softplus: return 1.0;
    }
    return 1.0;
}

bool can_saturate(ActivationKind kind) {
    switch (kind) {
        case ActivationKind::sigmoid:
        case ActivationKind::tanh:
        case ActivationKind::elu:
        case ActivationKind::gelu:
        case ActivationKind::silu:
        case ActivationKind::softplus: return true;
        default: return false;
    }
}

namespace {
constexpr std::array<std::pair<ActivationKind, std::string_view>, 10> names{{
    {ActivationKind::identity, "identity"},
    {ActivationKind::sigmoid, "sigmoid"},
    {ActivationKind::tanh, "tanh"},
    {ActivationKind::relu, "relu"},
    {ActivationKind::leaky_relu, "leaky_relu"},
    {ActivationKind::prelu, "prelu"},
    {ActivationKind::elu, "elu"},
    {ActivationKind::gelu, "gelu"},
    {ActivationKind::silu, "silu"},
    {ActivationKind::softplus, "softplus"},
}};
}  // namespace

std::string_view activation_name(ActivationKind kind) {
    for (const auto& [k, name] : names)
        if (k == kind) return name;
    return "identity";
}

std::optional<ActivationKind> parse_activation(std::string_view name) {
    for (const auto& [k, n] : names)
        if (n == name) return k;
    return std::nullopt;
}

}  // namespace actlab
