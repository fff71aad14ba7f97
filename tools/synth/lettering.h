// Builds one lettering item: text runs and vector symbols along baselines, frames around parts,
// with its exact ink bounds, ready to be placed on the sheet.
#pragma once

#include <string_view>

#include "fonts.h"
#include "symbol_shapes.h"

namespace drawlens::synth {

struct LetteringStyle {
  Typeface face = Typeface::osifont;
  double cap_height = 3.5;  // mm, ISO 3098 nominal height h
  double thin_width = 0.25;
  LineClass line_class = LineClass::text;  // of symbols and frames drawn with the text
};

class Lettering {
 public:
  Lettering(const FontBook& fonts, LetteringStyle style) : fonts_(fonts), style_(style) {}

  double cap_height() const { return style_.cap_height; }
  Point pen() const { return pen_; }
  void move_to(Point pen) { pen_ = pen; }
  void advance(double cap_fraction) { pen_.x += cap_fraction * style_.cap_height; }

  // Text at the pen on its baseline, at `scale` of the item's height; the pen moves past it.
  void text(std::string_view text, double scale = 1.0);
  // Text with its left end at `origin` (baseline); the pen does not move. Returns its advance.
  double text_at(std::string_view text, Point origin, double scale = 1.0);
  double advance_of(std::string_view text, double scale = 1.0) const;
  void symbol(Symbol symbol);
  // A letter in a circle (modifiers such as Ⓜ), as fonts rarely have them.
  void circled(char letter);
  void stroke(Shape shape, LineClass line_class);

  // Ink bounds so far, item frame.
  const Rect& ink() const { return ink_; }
  TextItem finish(Point origin = {}, double angle_degrees = 0.0);

 private:
  void include(const Rect& rect);
  void include(const Shape& shape, double half_width);

  const FontBook& fonts_;
  LetteringStyle style_;
  TextItem item_;
  Rect ink_;
  bool has_ink_ = false;
  Point pen_;
};

// Exact bounds of a shape's geometry (arcs included), without the pen width.
Rect shape_bounds(const Shape& shape);

}  // namespace drawlens::synth
