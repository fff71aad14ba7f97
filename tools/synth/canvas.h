// Renders a scene with cairo: onto an 8-bit gray raster (black ink on white), as a class mask with
// the same geometry, or as a vector PDF page with the same content and a real text layer.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <cairo.h>
#include <opencv2/core/mat.hpp>

#include "fonts.h"
#include "scene.h"
#include "sheet_wear.h"

namespace drawlens::synth {

// Pixels are sheet millimetres times pixels_per_mm; the raster is rounded up to whole pixels.
// `wear` changes pens and adds marks (a default SheetWear changes nothing).
cv::Mat render_gray(const Scene& scene, const FontBook& fonts, double pixels_per_mm, const SheetWear& wear);

// The same raster size with the class of each pixel's ink (mask_value), drawn without antialiasing
// with the same pens (and the same wear of the strokes); where classes overlap the one drawn last in
// kMaskOrder wins. Paper and the wear's marks are 0.
cv::Mat render_mask(const Scene& scene, const FontBook& fonts, double pixels_per_mm, const SheetWear& wear);

// Mask values: 0 paper, then the LineClass order (contour 1 … title_block 9).
inline int mask_value(LineClass line_class) {
  return static_cast<int>(line_class) + 1;
}
// Drawing order of the mask, lowest priority first: annotation ink wins over the geometry under it.
inline constexpr LineClass kMaskOrder[] = {LineClass::hatch,     LineClass::centre, LineClass::hidden,
                                           LineClass::contour,   LineClass::border, LineClass::title_block,
                                           LineClass::dimension, LineClass::gdt,    LineClass::text};

// A one-page PDF. creation_date ("YYYY-MM-DDTHH:MM:SS") is fixed so the bytes are reproducible.
std::vector<std::uint8_t> render_pdf(const Scene& scene, const FontBook& fonts, const std::string& creation_date);

// Adds the shape to the current path (a new subpath).
void append_shape(cairo_t* cr, const Shape& shape);

// Strokes each stroke's shape `width` wide with round caps and fills each fill's, in the current
// source: symbols drawn alone (the training programs' crops), without a scene's pens.
void draw_strokes(cairo_t* cr, const std::vector<Stroke>& strokes, const std::vector<Fill>& fills, double width);

}  // namespace drawlens::synth
