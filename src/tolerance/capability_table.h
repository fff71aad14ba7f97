// The finest zone each process holds, per material, characteristic and size, read off the trained
// model once (when it is trained) and kept in its header: it answers "which processes would hold
// this?" without asking the model again for every process (docs/tolerance.md, "Analysis").
#pragma once

#include <array>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "tolerance/tolerance.h"
#include "tolerance/xgboost_booster.h"

namespace drawlens::tolerance {

// Sizes the table is read at (mm); between them the grade is interpolated in log size.
inline constexpr std::array<double, 6> kTableSizesMm = {3, 10, 30, 100, 300, 1000};
// Grades scanned, coarse to fine, in quarter grades.
inline constexpr double kTableCoarsestGrade = 18.0, kTableFinestGrade = 0.0, kTableGradeStep = 0.25;

class CapabilityTable {
 public:
  // Reads the model: for every cell, the finest grade down to which every coarser grade has
  // Cpk >= min_cpk under the model (sigma scaled by sigma_scale).
  static Result<CapabilityTable> measure(const Booster& booster, double sigma_scale, double min_cpk);
  // MODEL naming what is wrong when the JSON is not a table of this shape.
  static Result<CapabilityTable> from_json(const nlohmann::json& json);
  nlohmann::json to_json() const;

  // Whether the process holds a zone of this continuous grade at this size, by the table.
  bool holds(Material material, Process process, FeatureClass feature_class, double size_mm, double grade) const;

 private:
  static std::size_t index(Material material, Process process, FeatureClass feature_class, std::size_t size);
  std::vector<double> finest_;  // [material][process][class][size]; above kTableCoarsestGrade: never holds
};

}  // namespace drawlens::tolerance
