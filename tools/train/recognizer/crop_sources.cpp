// Generated-drawing crops, rendered grammar strings and their degradation (crop_sources.h).
#include "crop_sources.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>

#include <cairo.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "canvas.h"
#include "ocr/alphabet.h"
#include "symbol_shapes.h"
#include "synth.h"

namespace drawlens::train {
namespace {

using Random = std::mt19937_64;

double uniform(Random& r, double low, double high) {
  return std::uniform_real_distribution<double>(low, high)(r);
}
int integer(Random& r, int low, int high) {
  return std::uniform_int_distribution<int>(low, high)(r);
}
bool chance(Random& r, double p) {
  return uniform(r, 0, 1) < p;
}
template <typename T>
const T& pick(Random& r, const std::vector<T>& items) {
  return items[static_cast<std::size_t>(integer(r, 0, static_cast<int>(items.size()) - 1))];
}

std::string number(Random& r, int decimals, bool comma, double low, double high) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, uniform(r, low, high));
  std::string text = buffer;
  if (comma) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

std::string deviation(Random& r, bool comma, bool positive) {
  const std::string value = number(r, integer(r, 1, 3), comma, 0.001, 0.5);
  if (value.find_first_not_of("0.,") == std::string::npos) return "0";
  return (positive ? "+" : "-") + value;
}

// What is drawn: a main run, then optionally a stacked pair beside it (scale of the pair's letters,
// and whether the pair is a limit pair at full size).
struct Lettering {
  std::string main, upper, lower;
  bool limits = false;
  bool pair_in_parentheses = false;  // drawn around the stacked pair as SolidWorks does; not in the text
  // Deviations as SolidWorks sets them: nearly full size, the lower one on the value's baseline.
  bool pair_on_baseline = false;
  bool boxed = false;  // a basic dimension: the main run in a drawn box, read as "[...]"
};

std::string random_word(Random& r) {
  static const std::vector<std::string> words = {
      "THRU",     "TYP",     "MAX",        "MIN",       "REF",         "DEPTH",   "ALL AROUND",  "Ra",
      "Rz",       "CSK",     "EQ SP",      "SCALE",     "SHEET",       "Maßstab", "Gewicht",     "Blatt",
      "Änderung", "Prüfung", "Oberfläche", "Werkstoff", "Zeichnung",   "DRAWN",   "CHECKED",     "MATERIAL",
      "FINISH",   "TITLE",   "DWG NO",     "REV",       "QTY",         "ITEM",    "PART NUMBER", "S235JR",
      "42CrMo4",  "AlMg3",   "C45E",       "1.4301",    "ISO 2768-mK", "DIN 509", "ISO 1302"};
  if (chance(r, 0.6)) return pick(r, words);
  static const std::string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-/.";
  std::string word;
  const int n = integer(r, 2, 10);
  for (int i = 0; i < n; ++i)
    word += letters[static_cast<std::size_t>(integer(r, 0, static_cast<int>(letters.size()) - 1))];
  return word;
}

Lettering random_lettering(Random& r) {
  Lettering l;
  const bool comma = chance(r, 0.4);
  const int decimals = chance(r, 0.5) ? 0 : integer(r, 1, 2);
  const std::string value = number(r, decimals, comma, 0.5, chance(r, 0.7) ? 120 : 999);
  static const std::vector<std::string> holes = {"H6", "H7", "H8", "H11", "G7", "F7", "JS9", "K7", "N9", "P9"};
  static const std::vector<std::string> shafts = {"g6", "h6", "h7", "f7", "k6", "m6", "js7", "p6", "e8", "h11"};
  const int form = integer(r, 0, 12);
  switch (form) {
    case 0: l.main = random_word(r); return l;
    case 1: l.main = random_word(r) + " " + value; return l;
    case 2: l.main = value + "°" + (chance(r, 0.3) ? " ±" + number(r, 0, false, 1, 5) + "°" : ""); return l;
    case 3: l.main = value + "x45°"; return l;
    case 5: {  // a hole callout: its depth, counterbore and countersink symbols are drawn as lines
      const std::string count =
          chance(r, 0.4) ? std::to_string(integer(r, 2, 8)) + (chance(r, 0.5) ? "x " : " x ") : "";
      const std::string depth = "\u21A7" + number(r, decimals, comma, 1, 40);
      switch (integer(r, 0, 2)) {
        case 0: l.main = count + "\u00D8" + value + " " + depth; break;
        case 1:
          l.main = count + "\u00D8" + value + " \u2334\u00D8" + number(r, decimals, comma, 4, 30) + " " + depth;
          break;
        default:
          l.main = count + "\u00D8" + value + " \u2335\u00D8" + number(r, decimals, comma, 4, 30) + " x 90\u00B0";
          break;
      }
      return l;
    }
    case 4: {
      static const std::vector<std::string> sizes = {"3", "4", "5", "6", "8", "10", "12", "16", "20", "24"};
      l.main = "M" + pick(r, sizes) + (chance(r, 0.4) ? "x" + number(r, 2, false, 0.5, 2) : "") +
               (chance(r, 0.3) ? std::string("-6H") : "") +
               (chance(r, 0.3)   ? " THRU"
                : chance(r, 0.3) ? " \u21A7" + number(r, 0, false, 4, 30)
                                 : "");
      return l;
    }
    default: break;
  }
  static const std::vector<std::string> prefixes = {"", "", "", "Ø", "Ø", "R", "SØ", "□"};
  std::string prefix = pick(r, prefixes);
  if (chance(r, 0.15)) prefix = std::to_string(integer(r, 2, 12)) + "x " + prefix;
  const int tolerance = integer(r, 0, 6);
  if (tolerance == 0 && prefix.find(' ') == std::string::npos) {  // limits, stacked at full size
    const int d = integer(r, 2, 3);
    const double nominal = uniform(r, 1, 150);
    l.main = prefix;
    l.upper = number(r, d, comma, nominal + 0.01, nominal + 0.2);
    l.lower = number(r, d, comma, nominal - 0.2, nominal - 0.001);
    l.limits = true;
    return l;
  }
  l.main = prefix + value;
  static const std::vector<std::string> qualifiers = {" max.", " min.", " MAX", " MIN", " TYP", " typ.", " REF"};
  const bool qualified = tolerance == 6 && chance(r, 0.3);
  if (qualified) l.main += pick(r, qualifiers);
  switch (tolerance) {
    case 1: l.main += " ±" + number(r, integer(r, 1, 3), comma, 0.01, 0.5); break;
    case 2: l.main += " " + (chance(r, 0.5) ? pick(r, holes) : pick(r, shafts)); break;
    case 3: l.main += " " + pick(r, holes) + "/" + pick(r, shafts); break;
    case 4: {  // stacked deviations beside the value
      const bool both_positive = chance(r, 0.2), both_negative = !both_positive && chance(r, 0.25);
      l.main += " ";
      l.upper = deviation(r, comma, !both_negative);
      l.lower = deviation(r, comma, both_positive);
      l.pair_in_parentheses = chance(r, 0.2);
      l.pair_on_baseline = chance(r, 0.35);
      break;
    }
    case 5:
      l.main += " " + pick(r, holes) + " (" + deviation(r, comma, true) + "/" + deviation(r, comma, false) + ")";
      break;
    default: l.boxed = !qualified && chance(r, 0.3); return l;
  }
  if (chance(r, 0.1)) l.main = "(" + l.main + ")";
  return l;
}

struct CairoSurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

// The hole symbols, which CAD systems draw as lines and fonts mostly lack.
std::optional<synth::Symbol> hole_symbol(const std::string& character) {
  for (const synth::Symbol s : {synth::Symbol::depth, synth::Symbol::counterbore, synth::Symbol::countersink})
    if (character == synth::symbol_text(s)) return s;
  return std::nullopt;
}

// SolidWorks' depth symbol, in the generator's symbol's width: a bar over a stem ending in an open
// arrowhead (the generator's arrow points down onto a bar).
std::vector<synth::Stroke> bar_over_arrow(double x, double y, double width, double cap) {
  const double centre = x + width / 2, half = 0.3 * cap, head = 0.35 * cap;
  return {
      {synth::Shape::line({centre - half, y - cap}, {centre + half, y - cap})},
      {synth::Shape::line({centre, y - cap}, {centre, y})},
      {synth::Shape::polyline({{centre - 0.25 * cap, y - head}, {centre, y}, {centre + 0.25 * cap, y - head}}, false)}};
}

// Sets `text` at (x, y) in the current font of `size`, hole symbols drawn as the generator draws
// them (the depth symbol as SolidWorks does when `bar_over` is set), or only measures it when `draw`
// is false. Returns the advance.
double set_text(cairo_t* cr, const std::string& text, double x, double y, double size, bool draw,
                bool bar_over = false) {
  cairo_set_font_size(cr, size);
  const double cap = 0.72 * size;
  double advance = 0;
  std::string run;
  auto flush = [&] {
    if (run.empty()) return;
    cairo_text_extents_t e;
    cairo_text_extents(cr, run.c_str(), &e);
    if (draw) {
      cairo_move_to(cr, x + advance, y);
      cairo_show_text(cr, run.c_str());
    }
    advance += e.x_advance;
    run.clear();
  };
  for (const std::string& c : ocr::utf8_characters(text)) {
    const auto symbol = hole_symbol(c);
    if (!symbol) {
      run += c;
      continue;
    }
    flush();
    std::vector<synth::Stroke> strokes;
    std::vector<synth::Fill> fills;
    const double width =
        synth::draw_symbol(*symbol, {x + advance, y}, cap, synth::LineClass::dimension, strokes, fills);
    if (bar_over && *symbol == synth::Symbol::depth) {
      strokes = bar_over_arrow(x + advance, y, width, cap);
      fills.clear();
    }
    advance += width;
    if (draw) synth::draw_strokes(cr, strokes, fills, std::max(1.0, 0.09 * cap));
  }
  flush();
  return advance;
}

cv::Mat render(const Lettering& l, const std::string& typeface, double em, Random& r) {
  const double pair_scale = l.limits ? 1.0 : l.pair_on_baseline ? uniform(r, 0.8, 1.0) : 0.7;
  std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter> probe(cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1));
  std::unique_ptr<cairo_t, CairoDeleter> measure(cairo_create(probe.get()));
  cairo_select_font_face(measure.get(), typeface.c_str(), CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  auto advance = [&](const std::string& text, double size) { return set_text(measure.get(), text, 0, 0, size, false); };
  const double cap = 0.72 * em;
  const double main_width = advance(l.main, em);
  const double parenthesis_size = 1.6 * em * pair_scale;
  const double parenthesis_width = l.pair_in_parentheses ? advance("(", parenthesis_size) : 0;
  const double pair_width =
      std::max(advance(l.upper, em * pair_scale), advance(l.lower, em * pair_scale)) + 2 * parenthesis_width;
  const double margin = std::max(2.0, cap * uniform(r, 0.1, 0.35));
  const double top = l.upper.empty() ? cap : (l.limits ? 2.4 * cap : l.pair_on_baseline ? 2.3 * cap : 1.3 * cap);
  const double bottom = l.upper.empty()                  ? 0.25 * em
                        : l.limits || l.pair_on_baseline ? 0.3 * em
                                                         : 0.3 * cap + 0.25 * em * pair_scale;
  const int width = static_cast<int>(std::ceil(main_width + pair_width + 2 * margin));
  const int height = static_cast<int>(std::ceil(top + bottom + 2 * margin));
  std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter> surface(
      cairo_image_surface_create(CAIRO_FORMAT_A8, width, height));
  std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
  cairo_select_font_face(cr.get(), typeface.c_str(), CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  const double baseline = margin + top;
  const bool bar_over = chance(r, 0.5);
  auto show = [&](const std::string& text, double x, double y, double size) {
    set_text(cr.get(), text, x, y, size, true, bar_over);
  };
  show(l.main, margin, l.limits ? baseline - 0.65 * cap : baseline, em);
  if (l.boxed) {
    const double pad = 0.25 * cap;
    cairo_set_line_width(cr.get(), std::max(1.0, 0.08 * cap));
    cairo_rectangle(cr.get(), margin - pad, baseline - cap - pad, main_width + 2 * pad, cap + 2 * pad);
    cairo_stroke(cr.get());
  }
  if (!l.upper.empty()) {
    const double x = margin + main_width + (l.limits ? 0 : 0.2 * cap) + parenthesis_width;
    const double upper_y = l.limits             ? baseline - 1.35 * cap
                           : l.pair_on_baseline ? baseline - 1.3 * cap * pair_scale
                                                : baseline - 0.55 * cap;
    const double lower_y = l.limits || l.pair_on_baseline ? baseline : baseline + 0.3 * cap;
    show(l.upper, x, upper_y, em * pair_scale);
    show(l.lower, x, lower_y, em * pair_scale);
    if (l.pair_in_parentheses) {
      const double inner = std::max(advance(l.upper, em * pair_scale), advance(l.lower, em * pair_scale));
      // centred on the pair: a parenthesis reaches about 0.75 of its size above its baseline, 0.2 below
      const double y = (upper_y - cap * pair_scale + lower_y) / 2 + 0.275 * parenthesis_size;
      show("(", x - parenthesis_width, y, parenthesis_size);
      show(")", x + inner, y, parenthesis_size);
    }
  }
  cairo_surface_flush(surface.get());
  const cv::Mat alpha(height, width, CV_8UC1, cairo_image_surface_get_data(surface.get()),
                      static_cast<std::size_t>(cairo_image_surface_get_stride(surface.get())));
  cv::Mat gray;
  cv::subtract(cv::Scalar(255), alpha, gray);
  return gray;
}

}  // namespace

std::vector<LabelledCrop> drawing_crops(std::uint64_t seed, int index) {
  synth::DrawingOptions options;
  options.seed = seed;
  options.dpi = 150 + 25 * (index % 7);
  options.style = index % 3 == 2 ? synth::SheetStyle::asme : synth::SheetStyle::iso;
  options.degradation = index % 4 == 1   ? synth::Degradation::scan
                        : index % 4 == 3 ? synth::Degradation::heavy
                                         : synth::Degradation::none;
  options.outputs = synth::parse_output_list("png,crops");
  const synth::Drawing drawing = synth::generate_drawing(options, index);
  std::vector<LabelledCrop> crops;
  for (const synth::TextCrop& crop : drawing.crops) {
    const auto text = ocr::normalized(crop.text);
    if (!text) continue;
    crops.push_back({cv::imdecode(crop.png, cv::IMREAD_GRAYSCALE), *text, crop.kind});
  }
  return crops;
}

// URW Gothic is the metric twin of Century Gothic, SolidWorks' drawing font; Liberation Sans Narrow
// stands for Arial Narrow; NanumGothic's Latin letters are what Korean title blocks print.
const std::vector<std::string>& training_typefaces() {
  static const std::vector<std::string> faces = {
      "osifont",          "DejaVu Sans",    "Liberation Sans",  "FreeSans",    "Nimbus Sans",           "URW Gothic",
      "DejaVu Sans Mono", "Nimbus Mono PS", "Liberation Serif", "NanumGothic", "Liberation Sans Narrow"};
  return faces;
}

// Two sans-serif designs unlike any of the training faces (and without a metric twin among them).
const std::vector<std::string>& held_out_typefaces() {
  static const std::vector<std::string> faces = {"NanumBarunGothic", "NanumSquare"};
  return faces;
}

LabelledCrop rendered_crop(Random& random, const std::string& typeface) {
  const Lettering lettering = random_lettering(random);
  LabelledCrop crop;
  crop.gray = render(lettering, typeface, uniform(random, 16, 56), random);
  std::string text = (lettering.boxed ? "[" + lettering.main + "]" : lettering.main) + lettering.upper;
  if (!lettering.lower.empty()) text += "\n" + lettering.lower;
  crop.text = ocr::normalized(text).value_or(text);
  crop.kind = "rendered";
  return crop;
}

// Hairline lettering: SolidWorks and other CAD systems print text with strokes of one or two pixels
// at 150-300 dpi, far thinner than a typeface's regular weight. The ink is worn down (a grey-level
// dilation keeps the strokes' soft edges) until its strokes are about `half_width` * 2 pixels wide.
void thin_strokes(cv::Mat& gray, double half_width) {
  cv::Mat ink, distance;
  cv::compare(gray, 128, ink, cv::CMP_LT);
  cv::distanceTransform(ink, distance, cv::DIST_L2, 3);
  std::vector<float> depths;
  for (int y = 0; y < distance.rows; ++y) {
    const float* row = distance.ptr<float>(y);
    for (int x = 0; x < distance.cols; ++x)
      if (row[x] > 0) depths.push_back(row[x]);
  }
  if (depths.empty()) return;
  auto at = depths.begin() + static_cast<std::ptrdiff_t>(0.9 * static_cast<double>(depths.size() - 1));
  std::nth_element(depths.begin(), at, depths.end());
  const int steps = static_cast<int>(std::lround(*at - half_width));
  if (steps < 1) return;
  cv::dilate(gray, gray, cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * steps + 1, 2 * steps + 1}));
}

void degrade(cv::Mat& gray, Random& r) {
  if (gray.empty()) return;
  const double h = gray.rows;
  if (chance(r, 0.25)) thin_strokes(gray, uniform(r, 0.7, 1.5));
  if (chance(r, 0.3)) {  // a dimension line under the text, or cell rulings at the sides
    const int y = integer(r, static_cast<int>(0.8 * h), gray.rows - 1);
    cv::line(gray, {0, y}, {gray.cols - 1, y}, cv::Scalar(integer(r, 0, 60)), chance(r, 0.5) ? 1 : 2);
  }
  // What a detector's box holds beside the lettering on real CAD output (SolidWorks exports of
  // shared/data): extension lines and leaders crossing the characters, paper and the dimension line
  // above or below, so that the lettering fills as little as half the crop's height.
  if (chance(r, 0.2)) {
    for (int lines = integer(r, 1, 2); lines > 0; --lines) {
      const int x = integer(r, 0, gray.cols - 1);
      const int from = chance(r, 0.5) ? 0 : integer(r, 0, gray.rows / 2);
      const int to = chance(r, 0.5) ? gray.rows - 1 : integer(r, gray.rows / 2, gray.rows - 1);
      cv::line(gray, {x, from}, {x, to}, cv::Scalar(integer(r, 0, 120)), 1);
    }
  }
  if (chance(r, 0.1)) {
    cv::line(gray, {integer(r, 0, gray.cols - 1), 0}, {integer(r, 0, gray.cols - 1), gray.rows - 1},
             cv::Scalar(integer(r, 0, 120)), 1, cv::LINE_AA);
  }
  if (chance(r, 0.25)) {
    const int top = integer(r, 0, static_cast<int>(0.6 * h)), bottom = integer(r, 0, static_cast<int>(0.6 * h));
    cv::copyMakeBorder(gray, gray, top, bottom, 0, 0, cv::BORDER_CONSTANT, cv::Scalar(255));
  }
  if (chance(r, 0.15)) {
    const int x = integer(r, 0, 2);
    cv::line(gray, {x, 0}, {x, gray.rows - 1}, cv::Scalar(0), 1);
    cv::line(gray, {gray.cols - 1 - x, 0}, {gray.cols - 1 - x, gray.rows - 1}, cv::Scalar(0), 1);
  }
  if (chance(r, 0.6)) {  // crop jitter: a detector's box is a few pixels off
    const int m = std::max(1, static_cast<int>(h / 8));
    cv::Mat padded;
    cv::copyMakeBorder(gray, padded, m, m, m, m, cv::BORDER_CONSTANT, cv::Scalar(255));
    const int left = integer(r, 0, 2 * m), right = integer(r, 0, 2 * m);
    const int top = integer(r, 0, 2 * m), bottom = integer(r, 0, 2 * m);
    const cv::Rect inside(left, top, std::max(4, padded.cols - left - right), std::max(4, padded.rows - top - bottom));
    gray = padded(inside & cv::Rect(0, 0, padded.cols, padded.rows)).clone();
  }
  if (chance(r, 0.4)) {  // a slightly wrong angle
    const cv::Mat turn = cv::getRotationMatrix2D({gray.cols / 2.0f, gray.rows / 2.0f}, uniform(r, -2, 2), 1.0);
    cv::warpAffine(gray, gray, turn, gray.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
  }
  if (chance(r, 0.2)) cv::erode(gray, gray, cv::getStructuringElement(cv::MORPH_RECT, {2, 2}));   // heavier ink
  if (chance(r, 0.1)) cv::dilate(gray, gray, cv::getStructuringElement(cv::MORPH_RECT, {2, 1}));  // lighter ink
  if (chance(r, 0.3)) {                                                                           // a low resolution
    const double s = uniform(r, 0.45, 0.9);
    cv::Mat small;
    cv::resize(gray, small, {}, s, s, cv::INTER_AREA);
    if (small.rows >= 4 && small.cols >= 4) cv::resize(small, gray, gray.size(), 0, 0, cv::INTER_LINEAR);
  }
  if (chance(r, 0.3)) cv::GaussianBlur(gray, gray, {0, 0}, uniform(r, 0.3, 1.0));
  if (chance(r, 0.5)) {  // grey paper, grey ink (CAD exports print annotations in light grey)
    const double ink = uniform(r, 0, chance(r, 0.3) ? 170 : 110), paper = uniform(r, std::max(170.0, ink + 75), 255);
    gray.convertTo(gray, CV_8U, (paper - ink) / 255.0, ink);
  }
  if (chance(r, 0.4)) {
    cv::Mat noise(gray.size(), CV_16S);
    cv::randn(noise, 0, uniform(r, 2, 14));
    cv::Mat wide;
    gray.convertTo(wide, CV_16S);
    wide += noise;
    wide.convertTo(gray, CV_8U);
  }
  if (chance(r, 0.3)) {
    std::vector<std::uint8_t> bytes;
    cv::imencode(".jpg", gray, bytes, {cv::IMWRITE_JPEG_QUALITY, integer(r, 25, 85)});
    gray = cv::imdecode(bytes, cv::IMREAD_GRAYSCALE);
  }
}

}  // namespace drawlens::train
