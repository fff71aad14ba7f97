// Font faces from fontconfig family names; a family counts as installed only when fontconfig
// resolves it to itself (otherwise cairo would silently substitute another font).
#include "fonts.h"

#include <stdexcept>
#include <string>

#include <fontconfig/fontconfig.h>

namespace drawlens::synth {
namespace {

bool family_resolves_to_itself(const char* family) {
  FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family));
  if (pattern == nullptr) return false;
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  bool same = false;
  if (match != nullptr) {
    FcChar8* found = nullptr;
    for (int i = 0; FcPatternGetString(match, FC_FAMILY, i, &found) == FcResultMatch; ++i) {
      if (std::string(reinterpret_cast<const char*>(found)) == family) same = true;
    }
    FcPatternDestroy(match);
  }
  FcPatternDestroy(pattern);
  return same;
}

}  // namespace

const char* family_name(Typeface typeface) {
  switch (typeface) {
    case Typeface::osifont: return "osifont";
    case Typeface::dejavu_sans: return "DejaVu Sans";
    case Typeface::liberation_sans: return "Liberation Sans";
    case Typeface::free_sans: return "FreeSans";
    case Typeface::nanum_gothic: return "NanumGothic";
    case Typeface::urw_gothic: return "URW Gothic";
    case Typeface::liberation_sans_narrow: return "Liberation Sans Narrow";
  }
  return "osifont";
}

FontBook::FontBook(double pixels_per_mm)
    : options_(cairo_font_options_create()),
      measure_surface_(cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)),
      measure_(cairo_create(measure_surface_.get())) {
  cairo_font_options_set_hint_style(options_.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options_.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(options_.get(), CAIRO_ANTIALIAS_GRAY);
  cairo_scale(measure_.get(), pixels_per_mm, pixels_per_mm);
  cairo_set_font_options(measure_.get(), options_.get());
  for (int i = 0; i < kCount; ++i) {
    const auto typeface = static_cast<Typeface>(i);
    faces_[i].reset(
        cairo_toy_font_face_create(family_name(typeface), CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL));
    installed_[i] = family_resolves_to_itself(family_name(typeface));
    if (installed_[i] && typeface != Typeface::nanum_gothic) latin_.push_back(typeface);
    cap_ratio_[i] = installed_[i] ? -measure(typeface, 10.0, "H").ink.top / 10.0 : 0.7;
  }
  if (!installed(Typeface::osifont)) {
    throw std::runtime_error("font family 'osifont' is not installed (Debian package fonts-osifont)");
  }
}

TextMetrics FontBook::measure(Typeface typeface, double em_size, std::string_view text) const {
  const std::string owned(text);
  cairo_t* cr = measure_.get();
  cairo_set_font_face(cr, face(typeface));
  cairo_set_font_size(cr, em_size);
  cairo_text_extents_t extents;
  cairo_text_extents(cr, owned.c_str(), &extents);
  return {{extents.x_bearing, extents.y_bearing, extents.x_bearing + extents.width, extents.y_bearing + extents.height},
          extents.x_advance};
}

}  // namespace drawlens::synth
