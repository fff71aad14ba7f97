// Rubber stamps (ring or frame with a word, turned, partly transparent) and handwriting (initials,
// check marks, short notes): glyph outlines and strokes bent by a smooth random wobble and slanted.
#include "paper_marks.h"

#include <cmath>
#include <string>

#include "canvas.h"

namespace drawlens::synth {
namespace {

struct MarkStrength {
  double stamp_chance;
  int hands_low, hands_high;  // handwritten marks per sheet
};
constexpr MarkStrength kScanMarks{0.3, 0, 2};
constexpr MarkStrength kHeavyMarks{0.6, 1, 4};

// A smooth displacement of the sheet (mm): the same shape bends, it does not fray.
struct Wobble {
  double amplitude = 0.0, frequency = 1.0, phase_x = 0.0, phase_y = 0.0;
  Point at(Point p) const {
    return {p.x + amplitude * std::sin(frequency * p.y + phase_x),
            p.y + amplitude * std::sin(frequency * p.x + phase_y)};
  }
};

// Lettering frame → sheet: slant (x += slant * -y), turn counter-clockwise, move; then the wobble.
struct Placement {
  Point origin;
  double angle_degrees = 0.0;
  double slant = 0.0;
  Wobble wobble;
  Point to_sheet(Point local) const {
    const Point slanted{local.x - slant * local.y, local.y};
    TextItem frame;
    frame.origin = origin;
    frame.angle_degrees = angle_degrees;
    return wobble.at(frame.to_sheet(slanted));
  }
};

Wobble random_wobble(RandomSource& random, double amplitude) {
  return {random.uniform_real(0.3, 1.0) * amplitude, random.uniform_real(0.8, 2.0), random.uniform_real(0.0, 2 * kPi),
          random.uniform_real(0.0, 2 * kPi)};
}

// The glyph outlines of `text` (baseline origin at 0), flattened, as closed polylines placed on the sheet.
std::vector<Shape> outlines(const FontBook& fonts, Typeface face, double em_size, const std::string& text,
                            const Placement& placement) {
  CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1));
  CairoContext cr(cairo_create(surface.get()));
  cairo_set_tolerance(cr.get(), 0.005);
  cairo_set_font_options(cr.get(), fonts.options());
  cairo_set_font_face(cr.get(), fonts.face(face));
  cairo_set_font_size(cr.get(), em_size);
  cairo_text_path(cr.get(), text.c_str());
  cairo_path_t* path = cairo_copy_path_flat(cr.get());
  std::vector<Shape> shapes;
  std::vector<Point> points;
  const auto flush = [&] {
    if (points.size() >= 3) shapes.push_back(Shape::polyline(points, true));
    points.clear();
  };
  for (int i = 0; i < path->num_data; i += path->data[i].header.length) {
    const cairo_path_data_t& head = path->data[i];
    if (head.header.type == CAIRO_PATH_MOVE_TO) flush();
    if (head.header.type == CAIRO_PATH_MOVE_TO || head.header.type == CAIRO_PATH_LINE_TO) {
      points.push_back(placement.to_sheet({path->data[i + 1].point.x, path->data[i + 1].point.y}));
    }
    if (head.header.type == CAIRO_PATH_CLOSE_PATH) flush();
  }
  flush();
  cairo_path_destroy(path);
  return shapes;
}

double advance(const FontBook& fonts, Typeface face, double em_size, const std::string& text) {
  return fonts.measure(face, em_size, text).advance;
}

Point somewhere(const Scene& scene, RandomSource& random) {
  return {random.uniform_real(0.1, 0.85) * scene.width_mm, random.uniform_real(0.12, 0.9) * scene.height_mm};
}

Mark stamp(const Scene& scene, const FontBook& fonts, RandomSource& random) {
  static const std::string kWords[] = {"APPROVED", "CHECKED", "RELEASED", "GEPRÜFT", "FREIGEGEBEN", "검사필"};
  std::string word = random.pick(kWords);
  const bool korean = word == "검사필";
  if (korean && !fonts.installed(Typeface::nanum_gothic)) word = "APPROVED";
  const Typeface face =
      korean && fonts.installed(Typeface::nanum_gothic) ? Typeface::nanum_gothic : Typeface::dejavu_sans;
  const double em = random.uniform_real(4.0, 6.0);
  const double width = advance(fonts, face, em, word);
  Placement place{somewhere(scene, random), random.uniform_real(-25.0, 25.0), 0.0, random_wobble(random, 0.15)};
  Mark mark;
  mark.filled = true;
  mark.ink = random.uniform_real(0.35, 0.7);
  // The word centred on the stamp's origin, then a double ring or frame around it, as thin filled bands.
  const double cap = em * fonts.cap_ratio(face);
  Placement text_place = place;
  text_place.origin = TextItem{{}, {}, {}, {}, place.origin, place.angle_degrees}.to_sheet({-width / 2, cap / 2});
  mark.path = outlines(fonts, face, em, word, text_place);
  const double pen = random.uniform_real(0.5, 0.9);
  const auto band = [&](std::vector<Point> outer, std::vector<Point> inner) {
    for (Point& p : outer) p = place.to_sheet(p);
    for (Point& p : inner) p = place.to_sheet(p);
    mark.path.push_back(Shape::polyline(std::move(outer), true));
    mark.path.push_back(Shape::polyline({inner.rbegin(), inner.rend()}, true));  // hole: the other way round
  };
  const auto ring = [](double rx, double ry) {
    std::vector<Point> points;
    for (int i = 0; i < 72; ++i) points.push_back({rx * std::cos(i * kPi / 36), ry * std::sin(i * kPi / 36)});
    return points;
  };
  const auto frame = [](double hw, double hh) {
    return std::vector<Point>{{-hw, -hh}, {hw, -hh}, {hw, hh}, {-hw, hh}};
  };
  const bool round = random.chance(0.5);
  for (double gap : {1.5, 1.5 + pen + 1.0}) {
    const double hw = width / 2 + gap, hh = cap / 2 + gap + (round ? width / 4 : 0.0);
    if (round) {
      band(ring(hw + pen, hh + pen), ring(hw, hh));
    } else {
      band(frame(hw + pen, hh + pen), frame(hw, hh));
    }
  }
  return mark;
}

// A check mark or a scribbled underline: a pen stroke through jittered points.
Mark pen_stroke(const std::vector<Point>& local, const Placement& place, RandomSource& random) {
  Mark mark;
  mark.pen = random.uniform_real(0.25, 0.45);
  std::vector<Point> points;
  for (std::size_t i = 0; i + 1 < local.size(); ++i) {
    for (int k = 0; k < 6; ++k) points.push_back(place.to_sheet(local[i] + (local[i + 1] - local[i]) * (k / 6.0)));
  }
  points.push_back(place.to_sheet(local.back()));
  mark.path.push_back(Shape::polyline(std::move(points), false));
  mark.ink = random.uniform_real(0.75, 1.0);
  return mark;
}

void handwrite(PaperMarks& marks, const Scene& scene, const FontBook& fonts, RandomSource& random) {
  static const std::string kNotes[] = {"OK", "checked", "see rev B", "i.O.", "prüfen!", "measure again", "확인"};
  Placement place{somewhere(scene, random), random.uniform_real(-10.0, 10.0), random.uniform_real(0.15, 0.4),
                  random_wobble(random, 0.25)};
  const int kind = random.uniform_int(0, 2);
  if (kind == 0) {  // check mark
    const double s = random.uniform_real(1.5, 3.0);
    marks.marks.push_back(pen_stroke({{0, 0}, {1.0 * s, 1.3 * s}, {3.2 * s, -2.2 * s}}, place, random));
    return;
  }
  std::string text;
  if (kind == 1) {  // initials with a flourish under them
    text = {static_cast<char>('A' + random.uniform_int(0, 25)), '.',
            static_cast<char>('A' + random.uniform_int(0, 25))};
  } else {
    text = random.pick(kNotes);
    if (text == "확인" && !fonts.installed(Typeface::nanum_gothic)) text = "OK";
  }
  const Typeface face = text == "확인" ? Typeface::nanum_gothic : Typeface::osifont;
  const double em = random.uniform_real(4.0, 7.0);
  Mark writing;
  writing.filled = true;
  writing.ink = random.uniform_real(0.7, 1.0);
  writing.path = outlines(fonts, face, em, text, place);
  marks.marks.push_back(std::move(writing));
  if (kind == 1) {
    const double w = advance(fonts, face, em, text);
    marks.marks.push_back(pen_stroke({{-1.0, 1.5}, {w * 0.6, 2.5}, {w + 2.0, 0.8}}, place, random));
  }
}

}  // namespace

PaperMarks mark_paper(const Scene& scene, const FontBook& fonts, Degradation level, RandomSource& random) {
  PaperMarks marks;
  if (level == Degradation::none) return marks;
  const MarkStrength& s = level == Degradation::heavy ? kHeavyMarks : kScanMarks;
  if (random.chance(s.stamp_chance)) marks.marks.push_back(stamp(scene, fonts, random));
  const int hands = random.uniform_int(s.hands_low, s.hands_high);
  for (int i = 0; i < hands; ++i) handwrite(marks, scene, fonts, random);
  return marks;
}

void draw_marks(cairo_t* cr, const PaperMarks& marks) {
  for (const Mark& mark : marks.marks) {
    cairo_save(cr);
    cairo_set_source_rgba(cr, 0.0, 0.0, 0.0, mark.ink);
    cairo_set_dash(cr, nullptr, 0, 0.0);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_width(cr, mark.pen);
    cairo_new_path(cr);
    for (const Shape& shape : mark.path) append_shape(cr, shape);
    if (mark.filled) {
      cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
      cairo_fill(cr);
    } else {
      cairo_stroke(cr);
    }
    cairo_restore(cr);
  }
}

}  // namespace drawlens::synth
