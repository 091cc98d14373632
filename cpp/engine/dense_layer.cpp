#include "dense_layer.hpp"

#include "softmax.hpp"

namespace actlab {

namespace {

// The three products of a dense layer (z = x·Wᵀ, ∂L/∂W = δᵀ·x, ∂L/∂x = δ·W) are all one loop:
//   c[r][j] = Σ_p A(r, p) · b[p][j]       with A(r, p) = a[r · a_row_step + p · a_column_step]
// for row-major b (inner × columns) and c (rows × columns). Each sum starts at 0 and adds its terms
// in p order, exactly as weighted_sum() does, so the results are bit-identical to the textbook dot
// products. What changes is only how many sums are in flight: `block` neighbouring columns at
// once, kept in registers, each reading a contiguous run of b's row p. That run is what the
// compiler turns into SIMD arithmetic (natively and in WebAssembly with -msimd128) without
// reassociating any sum, so native and wasm still agree bit for bit.
constexpr std::size_t block = 8;

void multiply(const double* a, std::size_t a_row_step, std::size_t a_column_step, const double* b, double* c,
              std::size_t rows, std::size_t inner, std::size_t columns) {
    for (std::size_t r = 0; r < rows; ++r) {
        const double* a_row = a + r * a_row_step;
        double* c_row = c + r * columns;
        std::size_t j = 0;
        for (; j + block <= columns; j += block) {
            double sums[block] = {};
            for (std::size_t p = 0; p < inner; ++p) {
                const double a_rp = a_row[p * a_column_step];
                const double* b_run = b + p * columns + j;
                for (std::size_t q = 0; q < block; ++q) sums[q] += a_rp * b_run[q];
            }
            for (std::size_t q = 0; q < block; ++q) c_row[j + q] = sums[q];
        }
        for (; j < columns; ++j) {  // the columns left over, one at a time
            double sum = 0.0;
            for (std::size_t p = 0; p < inner; ++p) sum += a_row[p * a_column_step] * b[p * columns + j];
            c_row[j] = sum;
        }
    }
}

// Wᵀ (fan_in × units): the forward product reads the weights into one unit along a column.
void transpose(const Matrix& m, Matrix& out) {
    out.resize(m.cols, m.rows);
    for (std::size_t r = 0; r < m.rows; ++r)
        for (std::size_t c = 0; c < m.cols; ++c) out(c, r) = m(r, c);
}

}  // namespace

DenseLayer::DenseLayer(std::size_t fan_in_, std::size_t units_, Activation activation_)
    : fan_in(fan_in_), units(units_), activation(activation_), weights(units_, fan_in_), biases(units_, 0.0) {}

void forward(const DenseLayer& layer, const Matrix& inputs, LayerForward& out) {
    const std::size_t batch = inputs.rows;
    out.pre_activations.resize(batch, layer.units);
    out.activations.resize(batch, layer.units);
    // s = x·Wᵀ: s_rj = Σ_i w_ji · x_ri, the weighted sums of every example at once.
    transpose(layer.weights, out.weights_transposed);
    multiply(inputs.values.data(), layer.fan_in, 1, out.weights_transposed.values.data(),
             out.pre_activations.values.data(), batch, layer.fan_in, layer.units);
    for (std::size_t r = 0; r < batch; ++r) {
        double* z = out.pre_activations.row(r);
        for (std::size_t j = 0; j < layer.units; ++j) z[j] += layer.biases[j];
        if (layer.softmax) softmax(z, out.activations.row(r), layer.units);
        else activate(layer.activation, z, out.activations.row(r), layer.units, layer.alpha.data(), layer.alpha_step());
    }
}

void backward(const DenseLayer& layer, const Matrix& inputs, const LayerForward& fwd, LayerGradients& g,
              bool pre_activation_gradient_given, Matrix* grad_inputs) {
    const std::size_t batch = inputs.rows;
    if (!pre_activation_gradient_given) {
        // ∂L/∂z = ∂L/∂a · f'(z): f'(z) of a row first, then the product, element by element.
        g.grad_pre_activations.resize(batch, layer.units);
        for (std::size_t r = 0; r < batch; ++r) {
            double* delta = g.grad_pre_activations.row(r);
            local_derivative(layer.activation, fwd.pre_activations.row(r), fwd.activations.row(r), delta, layer.units,
                             layer.alpha.data(), layer.alpha_step());
            const double* grad_a = g.grad_activations.row(r);
            for (std::size_t j = 0; j < layer.units; ++j) delta[j] = grad_a[j] * delta[j];
        }
    }
    const Matrix& delta = g.grad_pre_activations;  // ∂L/∂z, batch × units

    // ∂L/∂W = δᵀ·x: ∂L/∂w_ji = Σ_r δ_rj · x_ri, summed over the examples in order.
    g.grad_weights.resize(layer.units, layer.fan_in);
    multiply(delta.values.data(), 1, layer.units, inputs.values.data(), g.grad_weights.values.data(), layer.units,
             batch, layer.fan_in);

    g.grad_biases.assign(layer.units, 0.0);
    for (std::size_t r = 0; r < batch; ++r)
        for (std::size_t j = 0; j < layer.units; ++j) g.grad_biases[j] += delta(r, j);
    // ∂L/∂α = Σ ∂L/∂a · ∂a/∂α, over the examples in order (a learned parameter, e.g. PReLU's α).
    g.grad_alpha.assign(layer.alpha.size(), 0.0);
    if (!layer.alpha.empty() && !pre_activation_gradient_given)
        for (std::size_t r = 0; r < batch; ++r)
            accumulate_learned_gradient(layer.activation, fwd.pre_activations.row(r), g.grad_activations.row(r),
                                        g.grad_alpha.data(), layer.units, layer.alpha_step());

    // ∂L/∂x = δ·W: ∂L/∂x_ri = Σ_j δ_rj · w_ji, the gradient passed to the layer below.
    if (grad_inputs == nullptr) return;
    grad_inputs->resize(batch, layer.fan_in);
    multiply(delta.values.data(), layer.units, 1, layer.weights.values.data(), grad_inputs->values.data(), batch,
             layer.units, layer.fan_in);
}

}  // namespace actlab
