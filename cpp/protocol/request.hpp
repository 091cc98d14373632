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

// An activation and its parameters, as written in a layer or a curve request. `prelu_alpha` is
// filled from a number; a per-unit list is left to the caller (`alpha_list`).
struct ActivationSpec {
    Activation activation;
    double prelu_alpha = 0.25;
    std::optional<std::vector<double>> alpha_list;
    AlphaMode alpha_mode = AlphaMode::shared;
};
ActivationSpec read_activation(const Field& field, bool allow_alpha_list);

// Fails with a ProtocolError naming the field for any bad or oversized request.
NetworkRequest read_network_request(const Field& request);

// Unknown keys are errors, so a misspelt field is reported instead of silently ignored.
void reject_unknown_keys(const Field& object, std::initializer_list<const char*> known);

}  // namespace actlab::protocol
