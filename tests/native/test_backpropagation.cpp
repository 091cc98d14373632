// Backpropagation: every intermediate of the forward and backward pass against PyTorch autograd
// (mlp.json), plus the article's structural claims checked in closed form.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "engine/backpropagation.hpp"
#include "engine/initialisation.hpp"
#include "engine/random.hpp"
#include "test_support.hpp"

namespace bdata = boost::unit_test::data;
namespace tt = boost::test_tools;
using namespace actlab;
using actlab::test::close_enough;

namespace {

// Every case of mlp.json, so a case added to the generator is checked without a list to extend here.
std::vector<std::string> mlp_case_names() {
    std::vector<std::string> names;
    for (const auto& entry : test::fixture("mlp.json").at("cases")) names.push_back(entry.at("name").get<std::string>());
    return names;
}

double logistic(double z) { return 1.0 / (1.0 + std::exp(-z)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(backpropagation)

namespace {
void check_mlp_fixture(const std::string& name) {
    const auto& c = test::find_named(test::fixture("mlp.json").at("cases"), name);
    const Network network = test::network_from_json(c);
    const Matrix inputs = test::matrix_from_json(c.at("inputs"));
    const Matrix targets = test::matrix_from_json(c.at("targets"));
    const auto& expected = c.at("expected");

    ForwardPass pass;
    Gradients gradients;
    const double loss = forward_backward(network, inputs, targets, test::loss_named(c.at("loss")), pass, gradients);

    BOOST_TEST(std::isfinite(loss));
    BOOST_TEST(close_enough(loss, expected.at("loss").get<double>()), "loss");
    test::check_matrix(pass.outputs(), expected.at("outputs"), "outputs");
    BOOST_TEST_REQUIRE(pass.layers.size() == network.layers.size());
    BOOST_TEST_REQUIRE(gradients.layers.size() == network.layers.size());
    for (std::size_t l = 0; l < network.layers.size(); ++l) {
        const auto& e = expected.at("layers").at(l);
        const std::string prefix = "layers[" + std::to_string(l) + "].";
        test::check_matrix(pass.layers[l].pre_activations, e.at("pre_activations"), prefix + "pre_activations");
        test::check_matrix(pass.layers[l].activations, e.at("activations"), prefix + "activations");
        test::check_matrix(gradients.layers[l].grad_pre_activations, e.at("grad_pre_activations"),
                           prefix + "grad_pre_activations");
        test::check_matrix(gradients.layers[l].grad_weights, e.at("grad_weights"), prefix + "grad_weights");
        test::check_vector(gradients.layers[l].grad_biases, e.at("grad_biases"), prefix + "grad_biases");
        test::check_vector(gradients.layers[l].grad_alpha, e.at("grad_alpha"), prefix + "grad_alpha");
    }
    test::check_matrix(gradients.grad_inputs, expected.at("grad_inputs"), "grad_inputs");
}
}  // namespace

BOOST_DATA_TEST_CASE(matches_pytorch_autograd, bdata::make(mlp_case_names()), name) { check_mlp_fixture(name); }

// Buffers are reused across calls (training loops do): a second pass on other data must not keep
// anything from the first, e.g. gradients accumulated on top of the old ones.
BOOST_AUTO_TEST_CASE(reused_buffers_give_the_same_answer) {
    const auto& cases = test::fixture("mlp.json").at("cases");
    ForwardPass pass;
    Gradients gradients;
    for (const std::string name : {"gelu_silu_bce", "prelu_per_unit_mse", "tanh_sigmoid_mse", "gelu_silu_bce"}) {
        const auto& c = test::find_named(cases, name);
        const Network network = test::network_from_json(c);
        const Matrix inputs = test::matrix_from_json(c.at("inputs"));
        const Matrix targets = test::matrix_from_json(c.at("targets"));
        forward_backward(network, inputs, targets, test::loss_named(c.at("loss")), pass, gradients);
        const auto& e = c.at("expected");
        test::check_matrix(gradients.grad_inputs, e.at("grad_inputs"), name + " grad_inputs");
        test::check_matrix(gradients.layers[0].grad_weights, e.at("layers").at(0).at("grad_weights"),
                           name + " layers[0].grad_weights");
    }
}

// A layer's backward pass also works without ∂L/∂x (the first layer needs no input gradient).
BOOST_AUTO_TEST_CASE(layer_backward_without_input_gradient) {
    const auto& c = test::find_named(test::fixture("mlp.json").at("cases"), "single_sigmoid_bce");
    const Network network = test::network_from_json(c);
    const Matrix inputs = test::matrix_from_json(c.at("inputs"));
    const Matrix targets = test::matrix_from_json(c.at("targets"));
    LayerForward out;
    forward(network.layers[0], inputs, out);
    const LossResult loss = compute_loss(LossKind::bce, out.pre_activations, out.activations, targets);
    BOOST_TEST(loss.gradient_is_pre_activation);
    LayerGradients g;
    g.grad_pre_activations = loss.gradient;
    backward(network.layers[0], inputs, out, g, true, nullptr);
    const auto& e = c.at("expected").at("layers").at(0);
    test::check_matrix(g.grad_weights, e.at("grad_weights"), "grad_weights");
    test::check_vector(g.grad_biases, e.at("grad_biases"), "grad_biases");
}

// Article 1.1: without activations, stacked layers are one linear map:
// W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂).
BOOST_AUTO_TEST_CASE(stacked_identity_layers_are_one_linear_map) {
    Activation identity;
    Network network = make_network(2, {{3, identity}, {2, identity}});
    network.layers[0].weights = test::matrix_of(3, 2, {0.5, -1.0, 2.0, 0.25, -0.75, 1.5});
    network.layers[0].biases = {0.1, -0.2, 0.3};
    network.layers[1].weights = test::matrix_of(2, 3, {1.0, 0.5, -2.0, -0.5, 0.25, 1.0});
    network.layers[1].biases = {-1.0, 0.5};
    // Collapsed by hand: W = W₂W₁, b = W₂b₁ + b₂.
    const double W[2][2] = {{1.0 * 0.5 + 0.5 * 2.0 - 2.0 * -0.75, 1.0 * -1.0 + 0.5 * 0.25 - 2.0 * 1.5},
                            {-0.5 * 0.5 + 0.25 * 2.0 + 1.0 * -0.75, -0.5 * -1.0 + 0.25 * 0.25 + 1.0 * 1.5}};
    const double b[2] = {1.0 * 0.1 + 0.5 * -0.2 - 2.0 * 0.3 - 1.0, -0.5 * 0.1 + 0.25 * -0.2 + 1.0 * 0.3 + 0.5};
    const Matrix inputs = test::matrix_of(3, 2, {1.0, 2.0, -0.5, 0.3, 4.0, -3.0});
    ForwardPass pass;
    forward(network, inputs, pass);
    for (std::size_t r = 0; r < 3; ++r)
        for (std::size_t j = 0; j < 2; ++j)
            BOOST_TEST(pass.outputs()(r, j) == W[j][0] * inputs(r, 0) + W[j][1] * inputs(r, 1) + b[j],
                       tt::tolerance(1e-12));
}

// Article 1.2: dL/dw = dL/do · f'(y) · dy/dw, written out for one sigmoid neuron with MSE.
BOOST_AUTO_TEST_CASE(one_neuron_chain_rule) {
    const Activation sigmoid = test::make_activation("sigmoid");
    Network network = make_network(2, {{1, sigmoid}});
    network.layers[0].weights = test::matrix_of(1, 2, {0.8, -0.3});
    network.layers[0].biases = {0.1};
    const Matrix inputs = test::matrix_of(1, 2, {1.5, 2.0});
    const Matrix targets = test::matrix_of(1, 1, {1.0});
    ForwardPass pass;
    Gradients gradients;
    const double loss = forward_backward(network, inputs, targets, LossKind::mse, pass, gradients);
    const double y = 0.8 * 1.5 - 0.3 * 2.0 + 0.1, o = logistic(y);
    const double dL_do = 2 * (o - 1.0), do_dy = o * (1 - o);
    BOOST_TEST(loss == (o - 1) * (o - 1), tt::tolerance(1e-12));
    BOOST_TEST(gradients.layers[0].grad_weights(0, 0) == dL_do * do_dy * 1.5, tt::tolerance(1e-12));
    BOOST_TEST(gradients.layers[0].grad_weights(0, 1) == dL_do * do_dy * 2.0, tt::tolerance(1e-12));
    BOOST_TEST(gradients.layers[0].grad_biases[0] == dL_do * do_dy, tt::tolerance(1e-12));
    BOOST_TEST(gradients.grad_inputs(0, 0) == dL_do * do_dy * 0.8, tt::tolerance(1e-12));
    BOOST_TEST(gradients.grad_inputs(0, 1) == dL_do * do_dy * -0.3, tt::tolerance(1e-12));
}

// Article 2.2: σ' ≤ 1/4, so a chain of L one-unit sigmoid layers with weight 1 shrinks ∂L/∂x to at
// most (1/4)^L of ∂L/∂a at the top; at z = 0 everywhere it is exactly 1/4 per layer.
BOOST_AUTO_TEST_CASE(sigmoid_chain_shrinks_gradient_by_a_quarter_per_layer) {
    const Activation sigmoid = test::make_activation("sigmoid");
    for (std::size_t depth : {1u, 3u, 6u, 10u}) {
        Network network = make_network(1, std::vector<LayerSpec>(depth, LayerSpec{1, sigmoid}));
        for (auto& layer : network.layers) {
            layer.weights(0, 0) = 1.0;
            layer.biases[0] = -0.5;  // first layer: z = 0; later ones: z = σ(·) − 0.5 = 0
        }
        network.layers[0].biases[0] = 0.0;
        const Matrix inputs = test::matrix_of(1, 1, {0.0});
        const Matrix targets = test::matrix_of(1, 1, {0.0});
        ForwardPass pass;
        Gradients gradients;
        forward_backward(network, inputs, targets, LossKind::mse, pass, gradients);
        const double top = 2 * (0.5 - 0.0);  // ∂L/∂a of the output, a = σ(0) = 0.5
        BOOST_TEST(gradients.grad_inputs(0, 0) == top * std::pow(0.25, static_cast<double>(depth)),
                   tt::tolerance(1e-12));
        // Any other input: never more than the bound.
        const Matrix other = test::matrix_of(1, 1, {1.7});
        forward_backward(network, other, targets, LossKind::mse, pass, gradients);
        const double output_gradient = 2 * pass.outputs()(0, 0);
        BOOST_TEST(std::fabs(gradients.grad_inputs(0, 0)) <= output_gradient * std::pow(0.25, double(depth)));
    }
}

// Article 2.1 (fig 12): weights into one neuron fed by sigmoid outputs (all > 0) get gradients of
// one sign for a single example: ∂L/∂w_ji = δ_j · x_i with x_i > 0.
BOOST_AUTO_TEST_CASE(weights_fed_by_sigmoid_outputs_share_a_gradient_sign) {
    const Activation sigmoid = test::make_activation("sigmoid"), tanh_f = test::make_activation("tanh");
    Network network = make_network(3, {{4, sigmoid}, {3, tanh_f}, {1, sigmoid}});
    Initialisation init;
    init.scheme = InitScheme::normal;
    init.scale = 1.0;
    Random random(99);
    std::size_t same_sign_rows = 0, rows = 0;
    for (std::uint64_t trial = 0; trial < 20; ++trial) {
        init.seed = trial;
        initialise(network, init);
        const Matrix inputs = test::matrix_of(1, 3, {random.normal(), random.normal(), random.normal()});
        const Matrix targets = test::matrix_of(1, 1, {random.uniform()});
        ForwardPass pass;
        Gradients gradients;
        forward_backward(network, inputs, targets, LossKind::mse, pass, gradients);
        const Matrix& g = gradients.layers[1].grad_weights;  // layer 1 reads layer 0's sigmoid outputs
        for (std::size_t j = 0; j < g.rows; ++j) {
            bool all_positive = true, all_negative = true;
            for (std::size_t i = 0; i < g.cols; ++i) {
                all_positive = all_positive && g(j, i) > 0;
                all_negative = all_negative && g(j, i) < 0;
            }
            same_sign_rows += all_positive || all_negative;
            ++rows;
        }
    }
    BOOST_TEST(same_sign_rows == rows);
}

BOOST_AUTO_TEST_SUITE_END()
