#pragma once
// Seeded 2-D classification datasets for the training playground, in the square [−1, 1]².
// Labels are 0 or 1; examples alternate between the two classes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "matrix.hpp"

namespace actlab {

enum class DatasetKind {
    circle,     // class 1 inside a disc of radius 0.5, class 0 in a ring around it
    xor_,       // class 1 where x·y > 0 (the classic problem no linear model solves)
    spirals,    // two interleaved spirals
    gaussians,  // two Gaussian blobs
};

struct Dataset {
    Matrix inputs;   // size × 2
    Matrix targets;  // size × 1, 0 or 1
};

// `noise` is the standard deviation of Gaussian jitter added to every coordinate.
Dataset make_dataset(DatasetKind kind, std::size_t size, double noise, std::uint64_t seed);

std::string_view dataset_name(DatasetKind kind);
std::optional<DatasetKind> parse_dataset(std::string_view name);

}  // namespace actlab
