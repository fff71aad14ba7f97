// Composes one drawing's scene: sheet, title block, notes, the part's views and annotations.
#pragma once

#include "fonts.h"
#include "random_source.h"
#include "scene.h"
#include "synth.h"

namespace drawlens::synth {

Scene compose_drawing(SheetStyle style, SheetSize sheet, const FontBook& fonts, RandomSource& random);

}  // namespace drawlens::synth
