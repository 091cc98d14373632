#pragma once
// A Trainer driven from JavaScript: built from a JSON spec, fed flat row-major arrays of doubles,
// so a page can train step by step without turning every number into JSON.
#include <optional>

#include "engine/trainer.hpp"
#include "json_reader.hpp"

namespace actlab::protocol {

class TrainingSession {
public:
    // spec: {input_size, layers, weights + biases or init, loss, optimiser: {optimiser, learning_rate, …},
    //        shuffle_seed}. Throws ProtocolError.
    explicit TrainingSession(const json& spec);

    std::size_t input_size() const { return trainer_->network().input_size; }
    std::size_t output_size() const { return trainer_->network().output_size(); }

    void set_training_data(const double* inputs, const double* targets, std::size_t rows);
    double train(std::size_t steps, std::size_t batch_size);

    // {"loss", "layers": [statistics + "histograms"]}. options: {saturation_threshold, bins,
    // pre_activation_range: [lo, hi], activation_range: [lo, hi]}.
    json measure(const double* inputs, const double* targets, std::size_t rows, const json& options);

    const Matrix& predict(const double* inputs, std::size_t rows);

    // {"steps_taken", "layers": [{weights, biases, alpha}]}: also a valid `weights`/`biases` source for
    // a network request, so the page can trace the trained network.
    json parameters() const;

private:
    Matrix copy_rows(const double* values, std::size_t rows, std::size_t cols, const char* what) const;
    std::optional<Trainer> trainer_;
};

}  // namespace actlab::protocol
