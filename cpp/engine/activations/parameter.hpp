#pragma once
// An activation's constant (Leaky ReLU's slope, ELU's α, …) as its header declares it: the member
// that holds it, the name requests use, and the range a request may set. The default is the
// member's initial value, so it is written once.
#include <limits>

namespace actlab::activations {

inline constexpr double unbounded = std::numeric_limits<double>::infinity();

template <typename Activation>
struct Parameter {
    const char* name;
    double Activation::*member;
    double low = -unbounded;
    double high = unbounded;
};

}  // namespace actlab::activations
