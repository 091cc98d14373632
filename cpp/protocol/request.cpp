#include "request.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace actlab::protocol {

namespace {

std::string activation_choices() {
    std::string list;
    for (std::string_view name : activation_names()) list += (list.empty() ? "" : ", ") + std::string(name);
    return list;
}

void read_init(const Field& field, Initialisation& init) {
    reject_unknown_keys(field, {"scheme", "seed", "scale", "value", "bias"});
    if (field.has("scheme")) {
        const std::string name = field.at("scheme").text();
        const auto scheme = parse_init_scheme(name);
        if (!scheme)
            field.at("scheme").fail("unknown scheme \"" + name + "\" (expected zeros, constant, uniform, normal, " +
                                    "xavier_uniform, xavier_normal, kaiming_uniform, kaiming_normal)");
        init.scheme = *scheme;
    }
    if (field.has("seed")) init.seed = field.at("seed").integer(0, 9007199254740991ULL);  // JS-safe integers
    if (field.has("scale")) init.scale = field.at("scale").number_in(0, 1e6);
    init.value = field.number_or("value", 0.0);
    init.bias = field.number_or("bias", 0.0);
}

// A rough upper bound of what the evaluation keeps in memory, taken from the shapes alone before
// anything is allocated: parameters, gradients and optimiser state, the batch's activations and
// their gradients, and the response: a JSON tree node (16 bytes) and its text (~24 bytes) for
// every number returned.
double estimated_bytes(std::size_t input_size, const std::vector<LayerSpec>& specs, std::size_t batch, bool trace) {
    double parameters = 0, units = 0;
    std::size_t fan_in = input_size;
    for (const auto& spec : specs) {
        parameters += static_cast<double>(spec.units) * static_cast<double>(fan_in + 2);
        units += static_cast<double>(spec.units);
        fan_in = spec.units;
    }
    const double activations = static_cast<double>(batch) * units;
    const double inputs = static_cast<double>(batch) * static_cast<double>(input_size);
    const double computed = 4 * parameters + 4 * activations + 2 * inputs;
    double returned = 2 * parameters + 5 * activations + inputs;
    if (trace) returned += 3 * parameters + 8 * activations;
    return 8 * computed + 40 * returned;
}

// {"units": k, "activation": "softmax"}: the output layer of a classifier, one unit per class (softmax.hpp).
LayerSpec read_softmax_layer(const Field& layer, std::size_t index, std::size_t depth) {
    reject_unknown_keys(layer, {"units", "activation"});
    if (index + 1 != depth)
        layer.at("activation").fail("softmax is only for the output layer (layer " + std::to_string(depth - 1) +
                                    "), not layer " + std::to_string(index));
    const Field units = layer.at("units");
    const double k = units.number();
    if (k != std::floor(k) || k < 2 || k > static_cast<double>(max_classes))
        units.fail("a softmax output layer has one unit per class, 2 to " + std::to_string(max_classes) + ", got " +
                   describe(units.raw()));
    LayerSpec spec;
    spec.units = static_cast<std::size_t>(k);
    spec.activation = activations::Identity{};
    spec.softmax = true;
    return spec;
}

}  // namespace

void check_class_labels(const Matrix& targets, std::size_t classes, const std::string& name) {
    const auto whole = [](double t) { return t == std::floor(t) && std::fabs(t) < 1e15; };  // said as 3, not 3.0
    for (std::size_t r = 0; r < targets.rows; ++r) {
        const double t = targets(r, 0);
        if (!whole(t) || t < 0 || t >= static_cast<double>(classes))
            throw ProtocolError(name + "[" + std::to_string(r) + "][0]: expected a class index, an integer from 0 to " +
                                std::to_string(classes - 1) + " (cross_entropy with " + std::to_string(classes) +
                                " output units), got " + describe(whole(t) ? json(static_cast<long long>(t)) : json(t)));
    }
}

void reject_unknown_keys(const Field& object, const std::vector<const char*>& known) {
    if (!object.raw().is_object()) object.fail("expected an object, got " + describe(object.raw()));
    for (auto it = object.raw().begin(); it != object.raw().end(); ++it) {
        const std::string& key = it.key();
        if (std::none_of(known.begin(), known.end(), [&key](const char* k) { return key == k; }))
            object.fail("unknown field \"" + key + "\"");
    }
}

std::vector<const char*> activation_parameter_keys() {
    std::vector<const char*> keys;
    for (std::string_view name : activation_names())
        for (const auto& p : parameters(*parse_activation(name)))
            if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return std::string_view(k) == p.name; }))
                keys.push_back(p.name);
    return keys;
}

ActivationSpec read_activation(const Field& field, bool allow_alpha_list) {
    ActivationSpec spec;
    const std::string name = field.at("activation").text();
    const auto activation = parse_activation(name);
    if (!activation)
        field.at("activation").fail("unknown activation \"" + name + "\" (expected " + activation_choices() + ")");
    spec.activation = *activation;
    const auto learned = learned_parameter(spec.activation);
    if (learned && field.has("alpha_mode")) {
        const std::string mode = field.at("alpha_mode").text();
        if (mode != "shared" && mode != "per_unit")
            field.at("alpha_mode").fail("expected \"shared\" or \"per_unit\", got \"" + mode + "\"");
        spec.alpha_mode = mode == "shared" ? AlphaMode::shared : AlphaMode::per_unit;
    }
    for (const auto& p : parameters(spec.activation)) {
        if (!field.has(p.name)) continue;
        const Field value = field.at(p.name);
        if (learned == p.name && value.is_list()) {
            if (!allow_alpha_list) value.fail("expected a number, got a list");
            spec.alpha_list = value.numbers(0);
            continue;
        }
        const bool bounded = std::isfinite(p.low) || std::isfinite(p.high);
        set_parameter(spec.activation, p.name, bounded ? value.number_in(p.low, p.high) : value.number());
    }
    return spec;
}

OptimiserSettings read_optimiser(const Field& field, std::initializer_list<const char*> other_keys) {
    std::vector<const char*> known{"optimiser", "learning_rate", "momentum", "rho", "beta1", "beta2", "epsilon",
                                   "weight_decay"};
    known.insert(known.end(), other_keys.begin(), other_keys.end());
    reject_unknown_keys(field, known);
    OptimiserSettings s;
    const std::string name = field.at("optimiser").text();
    const auto kind = parse_optimiser(name);
    if (!kind) field.at("optimiser").fail("unknown optimiser \"" + name + "\" (expected sgd, momentum, adagrad, rmsprop, adam)");
    s.kind = *kind;
    s.learning_rate = field.at("learning_rate").number_in(0, 1e6);
    if (field.has("momentum")) s.momentum = field.at("momentum").number_in(0, 1);
    if (field.has("rho")) s.rho = field.at("rho").number_in(0, 1);
    if (field.has("beta1")) s.beta1 = field.at("beta1").number_in(0, 0.999999);
    if (field.has("beta2")) s.beta2 = field.at("beta2").number_in(0, 0.999999999);
    if (field.has("epsilon")) s.epsilon = field.at("epsilon").number_in(1e-300, 1);
    if (field.has("weight_decay")) s.weight_decay = field.at("weight_decay").number_in(0, 1e6);
    return s;
}

NetworkShape read_network_shape(const Field& request) {
    NetworkShape shape;
    shape.input_size = static_cast<std::size_t>(request.at("input_size").integer(1, max_units));
    const Field layers = request.at("layers");
    const std::size_t depth = layers.size();
    if (depth < 1 || depth > max_layers)
        layers.fail("expected 1 to " + std::to_string(max_layers) + " layers, got " + std::to_string(depth));
    for (std::size_t l = 0; l < depth; ++l) {
        const Field layer = layers.item(l);
        std::vector<const char*> keys{"units", "activation", "alpha_mode"};
        for (const char* key : activation_parameter_keys()) keys.push_back(key);
        reject_unknown_keys(layer, keys);
        LayerSpec spec;
        if (layer.has("activation") && layer.at("activation").raw() == "softmax") {
            shape.layers.push_back(read_softmax_layer(layer, l, depth));
            ActivationSpec identity;
            identity.activation = shape.layers.back().activation;
            shape.activations.push_back(std::move(identity));
            continue;
        }
        spec.units = static_cast<std::size_t>(layer.at("units").integer(1, max_units));
        ActivationSpec a = read_activation(layer, true);
        if (a.alpha_list && !layer.has("alpha_mode")) a.alpha_mode = AlphaMode::per_unit;
        spec.activation = a.activation;
        spec.alpha_mode = a.alpha_mode;
        shape.layers.push_back(spec);
        shape.activations.push_back(std::move(a));
    }
    return shape;
}

void check_memory(const NetworkShape& shape, std::size_t batch, bool trace) {
    const double bytes = estimated_bytes(shape.input_size, shape.layers, batch, trace);
    if (bytes > max_memory_bytes)
        throw ProtocolError("network too large for memory: this request needs about " +
                            std::to_string(static_cast<long long>(bytes / 1048576)) + " MB, the limit is " +
                            std::to_string(static_cast<long long>(max_memory_bytes / 1048576)) + " MB");
}

Network build_network(const Field& request, const NetworkShape& shape) {
    Network network = make_network(shape.input_size, shape.layers);
    const std::size_t depth = network.layers.size();
    for (std::size_t l = 0; l < depth; ++l) {
        DenseLayer& layer = network.layers[l];
        if (const auto& list = shape.activations[l].alpha_list) {
            if (list->size() != layer.alpha.size())
                request.at("layers").item(l).at("alpha").fail(
                    "expected " + std::to_string(layer.alpha.size()) + " values for alpha_mode \"" +
                    (layer.alpha_mode == AlphaMode::shared ? "shared" : "per_unit") + "\", got " +
                    std::to_string(list->size()));
            layer.alpha = *list;
        }
    }
    if (request.has("weights") != request.has("biases"))
        request.fail(request.has("weights") ? "weights given without biases" : "biases given without weights");
    if (request.has("weights")) {
        if (request.has("init")) request.fail("give either weights and biases, or init, not both");
        const Field weights = request.at("weights"), biases = request.at("biases");
        const std::string per_layer = " per layer (" + std::to_string(depth) + "), got ";
        if (weights.size() != depth) weights.fail("expected one weight matrix" + per_layer + std::to_string(weights.size()));
        if (biases.size() != depth) biases.fail("expected one bias list" + per_layer + std::to_string(biases.size()));
        for (std::size_t l = 0; l < depth; ++l) {
            DenseLayer& layer = network.layers[l];
            layer.weights = weights.item(l).matrix(layer.units, layer.fan_in);
            layer.biases = biases.item(l).numbers(layer.units);
        }
    } else {
        Initialisation init;
        if (request.has("init")) read_init(request.at("init"), init);
        initialise(network, init);
    }
    return network;
}

LossKind read_loss(const Field& request, const Network& network) {
    const DenseLayer& output = network.layers.back();
    // A softmax output only makes sense with cross-entropy, so it is that loss's default.
    LossKind loss = output.softmax ? LossKind::cross_entropy : LossKind::mse;
    if (request.has("loss")) {
        const std::string name = request.at("loss").text();
        const auto parsed = parse_loss(name);
        if (!parsed) request.at("loss").fail("unknown loss \"" + name + "\" (expected mse, bce, cross_entropy)");
        loss = *parsed;
    }
    const std::string last = "layers[" + std::to_string(network.layers.size() - 1) + "]";
    if (loss == LossKind::bce && (output.softmax || !std::holds_alternative<activations::Sigmoid>(output.activation)))
        request.at("loss").fail("bce needs a sigmoid output layer (it is computed from the logit, as BCEWithLogitsLoss), but " +
                                last + " is " + (output.softmax ? "softmax" : std::string(activation_name(output.activation))));
    if (loss == LossKind::cross_entropy && !output.softmax)
        request.at("loss").fail("cross_entropy needs a softmax output layer of 2 to " + std::to_string(max_classes) +
                                " units ({\"units\": k, \"activation\": \"softmax\"}), but " + last + " is " +
                                std::string(activation_name(output.activation)));
    if (loss == LossKind::mse && output.softmax)
        request.at("loss").fail("a softmax output layer is trained with cross_entropy, not mse");
    return loss;
}

NetworkRequest read_network_request(const Field& request) {
    reject_unknown_keys(request, {"input_size", "layers", "weights", "biases", "init", "inputs", "targets", "loss",
                                  "saturation_threshold", "trace", "gradient_check", "update"});
    NetworkRequest r;
    const NetworkShape shape = read_network_shape(request);
    const Field inputs = request.at("inputs");
    const std::size_t batch = inputs.size();
    if (batch < 1 || batch > max_examples)
        inputs.fail("expected 1 to " + std::to_string(max_examples) + " rows, got " + std::to_string(batch));
    r.trace = request.boolean_or("trace", false);
    r.gradient_check = request.boolean_or("gradient_check", false);
    check_memory(shape, batch, r.trace);

    r.network = build_network(request, shape);
    r.inputs = inputs.matrix(0, shape.input_size);
    r.loss = read_loss(request, r.network);
    if (request.has("targets")) {
        r.targets = request.at("targets").matrix(batch, target_columns(r.loss, r.network.output_size()));
        if (r.loss == LossKind::cross_entropy) check_class_labels(*r.targets, r.network.output_size(), "targets");
    }
    if (request.has("saturation_threshold"))
        r.saturation_threshold = request.at("saturation_threshold").number_in(1e-12, 1);
    if (request.has("update")) {
        const Field update = request.at("update");
        if (!r.targets) update.fail("needs targets");
        UpdateRequest u;
        u.settings = read_optimiser(update, {"steps"});
        if (update.has("steps")) u.steps = static_cast<std::size_t>(update.at("steps").integer(1, max_update_steps));
        const double work = static_cast<double>(u.steps) * static_cast<double>(batch) *
                            static_cast<double>(r.network.parameter_count());
        if (work > 2e10) update.fail("too much work: steps × examples × parameters is above 2e10");
        r.update = u;
    }
    if ((r.trace || r.gradient_check) && !r.targets)
        request.fail(std::string(r.trace ? "trace" : "gradient_check") + " needs targets");
    return r;
}

}  // namespace actlab::protocol
