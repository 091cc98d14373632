// The training session is the boundary with JavaScript: a dataset spec makes its examples inside the
// session (checked here against the geometry each dataset promises, not against the engine's own output),
// and every shape is checked once, when the session is created or data arrives, with a message naming it.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "protocol/request.hpp"
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
               "dataset: a dataset of 2 classes needs input_size 2 and 1 output unit, but the network has input_size 3 "
               "and 1 output units");
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

// k classes: spirals turned 2π/k apart and Gaussian blobs evenly on a circle of radius 0.7, the
// labels taken in turn; a cross-entropy session trains on them with one softmax unit per class.
BOOST_AUTO_TEST_CASE(k_class_datasets_train_a_softmax_classifier) {
    const double pi = 3.14159265358979323846;
    json classifier = spec_with({{"loss", "cross_entropy"},
                                 {"dataset", {{"kind", "spirals"}, {"size", 90}, {"noise", 0}, {"classes", 3}}},
                                 {"test_dataset", {{"kind", "gaussians"}, {"size", 600}, {"noise", 0}, {"classes", 3}}}});
    classifier["layers"][1] = {{"units", 3}, {"activation", "softmax"}};
    TrainingSession session(classifier);
    const Matrix& x = session.held_inputs("training");
    const Matrix& y = session.held_targets("training");
    for (std::size_t k = 0; k < x.rows; ++k) {
        BOOST_TEST(y(k, 0) == static_cast<double>(k % 3));
        const double t = std::hypot(x(k, 0), x(k, 1)), angle = 3.5 * pi * t + y(k, 0) * 2 * pi / 3;
        BOOST_TEST(std::fabs(x(k, 0) - t * std::cos(angle)) < 1e-12);
        BOOST_TEST(std::fabs(x(k, 1) - t * std::sin(angle)) < 1e-12);
    }
    const Matrix& g = session.held_inputs("test");
    for (std::size_t c = 0; c < 3; ++c) {
        double mx = 0, my = 0;
        for (std::size_t k = c; k < g.rows; k += 3) {
            mx += g(k, 0) / 200;
            my += g(k, 1) / 200;
        }
        const double centre = 1.25 * pi + static_cast<double>(c) * 2 * pi / 3;  // σ = 0.2: the mean is ±0.014
        BOOST_TEST(std::fabs(mx - 0.7 * std::cos(centre)) < 0.07);
        BOOST_TEST(std::fabs(my - 0.7 * std::sin(centre)) < 0.07);
    }
    BOOST_TEST(std::isfinite(session.train(20, 30)));
    const Matrix& p = session.predict("test");
    BOOST_TEST_REQUIRE(p.cols == 3u);
    for (std::size_t k = 0; k < p.rows; ++k) BOOST_TEST(std::fabs(p(k, 0) + p(k, 1) + p(k, 2) - 1) < 1e-15);

    const std::vector<double> inputs{0, 0, 1, 1}, beyond{0, 3}, half{0.5, 1};
    BOOST_TEST(error_of([&] { session.set_training_data({inputs.data(), 4, 2}, {beyond.data(), 2, 1}); }) ==
               "targets[1][0]: expected a class index, an integer from 0 to 2 (cross_entropy with 3 output units), got 3");
    BOOST_TEST(error_of([&] { session.measure({inputs.data(), 4, 2}, {half.data(), 2, 0}, json::object()); }) ==
               "targets[0][0]: expected a class index, an integer from 0 to 2 (cross_entropy with 3 output units), got 0.5");
    classifier["dataset"]["classes"] = 4;
    BOOST_TEST(error_of([&] { TrainingSession s(classifier); }) ==
               "dataset: a dataset of 4 classes needs input_size 2 and 4 output units (softmax), but the network has "
               "input_size 2 and 3 output units");
    BOOST_TEST(error_of([] { TrainingSession s(spec_with({{"dataset", {{"kind", "gaussians"}, {"classes", 3}}}})); }) ==
               "dataset: a dataset of 3 classes needs loss cross_entropy and a softmax output layer of 3 units, but the "
               "loss is bce");
    BOOST_TEST(error_of([] { TrainingSession s(spec_with({{"dataset", {{"kind", "xor"}, {"classes", 3}}}})); }) ==
               "dataset.classes: xor has 2 classes (spirals and gaussians take 2 to 8), got 3");
    BOOST_TEST(error_of([] { TrainingSession s(spec_with({{"dataset", {{"kind", "spirals"}, {"classes", 9}}}})); }) ==
               "dataset.classes: expected an integer from 2 to 8, got 9");
}

}  // namespace actlab::protocol
