// Symbols that stand on a surface: the datum feature symbol (ISO 5459 / ASME Y14.5: filled
// triangle, stem, boxed letter), the datum target frame (ISO 5459), the surface texture symbol
// (ISO 1302 / ISO 21920-1), and the item balloon of a parts list (ISO 6433).
#pragma once

#include <string>

#include "drawing_plan.h"
#include "scene.h"

namespace drawlens::synth {

// Laid out with its foot (the triangle's base centre) at the item's origin, the stem along
// `outward` (a unit vector along an axis).
TextItem datum_feature_symbol(const FontBook& fonts, const DrawingPlan& plan, const std::string& letter, Point outward);

struct SurfaceSymbol {
  TextItem item;  // foot (the symbol's point) at the origin, standing upwards
  parse::SurfaceTexture value;
  std::string material_removal;  // "any", "required", "prohibited"
};
SurfaceSymbol surface_texture_symbol(const FontBook& fonts, const DrawingPlan& plan, RandomSource& random);

// A datum target frame (ISO 5459): a circle divided by a horizontal line, the target's size in the
// upper half (empty for a point target) and its label ("A1") in the lower half; the circle's centre
// at the origin, `radius` set to its radius.
TextItem datum_target_frame(const FontBook& fonts, const DrawingPlan& plan, const std::string& label, double& radius);

// An item number in a circle (ISO 6433), the circle's centre at the origin; `radius` is set to
// the circle's radius.
TextItem item_balloon(const FontBook& fonts, const DrawingPlan& plan, int item, double& radius);

}  // namespace drawlens::synth
