#pragma once
// A dense row-major matrix of doubles. Batches are rows × units: one row per example.
#include <cstddef>
#include <vector>

namespace actlab {

struct Matrix {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<double> values;

    Matrix() = default;
    Matrix(std::size_t rows_, std::size_t cols_, double fill = 0.0)
        : rows(rows_), cols(cols_), values(rows_ * cols_, fill) {}

    double& operator()(std::size_t r, std::size_t c) { return values[r * cols + c]; }
    double operator()(std::size_t r, std::size_t c) const { return values[r * cols + c]; }
    double* row(std::size_t r) { return values.data() + r * cols; }
    const double* row(std::size_t r) const { return values.data() + r * cols; }

    // Keeps the allocation when the shape shrinks or stays: training loops reuse their buffers.
    void resize(std::size_t rows_, std::size_t cols_) {
        rows = rows_;
        cols = cols_;
        values.assign(rows_ * cols_, 0.0);
    }
};

}  // namespace actlab
