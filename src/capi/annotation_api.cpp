// C accessors for a page's annotations (dimensions, GD&T frames, datum features, title-block
// fields, surface finishes, notes and the general tolerance), its detected regions and its classified linework, as
// C views made once per result.
#include <optional>
#include <string>

#include "capi/detection_view.h"
#include "capi/enum_bits.h"
#include "capi/parse_views.h"
#include "capi/result_access.h"
#include "capi/segment_view.h"
#include "capi/tolerance_view.h"

namespace {

using drawlens::capi::bad_out_struct;
using drawlens::capi::find_page;
using drawlens::capi::guard;
using drawlens::capi::is_null;
using drawlens::capi::out_of_range;
using drawlens::capi::to_c;
using drawlens::capi::write_out_struct;
using drawlens::capi::zeroed_struct;
using Views = drawlens_result::PageViews;
namespace annotate = drawlens::annotate;

// The values are pinned equal in enum_pins.cpp.
drawlens_source to_c(annotate::TextSource source) {
  return static_cast<drawlens_source>(source);
}

template <typename View, typename Value>
void place(View& view, const annotate::Placed<Value>& placed) {
  view.box = to_c(placed.box);
  view.confidence = placed.confidence;
  view.source = to_c(placed.source);
}

drawlens_title_field title_field_view(const annotate::TitleField& field, drawlens::capi::ViewStrings& strings) {
  auto view = zeroed_struct<drawlens_title_field>();
  view.key = drawlens::parse::name(field.key).data();
  view.label = strings.keep(field.label);
  view.value = strings.keep(field.value);
  view.box = to_c(field.box);
  view.confidence = field.confidence;
  view.source = to_c(field.source);
  return view;
}

drawlens_surface_finish surface_finish_view(const annotate::Placed<drawlens::parse::SurfaceTexture>& placed,
                                            drawlens::capi::ViewStrings& strings) {
  const drawlens::parse::SurfaceTexture& texture = placed.value;
  auto view = zeroed_struct<drawlens_surface_finish>();
  view.text = strings.keep(texture.normalized);
  view.parameter = strings.keep(texture.parameter);
  view.value = texture.value;
  view.unit = strings.keep(texture.unit);
  view.lower_limit = texture.lower_limit ? 1 : 0;
  place(view, placed);
  return view;
}

drawlens_note note_view(const annotate::Placed<std::string>& placed, drawlens::capi::ViewStrings& strings) {
  auto view = zeroed_struct<drawlens_note>();
  view.text = strings.keep(placed.value);
  place(view, placed);
  return view;
}

drawlens_datum_feature datum_feature_view(const annotate::Placed<std::string>& placed,
                                          drawlens::capi::ViewStrings& strings) {
  auto view = zeroed_struct<drawlens_datum_feature>();
  view.label = strings.keep(placed.value);
  place(view, placed);
  return view;
}

drawlens_general_tolerance general_tolerance_view(
    const std::optional<annotate::Placed<drawlens::parse::GeneralTolerance>>& placed,
    drawlens::capi::ViewStrings& strings) {
  auto view = zeroed_struct<drawlens_general_tolerance>();
  if (!placed) return view;
  const drawlens::parse::GeneralTolerance& general = placed->value;
  view.found = 1;
  view.standard = strings.keep(general.standard);
  view.linear_class = general.linear_class ? drawlens::parse::name(*general.linear_class).data() : "";
  view.geometric_class = strings.keep(general.geometric_class ? std::string(1, *general.geometric_class) : "");
  view.text = strings.keep(general.text);
  view.note = strings.keep(general.note);
  place(view, *placed);
  return view;
}

Views page_views_of(const drawlens::PageAnalysis& page, drawlens::capi::ViewStrings& strings) {
  const annotate::PageAnnotations& found = drawlens::capi::annotations_of(page);
  Views views;
  for (const auto& placed : found.dimensions) {
    drawlens_dimension view = drawlens::capi::dimension_view(placed.value, strings);
    place(view, placed);
    view.angle = placed.rotation;
    views.dimensions.push_back(view);
  }
  for (const auto& placed : found.gdt_frames) {
    drawlens_gdt_frame view = drawlens::capi::gdt_frame_view(placed.value, placed.text, strings);
    place(view, placed);
    views.gdt_frames.push_back(view);
  }
  for (const auto& field : found.title_fields) views.title_fields.push_back(title_field_view(field, strings));
  for (const auto& placed : found.surface_finishes)
    views.surface_finishes.push_back(surface_finish_view(placed, strings));
  for (const auto& placed : found.notes) views.notes.push_back(note_view(placed, strings));
  for (const auto& placed : found.datum_features) views.datum_features.push_back(datum_feature_view(placed, strings));
  views.general_tolerance = general_tolerance_view(found.general_tolerance, strings);
  if (page.detections) {
    for (std::size_t i = 0; i < page.detections->size(); ++i) {
      drawlens_detection view = drawlens::capi::detection_view((*page.detections)[i]);
      if (page.readings && i < page.readings->size()) {  // read in the detections' order
        const drawlens::read::RegionReading& reading = (*page.readings)[i];
        view.text = strings.keep(reading.text);
        view.text_confidence = reading.confidence;
        view.text_source = static_cast<drawlens_source>(reading.source);
      }
      views.detections.push_back(view);
    }
  }
  if (page.segments) {
    for (const auto& s : *page.segments) views.segments.push_back(drawlens::capi::segment_view(s));
  }
  if (page.tolerances) {
    const auto& found = *page.tolerances;
    const std::string prefix = "p" + std::to_string(page.index) + "-";
    for (std::size_t i = 0; i < found.analyses.size(); ++i) {
      const auto& source = found.sources[i];
      const bool dimension = source.kind == drawlens::tolerance::SourceKind::dimension;
      const int index = static_cast<int>(source.index);
      views.tolerances.push_back(drawlens::capi::tolerance_view(
          found.analyses[i], prefix + (dimension ? "d" : "g") + std::to_string(source.index), dimension ? index : -1,
          dimension ? -1 : index, strings));
    }
  }
  return views;
}

// Finds the views of one page (made once per result; results are shared across threads).
drawlens_status page_views(const drawlens_result* result, std::size_t page, const char* fn, const Views** out) {
  const drawlens::PageAnalysis* analysis = nullptr;
  const drawlens_status status = find_page(result, page, fn, &analysis);
  if (status != DRAWLENS_OK) return status;
  std::call_once(result->views_once, [&] {
    for (const drawlens::PageAnalysis& p : result->analysis.pages) {
      result->views.push_back(page_views_of(p, result->view_strings));
    }
  });
  *out = &result->views[page];
  return DRAWLENS_OK;
}

// The shape of every accessor here: inside the C boundary's guard, check `out` (out_is_bad sets the
// status when it is bad), find the page's views, then `read` them.
template <typename OutIsBad, typename Read>
drawlens_status read_page_views(const drawlens_result* result, std::size_t page, const char* fn, OutIsBad out_is_bad,
                                Read read) {
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    const Views* views = nullptr;
    if (out_is_bad(status)) return status;
    if ((status = page_views(result, page, fn, &views)) != DRAWLENS_OK) return status;
    return read(*views);
  });
}

template <typename Member>
drawlens_status count_of(const drawlens_result* result, std::size_t page, std::size_t* out, const char* fn,
                         Member member) {
  return read_page_views(
      result, page, fn, [&](drawlens_status& status) { return is_null(out, fn, "out", status); },
      [&](const Views& views) {
        *out = (views.*member).size();
        return DRAWLENS_OK;
      });
}

template <typename Struct, typename Member>
drawlens_status item_of(const drawlens_result* result, std::size_t page, std::size_t index, Struct* out, const char* fn,
                        const char* what, Member member) {
  return read_page_views(
      result, page, fn, [&](drawlens_status& status) { return bad_out_struct(out, fn, status); },
      [&](const Views& views) {
        const auto& items = views.*member;
        if (index >= items.size()) return out_of_range(fn, what, index, items.size());
        write_out_struct(items[index], out);
        return DRAWLENS_OK;
      });
}

}  // namespace

extern "C" {

DRAWLENS_API drawlens_status drawlens_result_dimension_count(const drawlens_result* result, size_t page, size_t* out) {
  return count_of(result, page, out, "drawlens_result_dimension_count", &Views::dimensions);
}

DRAWLENS_API drawlens_status drawlens_result_dimension(const drawlens_result* result, size_t page, size_t index,
                                                       drawlens_dimension* out) {
  return item_of(result, page, index, out, "drawlens_result_dimension", "dimension", &Views::dimensions);
}

DRAWLENS_API drawlens_status drawlens_result_gdt_frame_count(const drawlens_result* result, size_t page, size_t* out) {
  return count_of(result, page, out, "drawlens_result_gdt_frame_count", &Views::gdt_frames);
}

DRAWLENS_API drawlens_status drawlens_result_gdt_frame(const drawlens_result* result, size_t page, size_t index,
                                                       drawlens_gdt_frame* out) {
  return item_of(result, page, index, out, "drawlens_result_gdt_frame", "GD&T frame", &Views::gdt_frames);
}

DRAWLENS_API drawlens_status drawlens_result_title_field_count(const drawlens_result* result, size_t page,
                                                               size_t* out) {
  return count_of(result, page, out, "drawlens_result_title_field_count", &Views::title_fields);
}

DRAWLENS_API drawlens_status drawlens_result_title_field(const drawlens_result* result, size_t page, size_t index,
                                                         drawlens_title_field* out) {
  return item_of(result, page, index, out, "drawlens_result_title_field", "title field", &Views::title_fields);
}

DRAWLENS_API drawlens_status drawlens_result_surface_finish_count(const drawlens_result* result, size_t page,
                                                                  size_t* out) {
  return count_of(result, page, out, "drawlens_result_surface_finish_count", &Views::surface_finishes);
}

DRAWLENS_API drawlens_status drawlens_result_surface_finish(const drawlens_result* result, size_t page, size_t index,
                                                            drawlens_surface_finish* out) {
  return item_of(result, page, index, out, "drawlens_result_surface_finish", "surface finish",
                 &Views::surface_finishes);
}

DRAWLENS_API drawlens_status drawlens_result_note_count(const drawlens_result* result, size_t page, size_t* out) {
  return count_of(result, page, out, "drawlens_result_note_count", &Views::notes);
}

DRAWLENS_API drawlens_status drawlens_result_note(const drawlens_result* result, size_t page, size_t index,
                                                  drawlens_note* out) {
  return item_of(result, page, index, out, "drawlens_result_note", "note", &Views::notes);
}

DRAWLENS_API drawlens_status drawlens_result_datum_feature_count(const drawlens_result* result, size_t page,
                                                                 size_t* out) {
  return count_of(result, page, out, "drawlens_result_datum_feature_count", &Views::datum_features);
}

DRAWLENS_API drawlens_status drawlens_result_datum_feature(const drawlens_result* result, size_t page, size_t index,
                                                           drawlens_datum_feature* out) {
  return item_of(result, page, index, out, "drawlens_result_datum_feature", "datum feature", &Views::datum_features);
}

DRAWLENS_API drawlens_status drawlens_result_detection_count(const drawlens_result* result, size_t page, size_t* out) {
  return count_of(result, page, out, "drawlens_result_detection_count", &Views::detections);
}

DRAWLENS_API drawlens_status drawlens_result_detection(const drawlens_result* result, size_t page, size_t index,
                                                       drawlens_detection* out) {
  return item_of(result, page, index, out, "drawlens_result_detection", "detection", &Views::detections);
}

DRAWLENS_API drawlens_status drawlens_result_tolerance_count(const drawlens_result* result, size_t page, size_t* out) {
  return count_of(result, page, out, "drawlens_result_tolerance_count", &Views::tolerances);
}

DRAWLENS_API drawlens_status drawlens_result_tolerance(const drawlens_result* result, size_t page, size_t index,
                                                       drawlens_tolerance_analysis* out) {
  return item_of(result, page, index, out, "drawlens_result_tolerance", "tolerance analysis", &Views::tolerances);
}

DRAWLENS_API drawlens_status drawlens_result_general_tolerance(const drawlens_result* result, size_t page,
                                                               drawlens_general_tolerance* out) {
  const char* fn = "drawlens_result_general_tolerance";
  return read_page_views(
      result, page, fn, [&](drawlens_status& status) { return bad_out_struct(out, fn, status); },
      [&](const Views& views) {
        write_out_struct(views.general_tolerance, out);
        return DRAWLENS_OK;
      });
}

DRAWLENS_API drawlens_status drawlens_result_segment_count(const drawlens_result* result, size_t page, size_t* out) {
  return count_of(result, page, out, "drawlens_result_segment_count", &Views::segments);
}

DRAWLENS_API drawlens_status drawlens_result_segment(const drawlens_result* result, size_t page, size_t index,
                                                     drawlens_segment* out) {
  return item_of(result, page, index, out, "drawlens_result_segment", "segment", &Views::segments);
}

DRAWLENS_API drawlens_status drawlens_result_dimension_linework(const drawlens_result* result, size_t page,
                                                                size_t dimension, drawlens_linework which,
                                                                size_t* indices, size_t capacity, size_t* count) {
  const char* fn = "drawlens_result_dimension_linework";
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(count, fn, "count", status)) return status;
    if (capacity > 0 && is_null(indices, fn, "indices (with capacity > 0)", status)) return status;
    if (!drawlens::capi::in_range(which, 2)) {
      return drawlens::capi::fail(DRAWLENS_INVALID_ARGUMENT, std::string(fn) + ": which is not a drawlens_linework (" +
                                                                 std::to_string(drawlens::capi::bits_of(which)) + ")");
    }
    const drawlens::PageAnalysis* analysed = nullptr;
    if ((status = find_page(result, page, fn, &analysed)) != DRAWLENS_OK) return status;
    const std::size_t dimensions = drawlens::capi::annotations_of(*analysed).dimensions.size();
    if (dimension >= dimensions) return out_of_range(fn, "dimension", dimension, dimensions);
    *count = 0;
    if (!analysed->dimension_linework || dimension >= analysed->dimension_linework->size()) return DRAWLENS_OK;
    const drawlens::segment::DimensionLinework& links = (*analysed->dimension_linework)[dimension];
    const std::vector<int>& list =
        drawlens::capi::bits_of(which) == DRAWLENS_LINEWORK_LINES ? links.lines : links.feature;
    for (std::size_t k = 0; k < list.size() && k < capacity; ++k) indices[k] = static_cast<std::size_t>(list[k]);
    *count = list.size();
    return DRAWLENS_OK;
  });
}

}  // extern "C"
