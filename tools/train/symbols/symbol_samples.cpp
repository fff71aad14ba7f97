// Symbol crops drawn with cairo (symbol_samples.h).
#include "symbol_samples.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include <cairo.h>
#include <opencv2/imgproc.hpp>

#include "cairo_handles.h"
#include "canvas.h"
#include "ocr/symbol_network.h"
#include "symbol_shapes.h"

namespace drawlens::train {
namespace {

using synth::Point;
using synth::Shape;
using synth::Symbol;

constexpr int kCanvas = 160;
constexpr double kCentre = kCanvas / 2.0;

// Typefaces drawings are lettered in; cairo's fontconfig substitutes one that has the glyph.
constexpr std::array<const char*, 8> kFaces = {"osifont",     "DejaVu Sans", "Liberation Sans",  "FreeSans",
                                               "Nimbus Sans", "FreeSerif",   "DejaVu Sans Mono", "FreeMono"};

// The symbols the generator draws as vector strokes (Symbol's values, depth the last).
std::optional<Symbol> vector_symbol(const std::string& text) {
  for (int s = 0; s <= static_cast<int>(Symbol::depth); ++s) {
    if (text == synth::symbol_text(static_cast<Symbol>(s))) return static_cast<Symbol>(s);
  }
  return std::nullopt;
}

struct Pen {
  double height = 24;  // capital height, pixels
  double width = 2;    // line width, pixels
};

// Whether the current font has every glyph of `text` (cairo does not substitute: a missing glyph
// would print the font's empty box).
bool font_has(cairo_t* cr, const std::string& text) {
  cairo_glyph_t* glyphs = nullptr;
  int count = 0;
  const cairo_status_t status =
      cairo_scaled_font_text_to_glyphs(cairo_get_scaled_font(cr), 0, 0, text.c_str(), static_cast<int>(text.size()),
                                       &glyphs, &count, nullptr, nullptr, nullptr);
  bool all = status == CAIRO_STATUS_SUCCESS && count > 0;
  for (int i = 0; all && i < count; ++i) all = glyphs[i].index != 0;
  cairo_glyph_free(glyphs);
  return all;
}

// Sets `text` in a random typeface that has it; false when none has.
bool glyph(cairo_t* cr, synth::RandomSource& random, const std::string& text, const Pen& pen) {
  const std::size_t first = random.index(kFaces.size());
  for (std::size_t k = 0; k < kFaces.size(); ++k) {
    cairo_select_font_face(cr, kFaces[(first + k) % kFaces.size()], CAIRO_FONT_SLANT_NORMAL,
                           random.chance(0.2) ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, pen.height / 0.72);
    if (!font_has(cr, text)) continue;
    cairo_text_extents_t e;
    cairo_text_extents(cr, text.c_str(), &e);
    cairo_move_to(cr, kCentre - e.x_bearing - e.width / 2, kCentre - e.y_bearing - e.height / 2);
    cairo_show_text(cr, text.c_str());
    return true;
  }
  return false;
}

// Ø, □, ±, the depth, countersink and counterbore symbols as CAD systems draw them with lines.
void drawn_size_symbol(cairo_t* cr, synth::RandomSource& random, const std::string& text, const Pen& pen) {
  const double h = pen.height;
  std::vector<synth::Stroke> strokes;
  if (text == "\u00D8") {
    const double r = h * random.uniform_real(0.35, 0.5);
    strokes.push_back({Shape::circle({kCentre, kCentre}, r)});
    const double reach = r * random.uniform_real(1.15, 1.45), angle = random.uniform_real(50, 70) * synth::kPi / 180;
    strokes.push_back({Shape::line({kCentre - reach * std::cos(angle), kCentre + reach * std::sin(angle)},
                                   {kCentre + reach * std::cos(angle), kCentre - reach * std::sin(angle)})});
  } else if (text == "\u25A1") {
    const double s = h * random.uniform_real(0.35, 0.5);
    strokes.push_back({Shape::polyline({{kCentre - s, kCentre - s},
                                        {kCentre + s, kCentre - s},
                                        {kCentre + s, kCentre + s},
                                        {kCentre - s, kCentre + s}},
                                       true)});
  } else if (text == "\u21A7") {  // depth: a bar over a stem ending in an open arrowhead
    const double half = h * random.uniform_real(0.25, 0.4), top = kCentre - 0.5 * h, bottom = kCentre + 0.5 * h;
    // The open arrowhead from a short one at the stem's end to a V as tall as the symbol.
    const double head = h * random.uniform_real(0.25, 0.95), spread = h * random.uniform_real(0.15, 0.45);
    strokes.push_back({Shape::line({kCentre - half, top}, {kCentre + half, top})});
    strokes.push_back({Shape::line({kCentre, top}, {kCentre, bottom})});
    strokes.push_back({Shape::polyline(
        {{kCentre - spread, bottom - head}, {kCentre, bottom}, {kCentre + spread, bottom - head}}, false)});
  } else if (text == "\u2335") {  // countersink: an open V
    const double half = h * random.uniform_real(0.3, 0.5);
    strokes.push_back({Shape::polyline(
        {{kCentre - half, kCentre - 0.4 * h}, {kCentre, kCentre + 0.4 * h}, {kCentre + half, kCentre - 0.4 * h}},
        false)});
  } else if (text == "\u2334") {  // counterbore: a square bracket open upwards
    const double half = h * random.uniform_real(0.3, 0.5);
    strokes.push_back({Shape::polyline({{kCentre - half, kCentre - 0.4 * h},
                                        {kCentre - half, kCentre + 0.4 * h},
                                        {kCentre + half, kCentre + 0.4 * h},
                                        {kCentre + half, kCentre - 0.4 * h}},
                                       false)});
  } else {  // ±
    const double s = h * random.uniform_real(0.3, 0.45);
    strokes.push_back({Shape::line({kCentre - s, kCentre - 0.2 * h}, {kCentre + s, kCentre - 0.2 * h})});
    strokes.push_back({Shape::line({kCentre, kCentre - 0.2 * h - s}, {kCentre, kCentre - 0.2 * h + s})});
    strokes.push_back({Shape::line({kCentre - s, kCentre + 0.45 * h}, {kCentre + s, kCentre + 0.45 * h})});
  }
  synth::draw_strokes(cr, strokes, {}, pen.width);
}

// Marks that stand beside numbers but are no size symbol: characters, arrowheads, line ends, arcs.
void other_mark(cairo_t* cr, synth::RandomSource& random, const Pen& pen) {
  static const std::string characters =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz()[]-+.,:/x*#%=<>";
  const double pick = random.uniform_real(0, 1);
  if (pick < 0.6) {
    std::string text(1, characters[random.index(characters.size())]);
    if (random.chance(0.1)) text = random.pick(std::array<const char*, 4>{"\u00B0", "R", "M", "SR"});
    if (glyph(cr, random, text, pen)) return;
  }
  const double h = pen.height;
  std::vector<synth::Stroke> strokes;
  std::vector<synth::Fill> fills;
  const double angle = random.uniform_real(0, 2 * synth::kPi);
  const Point toward{std::cos(angle), std::sin(angle)};
  if (pick < 0.75) {
    const Point tip{kCentre, kCentre};
    fills.push_back({synth::arrowhead_triangle(tip, toward, h * random.uniform_real(0.6, 1.2), 10)});
    if (random.chance(0.5)) strokes.push_back({Shape::line(tip, tip - toward * (h * 1.2))});
  } else if (pick < 0.9) {
    const double length = h * random.uniform_real(0.3, 1.4);
    strokes.push_back({Shape::line(Point{kCentre, kCentre} - toward * (length / 2),
                                   Point{kCentre, kCentre} + toward * (length / 2))});
  } else {
    strokes.push_back({Shape::arc({kCentre, kCentre}, h * random.uniform_real(0.4, 1.0), angle,
                                  angle + random.uniform_real(0.5, 2.5))});
  }
  synth::draw_strokes(cr, strokes, fills, pen.width);
}

void draw_class(cairo_t* cr, synth::RandomSource& random, int label, const Pen& pen) {
  const std::string& text = ocr::symbol_classes()[static_cast<std::size_t>(label)];
  if (text.empty()) return other_mark(cr, random, pen);
  const bool size_symbol = text == "\u00D8" || text == "\u25A1" || text == "\u00B1" || text == "\u21A7" ||
                           text == "\u2335" || text == "\u2334";
  const auto symbol = vector_symbol(text);
  if (size_symbol && random.chance(0.5)) return drawn_size_symbol(cr, random, text, pen);
  // Ø is also typed as the diameter sign ⌀.
  if (!(symbol && random.chance(0.6)) &&
      glyph(cr, random, text == "\u00D8" && random.chance(0.5) ? "\u2300" : text, pen))
    return;
  if (symbol) {
    std::vector<synth::Stroke> strokes;
    std::vector<synth::Fill> fills;
    const double width = synth::draw_symbol(*symbol, {0, 0}, pen.height, synth::LineClass::gdt, strokes, fills);
    cairo_save(cr);
    cairo_translate(cr, kCentre - width / 2, kCentre + pen.height / 2);
    synth::draw_strokes(cr, strokes, fills, pen.width);
    cairo_restore(cr);
    return;
  }
  drawn_size_symbol(cr, random, text, pen);
}

// Scan and rendering wear: blur, gray paper and ink, noise, now and then hard thresholding.
cv::Mat degrade(const cv::Mat& ink, synth::RandomSource& random) {
  cv::Mat level = ink;
  if (random.chance(0.5)) {
    const double sigma = random.uniform_real(0.3, 1.2);
    cv::GaussianBlur(level, level, cv::Size(0, 0), sigma);
  }
  const double paper = random.uniform_real(200, 255), dark = random.uniform_real(0, 110);
  cv::Mat gray;
  level.convertTo(gray, CV_32F, (dark - paper) / 255.0, paper);
  if (random.chance(0.5)) {
    cv::Mat noise(gray.size(), CV_32F);
    cv::randn(noise, 0, random.uniform_real(2, 18));
    gray += noise;
  }
  cv::Mat out;
  gray.convertTo(out, CV_8U);
  if (random.chance(0.15)) cv::threshold(out, out, (paper + dark) / 2, 255, cv::THRESH_BINARY);
  return out;
}

}  // namespace

int pick_label(synth::RandomSource& random) {
  const int classes = static_cast<int>(ocr::symbol_classes().size());
  const int slot = random.uniform_int(0, classes + 1);
  return std::min(slot, classes - 1);
}

SymbolSample draw_symbol_sample(synth::RandomSource& random, int label) {
  Pen pen;
  pen.height = random.uniform_real(12, 48);
  pen.width = std::max(0.8, pen.height * random.uniform_real(0.05, 0.14));
  const synth::CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_A8, kCanvas, kCanvas));
  const synth::CairoContext context(cairo_create(surface.get()));
  cairo_t* cr = context.get();
  cairo_translate(cr, kCentre, kCentre);
  // Text set at a slant turns the symbol before a number with it: those (and the marks beside them)
  // are also drawn turned; a frame's symbol stands upright with its frame.
  const bool before_number = label >= ocr::kCharacteristicClasses;
  const double turn = before_number && random.chance(0.5) ? 30.0 : 2.5;
  cairo_rotate(cr, random.uniform_real(-turn, turn) * synth::kPi / 180);
  cairo_translate(cr, -kCentre, -kCentre);
  cairo_set_source_rgba(cr, 0, 0, 0, 1);
  draw_class(cr, random, label, pen);
  cairo_surface_flush(surface.get());
  const cv::Mat alpha(kCanvas, kCanvas, CV_8UC1, cairo_image_surface_get_data(surface.get()),
                      static_cast<std::size_t>(cairo_image_surface_get_stride(surface.get())));
  cv::Mat ink = alpha.clone();
  // Cut around the ink with a margin; now and then a neighbour's stroke enters at an edge.
  cv::Rect bounds = cv::boundingRect(ink > 60);
  if (bounds.empty()) bounds = cv::Rect(kCanvas / 2 - 4, kCanvas / 2 - 4, 8, 8);
  auto margin = [&] { return static_cast<int>(pen.height * random.uniform_real(0.05, 0.4)); };
  const int left = margin(), right = margin(), top = margin(), bottom = margin();
  bounds = cv::Rect(bounds.x - left, bounds.y - top, bounds.width + left + right, bounds.height + top + bottom) &
           cv::Rect(0, 0, kCanvas, kCanvas);
  cv::Mat crop = ink(bounds).clone();
  if (random.chance(0.1)) {
    const int column = random.chance(0.5) ? 0 : crop.cols - 1;
    crop.col(column).setTo(255);
  }
  return {degrade(crop, random), label};
}

}  // namespace drawlens::train
