#pragma once
// Optimisers: how a gradient becomes a parameter update. Update rules follow PyTorch's
// torch.optim (SGD, SGD with momentum, Adagrad, RMSprop, Adam) with their default constants.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "backpropagation.hpp"

namespace actlab {

enum class OptimiserKind { sgd, momentum, adagrad, rmsprop, adam };

struct OptimiserSettings {
    OptimiserKind kind = OptimiserKind::sgd;
    double learning_rate = 0.01;
    double momentum = 0.9;       // momentum: velocity ← μ·velocity + g
    double rho = 0.99;           // rmsprop: square average ← ρ·avg + (1 − ρ)·g²
    double beta1 = 0.9;          // adam
    double beta2 = 0.999;        // adam
    std::optional<double> epsilon;  // default 1e-10 for adagrad, 1e-8 for rmsprop and adam
    double weight_decay = 0.0;   // L2 on weights and biases; PReLU α never decays (He et al.)

    double effective_epsilon() const { return epsilon.value_or(kind == OptimiserKind::adagrad ? 1e-10 : 1e-8); }
};

class Optimiser {
public:
    Optimiser(OptimiserSettings settings, const Network& network);

    // One update of every weight, bias and PReLU α from the gradients of one batch.
    void step(Network& network, const Gradients& gradients);
    std::size_t steps_taken() const { return steps_taken_; }
    const OptimiserSettings& settings() const { return settings_; }

private:
    struct Slot {  // the optimiser's memory for one parameter array
        std::vector<double> first;   // velocity (momentum), m (adam)
        std::vector<double> second;  // Σg² (adagrad), mean g² (rmsprop), v (adam)
    };
    void update(std::vector<double>& parameters, const std::vector<double>& gradients, Slot& slot,
                double weight_decay);

    OptimiserSettings settings_;
    std::vector<Slot> slots_;  // 3 per layer: weights, biases, alpha
    std::size_t steps_taken_ = 0;
};

std::string_view optimiser_name(OptimiserKind kind);
std::optional<OptimiserKind> parse_optimiser(std::string_view name);

}  // namespace actlab
