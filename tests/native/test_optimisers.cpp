// Optimisers: three steps against torch.optim (optimisers.json), and hand-computed steps written
// out in closed form for each update rule.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "engine/optimiser.hpp"
#include "test_support.hpp"

namespace bdata = boost::unit_test::data;
namespace tt = boost::test_tools;
using namespace actlab;
using actlab::test::close_enough;

namespace {

const std::vector<std::string> optimiser_case_names{
    "tanh_sigmoid_sgd_wd0.0",      "tanh_sigmoid_sgd_wd0.01",      "tanh_sigmoid_momentum_wd0.0",
    "tanh_sigmoid_momentum_wd0.01", "tanh_sigmoid_adagrad_wd0.0",  "tanh_sigmoid_adagrad_wd0.01",
    "tanh_sigmoid_rmsprop_wd0.0",  "tanh_sigmoid_rmsprop_wd0.01",  "tanh_sigmoid_adam_wd0.0",
    "tanh_sigmoid_adam_wd0.01",    "prelu_sigmoid_sgd_wd0.01",     "prelu_sigmoid_momentum_wd0.01",
    "prelu_sigmoid_adagrad_wd0.01", "prelu_sigmoid_rmsprop_wd0.01", "prelu_sigmoid_adam_wd0.01"};

OptimiserKind optimiser_named(const std::string& name) {
    if (name == "sgd") return OptimiserKind::sgd;
    if (name == "momentum") return OptimiserKind::momentum;
    if (name == "adagrad") return OptimiserKind::adagrad;
    if (name == "rmsprop") return OptimiserKind::rmsprop;
    if (name == "adam") return OptimiserKind::adam;
    throw std::runtime_error("unknown optimiser " + name);
}

void check_optimiser_fixture(const std::string& name) {
    const auto& c = test::find_named(test::fixture("optimisers.json").at("cases"), name);
    Network network = test::network_from_json(c);
    const Matrix inputs = test::matrix_from_json(c.at("inputs"));
    const Matrix targets = test::matrix_from_json(c.at("targets"));
    OptimiserSettings settings;
    settings.kind = optimiser_named(c.at("optimiser"));
    settings.learning_rate = c.at("learning_rate").get<double>();
    settings.weight_decay = c.at("weight_decay").get<double>();
    Optimiser optimiser(settings, network);
    ForwardPass pass;
    Gradients gradients;
    std::size_t step = 0;
    for (const auto& expected : c.at("steps")) {
        const std::string at = "step " + std::to_string(++step) + " ";
        const double loss = forward_backward(network, inputs, targets, LossKind::mse, pass, gradients);
        BOOST_TEST(close_enough(loss, expected.at("loss_before").get<double>()), at << "loss");
        optimiser.step(network, gradients);
        BOOST_TEST(optimiser.steps_taken() == step);
        for (std::size_t l = 0; l < network.layers.size(); ++l) {
            const auto& e = expected.at("layers").at(l);
            const std::string prefix = at + "layers[" + std::to_string(l) + "].";
            test::check_matrix(network.layers[l].weights, e.at("weights"), prefix + "weights");
            test::check_vector(network.layers[l].biases, e.at("biases"), prefix + "biases");
            test::check_vector(network.layers[l].alpha, e.at("alpha"), prefix + "alpha");
        }
    }
}

// One layer, 1 input → 2 PReLU units (α per unit): two weights, two biases, two α, whose
// gradients the tests set by hand.
struct Toy {
    Network network;
    Gradients gradients;

    Toy() {
        LayerSpec spec;
        spec.units = 2;
        spec.activation = test::make_activation("prelu");
        spec.alpha_mode = AlphaMode::per_unit;
        network = make_network(1, {spec});
        DenseLayer& layer = network.layers[0];
        layer.weights.values = {0.5, -1.0};
        layer.biases = {0.2, -0.3};
        layer.alpha = {0.25, 0.1};
        gradients.layers.resize(1);
        gradients.grad_inputs = Matrix(1, 1);
    }
    // Gradients for weights (w), biases (b) and α (a).
    void set(std::vector<double> w, std::vector<double> b, std::vector<double> a) {
        LayerGradients& g = gradients.layers[0];
        g.grad_weights = test::matrix_of(2, 1, w);
        g.grad_biases = std::move(b);
        g.grad_alpha = std::move(a);
    }
    const std::vector<double>& w() const { return network.layers[0].weights.values; }
    const std::vector<double>& b() const { return network.layers[0].biases; }
    const std::vector<double>& a() const { return network.layers[0].alpha; }
};

OptimiserSettings settings_for(OptimiserKind kind, double weight_decay = 0.0) {
    OptimiserSettings s;
    s.kind = kind;
    s.learning_rate = 0.1;
    s.weight_decay = weight_decay;
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(optimisers)

BOOST_DATA_TEST_CASE(match_torch_optim, bdata::make(optimiser_case_names), name) { check_optimiser_fixture(name); }

// SGD: θ ← θ − η(g + λθ) for weights and biases; α ← α − η·g (no decay).
BOOST_AUTO_TEST_CASE(sgd_closed_form) {
    Toy toy;
    Optimiser optimiser(settings_for(OptimiserKind::sgd, 0.01), toy.network);
    toy.set({0.4, -0.2}, {0.1, 0.0}, {-0.3, 0.0});
    optimiser.step(toy.network, toy.gradients);
    BOOST_TEST(toy.w()[0] == 0.5 - 0.1 * (0.4 + 0.01 * 0.5), tt::tolerance(1e-14));
    BOOST_TEST(toy.w()[1] == -1.0 - 0.1 * (-0.2 + 0.01 * -1.0), tt::tolerance(1e-14));
    BOOST_TEST(toy.b()[0] == 0.2 - 0.1 * (0.1 + 0.01 * 0.2), tt::tolerance(1e-14));
    BOOST_TEST(toy.b()[1] == -0.3 * (1 - 0.1 * 0.01), tt::tolerance(1e-14));  // zero gradient: decay alone
    BOOST_TEST(toy.a()[0] == 0.25 + 0.1 * 0.3, tt::tolerance(1e-14));
    BOOST_TEST(toy.a()[1] == 0.1);  // zero gradient and no decay: α does not move at all
    BOOST_TEST(optimiser.steps_taken() == 1u);
}

// Momentum (PyTorch form): v₁ = d₁, v₂ = μv₁ + d₂, θ ← θ − ηv, with d = g + λθ.
BOOST_AUTO_TEST_CASE(momentum_closed_form) {
    Toy toy;
    Optimiser optimiser(settings_for(OptimiserKind::momentum, 0.01), toy.network);
    toy.set({0.4, -0.2}, {0.1, 0.0}, {-0.3, 0.05});
    optimiser.step(toy.network, toy.gradients);
    const double d1 = 0.4 + 0.01 * 0.5, w1 = 0.5 - 0.1 * d1;
    BOOST_TEST(toy.w()[0] == w1, tt::tolerance(1e-14));
    const double a1 = 0.25 - 0.1 * -0.3;
    BOOST_TEST(toy.a()[0] == a1, tt::tolerance(1e-14));
    toy.set({-0.1, 0.3}, {0.2, -0.5}, {0.2, 0.0});
    optimiser.step(toy.network, toy.gradients);
    const double d2 = -0.1 + 0.01 * w1, v2 = 0.9 * d1 + d2;
    BOOST_TEST(toy.w()[0] == w1 - 0.1 * v2, tt::tolerance(1e-13));
    // α: velocity 0.9·(−0.3) + 0.2 = −0.07.
    BOOST_TEST(toy.a()[0] == a1 - 0.1 * -0.07, tt::tolerance(1e-13));
    // α[1]: v₁ = 0.05, v₂ = 0.045: it keeps moving with zero gradient.
    BOOST_TEST(toy.a()[1] == 0.1 - 0.1 * 0.05 - 0.1 * 0.045, tt::tolerance(1e-13));
}

// Adagrad: G ← G + d², θ ← θ − η·d/(√G + 1e-10). The first step is η·d/|d| ≈ η·sign(d).
BOOST_AUTO_TEST_CASE(adagrad_closed_form) {
    Toy toy;
    Optimiser optimiser(settings_for(OptimiserKind::adagrad), toy.network);
    toy.set({0.4, -0.2}, {0.1, 0.0}, {-0.3, 0.05});
    optimiser.step(toy.network, toy.gradients);
    BOOST_TEST(toy.w()[0] == 0.5 - 0.1 * 0.4 / (0.4 + 1e-10), tt::tolerance(1e-14));
    BOOST_TEST(toy.w()[1] == -1.0 + 0.1 * 0.2 / (0.2 + 1e-10), tt::tolerance(1e-14));
    BOOST_TEST(toy.b()[1] == -0.3);  // zero gradient, G = 0: 0/(0 + ε) = 0
    BOOST_TEST(toy.a()[0] == 0.25 + 0.1 * 0.3 / (0.3 + 1e-10), tt::tolerance(1e-14));
    toy.set({-0.1, 0.3}, {0.2, -0.5}, {0.2, 0.0});
    optimiser.step(toy.network, toy.gradients);
    const double w1 = 0.5 - 0.1 * 0.4 / (0.4 + 1e-10);
    BOOST_TEST(toy.w()[0] == w1 + 0.1 * 0.1 / (std::sqrt(0.16 + 0.01) + 1e-10), tt::tolerance(1e-13));
    BOOST_TEST(toy.b()[1] == -0.3 + 0.1 * 0.5 / (0.5 + 1e-10), tt::tolerance(1e-13));
}

// RMSprop (ρ = 0.99): s ← ρs + (1 − ρ)d², θ ← θ − η·d/(√s + 1e-8). First step: η·d/(0.1|d| + 1e-8).
BOOST_AUTO_TEST_CASE(rmsprop_closed_form) {
    Toy toy;
    Optimiser optimiser(settings_for(OptimiserKind::rmsprop), toy.network);
    toy.set({0.4, -0.2}, {0.1, 0.0}, {-0.3, 0.05});
    optimiser.step(toy.network, toy.gradients);
    const double w1 = 0.5 - 0.1 * 0.4 / (0.1 * 0.4 + 1e-8);
    BOOST_TEST(toy.w()[0] == w1, tt::tolerance(1e-13));
    BOOST_TEST(toy.b()[0] == 0.2 - 0.1 * 0.1 / (0.1 * 0.1 + 1e-8), tt::tolerance(1e-13));
    BOOST_TEST(toy.a()[0] == 0.25 + 0.1 * 0.3 / (0.1 * 0.3 + 1e-8), tt::tolerance(1e-13));
    toy.set({-0.1, 0.3}, {0.2, -0.5}, {0.2, 0.0});
    optimiser.step(toy.network, toy.gradients);
    const double s2 = 0.99 * 0.01 * 0.16 + 0.01 * 0.01;
    BOOST_TEST(toy.w()[0] == w1 + 0.1 * 0.1 / (std::sqrt(s2) + 1e-8), tt::tolerance(1e-13));
}

// Adam: m ← β₁m + (1 − β₁)d, v ← β₂v + (1 − β₂)d², θ ← θ − η·m̂/(√v̂ + 1e-8) with
// m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ). The first step is η·d/(|d| + 1e-8), whatever d's size.
BOOST_AUTO_TEST_CASE(adam_closed_form) {
    Toy toy;
    Optimiser optimiser(settings_for(OptimiserKind::adam, 0.01), toy.network);
    toy.set({0.4, -2e-6}, {0.1, 0.0}, {-0.3, 0.05});
    optimiser.step(toy.network, toy.gradients);
    const double d1 = 0.4 + 0.01 * 0.5, w1 = 0.5 - 0.1 * d1 / (d1 + 1e-8);
    BOOST_TEST(toy.w()[0] == w1, tt::tolerance(1e-13));
    const double e1 = -2e-6 + 0.01 * -1.0;  // decay dominates the tiny gradient
    BOOST_TEST(toy.w()[1] == -1.0 - 0.1 * e1 / (std::fabs(e1) + 1e-8), tt::tolerance(1e-13));
    BOOST_TEST(toy.a()[0] == 0.25 + 0.1 * 0.3 / (0.3 + 1e-8), tt::tolerance(1e-13));  // α: no decay
    toy.set({-0.1, 0.3}, {0.2, -0.5}, {0.2, 0.0});
    optimiser.step(toy.network, toy.gradients);
    const double d2 = -0.1 + 0.01 * w1;
    const double m2 = 0.9 * (0.1 * d1) + 0.1 * d2, v2 = 0.999 * (0.001 * d1 * d1) + 0.001 * d2 * d2;
    const double m_hat = m2 / (1 - 0.9 * 0.9), v_hat = v2 / (1 - 0.999 * 0.999);
    BOOST_TEST(toy.w()[0] == w1 - 0.1 * m_hat / (std::sqrt(v_hat) + 1e-8), tt::tolerance(1e-12));
    // α[1]: d = 0.05 then 0: m̂ = 0.9·0.005/0.19, v̂ = 0.999·0.001·0.0025/(1 − 0.999²).
    const double a1 = 0.1 - 0.1 * 0.05 / (0.05 + 1e-8);
    const double m_hat_a = 0.9 * 0.005 / 0.19, v_hat_a = 0.999 * 0.001 * 0.0025 / (1 - 0.999 * 0.999);
    BOOST_TEST(toy.a()[1] == a1 - 0.1 * m_hat_a / (std::sqrt(v_hat_a) + 1e-8), tt::tolerance(1e-12));
}

// The optional constants are honoured: ρ, β₁, β₂, μ, ε.
BOOST_AUTO_TEST_CASE(non_default_constants) {
    {
        Toy toy;
        OptimiserSettings s = settings_for(OptimiserKind::rmsprop);
        s.rho = 0.9;
        Optimiser optimiser(s, toy.network);
        toy.set({0.4, -0.2}, {0.1, 0.0}, {0.0, 0.0});
        optimiser.step(toy.network, toy.gradients);
        BOOST_TEST(toy.w()[0] == 0.5 - 0.1 * 0.4 / (std::sqrt(0.1 * 0.16) + 1e-8), tt::tolerance(1e-13));
    }
    {
        Toy toy;
        OptimiserSettings s = settings_for(OptimiserKind::adagrad);
        s.epsilon = 0.5;
        BOOST_TEST(s.effective_epsilon() == 0.5);
        Optimiser optimiser(s, toy.network);
        toy.set({0.4, -0.2}, {0.1, 0.0}, {0.0, 0.0});
        optimiser.step(toy.network, toy.gradients);
        BOOST_TEST(toy.w()[0] == 0.5 - 0.1 * 0.4 / (0.4 + 0.5), tt::tolerance(1e-14));
    }
    {
        Toy toy;
        OptimiserSettings s = settings_for(OptimiserKind::momentum);
        s.momentum = 0.5;
        Optimiser optimiser(s, toy.network);
        toy.set({0.4, -0.2}, {0.1, 0.0}, {0.0, 0.0});
        optimiser.step(toy.network, toy.gradients);
        optimiser.step(toy.network, toy.gradients);
        BOOST_TEST(toy.w()[0] == 0.5 - 0.1 * 0.4 - 0.1 * (0.5 * 0.4 + 0.4), tt::tolerance(1e-14));
    }
    {
        Toy toy;
        OptimiserSettings s = settings_for(OptimiserKind::adam);
        s.beta1 = 0.5;
        s.beta2 = 0.9;
        Optimiser optimiser(s, toy.network);
        toy.set({0.4, -0.2}, {0.1, 0.0}, {0.0, 0.0});
        optimiser.step(toy.network, toy.gradients);
        const double w1 = 0.5 - 0.1 * 0.4 / (0.4 + 1e-8);
        BOOST_TEST(toy.w()[0] == w1, tt::tolerance(1e-13));
        toy.set({-0.1, -0.2}, {0.1, 0.0}, {0.0, 0.0});
        optimiser.step(toy.network, toy.gradients);
        const double m = 0.5 * 0.5 * 0.4 + 0.5 * -0.1, v = 0.9 * 0.1 * 0.16 + 0.1 * 0.01;
        BOOST_TEST(toy.w()[0] == w1 - 0.1 * (m / 0.75) / (std::sqrt(v / 0.19) + 1e-8), tt::tolerance(1e-12));
    }
}

BOOST_AUTO_TEST_CASE(default_epsilons) {
    BOOST_TEST(settings_for(OptimiserKind::adagrad).effective_epsilon() == 1e-10);
    BOOST_TEST(settings_for(OptimiserKind::rmsprop).effective_epsilon() == 1e-8);
    BOOST_TEST(settings_for(OptimiserKind::adam).effective_epsilon() == 1e-8);
    const OptimiserSettings defaults;
    BOOST_TEST(defaults.momentum == 0.9);
    BOOST_TEST(defaults.rho == 0.99);
    BOOST_TEST(defaults.beta1 == 0.9);
    BOOST_TEST(defaults.beta2 == 0.999);
    BOOST_TEST(defaults.weight_decay == 0.0);
}

BOOST_AUTO_TEST_CASE(names_round_trip) {
    for (const std::string name : {"sgd", "momentum", "adagrad", "rmsprop", "adam"}) {
        const auto kind = parse_optimiser(name);
        BOOST_TEST_REQUIRE(kind.has_value(), name);
        BOOST_TEST((*kind == optimiser_named(name)), name);
        BOOST_TEST(std::string(optimiser_name(*kind)) == name);
    }
    BOOST_TEST(!parse_optimiser("adamw").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
