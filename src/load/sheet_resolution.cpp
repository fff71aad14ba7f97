// Resolutions from standard sheet sizes (load.h, sheet_resolution.h).
#include "load/sheet_resolution.h"

#include <algorithm>
#include <cmath>

#include "load/load.h"

namespace drawlens::load {
namespace {

struct Sheet {
  const char* name;
  double short_mm, long_mm;
};

constexpr Sheet kSheets[] = {
    {"A4", 210, 297},         {"A3", 297, 420},          {"A2", 420, 594},         {"A1", 594, 841},
    {"A0", 841, 1189},        {"ANSI A", 215.9, 279.4},  {"ANSI B", 279.4, 431.8}, {"ANSI C", 431.8, 558.8},
    {"ANSI D", 558.8, 863.6}, {"ANSI E", 863.6, 1117.6},
};
constexpr double kResolutions[] = {300, 200, 400, 150, 600};  // the commoner first
constexpr double kTolerance = 0.01;
constexpr double kMmPerInch = 25.4;

bool fits(double pixels, double mm, double dpi) {
  const double expected = mm / kMmPerInch * dpi;
  return std::abs(pixels - expected) <= kTolerance * expected;
}

bool screen_resolution(double dpi) {
  return std::abs(dpi - 72) < 0.5 || std::abs(dpi - 96) < 0.5;
}

}  // namespace

std::optional<SheetMatch> sheet_resolution(int width, int height) {
  const double short_side = std::min(width, height), long_side = std::max(width, height);
  for (const double dpi : kResolutions)
    for (const Sheet& sheet : kSheets)
      if (fits(short_side, sheet.short_mm, dpi) && fits(long_side, sheet.long_mm, dpi))
        return SheetMatch{dpi, sheet.name};
  return std::nullopt;
}

void set_raster_resolution(Page& page, double stated_dpi, double assumed_dpi) {
  const bool stated = stated_dpi > 0;
  if (stated && !screen_resolution(stated_dpi)) {
    page.dpi = stated_dpi;
    page.dpi_source = DpiSource::file;
    return;
  }
  if (const auto sheet = sheet_resolution(page.gray.cols, page.gray.rows)) {
    page.dpi = sheet->dpi;
    page.dpi_source = DpiSource::assumed;
    return;
  }
  page.dpi = stated ? stated_dpi : assumed_dpi;
  page.dpi_source = stated ? DpiSource::file : DpiSource::assumed;
}

}  // namespace drawlens::load
