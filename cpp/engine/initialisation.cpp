#include "initialisation.hpp"

#include <array>
#include <cmath>

#include "random.hpp"

namespace actlab {

double kaiming_gain(const DenseLayer& layer) { return gain(layer.unit_activation(0)); }

void initialise(Network& network, const Initialisation& init) {
    Random random(init.seed);
    for (auto& layer : network.layers) {
        const double fan_in = static_cast<double>(layer.fan_in);
        const double fan_out = static_cast<double>(layer.units);
        for (double& w : layer.weights.values) {
            switch (init.scheme) {
                case InitScheme::zeros: w = 0.0; break;
                case InitScheme::constant: w = init.value; break;
                case InitScheme::uniform: w = random.uniform(-init.scale, init.scale); break;
                case InitScheme::normal: w = random.normal(0.0, init.scale); break;
                case InitScheme::xavier_uniform: {
                    const double bound = std::sqrt(6.0 / (fan_in + fan_out));
                    w = random.uniform(-bound, bound);
                    break;
                }
                case InitScheme::xavier_normal: w = random.normal(0.0, std::sqrt(2.0 / (fan_in + fan_out))); break;
                case InitScheme::kaiming_uniform: {
                    const double bound = kaiming_gain(layer) * std::sqrt(3.0 / fan_in);
                    w = random.uniform(-bound, bound);
                    break;
                }
                case InitScheme::kaiming_normal: w = random.normal(0.0, kaiming_gain(layer) / std::sqrt(fan_in)); break;
            }
        }
        for (double& b : layer.biases) b = init.bias;
    }
}

namespace {
constexpr std::array<std::pair<InitScheme, std::string_view>, 8> names{{
    {InitScheme::zeros, "zeros"},
    {InitScheme::constant, "constant"},
    {InitScheme::uniform, "uniform"},
    {InitScheme::normal, "normal"},
    {InitScheme::xavier_uniform, "xavier_uniform"},
    {InitScheme::xavier_normal, "xavier_normal"},
    {InitScheme::kaiming_uniform, "kaiming_uniform"},
    {InitScheme::kaiming_normal, "kaiming_normal"},
}};
}  // namespace

std::string_view init_scheme_name(InitScheme scheme) {
    for (const auto& [s, name] : names)
        if (s == scheme) return name;
    return "zeros";
}

std::optional<InitScheme> parse_init_scheme(std::string_view name) {
    for (const auto& [s, n] : names)
        if (n == name) return s;
    return std::nullopt;
}

}  // namespace actlab
