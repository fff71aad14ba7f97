// C accessors for a page's dimensions, GD&T frames and title-block fields.
#include <string>

#include "capi/parse_views.h"
#include "capi/result_access.h"

namespace {

using drawlens::capi::bad_out_struct;
using drawlens::capi::copy_view;
using drawlens::capi::find_page;
using drawlens::capi::guard;
using drawlens::capi::is_null;
using drawlens::capi::out_of_range;
using drawlens::capi::to_c;

void build_views(const drawlens_result& result) {
  for (const drawlens::PageAnalysis& page : result.analysis.pages) {
    drawlens_result::PageViews views;
    auto& strings = result.view_strings;
    const drawlens::annotate::PageAnnotations& found = drawlens::capi::annotations_of(page);
    for (const auto& placed : found.dimensions) {
      drawlens_dimension view = drawlens::capi::dimension_view(placed.value, strings);
      view.box = to_c(placed.box);
      view.angle = placed.rotation;
      view.confidence = placed.confidence;
      views.dimensions.push_back(view);
    }
    for (const auto& placed : found.gdt_frames) {
      drawlens_gdt_frame view = drawlens::capi::gdt_frame_view(placed.value, placed.text, strings);
      view.box = to_c(placed.box);
      view.confidence = placed.confidence;
      views.gdt_frames.push_back(view);
    }
    for (const auto& field : found.title_fields) {
      drawlens_title_field view{};
      view.struct_size = sizeof view;
      view.key = drawlens::parse::name(field.key).data();
      view.label = strings.keep(field.label);
      view.value = strings.keep(field.value);
      view.box = to_c(field.box);
      view.confidence = field.confidence;
      views.title_fields.push_back(view);
    }
    result.views.push_back(std::move(views));
  }
}

// Finds the views of one page (made once per result; results are shared across threads).
drawlens_status page_views(const drawlens_result* result, std::size_t page, const char* fn,
                           const drawlens_result::PageViews** out) {
  const drawlens::PageAnalysis* analysis = nullptr;
  const drawlens_status status = find_page(result, page, fn, &analysis);
  if (status != DRAWLENS_OK) return status;
  std::call_once(result->views_once, [&] { build_views(*result); });
  *out = &result->views[page];
  return DRAWLENS_OK;
}

template <typename Member>
drawlens_status count_of(const drawlens_result* result, std::size_t page, std::size_t* out, const char* fn,
                         Member member) {
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    const drawlens_result::PageViews* views = nullptr;
    if (is_null(out, fn, "out", status)) return status;
    if ((status = page_views(result, page, fn, &views)) != DRAWLENS_OK) return status;
    *out = (views->*member).size();
    return DRAWLENS_OK;
  });
}

template <typename Struct, typename Member>
drawlens_status item_of(const drawlens_result* result, std::size_t page, std::size_t index, Struct* out, const char* fn,
                        const char* what, Member member) {
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    const drawlens_result::PageViews* views = nullptr;
    if (bad_out_struct(out, fn, status)) return status;
    if ((status = page_views(result, page, fn, &views)) != DRAWLENS_OK) return status;
    const auto& items = views->*member;
    if (index >= items.size()) return out_of_range(fn, what, index, items.size());
    copy_view(items[index], out);
    return DRAWLENS_OK;
  });
}

using Views = drawlens_result::PageViews;

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

}  // extern "C"
