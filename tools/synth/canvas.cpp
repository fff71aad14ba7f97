// Scene → cairo paths: pens and dash patterns after ISO 128-20 (thin = thick / 2), lettering items
// drawn in their own rotated frame; the gray page, the class mask and the PDF share one painter.
#include "canvas.h"

#include <cmath>
#include <optional>
#include <stdexcept>

#include <cairo-pdf.h>
#include <opencv2/core.hpp>

#include "cairo_handles.h"

namespace drawlens::synth {

void append_shape(cairo_t* cr, const Shape& shape) {
  if (shape.kind == Shape::Kind::arc) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, shape.centre.x, shape.centre.y, shape.radius, shape.start, shape.end);
    return;
  }
  cairo_move_to(cr, shape.points.front().x, shape.points.front().y);
  for (std::size_t i = 1; i < shape.points.size(); ++i) cairo_line_to(cr, shape.points[i].x, shape.points[i].y);
  if (shape.closed) cairo_close_path(cr);
}

void draw_strokes(cairo_t* cr, const std::vector<Stroke>& strokes, const std::vector<Fill>& fills, double width) {
  cairo_save(cr);
  cairo_set_line_width(cr, width);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  for (const auto& s : strokes) {
    cairo_new_path(cr);
    append_shape(cr, s.shape);
    cairo_stroke(cr);
  }
  for (const auto& f : fills) {
    cairo_new_path(cr);
    append_shape(cr, f.shape);
    cairo_fill(cr);
  }
  cairo_restore(cr);
}

namespace {

void trace(cairo_t* cr, const Shape& shape) {
  cairo_new_path(cr);
  append_shape(cr, shape);
}

// Black of a strength below 1 as the source while it lives (cairo's state saved and restored);
// full strength leaves the source as it is (the mask's class value, or black).
class InkStrength {
 public:
  InkStrength(cairo_t* cr, double strength) : cr_(strength < 1.0 ? cr : nullptr) {
    if (cr_ == nullptr) return;
    cairo_save(cr_);
    cairo_set_source_rgba(cr_, 0.0, 0.0, 0.0, strength);
  }
  ~InkStrength() {
    if (cr_ != nullptr) cairo_restore(cr_);
  }
  InkStrength(const InkStrength&) = delete;
  InkStrength& operator=(const InkStrength&) = delete;

 private:
  cairo_t* cr_;
};

// Draws a scene, or one class of it, with the sheet's wear of its strokes.
class ScenePainter {
 public:
  ScenePainter(cairo_t* cr, const Scene& scene, const FontBook& fonts, const SheetWear& wear)
      : cr_(cr), scene_(scene), fonts_(fonts), wear_(wear) {}

  // Only this class (for the mask: faded ink keeps its class, so ink strength is left out).
  void only(LineClass line_class) { only_ = line_class; }

  void draw() const {
    for (std::size_t i = 0; i < scene_.strokes.size(); ++i) {
      const StrokeWear* wear = wear_.strokes.empty() ? nullptr : &wear_.strokes[i];
      if (wanted(scene_.strokes[i].line_class)) draw_stroke(scene_.strokes[i], wear);
    }
    for (const Fill& fill : scene_.fills) {
      if (wanted(fill.line_class)) draw_fill(fill);
    }
    for (const TextItem& item : scene_.texts) draw_text_item(item);
  }

 private:
  bool wanted(LineClass line_class) const { return !only_ || *only_ == line_class; }

  void set_pen(Pen pen, Dash dash, const StrokeWear* wear) const {
    double width = pen == Pen::thick ? scene_.thick_width : scene_.thick_width / 2;
    if (wear) width *= wear->width_factor;
    if (only_) {
      // The mask is drawn without antialiasing; one pixel more takes in the grey fringe that the
      // antialiased page shows on both sides of a line (a quarter pixel each side), so that the dark part of that
      // fringe has its class.
      double dx = 1.0, dy = 0.0;
      cairo_device_to_user_distance(cr_, &dx, &dy);
      width += 0.5 * std::hypot(dx, dy);
    }
    cairo_set_line_width(cr_, width);
    // Dash lengths of ISO 128-20 line types 02 (dashed) and 04 (long-dashed dotted), for a 0.25 mm thin pen.
    static constexpr double kDashed[] = {3.0, 1.5};
    static constexpr double kChain[] = {9.0, 1.5, 1.0, 1.5};
    switch (dash) {
      case Dash::solid:
        if (wear && !wear->breaks.empty()) {
          cairo_set_dash(cr_, wear->breaks.data(), static_cast<int>(wear->breaks.size()), 0.0);
        } else {
          cairo_set_dash(cr_, nullptr, 0, 0.0);
        }
        break;
      case Dash::dashed: cairo_set_dash(cr_, kDashed, 2, 0.0); break;
      case Dash::chain: cairo_set_dash(cr_, kChain, 4, 0.0); break;
    }
  }

  // Ink strength of a class's lines, times the stroke's wear; the mask keeps full classes.
  double ink(LineClass line_class, const StrokeWear* wear) const {
    if (only_) return 1.0;
    const bool annotation =
        line_class == LineClass::dimension || line_class == LineClass::gdt || line_class == LineClass::text;
    return (annotation ? scene_.annotation_ink : 1.0) * (wear ? wear->ink : 1.0);
  }

  void draw_stroke(const Stroke& stroke, const StrokeWear* wear) const {
    set_pen(stroke.pen, stroke.dash, wear);
    trace(cr_, stroke.shape);
    const InkStrength strength(cr_, ink(stroke.line_class, wear));
    cairo_stroke(cr_);
  }

  void draw_fill(const Fill& fill) const {
    trace(cr_, fill.shape);
    const InkStrength strength(cr_, ink(fill.line_class, nullptr));
    cairo_fill(cr_);
  }

  void draw_text_item(const TextItem& item) const {
    cairo_save(cr_);
    cairo_translate(cr_, item.origin.x, item.origin.y);
    cairo_rotate(cr_, -radians(item.angle_degrees));
    if (wanted(LineClass::text)) {
      const InkStrength strength(cr_, ink(LineClass::text, nullptr));
      for (const TextRun& run : item.runs) {
        cairo_set_font_face(cr_, fonts_.face(run.face));
        cairo_set_font_size(cr_, run.em_size);
        cairo_move_to(cr_, run.origin.x, run.origin.y);
        cairo_show_text(cr_, run.text.c_str());
      }
    }
    for (const Stroke& stroke : item.strokes) {
      if (wanted(stroke.line_class)) draw_stroke(stroke, nullptr);
    }
    for (const Fill& fill : item.fills) {
      if (wanted(fill.line_class)) draw_fill(fill);
    }
    cairo_restore(cr_);
  }

  cairo_t* cr_;
  const Scene& scene_;
  const FontBook& fonts_;
  const SheetWear& wear_;
  std::optional<LineClass> only_;
};

void prepare(cairo_t* cr, const FontBook& fonts) {
  cairo_set_source_rgba(cr, 0.0, 0.0, 0.0, 1.0);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_font_options(cr, fonts.options());
}

// An A8 surface of the scene's size in pixels: ink (or class values) as alpha, paper 0.
CairoSurface alpha_raster(const Scene& scene, double pixels_per_mm) {
  const int width = static_cast<int>(std::ceil(scene.width_mm * pixels_per_mm));
  const int height = static_cast<int>(std::ceil(scene.height_mm * pixels_per_mm));
  CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_A8, width, height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error("cairo could not create a " + std::to_string(width) + "x" + std::to_string(height) +
                             " raster");
  }
  return surface;
}

cv::Mat alpha_of(cairo_surface_t* surface) {
  cairo_surface_flush(surface);
  return cv::Mat(cairo_image_surface_get_height(surface), cairo_image_surface_get_width(surface), CV_8UC1,
                 cairo_image_surface_get_data(surface),
                 static_cast<std::size_t>(cairo_image_surface_get_stride(surface)));
}

cairo_status_t append_to_vector(void* closure, const unsigned char* data, unsigned int length) {
  auto* bytes = static_cast<std::vector<std::uint8_t>*>(closure);
  bytes->insert(bytes->end(), data, data + length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

cv::Mat render_gray(const Scene& scene, const FontBook& fonts, double pixels_per_mm, const SheetWear& wear) {
  // Ink as alpha on an A8 surface: a quarter of the memory of RGB, and paper is simply 0.
  CairoSurface surface = alpha_raster(scene, pixels_per_mm);
  {
    CairoContext cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), pixels_per_mm, pixels_per_mm);
    prepare(cr.get(), fonts);
    ScenePainter(cr.get(), scene, fonts, wear).draw();
    draw_marks(cr.get(), wear.marks);
  }
  cv::Mat gray;
  cv::bitwise_not(alpha_of(surface.get()), gray);
  return gray;
}

cv::Mat render_mask(const Scene& scene, const FontBook& fonts, double pixels_per_mm, const SheetWear& wear) {
  CairoSurface surface = alpha_raster(scene, pixels_per_mm);
  {
    CairoContext cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), pixels_per_mm, pixels_per_mm);
    prepare(cr.get(), fonts);
    CairoFontOptions aliased(cairo_font_options_copy(fonts.options()));
    cairo_font_options_set_antialias(aliased.get(), CAIRO_ANTIALIAS_NONE);
    cairo_set_font_options(cr.get(), aliased.get());
    cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_NONE);
    // SOURCE replaces what lies under the (unantialiased, so all-or-nothing) coverage: the class
    // drawn last wins. Alpha k/255 is stored as exactly k.
    cairo_set_operator(cr.get(), CAIRO_OPERATOR_SOURCE);
    ScenePainter painter(cr.get(), scene, fonts, wear);
    for (LineClass line_class : kMaskOrder) {
      cairo_set_source_rgba(cr.get(), 0.0, 0.0, 0.0, mask_value(line_class) / 255.0);
      painter.only(line_class);
      painter.draw();
    }
  }
  return alpha_of(surface.get()).clone();
}

std::vector<std::uint8_t> render_pdf(const Scene& scene, const FontBook& fonts, const std::string& creation_date) {
  constexpr double kPointsPerMm = 72.0 / 25.4;
  std::vector<std::uint8_t> bytes;
  {
    CairoSurface surface(cairo_pdf_surface_create_for_stream(append_to_vector, &bytes, scene.width_mm * kPointsPerMm,
                                                             scene.height_mm * kPointsPerMm));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, creation_date.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "drawlens synth");
    CairoContext cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), kPointsPerMm, kPointsPerMm);
    prepare(cr.get(), fonts);
    ScenePainter(cr.get(), scene, fonts, SheetWear{}).draw();
    cr.reset();
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error("cairo PDF output failed");
  }
  return bytes;
}

}  // namespace drawlens::synth
