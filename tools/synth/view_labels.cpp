// View names: one lettering item above the view, not recorded as an annotation.
#include "view_labels.h"

#include <algorithm>

#include "lettering.h"

namespace drawlens::synth {

std::size_t label_view(Scene& scene, const FontBook& fonts, const DrawingPlan& plan, const std::string& text,
                       const Rect& view_box) {
  LetteringStyle style = plan.lettering;
  style.cap_height = plan.lettering.cap_height * 1.4;
  // Hangul needs NanumGothic; Latin names keep the drawing's lettering.
  const bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!ascii) style.face = Typeface::nanum_gothic;
  Lettering title(fonts, style);
  title.text(text);
  const Rect ink = title.ink();
  return scene.add(title.finish({view_box.centre().x - ink.centre().x, view_box.top - 4.0 - ink.bottom}));
}

}  // namespace drawlens::synth
