// Draws what the stages found over the page, for people checking results by eye: each class in
// its own colour, dimensions and frames labelled with their parsed value, detected regions tagged
// with their category, classified linework in its class's colour, and a legend.
#include <algorithm>
#include <array>
#include <string>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "output/output.h"

namespace drawlens::output {
namespace {

struct ClassStyle {
  std::string_view name;  // as the legend prints it
  cv::Scalar colour;      // BGR
};

// Indexed by OverlayClass. Colours far apart in hue, none grey but the words, so that each class
// reads at a glance and a test can find its pixels.
const std::array<ClassStyle, kOverlayClassCount> kStyles{{
    {"border", cv::Scalar(200, 80, 0)},
    {"title block", cv::Scalar(0, 160, 0)},
    {"table", cv::Scalar(0, 140, 255)},
    {"text-layer word", cv::Scalar(150, 150, 150)},
    {"dimension", cv::Scalar(0, 0, 220)},
    {"GD&T frame", cv::Scalar(200, 0, 200)},
    {"surface finish", cv::Scalar(160, 160, 0)},
    {"note", cv::Scalar(0, 190, 190)},
    {"title field", cv::Scalar(30, 90, 150)},
    {"detected region", cv::Scalar(255, 0, 120)},
    {"datum feature", cv::Scalar(130, 0, 90)},
}};

const cv::Scalar kLabelText(255, 255, 255);
const cv::Scalar kLegendPaper(255, 255, 255);
const cv::Scalar kLegendInk(0, 0, 0);
constexpr int kFont = cv::FONT_HERSHEY_SIMPLEX;

// The page's stage results; null when the stage did not run.
const layout::Layout* layout_of(const PageAnalysis& page) {
  return page.layout ? &*page.layout : nullptr;
}
const annotate::PageAnnotations* annotations_of(const PageAnalysis& page) {
  return page.annotations ? &*page.annotations : nullptr;
}

cv::Rect rect(const Box& b) {
  return {b.x, b.y, b.width, b.height};
}

// Line weights and text sizes scale with the page so the overlay reads the same at any resolution.
struct Pen {
  int thick = 2;
  double font_scale = 0.5;
  int font_weight = 1;

  explicit Pen(cv::Size page) {
    thick = std::max(2, std::max(page.width, page.height) / 800);
    font_scale = 0.25 * thick;
    font_weight = std::max(1, thick / 2);
  }
};

void outline(cv::Mat& canvas, const Box& box, OverlayClass cls, int thick) {
  cv::rectangle(canvas, rect(box), overlay_colour(cls), thick);
}

void draw_table(cv::Mat& canvas, const layout::Table& table, OverlayClass cls, const Pen& pen) {
  for (const auto& cell : table.cells) outline(canvas, cell.box, cls, std::max(1, pen.thick / 3));
  outline(canvas, table.box, cls, pen.thick);
}

// The parsed value on a filled tag in the class colour, above the box (below it at the page top).
void draw_label(cv::Mat& canvas, const Box& box, const std::string& value, OverlayClass cls, const Pen& pen) {
  std::string text = parse::ascii_spelling(value);
  std::replace(text.begin(), text.end(), '\n', ' ');
  int baseline = 0;
  const cv::Size size = cv::getTextSize(text, kFont, pen.font_scale, pen.font_weight, &baseline);
  const int pad = pen.thick;
  const int height = size.height + baseline + 2 * pad;
  int top = box.y - pen.thick - height;
  if (top < 0) top = box.bottom() + pen.thick;
  const cv::Rect tag(box.x, top, size.width + 2 * pad, height);
  cv::rectangle(canvas, tag, overlay_colour(cls), cv::FILLED);
  cv::putText(canvas, text, {tag.x + pad, tag.y + pad + size.height}, kFont, pen.font_scale, kLabelText,
              pen.font_weight, cv::LINE_AA);
}

void draw_layout(cv::Mat& canvas, const layout::Layout& layout, const Pen& pen) {
  if (layout.border) outline(canvas, *layout.border, OverlayClass::border, pen.thick);
  for (const auto& table : layout.tables) draw_table(canvas, table, OverlayClass::table, pen);
  if (layout.title_block) draw_table(canvas, *layout.title_block, OverlayClass::title_block, pen);
}

void draw_annotations(cv::Mat& canvas, const annotate::PageAnnotations& found, const Pen& pen) {
  for (const auto& field : found.title_fields) outline(canvas, field.box, OverlayClass::title_field, pen.thick);
  if (found.general_tolerance) outline(canvas, found.general_tolerance->box, OverlayClass::note, pen.thick);
  for (const auto& note : found.notes) outline(canvas, note.box, OverlayClass::note, pen.thick);
  for (const auto& finish : found.surface_finishes) {
    outline(canvas, finish.box, OverlayClass::surface_finish, pen.thick);
  }
  for (const auto& d : found.dimensions) outline(canvas, d.box, OverlayClass::dimension, pen.thick);
  for (const auto& frame : found.gdt_frames) outline(canvas, frame.box, OverlayClass::gdt_frame, pen.thick);
  for (const auto& datum : found.datum_features) outline(canvas, datum.box, OverlayClass::datum_feature, pen.thick);
  // Labels last, so that no outline crosses them.
  for (const auto& d : found.dimensions) draw_label(canvas, d.box, d.value.normalized, OverlayClass::dimension, pen);
  for (const auto& frame : found.gdt_frames) {
    draw_label(canvas, frame.box, frame.value.normalized, OverlayClass::gdt_frame, pen);
  }
  for (const auto& datum : found.datum_features) {
    draw_label(canvas, datum.box, datum.value, OverlayClass::datum_feature, pen);
  }
}

// Each region as its rotated outline, with its category written just above its bounds so that an
// unread region still says what the detector thinks it is.
void draw_detections(cv::Mat& canvas, const std::vector<detect::Detection>& detections, const Pen& pen) {
  const cv::Scalar colour = overlay_colour(OverlayClass::detection);
  for (const auto& d : detections) {
    std::vector<cv::Point> polygon;
    for (const cv::Point2d& p : detect::corners(d.box)) polygon.emplace_back(cv::Point(cvRound(p.x), cvRound(p.y)));
    cv::polylines(canvas, polygon, true, colour, std::max(1, pen.thick / 2), cv::LINE_8);
  }
  for (const auto& d : detections) {
    const cv::Rect2d bounds = detect::axis_bounds(d.box);
    const std::string tag = detect::category_name(d.category);
    cv::putText(canvas, tag, {cvRound(bounds.x), cvRound(bounds.y) - pen.thick}, kFont, pen.font_scale * 0.6, colour, 1,
                cv::LINE_AA);
  }
}

// Indexed by segment::LineClass: the linework's classes, drawn under everything else.
const std::array<ClassStyle, segment::kClassCount> kSegmentStyles{{
    {"contour line", cv::Scalar(40, 40, 40)},
    {"hidden line", cv::Scalar(255, 160, 0)},
    {"centre line", cv::Scalar(0, 200, 120)},
    {"hatching", cv::Scalar(180, 120, 200)},
    {"dimension line", cv::Scalar(60, 60, 255)},
    {"text stroke", cv::Scalar(0, 170, 255)},
    {"GD&T stroke", cv::Scalar(255, 0, 255)},
    {"border line", cv::Scalar(160, 80, 0)},
    {"title-block line", cv::Scalar(0, 120, 0)},
}};

// Each primitive along its fitted geometry, so the overlay shows the fit as well as the class.
void draw_segments(cv::Mat& canvas, const std::vector<segment::Segment>& segments, const Pen& pen) {
  const int width = std::max(1, pen.thick / 2);
  for (const auto& s : segments) {
    const int samples = s.primitive.kind == segment::PrimitiveKind::line ? 2 : 12;
    std::vector<cv::Point> points;
    for (const cv::Point2d& p : segment::sample_points(s.primitive, samples))
      points.emplace_back(cvRound(p.x), cvRound(p.y));
    cv::polylines(canvas, points, false, kSegmentStyles[static_cast<std::size_t>(s.line_class)].colour, width,
                  cv::LINE_8);
  }
}

// The legend's geometry: a row per class with a colour swatch and the class name.
struct LegendLayout {
  int margin = 0;
  int row = 0;
  int swatch = 0;
  cv::Rect box;

  template <std::size_t N>
  LegendLayout(const Pen& pen, const std::array<ClassStyle, N>& styles, int top) {
    int baseline = 0;
    int widest = 0;
    for (const ClassStyle& style : styles) {
      const cv::Size size = cv::getTextSize(std::string(style.name), kFont, pen.font_scale, pen.font_weight, &baseline);
      widest = std::max(widest, size.width);
    }
    row = cv::getTextSize("Hg", kFont, pen.font_scale, pen.font_weight, &baseline).height * 2;
    margin = 2 * pen.thick;
    swatch = row * 2 / 3;
    const int width = 3 * margin + swatch + widest;
    const int height = 2 * margin + static_cast<int>(styles.size()) * row - (row - swatch);
    box = cv::Rect(margin, top + margin, width, height);
  }
};

// A legend box of `styles` whose top is `top`; returns its rectangle.
template <std::size_t N>
cv::Rect draw_legend(cv::Mat& canvas, const Pen& pen, const std::array<ClassStyle, N>& styles, int top) {
  const LegendLayout legend(pen, styles, top);
  const cv::Rect& box = legend.box;
  cv::rectangle(canvas, box, kLegendPaper, cv::FILLED);
  cv::rectangle(canvas, box, kLegendInk, 1);
  for (std::size_t i = 0; i < styles.size(); ++i) {
    const int y = box.y + legend.margin + static_cast<int>(i) * legend.row;
    cv::rectangle(canvas, cv::Rect(box.x + legend.margin, y, legend.swatch, legend.swatch), styles[i].colour,
                  cv::FILLED);
    cv::putText(canvas, std::string(styles[i].name), {box.x + 2 * legend.margin + legend.swatch, y + legend.swatch},
                kFont, pen.font_scale, kLegendInk, pen.font_weight, cv::LINE_AA);
  }
  return box;
}

}  // namespace

cv::Scalar overlay_colour(OverlayClass cls) {
  return kStyles[static_cast<std::size_t>(cls)].colour;
}

std::string_view name(OverlayClass cls) {
  return kStyles[static_cast<std::size_t>(cls)].name;
}

cv::Scalar segment_colour(segment::LineClass line_class) {
  return kSegmentStyles[static_cast<std::size_t>(line_class)].colour;
}

cv::Rect overlay_legend_rect(cv::Size page) {
  return LegendLayout(Pen(page), kStyles, 0).box;
}

cv::Mat render_overlay(const PageAnalysis& page) {
  if (page.image.empty()) return {};
  cv::Mat canvas;
  cv::cvtColor(page.image, canvas, cv::COLOR_GRAY2BGR);
  const Pen pen(canvas.size());
  if (page.segments) draw_segments(canvas, *page.segments, pen);
  for (const auto& w : page.words) outline(canvas, w.box, OverlayClass::word, 1);
  if (const layout::Layout* layout = layout_of(page)) draw_layout(canvas, *layout, pen);
  if (page.detections) draw_detections(canvas, *page.detections, pen);
  if (const annotate::PageAnnotations* found = annotations_of(page)) draw_annotations(canvas, *found, pen);
  const cv::Rect legend = draw_legend(canvas, pen, kStyles, 0);
  if (page.segments) draw_legend(canvas, pen, kSegmentStyles, legend.br().y);
  return canvas;
}

std::vector<std::uint8_t> encode_png(const cv::Mat& image) {
  std::vector<std::uint8_t> bytes;
  if (!image.empty()) cv::imencode(".png", image, bytes);
  return bytes;
}

}  // namespace drawlens::output
