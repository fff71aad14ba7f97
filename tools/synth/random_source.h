// The generator's only source of chance: std::mt19937_64 (fully specified by the standard) with
// our own uniform helpers, because the std:: distributions differ between library implementations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>

namespace drawlens::synth {

class RandomSource {
 public:
  // One independent stream per (seed, stream): drawing i of a series does not depend on the others.
  RandomSource(std::uint64_t seed, std::uint64_t stream);

  std::uint64_t next_bits() { return engine_(); }
  // Uniform in [low, high], both included.
  int uniform_int(int low, int high);
  std::size_t index(std::size_t count);
  // Uniform in [low, high).
  double uniform_real(double low, double high);
  bool chance(double probability) { return uniform_real(0.0, 1.0) < probability; }

  template <typename Container>
  const auto& pick(const Container& items) {
    return items[index(std::size(items))];
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace drawlens::synth
