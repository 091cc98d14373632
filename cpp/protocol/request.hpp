#pragma once
// A network request, read and validated: everything the engine needs for one evaluation.
#include <optional>

#include "engine/backpropagation.hpp"
#include "engine/initialisation.hpp"
#include "engine/optimiser.hpp"
#include "json_reader.hpp"

namespace actlab::protocol {

inline constexpr std::size_t max_layers = 64;
inline constexpr std::size_t max_units = 4096;
inline constexpr std::size_t max_examples = 65536;
inline constexpr std::size_t max_update_steps = 10000;
inline constexpr std::size_t max_classes = 8;  // a softmax output layer has 2 to max_classes units
inline constexpr double max_memory_bytes = 1024.0 * 1024.0 * 1024.0;  // 1 GiB

struct UpdateRequest {
    OptimiserSettings settings;
    std::size_t steps = 1;
};

struct NetworkRequest {
    Network network;
    Matrix inputs;
    std::optional<Matrix> targets;
    LossKind loss = LossKind::mse;
    double saturation_threshold = 0.05;
    bool trace = false;
    bool gradient_check = false;
    std::optional<UpdateRequest> update;
};

// An activation and its parameters, as written in a layer or a curve request: {"activation": name,
// and any of its parameters by name}. A learned parameter (PReLU's "alpha") may also be a list, one
// per unit, which is left to the caller (`alpha_list`), with its "alpha_mode".
struct ActivationSpec {
    Activation activation;
    std::optional<std::vector<double>> alpha_list;
    AlphaMode alpha_mode = AlphaMode::shared;
};
ActivationSpec read_activation(const Field& field, bool allow_alpha_list);

// The keys an activation object may hold besides "activation": every parameter name in the catalogue.
std::vector<const char*> activation_parameter_keys();

// The pieces of a request, each failing with a ProtocolError that names the field.
struct NetworkShape {
    std::size_t input_size = 0;
    std::vector<LayerSpec> layers;
    std::vector<ActivationSpec> activations;
};
NetworkShape read_network_shape(const Field& request);              // input_size, layers
void check_memory(const NetworkShape& shape, std::size_t batch, bool trace);  // before allocating
Network build_network(const Field& request, const NetworkShape& shape);  // weights + biases, or init
LossKind read_loss(const Field& request, const Network& network);

// Cross-entropy's targets: one column, each row a class index 0 … classes−1. `name` is the rows' field
// name ("targets", "spec.dataset", …); the error names the row: `targets[3][0]: expected a class index …`.
void check_class_labels(const Matrix& targets, std::size_t classes, const std::string& name);
OptimiserSettings read_optimiser(const Field& field, std::initializer_list<const char*> other_keys);

// A whole network request (docs/protocol.md), checked against the size limits.
NetworkRequest read_network_request(const Field& request);

// Unknown keys are errors, so a misspelt field is reported instead of silently ignored.
void reject_unknown_keys(const Field& object, const std::vector<const char*>& known);

}  // namespace actlab::protocol
