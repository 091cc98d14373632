#pragma once
// Per-layer statistics of one batch: the numbers behind the article's saturation and sparsity
// claims. Definitions with formulas: docs/statistics.md.
#include <cstddef>
#include <vector>

#include "backpropagation.hpp"

namespace actlab {

inline constexpr double default_saturation_threshold = 0.05;  // × the activation's peak derivative

struct LayerStatistics {
    double saturation_fraction = 0;  // pairs (example, unit) with |f'(z)| < θ·peak and a ≠ 0
    double sparsity_fraction = 0;    // pairs with a = 0 exactly
    std::size_t dead_units = 0;      // units with a = 0 for every example of the batch
    double dead_unit_fraction = 0;   // dead_units / units
    double pre_activation_mean = 0, pre_activation_std = 0;  // over all pairs, population std
    double activation_mean = 0, activation_std = 0;
    double gradient_norm = 0;            // ‖∂L/∂W‖ (Frobenius): the gradient reaching the layer's weights
    double grad_pre_activation_norm = 0; // ‖∂L/∂z‖ (Frobenius)
};

// Counts of `values` in `bins` equal bins over [low, high]; values outside go to the end bins,
// so the counts always sum to values.size().
std::vector<std::size_t> histogram(const std::vector<double>& values, std::size_t bins, double low, double high);

// `gradients` may be null (forward only): the two norms then stay 0.
std::vector<LayerStatistics> layer_statistics(const Network& network, const ForwardPass& pass,
                                              const Gradients* gradients,
                                              double saturation_threshold = default_saturation_threshold);

}  // namespace actlab
