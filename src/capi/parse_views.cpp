// Conversion of parsed dimensions and GD&T frames into the C ABI's structs.
#include "capi/parse_views.h"

#include "capi/struct_sizes.h"

namespace drawlens::capi {

drawlens_dimension dimension_view(const parse::Dimension& d, ViewStrings& strings) {
  auto view = zeroed_struct<drawlens_dimension>();
  view.text = strings.keep(d.text);
  view.normalized = strings.keep(d.normalized);
  view.size_type = static_cast<drawlens_size_type>(d.size_type);
  view.count = d.count;
  view.nominal = d.nominal;
  view.unit = static_cast<drawlens_unit>(d.unit);
  view.tolerance_kind = static_cast<drawlens_tolerance_kind>(d.tolerance.kind);
  if (const auto limits = d.limits()) {
    view.has_deviations = 1;
    view.upper_deviation = d.tolerance.deviations->upper;
    view.lower_deviation = d.tolerance.deviations->lower;
    view.upper_limit = limits->upper;
    view.lower_limit = limits->lower;
  }
  view.hole_class = strings.keep(d.tolerance.hole_class ? d.tolerance.hole_class->text() : "");
  view.shaft_class = strings.keep(d.tolerance.shaft_class ? d.tolerance.shaft_class->text() : "");
  view.it_grade = d.tolerance.it_grade ? parse::name(*d.tolerance.it_grade).data() : "";
  view.flags = d.flags;
  view.thread = strings.keep(d.thread ? d.thread->designation : "");
  if (d.thread && d.thread->depth) view.depth = *d.thread->depth;
  if (d.hole && d.hole->depth) view.depth = *d.hole->depth;
  view.confidence = parse::confidence(d.confidence_penalty);
  view.source = DRAWLENS_SOURCE_CALLER;
  return view;
}

drawlens_gdt_frame gdt_frame_view(const parse::GdtFrame& frame, const std::string& text, ViewStrings& strings) {
  auto view = zeroed_struct<drawlens_gdt_frame>();
  view.text = strings.keep(text);
  view.normalized = strings.keep(frame.normalized);
  view.characteristic = static_cast<drawlens_characteristic>(frame.characteristic);
  view.segment_count = frame.segments.size();
  std::string datums;
  if (!frame.segments.empty()) {
    const parse::GdtSegment& first = frame.segments.front();
    view.tolerance = first.tolerance;
    view.zone_diameter = static_cast<int>(first.zone_shape);
    for (const auto& datum : first.datums) datums += (datums.empty() ? "" : "|") + datum.label;
  }
  view.datums = strings.keep(datums);
  view.confidence = parse::confidence(frame.confidence_penalty);
  view.source = DRAWLENS_SOURCE_CALLER;
  return view;
}

}  // namespace drawlens::capi
