#pragma once
// A step-by-step trace of one forward and one backward pass, so a page can replay backpropagation
// one elementary operation at a time. Results are copied from the engine's real forward and backward
// pass; what that pass never stores is recomputed with the same functions, so it agrees bit for bit:
// the weighted sums s = Σ w·x before the bias (weighted_sum), the local derivatives f'(z), and a
// unit's share of ∂L/∂α.
#include <cstddef>
#include <string>
#include <vector>

#include "backpropagation.hpp"

namespace actlab {

// A named number, vector or matrix (rows × cols; a scalar has rows = cols = 0, a vector rows = 0).
struct TraceQuantity {
    std::string name;
    std::vector<double> values;
    std::size_t rows = 0, cols = 0;
};

struct TraceStep {
    std::string phase;  // "forward" | "backward"
    std::string kind;   // weighted_sum, bias, activation, loss, loss_gradient, activation_derivative,
                        // alpha_gradient, bias_gradient, weight_gradient, input_gradient
    int layer = -1;     // index into network.layers (-1: the loss)
    int unit = -1;      // the neuron (per-neuron traces) or -1 for a whole layer
    int source = -1;    // weight_gradient: the input i of w_ji
    std::vector<TraceQuantity> inputs;
    TraceQuantity result;
};

struct Trace {
    std::string granularity;  // "neuron" (one example, ≤ max_neuron_units units) or "layer"
    std::vector<TraceStep> steps;
};

inline constexpr std::size_t max_neuron_units = 64;

Trace trace_pass(const Network& network, const Matrix& inputs, const Matrix& targets, const ForwardPass& pass,
                 const LossResult& loss_result, const Gradients& gradients);

}  // namespace actlab
