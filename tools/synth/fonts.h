// The typefaces drawings are lettered in (fontconfig family names), as cairo font faces, and text
// measurement at the rendering scale, so that layout and ground-truth boxes match the pixels.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "cairo_handles.h"
#include "scene.h"

namespace drawlens::synth {

// Ink and advance of a run, in millimetres from its baseline origin (y down).
struct TextMetrics {
  Rect ink;
  double advance = 0.0;
};

class FontBook {
 public:
  // pixels_per_mm: the rendering scale; glyphs are measured as they will be rasterised.
  explicit FontBook(double pixels_per_mm);

  // Unhinted outlines and metrics: measured extents scale exactly with the drawing.
  const cairo_font_options_t* options() const { return options_.get(); }
  cairo_font_face_t* face(Typeface typeface) const { return faces_[static_cast<int>(typeface)].get(); }
  bool installed(Typeface typeface) const { return installed_[static_cast<int>(typeface)]; }
  // Latin typefaces that are installed, osifont (ISO 3098) first.
  const std::vector<Typeface>& latin_typefaces() const { return latin_; }

  TextMetrics measure(Typeface typeface, double em_size, std::string_view text) const;
  // Capital height over em size ("H"), to letter at an ISO 3098 nominal height.
  double cap_ratio(Typeface typeface) const { return cap_ratio_[static_cast<int>(typeface)]; }

 private:
  static constexpr int kCount = 7;
  CairoFontOptions options_;
  std::array<CairoFontFace, kCount> faces_;
  std::array<bool, kCount> installed_{};
  std::array<double, kCount> cap_ratio_{};
  std::vector<Typeface> latin_;
  CairoSurface measure_surface_;
  CairoContext measure_;
};

const char* family_name(Typeface typeface);

}  // namespace drawlens::synth
