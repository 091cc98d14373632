#include "training_session.hpp"

#include <cmath>

#include "dataset_request.hpp"
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
    reject_unknown_keys(request, {"input_size", "layers", "weights", "biases", "init", "loss", "optimiser", "shuffle_seed",
                                  "dataset", "test_dataset"});
    const NetworkShape shape = read_network_shape(request);
    check_memory(shape, 1, false);
    Network network = build_network(request, shape);
    const LossKind loss = read_loss(request, network);
    const OptimiserSettings settings = read_optimiser(request.at("optimiser"), {});
    const std::uint64_t seed = request.has("shuffle_seed") ? request.at("shuffle_seed").integer(0, 9007199254740991ULL) : 0;
    // A dataset's examples are points of the plane with a class label: the network must take 2 inputs and
    // give 1 output (a 0/1 target) or, with cross_entropy, one output per class.
    const auto read = [&](const char* key) -> std::optional<Dataset> {
        if (!request.has(key)) return std::nullopt;
        Dataset data = read_dataset(request.at(key));
        const std::size_t classes = data.classes;
        const std::size_t outputs = loss == LossKind::cross_entropy ? classes : 1;
        if (network.input_size != 2 || network.output_size() != outputs)
            request.at(key).fail("a dataset of " + std::to_string(classes) + " classes needs input_size 2 and " +
                                 std::to_string(outputs) + " output unit" + (outputs == 1 ? "" : "s") +
                                 (loss == LossKind::cross_entropy ? " (softmax)" : "") + ", but the network has input_size " +
                                 std::to_string(network.input_size) + " and " + std::to_string(network.output_size()) +
                                 " output units");
        if (classes > 2 && loss != LossKind::cross_entropy)
            request.at(key).fail("a dataset of " + std::to_string(classes) + " classes needs loss cross_entropy and a "
                                 "softmax output layer of " + std::to_string(classes) + " units, but the loss is " +
                                 std::string(loss_name(loss)));
        return data;
    };
    std::optional<Dataset> training = read("dataset");
    test_ = read("test_dataset");
    trainer_.emplace(std::move(network), loss, settings, seed);
    if (training) trainer_->set_training_data(std::move(training->inputs), std::move(training->targets));
}

Matrix TrainingSession::matrix(Rows rows, std::size_t cols, const char* what) const {
    const std::string name(what);
    if (rows.width != 0 && rows.width != cols)
        throw ProtocolError(name + "[0]: expected a list of " + std::to_string(cols) + " numbers, got " +
                            std::to_string(rows.width));
    if (rows.size % cols != 0)
        throw ProtocolError(name + ": expected rows of " + std::to_string(cols) + " numbers (a length that is a multiple of " +
                            std::to_string(cols) + "), got " + std::to_string(rows.size) + " numbers");
    const std::size_t count = rows.size / cols;
    if (count < 1 || count > max_examples)
        throw ProtocolError(name + ": expected 1 to " + std::to_string(max_examples) + " rows, got " + std::to_string(count));
    Matrix m(count, cols);
    for (std::size_t k = 0; k < m.values.size(); ++k) {
        if (!std::isfinite(rows.values[k]))
            throw ProtocolError(name + "[" + std::to_string(k / cols) + "][" + std::to_string(k % cols) +
                                "]: expected a finite number, got " + non_finite_name(rows.values[k]));
        m.values[k] = rows.values[k];
    }
    return m;
}

namespace {
void check_same_rows(const Matrix& inputs, const Matrix& targets) {
    if (targets.rows != inputs.rows)
        throw ProtocolError("targets: expected " + std::to_string(inputs.rows) + " rows, got " + std::to_string(targets.rows));
}
}  // namespace

Matrix TrainingSession::target_matrix(Rows targets) const {
    Matrix y = matrix(targets, target_columns(trainer_->loss(), output_size()), "targets");
    if (trainer_->loss() == LossKind::cross_entropy) check_class_labels(y, output_size(), "targets");
    return y;
}

void TrainingSession::set_training_data(Rows inputs, Rows targets) {
    Matrix x = matrix(inputs, input_size(), "inputs");
    Matrix y = target_matrix(targets);
    check_same_rows(x, y);
    trainer_->set_training_data(std::move(x), std::move(y));
}

std::pair<const Matrix&, const Matrix&> TrainingSession::held(std::string_view set) const {
    if (set == "training") {
        if (trainer_->training_inputs().rows == 0) throw ProtocolError("training: no training data set");
        return {trainer_->training_inputs(), trainer_->training_targets()};
    }
    if (set == "test") {
        if (!test_) throw ProtocolError("test: the session was created without a test_dataset");
        return {test_->inputs, test_->targets};
    }
    throw ProtocolError("set: expected \"training\" or \"test\", got \"" + std::string(set) + "\"");
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

json TrainingSession::measure(Rows inputs, Rows targets, const json& options) {
    const Matrix x = matrix(inputs, input_size(), "inputs");
    const Matrix y = target_matrix(targets);
    check_same_rows(x, y);
    return measure_matrices(x, y, options);
}

json TrainingSession::measure(std::string_view set, const json& options) {
    const auto [inputs, targets] = held(set);
    return measure_matrices(inputs, targets, options);
}

const Matrix& TrainingSession::predict(Rows inputs) {
    return trainer_->predict(matrix(inputs, input_size(), "inputs"));
}

const Matrix& TrainingSession::predict(std::string_view set) {
    return trainer_->predict(held(set).first);
}

json TrainingSession::measure_matrices(const Matrix& inputs, const Matrix& targets, const json& options) {
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
    const double loss = trainer_->measure(inputs, targets, threshold, statistics);
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

json TrainingSession::parameters() const {
    json layers = json::array();
    for (const auto& layer : trainer_->network().layers) layers.push_back(parameters_json(layer));
    return {{"steps_taken", trainer_->steps_taken()}, {"layers", std::move(layers)}};
}

}  // namespace actlab::protocol
