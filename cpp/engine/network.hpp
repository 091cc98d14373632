#pragma once
// A multilayer perceptron: dense layers applied in turn, each with its own activation.
#include <cstddef>
#include <vector>

#include "dense_layer.hpp"

namespace actlab {

struct Network {
    std::size_t input_size = 0;
    std::vector<DenseLayer> layers;

    std::size_t output_size() const { return layers.empty() ? input_size : layers.back().units; }
    std::size_t parameter_count() const;
};

struct LayerSpec {
    std::size_t units = 1;
    Activation activation;
    AlphaMode alpha_mode = AlphaMode::shared;  // for an activation that learns a parameter (PReLU's α), which
                                               // starts at the activation's value of it
    bool softmax = false;  // the output layer of a classifier: a = softmax(z) (activation: identity)
};

// Builds the layers with zero weights and biases; initialise() fills them.
Network make_network(std::size_t input_size, const std::vector<LayerSpec>& layers);

struct ForwardPass {
    std::vector<LayerForward> layers;
    const Matrix& outputs() const { return layers.back().activations; }
};

void forward(const Network& network, const Matrix& inputs, ForwardPass& pass);

}  // namespace actlab
