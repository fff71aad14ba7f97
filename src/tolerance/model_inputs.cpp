// The skin model's input row and target scale (model_inputs.h).
#include "tolerance/model_inputs.h"

#include <algorithm>
#include <cmath>

namespace drawlens::tolerance {
namespace {
constexpr double kSmallestGeometricFraction = 1e-3;
}  // namespace

double tolerance_factor_um(double size_mm) {
  return 0.45 * std::cbrt(size_mm) + 0.001 * size_mm;
}

double grade_width_mm(double size_mm, double grade) {
  return tolerance_factor_um(size_mm) * std::pow(10.0, (grade - 1.0) / 5.0) / 1000.0;
}

double continuous_grade(double size_mm, double width_mm) {
  return 1.0 + 5.0 * std::log10(width_mm * 1000.0 / tolerance_factor_um(size_mm));
}

void write_inputs(const Feature& feature, Process process, Material material, float* row) {
  std::fill(row, row + kInputCount, 0.0f);
  row[static_cast<int>(process)] = 1.0f;
  row[kProcessCount + static_cast<int>(material)] = 1.0f;
  row[kProcessCount + kMaterialCount + static_cast<int>(feature.feature_class)] = 1.0f;
  float* numeric = row + kProcessCount + kMaterialCount + kFeatureClassCount;
  numeric[0] = static_cast<float>(std::log10(feature.size_mm));
  numeric[1] = static_cast<float>(std::log10(feature.zone_mm()));
  numeric[2] = static_cast<float>(continuous_grade(feature.size_mm, feature.zone_mm()));
}

double model_target(const Feature& feature, double measured_mm) {
  const double zone = feature.zone_mm();
  if (is_size(feature.feature_class)) {
    const double centre = 0.5 * (feature.deviations_mm.upper + feature.deviations_mm.lower);
    return (measured_mm - centre) / zone;
  }
  return std::log(std::max(measured_mm, kSmallestGeometricFraction * zone) / zone);
}

}  // namespace drawlens::tolerance
