// Tolerance stack-ups over a chain of size features: worst case, root sum of squares, and a
// seeded Monte Carlo simulation (xoshiro256** and Box-Muller, one pass per link over a sample
// array, so that it runs at tens of millions of link samples per second on one core).
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "tolerance/tolerance.h"

namespace drawlens::tolerance {
namespace {

constexpr std::uint64_t kMaxSamples = 50'000'000;  // 400 MB of doubles
constexpr double kPi = 3.14159265358979323846;

// xoshiro256** (Blackman and Vigna), seeded through splitmix64.
class Xoshiro {
 public:
  explicit Xoshiro(std::uint64_t seed) {
    for (auto& word : state_) {
      seed += 0x9E3779B97F4A7C15ull;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      word = z ^ (z >> 31);
    }
  }
  // Uniform in (0, 1): never 0, so that log() is finite.
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }
  std::uint64_t state_[4]{};
};

double quantile(std::vector<double>& values, double p) {
  const auto k = static_cast<std::size_t>(
      std::clamp(p * static_cast<double>(values.size() - 1), 0.0, static_cast<double>(values.size() - 1)));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
  return values[k];
}

}  // namespace

Result<StackUp> stack_up(const std::vector<Feature>& features, const std::vector<StackLink>& chain,
                         const StackUpOptions& options) {
  if (chain.empty()) return make_error(Status::invalid_argument, "a stack-up needs at least one link");
  if (options.samples == 0) return make_error(Status::invalid_argument, "a stack-up needs at least one sample");
  if (options.samples > kMaxSamples) {
    return make_error(Status::limit_exceeded, "stack-up samples " + std::to_string(options.samples) +
                                                  " exceed the limit of " + std::to_string(kMaxSamples));
  }
  std::vector<const Feature*> links;
  for (const StackLink& link : chain) {
    if (link.direction != 1 && link.direction != -1) {
      return make_error(Status::invalid_argument, "link '" + link.feature_id + "' has direction " +
                                                      std::to_string(link.direction) + "; +1 or -1 expected");
    }
    auto found =
        std::find_if(features.begin(), features.end(), [&](const Feature& f) { return f.id == link.feature_id; });
    if (found == features.end()) {
      return make_error(Status::invalid_argument, "stack-up link '" + link.feature_id + "' names no feature");
    }
    if (!is_size(found->feature_class)) {
      return make_error(Status::invalid_argument, "stack-up link '" + link.feature_id + "' is a " +
                                                      std::string(name(found->feature_class)) +
                                                      " tolerance, not a size");
    }
    links.push_back(&*found);
  }

  StackUp result;
  double mean_deviation = 0, squared_half_zones = 0;
  for (std::size_t k = 0; k < links.size(); ++k) {
    const Feature& f = *links[k];
    const double d = chain[k].direction;
    result.nominal += d * f.size_mm;
    result.worst_case.upper += d > 0 ? f.deviations_mm.upper : -f.deviations_mm.lower;
    result.worst_case.lower += d > 0 ? f.deviations_mm.lower : -f.deviations_mm.upper;
    mean_deviation += d * 0.5 * (f.deviations_mm.upper + f.deviations_mm.lower);
    squared_half_zones += 0.25 * f.zone_mm() * f.zone_mm();
  }
  const double rss_half = std::sqrt(squared_half_zones);
  result.rss = {mean_deviation + rss_half, mean_deviation - rss_half};

  std::vector<double> closing(options.samples, result.nominal);
  Xoshiro random(options.seed);
  for (std::size_t k = 0; k < links.size(); ++k) {
    const Feature& f = *links[k];
    const double d = chain[k].direction;
    const double centre = 0.5 * (f.deviations_mm.upper + f.deviations_mm.lower);
    if (options.distribution == LinkDistribution::uniform) {
      for (double& value : closing) value += d * (centre + (random.uniform() - 0.5) * f.zone_mm());
      continue;
    }
    const double sigma = f.zone_mm() / 6.0;
    for (std::size_t i = 0; i < closing.size(); i += 2) {
      const double radius = sigma * std::sqrt(-2.0 * std::log(random.uniform()));
      const double angle = 2.0 * kPi * random.uniform();
      closing[i] += d * (centre + radius * std::cos(angle));
      if (i + 1 < closing.size()) closing[i + 1] += d * (centre + radius * std::sin(angle));
    }
  }
  double sum = 0, sum_squares = 0;
  for (double value : closing) {
    const double deviation = value - result.nominal;
    sum += deviation;
    sum_squares += deviation * deviation;
  }
  const double n = static_cast<double>(closing.size());
  result.samples = options.samples;
  result.monte_carlo_mean = result.nominal + sum / n;
  result.monte_carlo_sigma = std::sqrt(std::max(0.0, sum_squares / n - (sum / n) * (sum / n)));
  result.q00135 = quantile(closing, 0.00135);
  result.q05 = quantile(closing, 0.05);
  result.q50 = quantile(closing, 0.5);
  result.q95 = quantile(closing, 0.95);
  result.q99865 = quantile(closing, 0.99865);
  return result;
}

}  // namespace drawlens::tolerance
