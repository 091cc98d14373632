// Minibatch training: full-batch training against torch.optim (optimisers.json), every example once
// per epoch, measure/predict against PyTorch (mlp.json), and the errors it reports.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "engine/trainer.hpp"
#include "test_support.hpp"

namespace bdata = boost::unit_test::data;
namespace tt = boost::test_tools;
using namespace actlab;
using actlab::test::close_enough;

namespace {

const std::vector<std::string> full_batch_cases{"tanh_sigmoid_sgd_wd0.01", "tanh_sigmoid_momentum_wd0.0",
                                                "tanh_sigmoid_adam_wd0.01", "prelu_sigmoid_rmsprop_wd0.01",
                                                "prelu_sigmoid_adagrad_wd0.01"};

OptimiserKind optimiser_named(const std::string& name) {
    for (OptimiserKind kind : {OptimiserKind::sgd, OptimiserKind::momentum, OptimiserKind::adagrad,
                               OptimiserKind::rmsprop, OptimiserKind::adam})
        if (optimiser_name(kind) == name) return kind;
    throw std::runtime_error("unknown optimiser " + name);
}

// With the whole batch in every step, shuffling only reorders a sum: the trajectory is torch's.
void check_full_batch(const std::string& name) {
    const auto& c = test::find_named(test::fixture("optimisers.json").at("cases"), name);
    OptimiserSettings settings;
    settings.kind = optimiser_named(c.at("optimiser"));
    settings.learning_rate = c.at("learning_rate").get<double>();
    settings.weight_decay = c.at("weight_decay").get<double>();
    Trainer trainer(test::network_from_json(c), LossKind::mse, settings, 77);
    trainer.set_training_data(test::matrix_from_json(c.at("inputs")), test::matrix_from_json(c.at("targets")));
    const std::size_t batch = c.at("inputs").size();
    std::size_t step = 0;
    for (const auto& expected : c.at("steps")) {
        const double loss = trainer.train(1, batch);
        ++step;
        BOOST_TEST(trainer.steps_taken() == step);
        BOOST_TEST(close_enough(loss, expected.at("loss_before").get<double>()), "step " << step << " loss");
        for (std::size_t l = 0; l < trainer.network().layers.size(); ++l) {
            const auto& e = expected.at("layers").at(l);
            const std::string prefix = "step " + std::to_string(step) + " layers[" + std::to_string(l) + "].";
            test::check_matrix(trainer.network().layers[l].weights, e.at("weights"), prefix + "weights");
            test::check_vector(trainer.network().layers[l].biases, e.at("biases"), prefix + "biases");
            test::check_vector(trainer.network().layers[l].alpha, e.at("alpha"), prefix + "alpha");
        }
    }
}

// N one-hot examples e_k with target 1 into one identity unit: example k's gradient reaches only
// w_k (∂L/∂w_i = δ·x_i), and is never 0 while the output is below 1. So the weights that have moved
// since the start of an epoch are exactly the examples used so far in it.
Trainer one_hot_trainer(std::size_t n, std::uint64_t seed) {
    Network network = make_network(n, {LayerSpec{1, test::make_activation("identity")}});
    OptimiserSettings sgd;
    sgd.kind = OptimiserKind::sgd;
    sgd.learning_rate = 0.01;
    Trainer trainer(network, LossKind::mse, sgd, seed);
    Matrix inputs(n, n), targets(n, 1, 1.0);
    for (std::size_t k = 0; k < n; ++k) inputs(k, k) = 1.0;
    trainer.set_training_data(inputs, targets);
    return trainer;
}

std::size_t moved_since(const Trainer& trainer, const std::vector<double>& before) {
    std::size_t moved = 0;
    const std::vector<double>& now = trainer.network().layers[0].weights.values;
    for (std::size_t k = 0; k < now.size(); ++k) moved += now[k] != before[k];
    return moved;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(trainer)

BOOST_DATA_TEST_CASE(full_batch_training_matches_torch_optim, bdata::make(full_batch_cases), name) {
    check_full_batch(name);
}

BOOST_AUTO_TEST_CASE(every_example_once_per_epoch) {
    const std::size_t n = 12;
    for (std::size_t batch : {1u, 2u, 3u, 4u, 6u}) {
        BOOST_TEST_CONTEXT("batch " << batch) {
            Trainer trainer = one_hot_trainer(n, 5);
            for (int epoch = 0; epoch < 3; ++epoch) {
                const std::vector<double> start = trainer.network().layers[0].weights.values;
                for (std::size_t step = 1; step <= n / batch; ++step) {
                    trainer.train(1, batch);
                    // n·step/batch distinct examples so far: none repeated, none skipped.
                    BOOST_TEST(moved_since(trainer, start) == step * batch, "epoch " << epoch << " step " << step);
                }
            }
            BOOST_TEST(trainer.steps_taken() == 3 * n / batch);
        }
    }
}

// The shuffle follows the seed: same seed, same parameters; another seed, another order.
BOOST_AUTO_TEST_CASE(shuffle_is_seeded) {
    Trainer a = one_hot_trainer(8, 1), b = one_hot_trainer(8, 1), c = one_hot_trainer(8, 2);
    // Half an epoch of single examples: which four weights moved depends on the order.
    a.train(4, 1);
    b.train(4, 1);
    c.train(4, 1);
    BOOST_TEST(a.network().layers[0].weights.values == b.network().layers[0].weights.values);
    BOOST_TEST(a.network().layers[0].weights.values != c.network().layers[0].weights.values);
    std::size_t moved = 0;
    for (double w : a.network().layers[0].weights.values) moved += w != 0.0;
    BOOST_TEST(moved == 4u);
    // Over 20 seeds the first example drawn is not always the same one.
    std::vector<bool> seen(8, false);
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        Trainer t = one_hot_trainer(8, seed);
        t.train(1, 1);
        for (std::size_t k = 0; k < 8; ++k) seen[k] = seen[k] || t.network().layers[0].weights.values[k] != 0.0;
    }
    std::size_t distinct = 0;
    for (bool s : seen) distinct += s;
    BOOST_TEST(distinct >= 4u);
}

// measure() and predict() do not train, and agree with PyTorch.
BOOST_AUTO_TEST_CASE(measure_and_predict_match_pytorch) {
    const auto& c = test::find_named(test::fixture("mlp.json").at("cases"), "prelu_shared_bce");
    Trainer trainer(test::network_from_json(c), LossKind::bce, OptimiserSettings{}, 3);
    const Matrix inputs = test::matrix_from_json(c.at("inputs"));
    const Matrix targets = test::matrix_from_json(c.at("targets"));
    std::vector<LayerStatistics> statistics;
    const double loss = trainer.measure(inputs, targets, 0.05, statistics);
    BOOST_TEST(close_enough(loss, c.at("expected").at("loss").get<double>()));
    BOOST_TEST(statistics.size() == c.at("layers").size());
    test::check_matrix(trainer.measured_pass().outputs(), c.at("expected").at("outputs"), "measured outputs");
    test::check_matrix(trainer.predict(inputs), c.at("expected").at("outputs"), "predicted outputs");
    BOOST_TEST(trainer.steps_taken() == 0u);
    BOOST_TEST(statistics.at(0).gradient_norm > 0.0);
}

BOOST_AUTO_TEST_CASE(bad_input_is_reported) {
    Network network = make_network(2, {LayerSpec{1, test::make_activation("sigmoid")}});
    Trainer trainer(network, LossKind::mse, OptimiserSettings{}, 0);
    BOOST_CHECK_THROW(trainer.train(1, 1), std::invalid_argument);  // no data yet
    BOOST_CHECK_THROW(trainer.set_training_data(Matrix(3, 3), Matrix(3, 1)), std::invalid_argument);
    BOOST_CHECK_THROW(trainer.set_training_data(Matrix(3, 2), Matrix(2, 1)), std::invalid_argument);
    BOOST_CHECK_THROW(trainer.set_training_data(Matrix(3, 2), Matrix(3, 2)), std::invalid_argument);
    BOOST_CHECK_THROW(trainer.set_training_data(Matrix(0, 2), Matrix(0, 1)), std::invalid_argument);
    trainer.set_training_data(Matrix(3, 2), Matrix(3, 1));
    BOOST_CHECK_THROW(trainer.train(1, 0), std::invalid_argument);
    BOOST_CHECK_NO_THROW(trainer.train(2, 5));  // a batch larger than the data is the whole data
}

BOOST_AUTO_TEST_SUITE_END()
