#include "response.hpp"

#include <cmath>

namespace actlab::protocol {

json to_json(const std::vector<double>& values) { return json(values); }

json to_json(const Matrix& m) {
    json rows = json::array();
    for (std::size_t r = 0; r < m.rows; ++r) rows.push_back(std::vector<double>(m.row(r), m.row(r) + m.cols));
    return rows;
}

json to_json(const TraceQuantity& q) {
    if (q.rows == 0 && q.cols == 0) return q.values.empty() ? json(nullptr) : json(q.values[0]);
    if (q.rows == 0) return json(q.values);
    Matrix m(q.rows, q.cols);
    m.values = q.values;
    return to_json(m);
}

json to_json(const LayerStatistics& s) {
    return {{"saturation_fraction", s.saturation_fraction},
            {"sparsity_fraction", s.sparsity_fraction},
            {"dead_units", s.dead_units},
            {"dead_unit_fraction", s.dead_unit_fraction},
            {"pre_activation_mean", s.pre_activation_mean},
            {"pre_activation_std", s.pre_activation_std},
            {"activation_mean", s.activation_mean},
            {"activation_std", s.activation_std},
            {"gradient_norm", s.gradient_norm},
            {"grad_pre_activation_norm", s.grad_pre_activation_norm}};
}

json parameters_json(const DenseLayer& layer) {
    json out = {{"weights", to_json(layer.weights)}, {"biases", to_json(layer.biases)}};
    if (!layer.alpha.empty()) out["alpha"] = to_json(layer.alpha);
    return out;
}

json trace_json(const Trace& trace) {
    json steps = json::array();
    for (std::size_t k = 0; k < trace.steps.size(); ++k) {
        const TraceStep& s = trace.steps[k];
        json inputs = json::object();
        for (const auto& q : s.inputs) inputs[q.name] = to_json(q);
        steps.push_back({{"index", k},
                         {"phase", s.phase},
                         {"kind", s.kind},
                         {"layer", s.layer},
                         {"unit", s.unit},
                         {"source", s.source},
                         {"inputs", std::move(inputs)},
                         {"result", to_json(s.result)}});
    }
    return {{"granularity", trace.granularity}, {"steps", std::move(steps)}};
}

json to_json(const std::vector<LayerStatistics>& layers) {
    json list = json::array();
    for (const auto& s : layers) list.push_back(to_json(s));
    return list;
}

json catalogue_json() {
    json catalogue = json::array();
    for (std::string_view name : activation_names()) {
        const Activation f = *parse_activation(name);
        const auto learned = learned_parameter(f);
        json parameters = json::array();
        for (const auto& p : actlab::parameters(f)) {
            json parameter = {{"name", p.name}, {"default", p.value}};
            if (std::isfinite(p.low)) parameter["min"] = p.low;
            if (std::isfinite(p.high)) parameter["max"] = p.high;
            if (learned == p.name) parameter["learned"] = true;
            parameters.push_back(std::move(parameter));
        }
        const std::optional<double> at = peak_at(f);
        catalogue.push_back({{"name", name},
                             {"parameters", std::move(parameters)},
                             {"peak_derivative", peak_derivative(f)},
                             {"peak_at", at ? json(*at) : json(nullptr)},
                             {"saturates", can_saturate(f)},
                             {"gain", gain(f)}});
    }
    return catalogue;
}

}  // namespace actlab::protocol
