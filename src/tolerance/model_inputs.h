// What the skin model sees and predicts, in one place for training and inference: the input row
// of a feature under a process and material, and the scale its target lives on (docs/tolerance.md,
// "The model").
#pragma once

#include "tolerance/tolerance.h"

namespace drawlens::tolerance {

// ISO 286-1 tolerance factor i = 0.45 * cbrt(D) + 0.001 * D in µm, D in mm (evaluated at D itself
// rather than at the geometric mean of its size range, so that it is smooth).
double tolerance_factor_um(double size_mm);
// The standard grades form a geometric series, IT = i * 10^((grade - 1) / 5) from IT6 (10 i) on;
// these extend it to fractional grades, both ways.
double grade_width_mm(double size_mm, double grade);
double continuous_grade(double size_mm, double width_mm);

// One-hot process, material and feature class, then log10 size, log10 zone and the zone's
// continuous grade.
inline constexpr int kInputCount = kProcessCount + kMaterialCount + kFeatureClassCount + 3;
void write_inputs(const Feature& feature, Process process, Material material, float* row);

// The model's target for a measured value: a size's deviation from nominal as (deviation -
// zone centre) / zone, a geometric value as ln(value / zone). Values <= 0 of a geometric feature
// are clamped to a thousandth of the zone.
double model_target(const Feature& feature, double measured_mm);

}  // namespace drawlens::tolerance
