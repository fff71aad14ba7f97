// Parsed dimensions and GD&T frames as toleranced features: which class, what size, what zone.
#include <array>
#include <string>
#include <utility>

#include "tolerance/tolerance.h"

namespace drawlens::tolerance {
namespace {

constexpr double kMmPerInch = 25.4;

constexpr std::array<std::string_view, kFeatureClassCount> kFeatureClassNames = {
    "linear_size",   "diameter_size",   "straightness",     "flatness",    "circularity", "cylindricity",
    "line_profile",  "surface_profile", "perpendicularity", "angularity",  "parallelism", "position",
    "concentricity", "symmetry",        "circular_runout",  "total_runout"};

Error not_a_feature(const parse::Dimension& dimension, const std::string& why) {
  return make_error(Status::invalid_argument, "dimension '" + dimension.normalized + "' is not analysed: " + why);
}

FeatureClass size_class(parse::SizeType size_type) {
  const bool round = size_type == parse::SizeType::diameter || size_type == parse::SizeType::spherical_diameter;
  return round ? FeatureClass::diameter_size : FeatureClass::linear_size;
}

}  // namespace

std::string_view name(FeatureClass feature_class) {
  return kFeatureClassNames.at(static_cast<std::size_t>(feature_class));
}

Result<FeatureClass> parse_feature_class(std::string_view text) {
  for (std::size_t i = 0; i < kFeatureClassNames.size(); ++i) {
    if (text == kFeatureClassNames[i]) return static_cast<FeatureClass>(i);
  }
  return make_error(Status::invalid_argument, "unknown feature class '" + std::string(text) +
                                                  "'; accepted: linear_size, diameter_size or a GD&T "
                                                  "characteristic name such as flatness or position");
}

bool is_size(FeatureClass feature_class) {
  return feature_class == FeatureClass::linear_size || feature_class == FeatureClass::diameter_size;
}

FeatureClass feature_class_of(parse::Characteristic characteristic) {
  // The characteristics follow the two size classes in the same order.
  return static_cast<FeatureClass>(static_cast<int>(characteristic) + 2);
}

Result<Feature> feature_from_dimension(const parse::Dimension& dimension, std::string id) {
  using parse::SizeType;
  if (dimension.unit == parse::Unit::deg || dimension.size_type == SizeType::angle) {
    return not_a_feature(dimension, "angular tolerances are outside the size model");
  }
  if (dimension.size_type == SizeType::thread) {
    return not_a_feature(dimension, "a thread's tolerance class is checked by gauges, not as a size zone");
  }
  if (dimension.has(parse::DimensionFlag::basic) || dimension.has(parse::DimensionFlag::reference)) {
    return not_a_feature(dimension, "basic and reference dimensions carry no tolerance of their own");
  }
  const parse::Tolerance& tolerance = dimension.tolerance;
  if (tolerance.kind == parse::ToleranceKind::max || tolerance.kind == parse::ToleranceKind::min) {
    return not_a_feature(dimension, "a one-sided limit (MAX or MIN) has no zone");
  }
  const double to_mm = dimension.unit == parse::Unit::inch ? kMmPerInch : 1.0;
  const double size_mm = dimension.nominal * to_mm;
  if (!(size_mm > 0)) return not_a_feature(dimension, "its size is not positive");

  Feature feature;
  feature.id = std::move(id);
  feature.feature_class = size_class(dimension.size_type);
  feature.text = dimension.normalized;
  feature.size_mm = size_mm;
  feature.general = tolerance.kind == parse::ToleranceKind::general;
  if (feature.general) feature.general_class = tolerance.general_class;
  if (tolerance.hole_class && tolerance.shaft_class) {
    auto fit = parse::iso286_fit(size_mm, tolerance.hole_class->text(), tolerance.shaft_class->text());
    if (!fit) return not_a_feature(dimension, fit.error().message);
    feature.fit = fit.value();
    feature.deviations_mm = fit.value().hole;  // the hole is the first of the pair
    return feature;
  }
  if (!tolerance.deviations) {
    return not_a_feature(dimension, "it has no tolerance and no general tolerance applies");
  }
  feature.deviations_mm = {tolerance.deviations->upper * to_mm, tolerance.deviations->lower * to_mm};
  if (!(feature.zone_mm() > 0)) return not_a_feature(dimension, "its tolerance zone is empty");
  return feature;
}

Result<Feature> feature_from_frame(const parse::GdtFrame& frame, std::string id, double size_mm) {
  if (frame.segments.empty()) {
    return make_error(Status::invalid_argument, "frame '" + frame.normalized + "' has no tolerance segment");
  }
  const double zone = frame.segments.front().tolerance;
  if (!(zone > 0)) {
    return make_error(Status::invalid_argument,
                      "frame '" + frame.normalized + "' is not analysed: its tolerance is not positive");
  }
  Feature feature;
  feature.id = std::move(id);
  feature.feature_class = feature_class_of(frame.characteristic);
  feature.text = frame.normalized;
  feature.size_assumed = !(size_mm > 0);
  feature.size_mm = feature.size_assumed ? kAssumedFeatureSizeMm : size_mm;
  feature.deviations_mm = {zone, 0.0};
  return feature;
}

}  // namespace drawlens::tolerance
