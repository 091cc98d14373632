#pragma once
// A Trainer driven from JavaScript: built from a JSON spec, fed flat row-major arrays of doubles or
// given a dataset spec to make its examples itself, so a page can train step by step without turning
// every number into JSON. This is the boundary: every shape is checked here, once.
#include <optional>
#include <string_view>

#include "engine/dataset.hpp"
#include "engine/trainer.hpp"
#include "json_reader.hpp"

namespace actlab::protocol {

// Row-major numbers as they arrive from JavaScript: `width` is the length of every row when they came
// as rows (number[][]), 0 when they came flat (a Float64Array), so the row count follows from the size.
struct Rows {
    const double* values = nullptr;
    std::size_t size = 0;
    std::size_t width = 0;
};

class TrainingSession {
public:
    // spec: {input_size, layers, weights + biases or init, loss, optimiser: {optimiser, learning_rate, …},
    //        shuffle_seed, dataset?, test_dataset?}. A dataset ({kind, size, noise, seed, classes}, as the
    //        dataset request) is made here and becomes the training set (or the held-out test set). Throws ProtocolError.
    explicit TrainingSession(const json& spec);

    std::size_t input_size() const { return trainer_->network().input_size; }
    std::size_t output_size() const { return trainer_->network().output_size(); }

    void set_training_data(Rows inputs, Rows targets);
    double train(std::size_t steps, std::size_t batch_size);

    // The examples a session holds: "training" (made from `dataset` or given) or "test" (`test_dataset`).
    // Their inputs and targets, for a page to draw.
    const Matrix& held_inputs(std::string_view set) const { return held(set).first; }
    const Matrix& held_targets(std::string_view set) const { return held(set).second; }

    // {"loss", "layers": [statistics + "histograms"]}, on given rows or on a held set. options:
    // {saturation_threshold, bins, pre_activation_range: [lo, hi], activation_range: [lo, hi]}.
    json measure(Rows inputs, Rows targets, const json& options);
    json measure(std::string_view set, const json& options);

    const Matrix& predict(Rows inputs);
    const Matrix& predict(std::string_view set);

    std::size_t steps_taken() const { return trainer_->steps_taken(); }

    // {"steps_taken", "layers": [{weights, biases, alpha}]}: also a valid `weights`/`biases` source for
    // a network request, so the page can trace the trained network.
    json parameters() const;

private:
    Matrix matrix(Rows rows, std::size_t cols, const char* what) const;
    Matrix target_matrix(Rows targets) const;  // a row per output unit, or one class index (cross_entropy)
    std::pair<const Matrix&, const Matrix&> held(std::string_view set) const;
    json measure_matrices(const Matrix& inputs, const Matrix& targets, const json& options);
    std::optional<Trainer> trainer_;
    std::optional<Dataset> test_;
};

}  // namespace actlab::protocol
