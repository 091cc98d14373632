#include "protocol.hpp"

#include <algorithm>
#include <cmath>

#include "engine/dataset.hpp"
#include "engine/gradient_check.hpp"
#include "engine/statistics.hpp"
#include "engine/trace.hpp"
#include "engine/trainer.hpp"
#include "dataset_request.hpp"
#include "request.hpp"
#include "response.hpp"

namespace actlab::protocol {

namespace {

json evaluate_network(const Field& field) {
    NetworkRequest r = read_network_request(field);
    ForwardPass pass;
    forward(r.network, r.inputs, pass);
    json response;
    response["outputs"] = to_json(pass.outputs());

    Gradients gradients;
    std::optional<LossResult> loss;
    if (r.targets) {
        const LayerForward& out = pass.layers.back();
        loss = compute_loss(r.loss, out.pre_activations, out.activations, *r.targets);
        backward(r.network, r.inputs, pass, *loss, gradients);
        response["loss"] = loss->value;
        response["grad_inputs"] = to_json(gradients.grad_inputs);
    }
    const auto statistics =
        layer_statistics(r.network, pass, r.targets ? &gradients : nullptr, r.saturation_threshold);
    json layers = json::array();
    for (std::size_t l = 0; l < r.network.layers.size(); ++l) {
        json layer = parameters_json(r.network.layers[l]);
        layer["pre_activations"] = to_json(pass.layers[l].pre_activations);
        layer["activations"] = to_json(pass.layers[l].activations);
        if (r.targets) {
            const LayerGradients& g = gradients.layers[l];
            if (g.grad_activations.rows > 0) layer["grad_activations"] = to_json(g.grad_activations);
            layer["grad_pre_activations"] = to_json(g.grad_pre_activations);
            layer["grad_weights"] = to_json(g.grad_weights);
            layer["grad_biases"] = to_json(g.grad_biases);
            if (!r.network.layers[l].alpha.empty()) layer["grad_alpha"] = to_json(g.grad_alpha);
        }
        layer["statistics"] = to_json(statistics[l]);
        layers.push_back(std::move(layer));
    }
    response["layers"] = std::move(layers);

    if (r.trace) response["trace"] = trace_json(trace_pass(r.network, r.inputs, *r.targets, pass, *loss, gradients));
    if (r.gradient_check) {
        // Keep the check to about 2·10^9 multiply-adds: each checked quantity costs two forward passes.
        const double pass_cost = std::max(1.0, static_cast<double>(r.network.parameter_count() * r.inputs.rows));
        const auto max_checks = static_cast<std::size_t>(std::clamp(1e9 / pass_cost, 16.0, 4096.0));
        const GradientCheckResult check = gradient_check(r.network, r.inputs, *r.targets, r.loss, 1e-6, max_checks);
        response["gradient_check"] = {{"max_relative_error", check.max_relative_error},
                                      {"worst_parameter", check.worst_parameter},
                                      {"analytic", check.worst_analytic},
                                      {"numeric", check.worst_numeric},
                                      {"parameters_checked", check.parameters_checked}};
    }
    if (r.update) {
        // Full-batch steps on the request's own examples, through the engine's one training loop.
        Trainer trainer(std::move(r.network), r.loss, r.update->settings, 0);
        json losses = json::array();
        for (std::size_t step = 0; step < r.update->steps; ++step) losses.push_back(trainer.step(r.inputs, *r.targets));
        losses.push_back(trainer.loss_on(r.inputs, *r.targets));
        json updated = json::array();
        for (const auto& layer : trainer.network().layers) updated.push_back(parameters_json(layer));
        response["update"] = {{"losses", std::move(losses)}, {"layers", std::move(updated)}};
    }
    return response;
}

constexpr std::size_t max_curve_points = 1000000;

// One pass of the activation over all points, then one of its derivative: the engine's array forms,
// which dispatch on the activation once rather than once per point.
Curve curve_of(const ActivationSpec& spec, const std::vector<double>& z) {
    Curve result{std::vector<double>(z.size()), std::vector<double>(z.size()), peak_derivative(spec.activation)};
    activate(spec.activation, z.data(), result.values.data(), z.size());
    local_derivative(spec.activation, z.data(), result.values.data(), result.derivatives.data(), z.size());
    return result;
}

ActivationSpec read_curve_spec(const Field& field, bool with_points) {
    std::vector<const char*> keys{"activation"};
    if (with_points) keys.push_back("points");
    for (const char* key : activation_parameter_keys()) keys.push_back(key);
    reject_unknown_keys(field, keys);
    return read_activation(field, false);
}

void check_curve_size(const Field& points, std::size_t count) {
    if (count > max_curve_points) {
        points.fail("expected at most " + std::to_string(max_curve_points) + " points, got " + std::to_string(count));
    }
}

json evaluate_curve(const Field& field) {
    const ActivationSpec spec = read_curve_spec(field, true);
    const Field points = field.at("points");
    check_curve_size(points, points.size());
    Curve c = curve_of(spec, points.numbers(0));
    return {{"curve",
             {{"values", std::move(c.values)},
              {"derivatives", std::move(c.derivatives)},
              {"peak_derivative", c.peak_derivative}}}};
}

json evaluate_catalogue(const Field& field) {
    reject_unknown_keys(field, {});
    return {{"catalogue", catalogue_json()}};
}

json evaluate_dataset(const Field& field) {
    const Dataset data = read_dataset(field);
    return {{"dataset", {{"inputs", to_json(data.inputs)}, {"targets", to_json(data.targets)}}}};
}

}  // namespace

json evaluate(const json& request) {
    const Field root(request, "request");
    if (!request.is_object()) root.fail("expected a JSON object, got " + describe(request));
    const Field top(request, "");
    if (request.contains("curve")) {
        reject_unknown_keys(root, {"curve"});
        return evaluate_curve(top.at("curve"));
    }
    if (request.contains("dataset")) {
        reject_unknown_keys(root, {"dataset"});
        return evaluate_dataset(top.at("dataset"));
    }
    if (request.contains("catalogue")) {
        reject_unknown_keys(root, {"catalogue"});
        return evaluate_catalogue(top.at("catalogue"));
    }
    if (!request.contains("layers"))
        root.fail("expected a network request (with \"layers\"), a \"curve\", a \"dataset\" or a \"catalogue\"");
    return evaluate_network(top);
}

std::string evaluate_text(std::string_view text) {
    return evaluate(parse_json(text, "request")).dump();
}

Curve curve(const json& spec, const std::vector<double>& points) {
    const Field field(spec, "curve");
    if (!spec.is_object()) field.fail("expected a JSON object, got " + describe(spec));
    const ActivationSpec activation = read_curve_spec(field, false);
    const json none;
    const Field list(none, "curve.points");
    check_curve_size(list, points.size());
    const auto bad = std::find_if(points.begin(), points.end(), [](double z) { return !std::isfinite(z); });
    if (bad != points.end()) {
        const std::string value = std::isnan(*bad) ? "NaN" : (*bad > 0 ? "Infinity" : "-Infinity");
        list.fail("expected finite numbers, got " + value + " at index " + std::to_string(bad - points.begin()));
    }
    return curve_of(activation, points);
}

}  // namespace actlab::protocol
