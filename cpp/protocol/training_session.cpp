#include "training_session.hpp"

#include <cmath>

#include "request.hpp"
#include "response.hpp"

namespace actlab::protocol {

namespace {
// Named as JavaScript names them, since these numbers come from JavaScript arrays.
std::string non_finite_name(double value) {
    if (std::isnan(value)) return "NaN";
    return value > 0 ? "Infinity" : "-Infinity";
}
}  // namespace

TrainingSession::TrainingSession(const json& spec) {
    const Field request(spec, "");
    reject_unknown_keys(request, {"input_size", "layers", "weights", "biases", "init", "loss", "optimiser", "shuffle_seed"});
    const NetworkShape shape = read_network_shape(request);
    check_memory(shape, 1, false);
    Network network = build_network(request, shape);
    const LossKind loss = read_loss(request, network);
    const OptimiserSettings settings = read_optimiser(request.at("optimiser"), {});
    const std::uint64_t seed = request.has("shuffle_seed") ? request.at("shuffle_seed").integer(0, 9007199254740991ULL) : 0;
    trainer_.emplace(std::move(network), loss, settings, seed);
}

Matrix TrainingSession::copy_rows(const double* values, std::size_t rows, std::size_t cols, const char* what) const {
    if (rows < 1 || rows > max_examples)
        throw ProtocolError(std::string(what) + ": expected 1 to " + std::to_string(max_examples) + " rows, got " +
                            std::to_string(rows));
    Matrix m(rows, cols);
    for (std::size_t k = 0; k < m.values.size(); ++k) {
        if (!std::isfinite(values[k]))
            throw ProtocolError(std::string(what) + "[" + std::to_string(k / cols) + "][" + std::to_string(k % cols) +
                                "]: expected a finite number, got " + non_finite_name(values[k]));
        m.values[k] = values[k];
    }
    return m;
}

void TrainingSession::set_training_data(const double* inputs, const double* targets, std::size_t rows) {
    trainer_->set_training_data(copy_rows(inputs, rows, input_size(), "inputs"),
                                copy_rows(targets, rows, output_size(), "targets"));
}

double TrainingSession::train(std::size_t steps, std::size_t batch_size) {
    if (steps > max_update_steps)
        throw ProtocolError("steps: expected at most " + std::to_string(max_update_steps) + ", got " + std::to_string(steps));
    if (batch_size < 1 || batch_size > max_examples)
        throw ProtocolError("batch_size: expected 1 to " + std::to_string(max_examples) + ", got " + std::to_string(batch_size));
    try {
        return trainer_->train(steps, batch_size);
    } catch (const std::invalid_argument& e) {
        throw ProtocolError(e.what());
    }
}

json TrainingSession::measure(const double* inputs, const double* targets, std::size_t rows, const json& options) {
    const Field o(options, "options");
    reject_unknown_keys(o, {"saturation_threshold", "bins", "pre_activation_range", "activation_range"});
    const double threshold = o.has("saturation_threshold") ? o.at("saturation_threshold").number_in(1e-12, 1) : 0.05;
    const std::size_t bins = o.has("bins") ? static_cast<std::size_t>(o.at("bins").integer(1, 1000)) : 0;
    const auto range = [&](const char* key, double low, double high) {
        if (!o.has(key)) return std::pair{low, high};
        const std::vector<double> r = o.at(key).numbers(2);
        if (!(r[0] < r[1])) o.at(key).fail("expected [low, high] with low < high");
        return std::pair{r[0], r[1]};
    };
    const auto [z_low, z_high] = range("pre_activation_range", -6.0, 6.0);
    const auto [a_low, a_high] = range("activation_range", -1.5, 1.5);

    std::vector<LayerStatistics> statistics;
    const double loss = trainer_->measure(copy_rows(inputs, rows, input_size(), "inputs"),
                                          copy_rows(targets, rows, output_size(), "targets"), threshold, statistics);
    json layers = to_json(statistics);
    if (bins > 0) {
        const ForwardPass& pass = trainer_->measured_pass();
        for (std::size_t l = 0; l < statistics.size(); ++l)
            layers[l]["histograms"] = {
                {"pre_activations", histogram(pass.layers[l].pre_activations.values, bins, z_low, z_high)},
                {"activations", histogram(pass.layers[l].activations.values, bins, a_low, a_high)},
                {"pre_activation_range", {z_low, z_high}},
                {"activation_range", {a_low, a_high}}};
    }
    return {{"loss", loss}, {"layers", std::move(layers)}};
}

const Matrix& TrainingSession::predict(const double* inputs, std::size_t rows) {
    return trainer_->predict(copy_rows(inputs, rows, input_size(), "inputs"));
}

json TrainingSession::parameters() const {
    json layers = json::array();
    for (const auto& layer : trainer_->network().layers) layers.push_back(parameters_json(layer));
    return {{"steps_taken", trainer_->steps_taken()}, {"layers", std::move(layers)}};
}

}  // namespace actlab::protocol
