#pragma once
// Seeded 2-D classification datasets for the training playground, in the square [−1, 1]².
// Labels are the class indices 0 … k−1 (k = 2 for circle and xor, any k ≥ 2 for spirals and gaussians);
// examples take the classes in turn: example i has label i mod k.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "matrix.hpp"

namespace actlab {

enum class DatasetKind {
    circle,     // class 1 inside a disc of radius 0.5, class 0 in a ring around it
    xor_,       // class 1 where x·y > 0 (the classic problem no linear model solves)
    spirals,    // k interleaved spirals, turned 2π/k apart
    gaussians,  // k Gaussian blobs: two on the diagonal, more on a circle around the origin
};

struct Dataset {
    Matrix inputs;   // size × 2
    Matrix targets;  // size × 1, the class index
    std::size_t classes = 2;
};

// `noise` is the standard deviation of Gaussian jitter added to every coordinate; `classes` is k ≥ 2
// (circle and xor have 2 only: see takes_classes).
Dataset make_dataset(DatasetKind kind, std::size_t size, double noise, std::uint64_t seed, std::size_t classes = 2);
bool takes_classes(DatasetKind kind);  // spirals and gaussians come in any number of classes

std::string_view dataset_name(DatasetKind kind);
std::optional<DatasetKind> parse_dataset(std::string_view name);

}  // namespace actlab
