// Labelled symbol crops for the symbol classifier: one symbol of symbol_classes() (or another mark:
// a digit, a letter, an arrowhead, a line's end) drawn as the generator draws it (vector strokes)
// or as a typeface's glyph, at a random size and pen, cut around its ink with a random margin and
// degraded as a scan or a PDF rendering would be.
#pragma once

#include <cstdint>

#include <opencv2/core/mat.hpp>

#include "random_source.h"

namespace drawlens::train {

struct SymbolSample {
  cv::Mat crop;   // CV_8UC1, dark ink on light paper
  int label = 0;  // index into ocr::symbol_classes()
};

// Draws a sample of class `label`.
SymbolSample draw_symbol_sample(synth::RandomSource& random, int label);

// A class to draw: every symbol equally often, "none" three times as often (it is many marks).
int pick_label(synth::RandomSource& random);

}  // namespace drawlens::train
