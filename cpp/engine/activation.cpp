#include "activation.hpp"

#include <type_traits>
#include <utility>

namespace actlab {

namespace {

// Whether activation F learns one of its parameters (it then names it in F::learned).
template <typename F, typename = void>
constexpr bool learns = false;
template <typename F>
constexpr bool learns<F, std::void_t<decltype(F::learned)>> = true;

// One loop per activation type. With a learned parameter, value k sees its own θ.
template <typename F, typename Each>
void each_value(F f, std::size_t n, const double* learned, std::size_t step, Each each) {
    if constexpr (learns<F>) {
        if (learned != nullptr) {
            for (std::size_t k = 0; k < n; ++k) {
                f.*F::learned = learned[k * step];
                each(f, k);
            }
            return;
        }
    }
    for (std::size_t k = 0; k < n; ++k) each(f, k);
}

template <std::size_t... I>
std::optional<Activation> named(std::string_view name, std::index_sequence<I...>) {
    std::optional<Activation> found;
    ((name == std::variant_alternative_t<I, Activation>::name ? (void)found.emplace(std::in_place_index<I>) : (void)0),
     ...);
    return found;
}

template <std::size_t... I>
std::vector<std::string_view> names(std::index_sequence<I...>) {
    return {std::variant_alternative_t<I, Activation>::name...};
}

constexpr auto catalogue_indices = std::make_index_sequence<std::variant_size_v<Activation>>{};

}  // namespace

double activate(const Activation& activation, double z) {
    return std::visit([&](const auto& f) { return f.value(z); }, activation);
}

double local_derivative(const Activation& activation, double z, double a) {
    return std::visit([&](const auto& f) { return f.derivative(z, a); }, activation);
}

void activate(const Activation& activation, const double* z, double* a, std::size_t n, const double* learned,
              std::size_t step) {
    std::visit([&](const auto& f) { each_value(f, n, learned, step, [&](const auto& g, std::size_t k) { a[k] = g.value(z[k]); }); },
               activation);
}

void local_derivative(const Activation& activation, const double* z, const double* a, double* d, std::size_t n,
                      const double* learned, std::size_t step) {
    std::visit(
        [&](const auto& f) {
            each_value(f, n, learned, step, [&](const auto& g, std::size_t k) { d[k] = g.derivative(z[k], a[k]); });
        },
        activation);
}

double learned_derivative(const Activation& activation, double z) {
    return std::visit(
        [&](const auto& f) {
            if constexpr (learns<std::decay_t<decltype(f)>>) return f.derivative_learned(z);
            return 0.0;
        },
        activation);
}

void accumulate_learned_gradient(const Activation& activation, const double* z, const double* grad_a,
                                 double* grad_learned, std::size_t n, std::size_t step) {
    std::visit(
        [&](const auto& f) {
            if constexpr (learns<std::decay_t<decltype(f)>>)
                for (std::size_t k = 0; k < n; ++k) grad_learned[k * step] += grad_a[k] * f.derivative_learned(z[k]);
        },
        activation);
}

double peak_derivative(const Activation& activation) {
    return std::visit([](const auto& f) { return f.peak_derivative(); }, activation);
}

std::optional<double> peak_at(const Activation& activation) {
    return std::visit([](const auto& f) { return f.peak_at(); }, activation);
}

bool can_saturate(const Activation& activation) {
    return std::visit([](const auto& f) { return f.saturates; }, activation);
}

double gain(const Activation& activation) {
    return std::visit([](const auto& f) { return f.gain(); }, activation);
}

std::string_view activation_name(const Activation& activation) {
    return std::visit([](const auto& f) { return std::string_view(f.name); }, activation);
}

std::vector<std::string_view> activation_names() { return names(catalogue_indices); }

std::optional<Activation> parse_activation(std::string_view name) { return named(name, catalogue_indices); }

std::vector<ParameterValue> parameters(const Activation& activation) {
    return std::visit(
        [](const auto& f) {
            std::vector<ParameterValue> values;
            for (const auto& p : f.parameters()) values.push_back({p.name, f.*p.member, p.low, p.high});
            return values;
        },
        activation);
}

bool set_parameter(Activation& activation, std::string_view name, double value) {
    return std::visit(
        [&](auto& f) {
            for (const auto& p : f.parameters())
                if (name == p.name) {
                    f.*p.member = value;
                    return true;
                }
            return false;
        },
        activation);
}

std::optional<std::string_view> learned_parameter(const Activation& activation) {
    return std::visit(
        [](const auto& f) -> std::optional<std::string_view> {
            using F = std::decay_t<decltype(f)>;
            if constexpr (learns<F>)
                for (const auto& p : f.parameters())
                    if (p.member == F::learned) return p.name;
            return std::nullopt;
        },
        activation);
}

}  // namespace actlab
