// The resolution of a raster drawing whose file does not say it truthfully. Many programs write no
// resolution, or a screen's 72 or 96 dpi, into the images they export; taken at its word, eDOCr2's
// Candle_holder.jpg (1653 x 2339 px, "96 dpi") would be a 437 x 619 mm sheet with lettering twice
// the size the detector looks for. A drawing is printed on a standard sheet, so pixels that make
// one at a usual scan or export resolution say the resolution better than such a field does.
#pragma once

#include <optional>
#include <string>

#include "core/document.h"

namespace drawlens::load {

struct SheetMatch {
  double dpi = 0;
  std::string sheet;  // "A4", "ANSI B"
};

// The resolution among 150, 200, 300, 400 and 600 dpi at which width x height pixels make a
// standard drawing sheet (ISO 216 A0-A4, ASME Y14.1 A-E, either way up) within 1 %; nullopt when
// none does. Where two do (A4 at 300 dpi is A2 at 150), the commoner resolution is taken: 300,
// 200, 400, 150, 600.
std::optional<SheetMatch> sheet_resolution(int width, int height);

// Sets page.dpi and page.dpi_source for a decoded raster page whose file states `stated_dpi` (0:
// none). The file's resolution, unless it states none or a screen's (72 or 96 dpi) and the page's
// pixels make a standard sheet: then the sheet's resolution, as assumed, with a load warning saying
// why (`what` names the input). A file stating none that makes no sheet gets `assumed_dpi`.
void set_raster_resolution(Page& page, double stated_dpi, double assumed_dpi, const std::string& what);

}  // namespace drawlens::load
