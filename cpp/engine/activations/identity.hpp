#pragma once
// Identity: the "no activation" baseline. A stack of identity layers is one linear map.
namespace actlab::identity {
inline double value(double pre_activation) { return pre_activation; }
inline double derivative(double /*pre_activation*/, double /*activation*/) { return 1.0; }
}  // namespace actlab::identity
