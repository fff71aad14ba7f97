// The tolerance stage's work on one page (page_tolerances.h): features from placed annotations,
// frames linked to the size they control, frame checks, and the skin model's analysis.
#include "tolerance/page_tolerances.h"

#include <cmath>
#include <limits>
#include <optional>

namespace drawlens::tolerance {
namespace {

constexpr double kMmPerInch = 25.4;

double centre_distance(const Box& a, const Box& b) {
  const double dx = (a.x + 0.5 * a.width) - (b.x + 0.5 * b.width);
  const double dy = (a.y + 0.5 * a.height) - (b.y + 0.5 * b.height);
  return std::hypot(dx, dy);
}

// The size feature nearest to a frame within the link distance, if any (frames are never sizes).
std::optional<std::size_t> nearest_size(const Box& frame_box, const std::vector<Feature>& features,
                                        const std::vector<FeatureSource>& sources,
                                        const annotate::PageAnnotations& annotations, double limit_px) {
  std::optional<std::size_t> best;
  double best_distance = std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < features.size(); ++k) {
    if (sources[k].kind != SourceKind::dimension || !is_size(features[k].feature_class)) continue;
    const double d = centre_distance(frame_box, annotations.dimensions[sources[k].index].box);
    if (d <= limit_px && d < best_distance) {
      best = k;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace

Result<PageTolerances> analyze_page(const SkinModel& model, const annotate::PageAnnotations& annotations, double dpi,
                                    Process process, Material material) {
  PageTolerances out;
  out.process = process;
  out.material = material;
  std::vector<Feature> features;
  for (std::size_t i = 0; i < annotations.dimensions.size(); ++i) {
    const FeatureSource source{SourceKind::dimension, i};
    auto feature = feature_from_dimension(annotations.dimensions[i].value, "d" + std::to_string(i));
    if (!feature) {
      out.not_analysed.push_back({source, feature.error().message});
      continue;
    }
    features.push_back(std::move(feature).value());
    out.sources.push_back(source);
  }
  const double limit_px = kFrameLinkMm / kMmPerInch * (dpi > 0 ? dpi : 0.0);
  for (std::size_t i = 0; i < annotations.gdt_frames.size(); ++i) {
    const auto& placed = annotations.gdt_frames[i];
    const FeatureSource source{SourceKind::gdt_frame, i};
    const auto linked = nearest_size(placed.box, features, out.sources, annotations, limit_px);
    const double size_mm = linked ? features[*linked].size_mm : 0.0;
    const double size_zone_mm = linked ? features[*linked].zone_mm() : 0.0;
    out.frame_checks.push_back({i, validate_frame(placed.value, size_zone_mm)});
    auto feature = feature_from_frame(placed.value, "g" + std::to_string(i), size_mm);
    if (!feature) {
      out.not_analysed.push_back({source, feature.error().message});
      continue;
    }
    features.push_back(std::move(feature).value());
    out.sources.push_back(source);
  }
  auto analyses = model.analyze(features, process, material);
  if (!analyses) return analyses.error();
  out.analyses = std::move(analyses).value();
  return out;
}

}  // namespace drawlens::tolerance
