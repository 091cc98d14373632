#include "optimiser.hpp"

#include <array>
#include <cmath>

namespace actlab {

Optimiser::Optimiser(OptimiserSettings settings, const Network& network)
    : settings_(settings), slots_(3 * network.layers.size()) {}

void Optimiser::step(Network& network, const Gradients& gradients) {
    ++steps_taken_;
    for (std::size_t l = 0; l < network.layers.size(); ++l) {
        DenseLayer& layer = network.layers[l];
        const LayerGradients& g = gradients.layers[l];
        update(layer.weights.values, g.grad_weights.values, slots_[3 * l], settings_.weight_decay);
        update(layer.biases, g.grad_biases, slots_[3 * l + 1], settings_.weight_decay);
        update(layer.alpha, g.grad_alpha, slots_[3 * l + 2], 0.0);  // α never decays
    }
}

void Optimiser::update(std::vector<double>& parameters, const std::vector<double>& gradients, Slot& slot,
                       double weight_decay) {
    const double lr = settings_.learning_rate;
    const double eps = settings_.effective_epsilon();
    const std::size_t n = parameters.size();
    if (n == 0) return;
    const bool first_step = slot.first.empty() && slot.second.empty();
    if (first_step) {
        slot.first.assign(n, 0.0);
        slot.second.assign(n, 0.0);
    }
    // Bias corrections for Adam, as torch.optim.Adam computes them.
    const double t = static_cast<double>(steps_taken_);
    const double correction1 = 1.0 - std::pow(settings_.beta1, t);
    const double correction2_sqrt = std::sqrt(1.0 - std::pow(settings_.beta2, t));
    for (std::size_t k = 0; k < n; ++k) {
        const double g = gradients[k] + weight_decay * parameters[k];  // L2 folded into the gradient
        double& first = slot.first[k];
        double& second = slot.second[k];
        switch (settings_.kind) {
            case OptimiserKind::sgd: parameters[k] -= lr * g; break;
            case OptimiserKind::momentum:
                first = first_step ? g : settings_.momentum * first + g;
                parameters[k] -= lr * first;
                break;
            case OptimiserKind::adagrad:
                second += g * g;
                parameters[k] -= lr * g / (std::sqrt(second) + eps);
                break;
            case OptimiserKind::rmsprop:
                second = settings_.rho * second + (1.0 - settings_.rho) * g * g;
                parameters[k] -= lr * g / (std::sqrt(second) + eps);
                break;
            case OptimiserKind::adam:
                first = settings_.beta1 * first + (1.0 - settings_.beta1) * g;
                second = settings_.beta2 * second + (1.0 - settings_.beta2) * g * g;
                parameters[k] -= (lr / correction1) * first / (std::sqrt(second) / correction2_sqrt + eps);
                break;
        }
    }
}

namespace {
constexpr std::array<std::pair<OptimiserKind, std::string_view>, 5> names{{
    {OptimiserKind::sgd, "sgd"},
    {OptimiserKind::momentum, "momentum"},
    {OptimiserKind::adagrad, "adagrad"},
    {OptimiserKind::rmsprop, "rmsprop"},
    {OptimiserKind::adam, "adam"},
}};
}  // namespace

std::string_view optimiser_name(OptimiserKind kind) {
    for (const auto& [k, name] : names)
        if (k == kind) return name;
    return "sgd";
}

std::optional<OptimiserKind> parse_optimiser(std::string_view name) {
    for (const auto& [k, n] : names)
        if (n == name) return k;
    return std::nullopt;
}

}  // namespace actlab
