// Per-stroke wear: pens that were not quite the nominal width, ink that faded, solid lines broken by
// dropouts; and the marks people add (paper_marks). Strengths per level are this file's choice.
#include "sheet_wear.h"

namespace drawlens::synth {
namespace {

struct WearStrength {
  double width_low, width_high;  // factor on the pen width
  double fade_chance, fade_low, fade_high;
  double break_chance;           // of a solid stroke
  double whole_low, whole_high;  // mm of line between breaks
  double gap_low, gap_high;      // mm of a break
};

constexpr WearStrength kScanWear{0.85, 1.2, 0.15, 0.55, 0.85, 0.1, 10.0, 40.0, 0.3, 0.8};
constexpr WearStrength kHeavyWear{0.7, 1.45, 0.3, 0.35, 0.75, 0.3, 4.0, 20.0, 0.4, 1.5};

StrokeWear wear_stroke(const Stroke& stroke, const WearStrength& s, RandomSource& random) {
  StrokeWear wear;
  wear.width_factor = random.uniform_real(s.width_low, s.width_high);
  if (random.chance(s.fade_chance)) wear.ink = random.uniform_real(s.fade_low, s.fade_high);
  if (stroke.dash == Dash::solid && random.chance(s.break_chance)) {
    // A short irregular pattern; its phase differs from stroke to stroke through the first length.
    wear.breaks = {random.uniform_real(0.0, s.whole_high), random.uniform_real(s.gap_low, s.gap_high)};
    for (int i = 0; i < 2; ++i) {
      wear.breaks.push_back(random.uniform_real(s.whole_low, s.whole_high));
      wear.breaks.push_back(random.uniform_real(s.gap_low, s.gap_high));
    }
  }
  return wear;
}

}  // namespace

SheetWear wear_sheet(const Scene& scene, const FontBook& fonts, Degradation level, RandomSource& random) {
  SheetWear wear;
  if (level == Degradation::none) return wear;
  const WearStrength& s = level == Degradation::heavy ? kHeavyWear : kScanWear;
  wear.strokes.reserve(scene.strokes.size());
  for (const Stroke& stroke : scene.strokes) wear.strokes.push_back(wear_stroke(stroke, s, random));
  wear.marks = mark_paper(scene, fonts, level, random);
  return wear;
}

}  // namespace drawlens::synth
