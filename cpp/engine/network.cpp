#include "network.hpp"

namespace actlab {

std::size_t Network::parameter_count() const {
    std::size_t count = 0;
    for (const auto& layer : layers) count += layer.parameter_count();
    return count;
}

Network make_network(std::size_t input_size, const std::vector<LayerSpec>& specs) {
    Network network;
    network.input_size = input_size;
    std::size_t fan_in = input_size;
    for (const auto& spec : specs) {
        DenseLayer layer(fan_in, spec.units, spec.activation);
        layer.softmax = spec.softmax;
        if (const auto learned = learned_parameter(spec.activation)) {
            double start = 0.0;
            for (const auto& p : parameters(spec.activation))
                if (p.name == *learned) start = p.value;
            layer.alpha_mode = spec.alpha_mode;
            layer.alpha.assign(spec.alpha_mode == AlphaMode::shared ? 1 : spec.units, start);
        }
        network.layers.push_back(std::move(layer));
        fan_in = spec.units;
    }
    return network;
}

void forward(const Network& network, const Matrix& inputs, ForwardPass& pass) {
    pass.layers.resize(network.layers.size());
    const Matrix* x = &inputs;
    for (std::size_t l = 0; l < network.layers.size(); ++l) {
        forward(network.layers[l], *x, pass.layers[l]);
        x = &pass.layers[l].activations;
    }
}

}  // namespace actlab
