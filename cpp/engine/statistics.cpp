#include "statistics.hpp"

#include <cmath>

namespace actlab {

namespace {
struct MeanStd {
    double mean = 0, std = 0;
};
// Two passes: the mean first, then squared deviations (stable where one pass would cancel).
MeanStd mean_and_std(const std::vector<double>& values) {
    MeanStd result;
    if (values.empty()) return result;
    for (double v : values) result.mean += v;
    result.mean /= static_cast<double>(values.size());
    double squares = 0;
    for (double v : values) squares += (v - result.mean) * (v - result.mean);
    result.std = std::sqrt(squares / static_cast<double>(values.size()));
    return result;
}
double frobenius_norm(const std::vector<double>& values) {
    double sum = 0;
    for (double v : values) sum += v * v;
    return std::sqrt(sum);
}
}  // namespace

std::vector<std::size_t> histogram(const std::vector<double>& values, std::size_t bins, double low, double high) {
    std::vector<std::size_t> counts(bins, 0);
    if (bins == 0) return counts;
    const double width = (high - low) / static_cast<double>(bins);
    for (double v : values) {
        double position = (v - low) / width;
        position = std::fmin(std::fmax(position, 0.0), static_cast<double>(bins - 1));
        ++counts[static_cast<std::size_t>(position)];
    }
    return counts;
}

std::vector<LayerStatistics> layer_statistics(const Network& network, const ForwardPass& pass,
                                              const Gradients* gradients, double threshold) {
    std::vector<LayerStatistics> all(network.layers.size());
    for (std::size_t l = 0; l < network.layers.size(); ++l) {
        const DenseLayer& layer = network.layers[l];
        const Matrix& z = pass.layers[l].pre_activations;
        const Matrix& a = pass.layers[l].activations;
        LayerStatistics& s = all[l];
        const bool saturating = can_saturate(layer.activation);
        std::vector<double> peaks(layer.units), slopes(layer.units);  // sup |f'| per unit, f'(z) of a row
        if (saturating)
            for (std::size_t j = 0; j < layer.units; ++j) peaks[j] = peak_derivative(layer.unit_activation(j));
        std::size_t saturated = 0, zeros = 0;
        std::vector<bool> ever_active(layer.units, false);
        for (std::size_t r = 0; r < z.rows; ++r) {
            if (saturating)
                local_derivative(layer.activation, z.row(r), a.row(r), slopes.data(), layer.units, layer.alpha.data(),
                                 layer.alpha_step());
            for (std::size_t j = 0; j < layer.units; ++j) {
                const bool off = a(r, j) == 0.0;
                zeros += off;
                if (!off) ever_active[j] = true;
                if (saturating && !off) saturated += std::fabs(slopes[j]) < threshold * peaks[j];
            }
        }
        const double pairs = static_cast<double>(z.values.size());
        s.saturation_fraction = pairs > 0 ? saturated / pairs : 0.0;
        s.sparsity_fraction = pairs > 0 ? zeros / pairs : 0.0;
        for (bool active : ever_active) s.dead_units += !active;
        s.dead_unit_fraction = static_cast<double>(s.dead_units) / static_cast<double>(layer.units);
        const MeanStd pre = mean_and_std(z.values), post = mean_and_std(a.values);
        s.pre_activation_mean = pre.mean;
        s.pre_activation_std = pre.std;
        s.activation_mean = post.mean;
        s.activation_std = post.std;
        if (gradients != nullptr && l < gradients->layers.size()) {
            s.gradient_norm = frobenius_norm(gradients->layers[l].grad_weights.values);
            s.grad_pre_activation_norm = frobenius_norm(gradients->layers[l].grad_pre_activations.values);
        }
    }
    return all;
}

}  // namespace actlab
