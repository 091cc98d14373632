#pragma once
// Initial weights. The scale matters: too small and activations shrink layer after layer, too large
// and they explode or saturate. Xavier/Glorot (2010) and Kaiming/He (2015) choose it from fan-in/out.
#include <cstdint>
#include <optional>
#include <string_view>

#include "network.hpp"

namespace actlab {

enum class InitScheme {
    zeros,           // every weight 0
    constant,        // every weight `value`
    uniform,         // U(−scale, scale)
    normal,          // N(0, scale²)
    xavier_uniform,  // U(−b, b), b = √(6 / (fan_in + fan_out))
    xavier_normal,   // N(0, 2 / (fan_in + fan_out))
    kaiming_uniform, // U(−b, b), b = gain·√(3 / fan_in)
    kaiming_normal,  // N(0, gain² / fan_in)
};

struct Initialisation {
    InitScheme scheme = InitScheme::xavier_uniform;
    std::uint64_t seed = 0;
    double scale = 0.1;  // uniform / normal
    double value = 0.0;  // constant
    double bias = 0.0;   // every bias starts here
};

// Kaiming gain of a layer's activation (each activation's gain(), see activations/): PyTorch's
// calculate_gain where it has one, √2 for the ReLU-like rest; PReLU's from its first unit's α.
double kaiming_gain(const DenseLayer& layer);

// Fills weights and biases, layer by layer, each weight matrix row by row, from one generator.
void initialise(Network& network, const Initialisation& init);

std::string_view init_scheme_name(InitScheme scheme);
std::optional<InitScheme> parse_init_scheme(std::string_view name);

}  // namespace actlab
