// Owning handles for cairo objects: unique_ptr with the matching destroy function.
#pragma once

#include <memory>

#include <cairo.h>

namespace drawlens::synth {

struct CairoContextDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct CairoSurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct CairoFontFaceDeleter {
  void operator()(cairo_font_face_t* face) const { cairo_font_face_destroy(face); }
};
struct CairoFontOptionsDeleter {
  void operator()(cairo_font_options_t* options) const { cairo_font_options_destroy(options); }
};

using CairoContext = std::unique_ptr<cairo_t, CairoContextDeleter>;
using CairoSurface = std::unique_ptr<cairo_surface_t, CairoSurfaceDeleter>;
using CairoFontFace = std::unique_ptr<cairo_font_face_t, CairoFontFaceDeleter>;
using CairoFontOptions = std::unique_ptr<cairo_font_options_t, CairoFontOptionsDeleter>;

}  // namespace drawlens::synth
