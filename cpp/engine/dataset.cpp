#include "dataset.hpp"

#include <cmath>

#include "random.hpp"

namespace actlab {

namespace {
constexpr double pi = 3.14159265358979323846;
}

bool takes_classes(DatasetKind kind) { return kind == DatasetKind::spirals || kind == DatasetKind::gaussians; }

Dataset make_dataset(DatasetKind kind, std::size_t size, double noise, std::uint64_t seed, std::size_t classes) {
    Random random(seed);
    Dataset data{Matrix(size, 2), Matrix(size, 1), classes};
    const double turn = 2 * pi / static_cast<double>(classes);  // the angle between neighbouring classes
    for (std::size_t k = 0; k < size; ++k) {
        const int label = static_cast<int>(k % classes);
        double x = 0, y = 0;
        switch (kind) {
            case DatasetKind::circle: {
                const double radius = label == 1 ? random.uniform(0.0, 0.5) : random.uniform(0.7, 1.0);
                const double angle = random.uniform(0.0, 2 * pi);
                x = radius * std::cos(angle);
                y = radius * std::sin(angle);
                break;
            }
            case DatasetKind::xor_: {
                // A margin of 0.05 around the axes keeps the classes apart before noise.
                const double px = random.uniform(0.05, 1.0), py = random.uniform(0.05, 1.0);
                const bool flip = random.uniform() < 0.5;
                x = flip ? -px : px;
                y = (label == 1) == flip ? -py : py;
                break;
            }
            case DatasetKind::spirals: {
                const double t = random.uniform(0.05, 1.0);
                const double angle = 3.5 * pi * t + label * turn;  // two classes: turn = π
                x = t * std::cos(angle);
                y = t * std::sin(angle);
                break;
            }
            case DatasetKind::gaussians: {
                // Two blobs sit at (±0.5, ±0.5); k > 2 evenly on a circle of radius 0.7, the first at 225°.
                double cx = label == 1 ? 0.5 : -0.5, cy = cx;
                if (classes > 2) {
                    cx = 0.7 * std::cos(1.25 * pi + label * turn);
                    cy = 0.7 * std::sin(1.25 * pi + label * turn);
                }
                x = random.normal(cx, 0.2);
                y = random.normal(cy, 0.2);
                break;
            }
        }
        data.inputs(k, 0) = x + (noise > 0 ? random.normal(0.0, noise) : 0.0);
        data.inputs(k, 1) = y + (noise > 0 ? random.normal(0.0, noise) : 0.0);
        data.targets(k, 0) = label;
    }
    return data;
}

std::string_view dataset_name(DatasetKind kind) {
    switch (kind) {
        case DatasetKind::circle: return "circle";
        case DatasetKind::xor_: return "xor";
        case DatasetKind::spirals: return "spirals";
        case DatasetKind::gaussians: return "gaussians";
    }
    return "circle";
}

std::optional<DatasetKind> parse_dataset(std::string_view name) {
    for (DatasetKind kind : {DatasetKind::circle, DatasetKind::xor_, DatasetKind::spirals, DatasetKind::gaussians})
        if (dataset_name(kind) == name) return kind;
    return std::nullopt;
}

}  // namespace actlab
