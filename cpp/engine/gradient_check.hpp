#pragma once
// Gradient check: every analytic gradient against a central finite difference
//   (L(θ + h) − L(θ − h)) / 2h
// A wrong backward pass shows up as a large relative error.
#include <cstddef>
#include <string>

#include "backpropagation.hpp"

namespace actlab {

struct GradientCheckResult {
    double max_relative_error = 0;
    std::string worst_parameter;    // e.g. "layers[1].weights[0][2]"
    double worst_analytic = 0, worst_numeric = 0;
    std::size_t parameters_checked = 0;
};

// relative error = |analytic − numeric| / max(|analytic| + |numeric|, floor); the floor (1e-8) keeps
// two gradients that are both ~0 from counting as a mismatch. Checks weights, biases, PReLU α and
// the inputs; beyond `max_checks` quantities, an evenly spaced subset.
GradientCheckResult gradient_check(const Network& network, const Matrix& inputs, const Matrix& targets,
                                   LossKind loss, double step = 1e-6, std::size_t max_checks = 4096);

}  // namespace actlab
