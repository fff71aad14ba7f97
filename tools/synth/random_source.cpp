// Seeding by splitmix64 (so nearby seeds give unrelated streams) and unbiased uniform draws.
#include "random_source.h"

namespace drawlens::synth {
namespace {

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace

RandomSource::RandomSource(std::uint64_t seed, std::uint64_t stream)
    : engine_(splitmix64(splitmix64(seed) ^ (stream * 0xD1B54A32D192ED03ull + 1))) {}

std::size_t RandomSource::index(std::size_t count) {
  if (count <= 1) return 0;
  const std::uint64_t range = count;
  // Rejection keeps every index equally likely.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % range;
  std::uint64_t bits = engine_();
  while (bits >= limit) bits = engine_();
  return static_cast<std::size_t>(bits % range);
}

int RandomSource::uniform_int(int low, int high) {
  if (high <= low) return low;
  return low + static_cast<int>(index(static_cast<std::size_t>(high - low) + 1));
}

double RandomSource::uniform_real(double low, double high) {
  const double unit = static_cast<double>(engine_() >> 11) * 0x1.0p-53;
  return low + (high - low) * unit;
}

}  // namespace drawlens::synth
