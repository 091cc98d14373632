#include "trace.hpp"

#include "softmax.hpp"

namespace actlab {

namespace {

TraceQuantity scalar(std::string name, double value) { return {std::move(name), {value}, 0, 0}; }
TraceQuantity vector(std::string name, std::vector<double> values) { return {std::move(name), std::move(values), 0, 1}; }
TraceQuantity matrix(std::string name, const Matrix& m) { return {std::move(name), m.values, m.rows, m.cols}; }

std::vector<double> column(const Matrix& m, std::size_t c) {
    std::vector<double> values(m.rows);
    for (std::size_t r = 0; r < m.rows; ++r) values[r] = m(r, c);
    return values;
}

// Cross-entropy's class labels (one column) as the one-hot rows y that ∂L/∂z = (p − y)/n compares p with.
Matrix one_hot(const Matrix& labels, std::size_t classes) {
    Matrix y(labels.rows, classes);
    for (std::size_t r = 0; r < labels.rows; ++r) y(r, static_cast<std::size_t>(labels(r, 0))) = 1.0;
    return y;
}

// A softmax unit's p_j = e^(z_j − LSE(z)) needs the row's LSE(z), which the pass does not keep.
double row_log_sum_exp(const LayerForward& forward, std::size_t r) {
    return log_sum_exp(forward.pre_activations.row(r), forward.pre_activations.cols);
}

// Everything the steps of one layer read, gathered once.
struct LayerView {
    const DenseLayer& layer;
    const Matrix& inputs;  // x: the network inputs or the previous layer's activations
    const LayerForward& forward;
    const LayerGradients& gradients;
    const Matrix& grad_inputs;  // where ∂L/∂x of this layer went
};

class TraceBuilder {
public:
    TraceBuilder(const Network& network, const Matrix& inputs, const Matrix& targets, const ForwardPass& pass,
                 const LossResult& loss_result, const Gradients& gradients)
        : network_(network), inputs_(inputs), targets_(targets), pass_(pass),
          loss_result_(loss_result), gradients_(gradients) {
        std::size_t units = 0;
        for (const auto& layer : network.layers) units += layer.units;
        per_neuron_ = inputs.rows == 1 && units <= max_neuron_units;
        // A softmax output is trained with cross-entropy, whose targets are class labels.
        target_ = network.layers.back().softmax ? one_hot(targets, network.output_size()) : targets;
        trace_.granularity = per_neuron_ ? "neuron" : "layer";
    }

    Trace build() {
        for (std::size_t l = 0; l < network_.layers.size(); ++l) per_neuron_ ? forward_neurons(l) : forward_layer(l);
        add("forward", "loss", -1, -1, -1,
            {matrix("outputs", pass_.outputs()), matrix("targets", targets_)}, scalar("", loss_result_.value));
        for (std::size_t l = network_.layers.size(); l-- > 0;) per_neuron_ ? backward_neurons(l) : backward_layer(l);
        return std::move(trace_);
    }

private:
    LayerView view(std::size_t l) const {
        return {network_.layers[l], l == 0 ? inputs_ : pass_.layers[l - 1].activations, pass_.layers[l],
                gradients_.layers[l], l == 0 ? gradients_.grad_inputs : gradients_.layers[l - 1].grad_activations};
    }
    bool is_output(std::size_t l) const { return l + 1 == network_.layers.size(); }
    bool output_gradient_is_pre_activation(std::size_t l) const {
        return is_output(l) && loss_result_.gradient_is_pre_activation;
    }

    void add(const char* phase, const char* kind, int layer, int unit, int source, std::vector<TraceQuantity> inputs,
             TraceQuantity result) {
        result.name = kind;
        trace_.steps.push_back({phase, kind, layer, unit, source, std::move(inputs), std::move(result)});
    }

    // The activation's parameters, shown beside z so the learner sees which slope applies: a learned
    // one (PReLU's α) as unit j's value (`unit` < 0: the layer's list), the others as they are set.
    void add_activation_parameters(std::vector<TraceQuantity>& inputs, const DenseLayer& layer, int unit) const {
        const auto learned = learned_parameter(layer.activation);
        for (const auto& p : parameters(layer.activation)) {
            if (learned != p.name) inputs.push_back(scalar(p.name, p.value));
            else if (unit >= 0) inputs.push_back(scalar(p.name, layer.alpha_of(static_cast<std::size_t>(unit))));
            else inputs.push_back(vector(p.name, layer.alpha));
        }
    }

    void forward_neurons(std::size_t l) {
        const LayerView v = view(l);
        const int li = static_cast<int>(l);
        for (std::size_t j = 0; j < v.layer.units; ++j) {
            const int unit = static_cast<int>(j);
            const double sum = weighted_sum(v.layer.weights.row(j), v.inputs.row(0), v.layer.fan_in);
            std::vector<double> w(v.layer.weights.row(j), v.layer.weights.row(j) + v.layer.fan_in);
            std::vector<double> x(v.inputs.row(0), v.inputs.row(0) + v.layer.fan_in);
            add("forward", "weighted_sum", li, unit, -1, {vector("weights", w), vector("inputs", x)}, scalar("", sum));
            add("forward", "bias", li, unit, -1, {scalar("weighted_sum", sum), scalar("bias", v.layer.biases[j])},
                scalar("", v.forward.pre_activations(0, j)));
            std::vector<TraceQuantity> act_inputs{scalar("pre_activation", v.forward.pre_activations(0, j))};
            if (v.layer.softmax) act_inputs.push_back(scalar("log_sum_exp", row_log_sum_exp(v.forward, 0)));
            add_activation_parameters(act_inputs, v.layer, unit);
            add("forward", "activation", li, unit, -1, std::move(act_inputs), scalar("", v.forward.activations(0, j)));
        }
    }

    void backward_neurons(std::size_t l) {
        const LayerView v = view(l);
        const int li = static_cast<int>(l);
        const double count = loss_result_.count;
        for (std::size_t j = 0; j < v.layer.units; ++j) {
            const int unit = static_cast<int>(j);
            const double z = v.forward.pre_activations(0, j);
            const double a = v.forward.activations(0, j);
            if (is_output(l)) {
                std::vector<TraceQuantity> in{scalar("output", a), scalar("target", target_(0, j)), scalar("count", count)};
                if (loss_result_.gradient_is_pre_activation) in.push_back(scalar("pre_activation", z));
                add("backward", "loss_gradient", li, unit, -1, std::move(in), scalar("", loss_result_.gradient(0, j)));
            }
            const double delta = v.gradients.grad_pre_activations(0, j);
            if (!output_gradient_is_pre_activation(l)) {
                const double upstream = v.gradients.grad_activations(0, j);
                const Activation f = v.layer.unit_activation(j);
                const double slope = local_derivative(f, z, a);
                add("backward", "activation_derivative", li, unit, -1,
                    {scalar("grad_activation", upstream), scalar("local_derivative", slope), scalar("pre_activation", z)},
                    scalar("", delta));
                if (!v.layer.alpha.empty())
                    add("backward", "alpha_gradient", li, unit, -1,
                        {scalar("grad_activation", upstream), scalar("pre_activation", z),
                         scalar("alpha_index", static_cast<double>(v.layer.alpha_index(j)))},
                        scalar("", upstream * learned_derivative(f, z)));
            }
            add("backward", "bias_gradient", li, unit, -1, {scalar("grad_pre_activation", delta)},
                scalar("", v.gradients.grad_biases[j]));
            for (std::size_t i = 0; i < v.layer.fan_in; ++i)
                add("backward", "weight_gradient", li, unit, static_cast<int>(i),
                    {scalar("grad_pre_activation", delta), scalar("input", v.inputs(0, i))},
                    scalar("", v.gradients.grad_weights(j, i)));
        }
        const std::vector<double> deltas(v.gradients.grad_pre_activations.row(0),
                                         v.gradients.grad_pre_activations.row(0) + v.layer.units);
        for (std::size_t i = 0; i < v.layer.fan_in; ++i)
            add("backward", "input_gradient", li, static_cast<int>(i), -1,
                {vector("weights", column(v.layer.weights, i)), vector("grad_pre_activations", deltas)},
                scalar("", v.grad_inputs(0, i)));
    }

    void forward_layer(std::size_t l) {
        const LayerView v = view(l);
        const int li = static_cast<int>(l);
        Matrix sums(v.inputs.rows, v.layer.units);
        for (std::size_t r = 0; r < v.inputs.rows; ++r)
            for (std::size_t j = 0; j < v.layer.units; ++j)
                sums(r, j) = weighted_sum(v.layer.weights.row(j), v.inputs.row(r), v.layer.fan_in);
        add("forward", "weighted_sum", li, -1, -1, {matrix("weights", v.layer.weights), matrix("inputs", v.inputs)},
            matrix("", sums));
        add("forward", "bias", li, -1, -1, {matrix("weighted_sum", sums), vector("bias", v.layer.biases)},
            matrix("", v.forward.pre_activations));
        std::vector<TraceQuantity> act_inputs{matrix("pre_activation", v.forward.pre_activations)};
        if (v.layer.softmax) {
            std::vector<double> normalisers(v.forward.pre_activations.rows);
            for (std::size_t r = 0; r < normalisers.size(); ++r) normalisers[r] = row_log_sum_exp(v.forward, r);
            act_inputs.push_back(vector("log_sum_exp", std::move(normalisers)));
        }
        add_activation_parameters(act_inputs, v.layer, -1);
        add("forward", "activation", li, -1, -1, std::move(act_inputs), matrix("", v.forward.activations));
    }

    void backward_layer(std::size_t l) {
        const LayerView v = view(l);
        const int li = static_cast<int>(l);
        if (is_output(l)) {
            std::vector<TraceQuantity> in{matrix("output", v.forward.activations), matrix("target", target_),
                                          scalar("count", loss_result_.count)};
            if (loss_result_.gradient_is_pre_activation) in.push_back(matrix("pre_activation", v.forward.pre_activations));
            add("backward", "loss_gradient", li, -1, -1, std::move(in), matrix("", loss_result_.gradient));
        }
        if (!output_gradient_is_pre_activation(l)) {
            Matrix slopes(v.forward.pre_activations.rows, v.layer.units);
            for (std::size_t r = 0; r < slopes.rows; ++r)
                local_derivative(v.layer.activation, v.forward.pre_activations.row(r), v.forward.activations.row(r),
                                 slopes.row(r), v.layer.units, v.layer.alpha.data(), v.layer.alpha_step());
            add("backward", "activation_derivative", li, -1, -1,
                {matrix("grad_activation", v.gradients.grad_activations), matrix("local_derivative", slopes),
                 matrix("pre_activation", v.forward.pre_activations)},
                matrix("", v.gradients.grad_pre_activations));
            if (!v.layer.alpha.empty())
                add("backward", "alpha_gradient", li, -1, -1,
                    {matrix("grad_activation", v.gradients.grad_activations),
                     matrix("pre_activation", v.forward.pre_activations)},
                    vector("", v.gradients.grad_alpha));
        }
        add("backward", "bias_gradient", li, -1, -1, {matrix("grad_pre_activation", v.gradients.grad_pre_activations)},
            vector("", v.gradients.grad_biases));
        add("backward", "weight_gradient", li, -1, -1,
            {matrix("grad_pre_activation", v.gradients.grad_pre_activations), matrix("input", v.inputs)},
            matrix("", v.gradients.grad_weights));
        add("backward", "input_gradient", li, -1, -1,
            {matrix("weights", v.layer.weights), matrix("grad_pre_activations", v.gradients.grad_pre_activations)},
            matrix("", v.grad_inputs));
    }

    const Network& network_;
    const Matrix& inputs_;
    const Matrix& targets_;
    Matrix target_;  // what ∂L/∂a or ∂L/∂z compares the output with: the targets, or the labels one-hot
    const ForwardPass& pass_;
    const LossResult& loss_result_;
    const Gradients& gradients_;
    bool per_neuron_ = false;
    Trace trace_;
};

}  // namespace

Trace trace_pass(const Network& network, const Matrix& inputs, const Matrix& targets, const ForwardPass& pass,
                 const LossResult& loss_result, const Gradients& gradients) {
    return TraceBuilder(network, inputs, targets, pass, loss_result, gradients).build();
}

}  // namespace actlab
