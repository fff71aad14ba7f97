// Frame 20 mm from the left edge and 10 mm from the others; zones numbered left to right and
// lettered top to bottom in the margin strip, as ISO 5457 lays them out.
#include "sheet_border.h"

#include <string>

namespace drawlens::synth {
namespace {

void zone_label(Scene& scene, const FontBook& fonts, const LetteringStyle& style, const std::string& text,
                Point centre) {
  Lettering lettering(fonts, style);
  lettering.text(text);
  const Rect ink = lettering.ink();
  scene.add(lettering.finish({centre.x - ink.centre().x, centre.y - ink.centre().y}));
}

}  // namespace

Rect draw_sheet_border(Scene& scene, const DrawingPlan& plan, const FontBook& fonts) {
  const double w = plan.format.width;
  const double h = plan.format.height;
  const Rect frame{20.0, 10.0, w - 10.0, h - 10.0};
  const Rect strip{15.0, 5.0, w - 5.0, h - 5.0};
  auto rectangle = [](const Rect& r) {
    return Shape::polyline({{r.left, r.top}, {r.right, r.top}, {r.right, r.bottom}, {r.left, r.bottom}}, true);
  };
  scene.add(rectangle(frame), LineClass::border, Pen::thick);
  scene.add(rectangle(strip), LineClass::border, Pen::thin);
  // Centring marks from the sheet edge into the frame.
  scene.add(Shape::line({frame.centre().x, 0.0}, {frame.centre().x, frame.top + 5.0}), LineClass::border, Pen::thick);
  scene.add(Shape::line({frame.centre().x, h}, {frame.centre().x, frame.bottom - 5.0}), LineClass::border, Pen::thick);
  scene.add(Shape::line({0.0, frame.centre().y}, {frame.left + 5.0, frame.centre().y}), LineClass::border, Pen::thick);
  scene.add(Shape::line({w, frame.centre().y}, {frame.right - 5.0, frame.centre().y}), LineClass::border, Pen::thick);

  LetteringStyle style = plan.lettering;
  style.cap_height = 2.5;
  const int columns = w > 300.0 ? 8 : 6;
  const int rows = w > 300.0 ? 6 : 4;
  for (int i = 0; i < columns; ++i) {
    const double x0 = frame.left + frame.width() * i / columns;
    const double x1 = frame.left + frame.width() * (i + 1) / columns;
    if (i > 0) {
      scene.add(Shape::line({x0, strip.top}, {x0, frame.top}), LineClass::border, Pen::thin);
      scene.add(Shape::line({x0, frame.bottom}, {x0, strip.bottom}), LineClass::border, Pen::thin);
    }
    const std::string number = std::to_string(i + 1);
    zone_label(scene, fonts, style, number, {(x0 + x1) / 2, (strip.top + frame.top) / 2});
    zone_label(scene, fonts, style, number, {(x0 + x1) / 2, (strip.bottom + frame.bottom) / 2});
  }
  for (int j = 0; j < rows; ++j) {
    const double y0 = frame.top + frame.height() * j / rows;
    const double y1 = frame.top + frame.height() * (j + 1) / rows;
    if (j > 0) {
      scene.add(Shape::line({strip.left, y0}, {frame.left, y0}), LineClass::border, Pen::thin);
      scene.add(Shape::line({frame.right, y0}, {strip.right, y0}), LineClass::border, Pen::thin);
    }
    const std::string letter(1, static_cast<char>('A' + j));
    zone_label(scene, fonts, style, letter, {(strip.left + frame.left) / 2, (y0 + y1) / 2});
    zone_label(scene, fonts, style, letter, {(strip.right + frame.right) / 2, (y0 + y1) / 2});
  }
  scene.border = frame;
  return frame;
}

}  // namespace drawlens::synth
