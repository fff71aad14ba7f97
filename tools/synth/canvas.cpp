// Scene → cairo paths: pens and dash patterns after ISO 128-20 (thin = thick / 2), lettering items
// drawn in their own rotated frame.
#include "canvas.h"

#include <cmath>
#include <stdexcept>

#include <cairo-pdf.h>
#include <opencv2/core.hpp>

#include "cairo_handles.h"

namespace drawlens::synth {
namespace {

void trace(cairo_t* cr, const Shape& shape) {
  cairo_new_path(cr);
  if (shape.kind == Shape::Kind::arc) {
    cairo_arc(cr, shape.centre.x, shape.centre.y, shape.radius, shape.start, shape.end);
    return;
  }
  cairo_move_to(cr, shape.points.front().x, shape.points.front().y);
  for (std::size_t i = 1; i < shape.points.size(); ++i) cairo_line_to(cr, shape.points[i].x, shape.points[i].y);
  if (shape.closed) cairo_close_path(cr);
}

void set_pen(cairo_t* cr, const Scene& scene, Pen pen, Dash dash) {
  cairo_set_line_width(cr, pen == Pen::thick ? scene.thick_width : scene.thick_width / 2);
  // Dash lengths of ISO 128-20 line types 02 (dashed) and 04 (long-dashed dotted), for a 0.25 mm thin pen.
  static constexpr double kDashed[] = {3.0, 1.5};
  static constexpr double kChain[] = {9.0, 1.5, 1.0, 1.5};
  switch (dash) {
    case Dash::solid: cairo_set_dash(cr, nullptr, 0, 0.0); break;
    case Dash::dashed: cairo_set_dash(cr, kDashed, 2, 0.0); break;
    case Dash::chain: cairo_set_dash(cr, kChain, 4, 0.0); break;
  }
}

void draw_stroke(cairo_t* cr, const Scene& scene, const Stroke& stroke) {
  set_pen(cr, scene, stroke.pen, stroke.dash);
  trace(cr, stroke.shape);
  cairo_stroke(cr);
}

void draw_text_item(cairo_t* cr, const Scene& scene, const FontBook& fonts, const TextItem& item) {
  cairo_save(cr);
  cairo_translate(cr, item.origin.x, item.origin.y);
  cairo_rotate(cr, -radians(item.angle_degrees));
  for (const TextRun& run : item.runs) {
    cairo_set_font_face(cr, fonts.face(run.face));
    cairo_set_font_size(cr, run.em_size);
    cairo_move_to(cr, run.origin.x, run.origin.y);
    cairo_show_text(cr, run.text.c_str());
  }
  for (const Stroke& stroke : item.strokes) draw_stroke(cr, scene, stroke);
  for (const Fill& fill : item.fills) {
    trace(cr, fill.shape);
    cairo_fill(cr);
  }
  cairo_restore(cr);
}

void draw_scene(cairo_t* cr, const Scene& scene, const FontBook& fonts) {
  cairo_set_source_rgba(cr, 0.0, 0.0, 0.0, 1.0);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_font_options(cr, fonts.options());
  for (const Stroke& stroke : scene.strokes) draw_stroke(cr, scene, stroke);
  for (const Fill& fill : scene.fills) {
    trace(cr, fill.shape);
    cairo_fill(cr);
  }
  for (const TextItem& item : scene.texts) draw_text_item(cr, scene, fonts, item);
}

cairo_status_t append_to_vector(void* closure, const unsigned char* data, unsigned int length) {
  auto* bytes = static_cast<std::vector<std::uint8_t>*>(closure);
  bytes->insert(bytes->end(), data, data + length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

cv::Mat render_gray(const Scene& scene, const FontBook& fonts, double pixels_per_mm) {
  const int width = static_cast<int>(std::ceil(scene.width_mm * pixels_per_mm));
  const int height = static_cast<int>(std::ceil(scene.height_mm * pixels_per_mm));
  // Ink as alpha on an A8 surface: a quarter of the memory of RGB, and paper is simply 0.
  CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_A8, width, height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error("cairo could not create a " + std::to_string(width) + "x" + std::to_string(height) +
                             " raster");
  }
  {
    CairoContext cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), pixels_per_mm, pixels_per_mm);
    draw_scene(cr.get(), scene, fonts);
  }
  cairo_surface_flush(surface.get());
  const cv::Mat ink(height, width, CV_8UC1, cairo_image_surface_get_data(surface.get()),
                    static_cast<std::size_t>(cairo_image_surface_get_stride(surface.get())));
  cv::Mat gray;
  cv::bitwise_not(ink, gray);
  return gray;
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
    draw_scene(cr.get(), scene, fonts);
    cr.reset();
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
      throw std::runtime_error("cairo PDF output failed");
  }
  return bytes;
}

}  // namespace drawlens::synth
