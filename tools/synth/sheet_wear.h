// Wear of the drawn sheet as a scan shows it: per-stroke pen width, ink strength and breaks, and the
// marks people add on paper (stamps, handwriting). Neither is part of the truth.
#pragma once

#include <vector>

#include "fonts.h"
#include "paper_marks.h"
#include "random_source.h"
#include "scene.h"
#include "synth.h"

namespace drawlens::synth {

struct StrokeWear {
  double width_factor = 1.0;   // of the stroke's pen width
  double ink = 1.0;            // 1 full ink, less is faded
  std::vector<double> breaks;  // dash pattern (mm, on/off...) that breaks a solid stroke; empty: whole
};

struct SheetWear {
  std::vector<StrokeWear> strokes;  // empty, or one for each of Scene::strokes
  PaperMarks marks;
};

// Nothing for Degradation::none; deterministic in `random`.
SheetWear wear_sheet(const Scene& scene, const FontBook& fonts, Degradation level, RandomSource& random);

}  // namespace drawlens::synth
