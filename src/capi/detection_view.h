// The C view of one detection, shared by the detector's own list and the result accessors.
#pragma once

#include "capi/guard.h"
#include "detect/detect.h"
#include "drawlens/drawlens.h"

namespace drawlens::capi {

inline drawlens_detection detection_view(const detect::Detection& d) {
  auto view = zeroed_struct<drawlens_detection>();
  view.category = static_cast<drawlens_detection_category>(d.category);
  view.centre_x = d.box.centre_x;
  view.centre_y = d.box.centre_y;
  view.width = d.box.width;
  view.height = d.box.height;
  view.angle = d.box.angle_degrees;
  const auto corners = detect::corners(d.box);
  for (std::size_t k = 0; k < corners.size(); ++k) {
    view.corners[2 * k] = corners[k].x;
    view.corners[2 * k + 1] = corners[k].y;
  }
  view.score = d.score;
  return view;
}

}  // namespace drawlens::capi
