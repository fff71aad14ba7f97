// From the model's parameters to a distribution in mm, and from that to yield, Cp, Cpk and a
// rating (ISO 22514-2: the normal model for sizes, the percentile method for geometric values,
// whose log-normal distribution is bounded below by zero).
#include <algorithm>
#include <array>
#include <cmath>

#include "tolerance/tolerance.h"

namespace drawlens::tolerance {
namespace {

constexpr double kZ95 = 1.6448536269514722;  // the standard normal's 95 % quantile
constexpr double kZ99865 = 3.0;              // ISO 22514-2 uses the 0.135 % and 99.865 % quantiles
constexpr double kMinSigma = 1e-9;

double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

Rating rating_for(double cpk) {
  if (cpk >= 1.67) return Rating::easy;
  if (cpk >= 1.33) return Rating::capable;
  if (cpk >= 1.0) return Rating::marginal;
  if (cpk >= 0.5) return Rating::difficult;
  return Rating::infeasible;
}

}  // namespace

std::string_view name(Rating rating) {
  constexpr std::array<std::string_view, 5> kNames = {"easy", "capable", "marginal", "difficult", "infeasible"};
  return kNames.at(static_cast<std::size_t>(rating));
}

Distribution distribution_from_model(const Feature& feature, double model_mean, double model_sigma) {
  const double zone = feature.zone_mm();
  const double sigma = std::max(model_sigma, kMinSigma);
  Distribution d;
  d.model_mean = model_mean;
  d.model_sigma = sigma;
  if (is_size(feature.feature_class)) {
    const double centre = 0.5 * (feature.deviations_mm.upper + feature.deviations_mm.lower);
    d.mean_mm = centre + zone * model_mean;
    d.sigma_mm = zone * sigma;
    d.q05_mm = d.mean_mm - kZ95 * d.sigma_mm;
    d.q50_mm = d.mean_mm;
    d.q95_mm = d.mean_mm + kZ95 * d.sigma_mm;
    return d;
  }
  d.mean_mm = zone * std::exp(model_mean + 0.5 * sigma * sigma);
  d.sigma_mm = d.mean_mm * std::sqrt(std::expm1(sigma * sigma));
  d.q05_mm = zone * std::exp(model_mean - kZ95 * sigma);
  d.q50_mm = zone * std::exp(model_mean);
  d.q95_mm = zone * std::exp(model_mean + kZ95 * sigma);
  return d;
}

Conformance conformance_of(const Feature& feature, const Distribution& distribution) {
  const double mu = distribution.model_mean;
  const double sigma = std::max(distribution.model_sigma, kMinSigma);
  Conformance c;
  if (is_size(feature.feature_class)) {
    // On the model's scale the zone is -0.5 .. +0.5.
    c.yield = normal_cdf((0.5 - mu) / sigma) - normal_cdf((-0.5 - mu) / sigma);
    c.cp = 1.0 / (6.0 * sigma);
    c.cpk = std::min(0.5 - mu, mu + 0.5) / (3.0 * sigma);
  } else {
    // ln(value / zone) is normal; the limit is ln(1) = 0. Percentile method: (USL - X50) / (X99.865 - X50).
    c.yield = normal_cdf(-mu / sigma);
    const double median = std::exp(mu);
    c.cpk = (1.0 - median) / (std::exp(mu + kZ99865 * sigma) - median);
  }
  c.rating = rating_for(c.cpk);
  return c;
}

}  // namespace drawlens::tolerance
