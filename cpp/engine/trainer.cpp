#include "trainer.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <utility>

namespace actlab {

Trainer::Trainer(Network network, LossKind loss, OptimiserSettings settings, std::uint64_t shuffle_seed)
    : network_(std::move(network)), loss_(loss), optimiser_(settings, network_), random_(shuffle_seed) {}

void Trainer::set_training_data(Matrix inputs, Matrix targets) {
    if (inputs.rows == 0 || inputs.cols != network_.input_size)
        throw std::invalid_argument("training inputs: expected rows of " + std::to_string(network_.input_size) +
                                    " numbers");
    const std::size_t columns = target_columns(loss_, network_.output_size());
    if (targets.rows != inputs.rows || targets.cols != columns)
        throw std::invalid_argument("training targets: expected " + std::to_string(inputs.rows) + " rows of " +
                                    std::to_string(columns) + " numbers");
    inputs_ = std::move(inputs);
    targets_ = std::move(targets);
    order_.resize(inputs_.rows);
    for (std::size_t k = 0; k < order_.size(); ++k) order_[k] = k;
    cursor_ = order_.size();  // shuffle before the first batch
}

void Trainer::next_batch(std::size_t batch_size) {
    const std::size_t n = std::min(batch_size, inputs_.rows);
    batch_inputs_.resize(n, inputs_.cols);
    batch_targets_.resize(n, targets_.cols);
    for (std::size_t r = 0; r < n; ++r) {
        if (cursor_ == order_.size()) {
            // Fisher–Yates with our own generator, so the order is the same natively and in wasm.
            for (std::size_t k = order_.size(); k > 1; --k) std::swap(order_[k - 1], order_[random_.below(k)]);
            cursor_ = 0;
        }
        const std::size_t example = order_[cursor_++];
        std::copy(inputs_.row(example), inputs_.row(example) + inputs_.cols, batch_inputs_.row(r));
        std::copy(targets_.row(example), targets_.row(example) + targets_.cols, batch_targets_.row(r));
    }
}

double Trainer::train(std::size_t steps, std::size_t batch_size) {
    if (inputs_.rows == 0) throw std::invalid_argument("train: no training data set");
    if (batch_size == 0) throw std::invalid_argument("train: batch size must be at least 1");
    double loss = 0.0;
    for (std::size_t s = 0; s < steps; ++s) {
        next_batch(batch_size);
        loss = step(batch_inputs_, batch_targets_);
    }
    return loss;
}

double Trainer::step(const Matrix& inputs, const Matrix& targets) {
    const double loss = forward_backward(network_, inputs, targets, loss_, pass_, gradients_);
    optimiser_.step(network_, gradients_);
    return loss;
}

double Trainer::loss_on(const Matrix& inputs, const Matrix& targets) {
    forward(network_, inputs, pass_);
    const LayerForward& out = pass_.layers.back();
    return compute_loss(loss_, out.pre_activations, out.activations, targets).value;
}

double Trainer::measure(const Matrix& inputs, const Matrix& targets, double saturation_threshold,
                        std::vector<LayerStatistics>& statistics) {
    const double loss = forward_backward(network_, inputs, targets, loss_, measured_pass_, measured_gradients_);
    statistics = layer_statistics(network_, measured_pass_, &measured_gradients_, saturation_threshold);
    return loss;
}

const Matrix& Trainer::predict(const Matrix& inputs) {
    forward(network_, inputs, pass_);
    return pass_.outputs();
}

}  // namespace actlab
