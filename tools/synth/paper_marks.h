// Marks people add on paper, not drawn by the draughtsman: rubber stamps and handwriting (initials,
// check marks, short notes). They are ink on the page but not in the truth, and background in the mask.
#pragma once

#include <vector>

#include <cairo.h>

#include "fonts.h"
#include "random_source.h"
#include "scene.h"
#include "synth.h"

namespace drawlens::synth {

// One mark: its subpaths (sheet millimetres) stroked with a pen, or filled (glyph outlines).
struct Mark {
  std::vector<Shape> path;
  double pen = 0.3;  // mm, when stroked
  bool filled = false;
  double ink = 1.0;  // opacity: stamps are partly transparent
};

struct PaperMarks {
  std::vector<Mark> marks;
};

// Stamps and handwriting somewhere on the sheet (more with heavy); none for Degradation::none.
PaperMarks mark_paper(const Scene& scene, const FontBook& fonts, Degradation level, RandomSource& random);

void draw_marks(cairo_t* cr, const PaperMarks& marks);

}  // namespace drawlens::synth
