// The segment classes' names, as the result schema spells them.
#include "segment/segment.h"

namespace drawlens::segment {

const char* class_name(LineClass line_class) {
  switch (line_class) {
    case LineClass::contour: return "contour";
    case LineClass::hidden: return "hidden";
    case LineClass::centre: return "centre";
    case LineClass::hatch: return "hatch";
    case LineClass::dimension: return "dimension";
    case LineClass::text: return "text";
    case LineClass::gdt: return "gdt";
    case LineClass::border: return "border";
    case LineClass::title_block: return "title_block";
  }
  return "unknown";
}

std::optional<LineClass> class_from_name(std::string_view name) {
  for (int c = 0; c < kClassCount; ++c)
    if (name == class_name(static_cast<LineClass>(c))) return static_cast<LineClass>(c);
  return std::nullopt;
}

}  // namespace drawlens::segment
