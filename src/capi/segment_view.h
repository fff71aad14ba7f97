// The C view of one classified primitive, shared by EdgNet's own list and the result accessors.
#pragma once

#include "capi/guard.h"
#include "drawlens/drawlens.h"
#include "segment/segment.h"

namespace drawlens::capi {

inline drawlens_segment segment_view(const segment::Segment& s) {
  auto view = zeroed_struct<drawlens_segment>();
  const auto& p = s.primitive;
  view.line_class = static_cast<drawlens_line_class>(s.line_class);
  view.kind = static_cast<drawlens_primitive_kind>(p.kind);
  view.point_count = p.point_count();
  for (int i = 0; i < view.point_count; ++i) {
    view.points[2 * i] = p.points[i].x;
    view.points[2 * i + 1] = p.points[i].y;
  }
  if (p.kind == segment::PrimitiveKind::arc) {
    view.centre_x = p.centre.x;
    view.centre_y = p.centre.y;
    view.radius = p.radius;
  }
  view.length = p.length;
  view.stroke_width = p.stroke_width;
  view.confidence = s.confidence;
  view.dash_count = s.dash.count;
  view.dash_length = s.dash.dash_length;
  view.gap_length = s.dash.gap_length;
  return view;
}

}  // namespace drawlens::capi
