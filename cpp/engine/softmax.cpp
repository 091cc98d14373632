#include "softmax.hpp"

#include <cmath>

namespace actlab {

namespace {
std::size_t argmax(const double* z, std::size_t k) {
    std::size_t best = 0;
    for (std::size_t c = 1; c < k; ++c)
        if (z[c] > z[best]) best = c;
    return best;
}
}  // namespace

void softmax(const double* z, double* p, std::size_t k) {
    const double m = z[argmax(z, k)];
    double sum = 0.0;
    for (std::size_t j = 0; j < k; ++j) {
        p[j] = std::exp(z[j] - m);
        sum += p[j];
    }
    for (std::size_t j = 0; j < k; ++j) p[j] /= sum;
}

double log_sum_exp(const double* z, std::size_t k) {
    const std::size_t top = argmax(z, k);
    double rest = 0.0;  // the terms besides the largest, e^0 = 1, which log1p adds back exactly
    for (std::size_t c = 0; c < k; ++c)
        if (c != top) rest += std::exp(z[c] - z[top]);
    return z[top] + std::log1p(rest);
}

}  // namespace actlab
