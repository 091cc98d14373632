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

namespace {
// out[k] = g(in[k]): one loop per activation, which the compiler can keep tight (or vectorise).
template <typename Function>
void each(const double* in, double* out, std::size_t n, Function g) {
    for (std::size_t k = 0; k < n; ++k) out[k] = g(in[k]);
}
double prelu_alpha_at(const double* alpha, std::size_t step, std::size_t k) {
    return alpha == nullptr ? prelu::default_alpha : alpha[k * step];
}
}  // namespace

void activate(const Activation& f, const double* z, double* a, std::size_t n, const double* alpha,
              std::size_t alpha_step) {
    switch (f.kind) {
        case ActivationKind::identity: return each(z, a, n, identity::value);
        case ActivationKind::sigmoid: return each(z, a, n, sigmoid::value);
        case ActivationKind::tanh: return each(z, a, n, tanh_activation::value);
        case ActivationKind::relu: return each(z, a, n, relu::value);
        case ActivationKind::leaky_relu: return each(z, a, n, [&](double v) { return leaky_relu::value(v, f.slope); });
        default:  // the rest one value at a time: their cost is in the function itself
            for (std::size_t k = 0; k < n; ++k) a[k] = activate(f, z[k], prelu_alpha_at(alpha, alpha_step, k));
    }
}

void local_derivative(const Activation& f, const double* z, const double* a, double* d, std::size_t n,
                      const double* alpha, std::size_t alpha_step) {
    switch (f.kind) {
        // Sigmoid and tanh read the derivative off the activation, the others off the pre-activation.
        case ActivationKind::sigmoid: return each(a, d, n, [](double v) { return sigmoid::derivative(0.0, v); });
        case ActivationKind::tanh: return each(a, d, n, [](double v) { return tanh_activation::derivative(0.0, v); });
        case ActivationKind::relu: return each(z, d, n, [](double v) { return relu::derivative(v, 0.0); });
        case ActivationKind::leaky_relu:
            return each(z, d, n, [&](double v) { return leaky_relu::derivative(v, f.slope); });
        default:
            for (std::size_t k = 0; k < n; ++k)
                d[k] = local_derivative(f, z[k], a[k], prelu_alpha_at(alpha, alpha_step, k));
    }
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
