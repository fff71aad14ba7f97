// The tolerance stage on one analysed page: its dimensions and GD&T frames as features (a frame
// takes the size of the nearest size dimension as the feature it controls), each frame checked,
// and every feature analysed by the skin model under the pipeline's process and material.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "annotate/annotate.h"
#include "tolerance/tolerance.h"

namespace drawlens::tolerance {

// Which annotation of the page a feature or finding comes from.
enum class SourceKind { dimension, gdt_frame };
struct FeatureSource {
  SourceKind kind = SourceKind::dimension;
  std::size_t index = 0;  // into PageAnnotations::dimensions or ::gdt_frames
};

struct NotAnalysed {
  FeatureSource source;
  std::string reason;
};

struct FrameCheck {
  std::size_t frame_index = 0;
  std::vector<Finding> findings;  // empty: consistent
};

struct PageTolerances {
  Process process = Process::milling;
  Material material = Material::steel;
  std::vector<Analysis> analyses;      // one per analysed feature
  std::vector<FeatureSource> sources;  // parallel to analyses
  std::vector<NotAnalysed> not_analysed;
  std::vector<FrameCheck> frame_checks;  // one per GD&T frame
};

// A frame links to the size dimension whose box centre is nearest to its own, within
// kFrameLinkMm of paper at the page's dpi; without one the frame's size is assumed.
inline constexpr double kFrameLinkMm = 30.0;

// Features are named "d<i>" (dimension i) and "g<i>" (frame i), 0-based, as the result JSON names them.
Result<PageTolerances> analyze_page(const SkinModel& model, const annotate::PageAnnotations& annotations, double dpi,
                                    Process process, Material material);

}  // namespace drawlens::tolerance
