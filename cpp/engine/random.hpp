#pragma once
// A seeded random generator of our own: xoshiro256** seeded through SplitMix64.
// std:: distributions differ between standard libraries; this gives the same numbers natively
// and in WebAssembly for the same seed.
#include <cstdint>

namespace actlab {

class Random {
public:
    explicit Random(std::uint64_t seed);

    std::uint64_t next_u64();
    double uniform();                      // [0, 1), 53 random bits
    double uniform(double low, double high);  // [low, high)
    double normal();                       // standard normal, Box–Muller
    double normal(double mean, double std_dev);
    std::uint64_t below(std::uint64_t n);  // uniform integer in [0, n)

private:
    std::uint64_t state_[4];
    bool has_spare_normal_ = false;
    double spare_normal_ = 0.0;
};

}  // namespace actlab
