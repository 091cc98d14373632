#pragma once
// A dataset as a request names it: {kind, size, noise, seed, classes}. Read here once for the `dataset` request
// and for a training session's `dataset` / `test_dataset`, so both make the same examples from the same spec.
#include "engine/dataset.hpp"
#include "json_reader.hpp"

namespace actlab::protocol {

inline constexpr std::size_t max_dataset_size = 100000;

// Reads and makes the dataset; fails with a ProtocolError that names the field.
Dataset read_dataset(const Field& field);

}  // namespace actlab::protocol
