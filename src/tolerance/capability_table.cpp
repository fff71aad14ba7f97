// The capability table (capability_table.h): measured from the booster on a grid of grades and
// sizes, stored as JSON in the model header, interpolated when asked.
#include "tolerance/capability_table.h"

#include <algorithm>
#include <cmath>

#include "tolerance/model_inputs.h"

namespace drawlens::tolerance {
namespace {

constexpr std::size_t kSizes = kTableSizesMm.size();
constexpr std::size_t kCells = std::size_t{kMaterialCount} * kProcessCount * kFeatureClassCount * kSizes;
constexpr double kNever = kTableCoarsestGrade + 1.0;  // holds no grade of the scan
constexpr double kMinLogSigma = -12.0, kMaxLogSigma = 5.0;

int grade_count() {
  return static_cast<int>(std::lround((kTableCoarsestGrade - kTableFinestGrade) / kTableGradeStep)) + 1;
}

Feature grid_feature(FeatureClass feature_class, double size_mm, double grade) {
  Feature f;
  f.feature_class = feature_class;
  f.size_mm = size_mm;
  const double zone = grade_width_mm(size_mm, grade);
  f.deviations_mm = is_size(feature_class) ? parse::Deviations{zone / 2, -zone / 2} : parse::Deviations{zone, 0.0};
  return f;
}

}  // namespace

std::size_t CapabilityTable::index(Material material, Process process, FeatureClass feature_class, std::size_t size) {
  return ((static_cast<std::size_t>(material) * kProcessCount + static_cast<std::size_t>(process)) *
              kFeatureClassCount +
          static_cast<std::size_t>(feature_class)) *
             kSizes +
         size;
}

Result<CapabilityTable> CapabilityTable::measure(const Booster& booster, double sigma_scale, double min_cpk) {
  const int grades = grade_count();
  CapabilityTable table;
  table.finest_.assign(kCells, kNever);
  DenseRows rows;
  rows.columns = kInputCount;
  std::vector<Feature> features;
  // One material and process at a time: 16 classes x 6 sizes x 73 grades rows per call.
  for (int m = 0; m < kMaterialCount; ++m) {
    for (int p = 0; p < kProcessCount; ++p) {
      features.clear();
      for (int c = 0; c < kFeatureClassCount; ++c) {
        for (double size : kTableSizesMm) {
          for (int g = 0; g < grades; ++g) {
            features.push_back(
                grid_feature(static_cast<FeatureClass>(c), size, kTableCoarsestGrade - g * kTableGradeStep));
          }
        }
      }
      rows.values.assign(features.size() * kInputCount, 0.0f);
      for (std::size_t i = 0; i < features.size(); ++i) {
        write_inputs(features[i], static_cast<Process>(p), static_cast<Material>(m),
                     rows.values.data() + i * kInputCount);
      }
      auto raw = booster.predict(rows);
      if (!raw) return raw.error();
      if (raw.value().size() != 2 * features.size()) {
        return make_error(Status::model, "the capability table needs 2 outputs per row");
      }
      for (std::size_t cell = 0; cell < std::size_t{kFeatureClassCount} * kSizes; ++cell) {
        double finest = kNever;
        for (int g = 0; g < grades; ++g) {
          const std::size_t row = cell * static_cast<std::size_t>(grades) + static_cast<std::size_t>(g);
          const double log_sigma =
              std::clamp(static_cast<double>(raw.value()[2 * row + 1]), kMinLogSigma, kMaxLogSigma);
          const Distribution d =
              distribution_from_model(features[row], raw.value()[2 * row], std::exp(log_sigma) * sigma_scale);
          if (conformance_of(features[row], d).cpk < min_cpk) break;
          finest = kTableCoarsestGrade - g * kTableGradeStep;
        }
        const auto c = static_cast<FeatureClass>(cell / kSizes);
        table.finest_[index(static_cast<Material>(m), static_cast<Process>(p), c, cell % kSizes)] = finest;
      }
    }
  }
  return table;
}

Result<CapabilityTable> CapabilityTable::from_json(const nlohmann::json& json) {
  if (!json.is_array() || json.size() != kCells) {
    return make_error(Status::model,
                      "hyperparameters 'capability_grades' must be an array of " + std::to_string(kCells) + " numbers");
  }
  CapabilityTable table;
  table.finest_.reserve(kCells);
  for (const auto& value : json) {
    if (!value.is_number()) return make_error(Status::model, "hyperparameters 'capability_grades' holds a non-number");
    table.finest_.push_back(value.get<double>());
  }
  return table;
}

nlohmann::json CapabilityTable::to_json() const {
  nlohmann::json out = nlohmann::json::array();
  for (double grade : finest_) out.push_back(std::round(grade * 100.0) / 100.0);
  return out;
}

bool CapabilityTable::holds(Material material, Process process, FeatureClass feature_class, double size_mm,
                            double grade) const {
  // Log-size interpolation between the two table sizes around size_mm (clamped at the ends).
  const double x = std::log(std::clamp(size_mm, kTableSizesMm.front(), kTableSizesMm.back()));
  std::size_t upper = 1;
  while (upper + 1 < kSizes && std::log(kTableSizesMm[upper]) < x) ++upper;
  const double x0 = std::log(kTableSizesMm[upper - 1]), x1 = std::log(kTableSizesMm[upper]);
  const double t = std::clamp((x - x0) / (x1 - x0), 0.0, 1.0);
  const double g0 = finest_[index(material, process, feature_class, upper - 1)];
  const double g1 = finest_[index(material, process, feature_class, upper)];
  if (g0 > kTableCoarsestGrade || g1 > kTableCoarsestGrade) return false;
  return grade >= g0 + t * (g1 - g0);
}

}  // namespace drawlens::tolerance
