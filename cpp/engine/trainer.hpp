#pragma once
// Minibatch training: the loop a page runs while the learner watches the statistics move.
// Each step takes the next `batch_size` examples of a shuffled order (reshuffled every epoch),
// runs forward and backward passes, and lets the optimiser update every parameter.
#include <cstdint>
#include <vector>

#include "optimiser.hpp"
#include "random.hpp"
#include "statistics.hpp"

namespace actlab {

class Trainer {
public:
    Trainer(Network network, LossKind loss, OptimiserSettings settings, std::uint64_t shuffle_seed);

    // The examples to train on (rows × input_size, and rows × output_size or, for cross-entropy, one
    // class index per row: target_columns in loss.hpp). Throws
    // std::invalid_argument on a shape mismatch.
    void set_training_data(Matrix inputs, Matrix targets);

    // Runs `steps` optimiser steps; returns the loss of the last minibatch (before its update).
    double train(std::size_t steps, std::size_t batch_size);

    // One step on the given examples, in their order: forward, loss, backward, update. Returns the loss
    // before the update. train() takes each of its steps with it.
    double step(const Matrix& inputs, const Matrix& targets);

    // The loss on a batch, forward pass only.
    double loss_on(const Matrix& inputs, const Matrix& targets);

    // Loss and per-layer statistics on a batch, without updating anything. The pass stays readable
    // through measured_pass() until the next call.
    double measure(const Matrix& inputs, const Matrix& targets, double saturation_threshold,
                   std::vector<LayerStatistics>& statistics);
    const ForwardPass& measured_pass() const { return measured_pass_; }

    // Forward pass only: the network's outputs for `inputs` (e.g. a grid for a decision-boundary heatmap).
    const Matrix& predict(const Matrix& inputs);

    // The training set as set_training_data received it (empty before).
    const Matrix& training_inputs() const { return inputs_; }
    const Matrix& training_targets() const { return targets_; }

    const Network& network() const { return network_; }
    LossKind loss() const { return loss_; }
    std::size_t steps_taken() const { return optimiser_.steps_taken(); }

private:
    void next_batch(std::size_t batch_size);

    Network network_;
    LossKind loss_;
    Optimiser optimiser_;
    Random random_;
    Matrix inputs_, targets_;            // the training set
    std::vector<std::size_t> order_;     // this epoch's shuffled example order
    std::size_t cursor_ = 0;             // position in order_
    Matrix batch_inputs_, batch_targets_;  // reused minibatch buffers
    ForwardPass pass_, measured_pass_;
    Gradients gradients_, measured_gradients_;
};

}  // namespace actlab
