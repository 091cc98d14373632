// The training session is the boundary with JavaScript: a dataset spec makes its examples inside the
// session (checked here against the geometry each dataset promises, not against the engine's own output),
// and every shape is checked once, when the session is created or data arrives, with a message naming it.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "protocol/training_session.hpp"

namespace actlab::protocol {

namespace {

json spec_with(json extra, std::size_t input_size = 2) {
    json spec = {{"input_size", input_size},
                 {"layers", {{{"units", 4}, {"activation", "tanh"}}, {{"units", 1}, {"activation", "sigmoid"}}}},
                 {"init", {{"scheme", "xavier_uniform"}, {"seed", 3}}},
                 {"loss", "bce"},
                 {"optimiser", {{"optimiser", "sgd"}, {"learning_rate", 0.5}}},
                 {"shuffle_seed", 5}};
    spec.update(extra);
    return spec;
}

template <typename Work>
std::string error_of(const Work& work) {
    try {
        work();
    } catch (const ProtocolError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_dataset_spec_makes_the_training_and_test_sets_inside_the_session) {
    TrainingSession session(spec_with({{"dataset", {{"kind", "xor"}, {"size", 101}, {"noise", 0}, {"seed", 7}}},
                                       {"test_dataset", {{"kind", "circle"}, {"size", 40}, {"noise", 0}, {"seed", 8}}}}));
    const Matrix& x = session.held_inputs("training");
    const Matrix& y = session.held_targets("training");
    BOOST_TEST(x.rows == 101u);
    BOOST_TEST(x.cols == 2u);
    BOOST_TEST(y.cols == 1u);
    for (std::size_t k = 0; k < x.rows; ++k) {
        // Labels alternate 0, 1, …; without noise, class 1 is where x·y > 0, at least 0.05 from each axis.
        BOOST_TEST(y(k, 0) == static_cast<double>(k % 2));
        BOOST_TEST((x(k, 0) * x(k, 1) > 0) == (k % 2 == 1));
        BOOST_TEST(std::fabs(x(k, 0)) >= 0.05);
        BOOST_TEST(std::fabs(x(k, 1)) >= 0.05);
    }
    const Matrix& t = session.held_inputs("test");
    BOOST_TEST(t.rows == 40u);
    for (std::size_t k = 0; k < t.rows; ++k) {
        const double radius = std::hypot(t(k, 0), t(k, 1));
        BOOST_TEST((k % 2 == 1 ? radius <= 0.5 : radius >= 0.7 && radius <= 1.0));
    }
    // The session trains on it straight away, and measures and predicts on either set by name.
    BOOST_TEST(std::isfinite(session.train(3, 16)));
    BOOST_TEST(session.steps_taken() == 3u);
    BOOST_TEST(session.predict("test").rows == 40u);
    BOOST_TEST(session.measure("training", json::object()).at("layers").size() == 2u);
}

BOOST_AUTO_TEST_CASE(shapes_are_refused_at_the_boundary_with_the_field_named) {
    BOOST_TEST(error_of([] { TrainingSession s(spec_with({{"dataset", {{"kind", "xor"}}}}, 3)); }) ==
               "dataset: a dataset has 2 inputs and 1 target, but the network has input_size 3 and 1 output units");
    BOOST_TEST(error_of([] { TrainingSession s(spec_with({{"test_dataset", {{"kind", "moons"}}}})); }) ==
               "test_dataset.kind: unknown dataset \"moons\" (expected circle, xor, spirals, gaussians)");

    TrainingSession session(spec_with(json::object()));
    BOOST_TEST(error_of([&] { session.train(1, 1); }) == "train: no training data set");
    BOOST_TEST(error_of([&] { session.measure("training", json::object()); }) == "training: no training data set");
    BOOST_TEST(error_of([&] { session.predict("test"); }) == "test: the session was created without a test_dataset");
    BOOST_TEST(error_of([&] { session.predict("validation"); }) == "set: expected \"training\" or \"test\", got \"validation\"");

    const std::vector<double> three{1, 2, 3}, four{1, 2, 3, 4}, one{1}, two{0, 1};
    BOOST_TEST(error_of([&] { session.set_training_data({three.data(), 3, 3}, {one.data(), 1, 1}); }) ==
               "inputs[0]: expected a list of 2 numbers, got 3");
    BOOST_TEST(error_of([&] { session.set_training_data({three.data(), 3, 0}, {one.data(), 1, 0}); }) ==
               "inputs: expected rows of 2 numbers (a length that is a multiple of 2), got 3 numbers");
    BOOST_TEST(error_of([&] { session.set_training_data({four.data(), 4, 2}, {one.data(), 1, 1}); }) ==
               "targets: expected 2 rows, got 1");
    BOOST_TEST(error_of([&] { session.predict(Rows{four.data(), 0, 2}); }) == "inputs: expected 1 to 65536 rows, got 0");
    session.set_training_data({four.data(), 4, 2}, {two.data(), 2, 1});
    BOOST_TEST(session.held_inputs("training").values == four);
    BOOST_TEST(std::isfinite(session.train(2, 2)));
}

}  // namespace actlab::protocol
