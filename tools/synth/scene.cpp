// Placement of lettering items on the sheet.
#include "scene.h"

namespace drawlens::synth {

Point TextItem::to_sheet(Point local) const {
  // Counter-clockwise on a y-down page is a clockwise rotation in the raw coordinates.
  const double a = radians(angle_degrees);
  const double c = std::cos(a);
  const double s = std::sin(a);
  return {origin.x + c * local.x + s * local.y, origin.y - s * local.x + c * local.y};
}

Quad TextItem::quad() const {
  return {to_sheet({ink.left, ink.bottom}), to_sheet({ink.right, ink.bottom}), to_sheet({ink.right, ink.top}),
          to_sheet({ink.left, ink.top})};
}

}  // namespace drawlens::synth
