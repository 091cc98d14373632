#include "dataset_request.hpp"

#include "request.hpp"

namespace actlab::protocol {

Dataset read_dataset(const Field& field) {
    reject_unknown_keys(field, {"kind", "size", "noise", "seed", "classes"});
    const std::string name = field.at("kind").text();
    const auto kind = parse_dataset(name);
    if (!kind) field.at("kind").fail("unknown dataset \"" + name + "\" (expected circle, xor, spirals, gaussians)");
    const auto size = static_cast<std::size_t>(field.has("size") ? field.at("size").integer(1, max_dataset_size) : 200);
    const double noise = field.has("noise") ? field.at("noise").number_in(0, 10) : 0.1;
    const std::uint64_t seed = field.has("seed") ? field.at("seed").integer(0, 9007199254740991ULL) : 0;
    const auto classes = static_cast<std::size_t>(field.has("classes") ? field.at("classes").integer(2, max_classes) : 2);
    if (classes != 2 && !takes_classes(*kind))
        field.at("classes").fail(name + " has 2 classes (spirals and gaussians take 2 to " + std::to_string(max_classes) +
                                 "), got " + std::to_string(classes));
    return make_dataset(*kind, size, noise, seed, classes);
}

}  // namespace actlab::protocol
