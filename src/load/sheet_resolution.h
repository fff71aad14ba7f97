// The resolution of a raster page whose file does not say it truthfully (private to src/load).
// Many programs write no resolution, or a screen's 72 or 96 dpi, into the images they export; taken
// at its word, eDOCr2's Candle_holder.jpg (1653 x 2339 px, "96 dpi") would be a 437 x 619 mm sheet
// with lettering twice the size the detector looks for. A drawing is printed on a standard sheet,
// so pixels that make one at a usual resolution say the resolution better than such a field does
// (load::sheet_resolution, load.h).
#pragma once

#include "core/document.h"

namespace drawlens::load {

// Sets page.dpi and page.dpi_source for a decoded raster page whose file states `stated_dpi` (0:
// none): the file's resolution, unless it states none or a screen's (72 or 96 dpi) and the page's
// pixels make a standard sheet, which then gives it (as assumed); a file stating none that makes no
// sheet gets `assumed_dpi`. The load stage's diagnostic says which (pipeline/stage_table.cpp).
void set_raster_resolution(Page& page, double stated_dpi, double assumed_dpi);

}  // namespace drawlens::load
