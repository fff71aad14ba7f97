// Shared by the result accessors: page lookup with argument checks and the C box conversion.
#pragma once

#include <string>

#include "capi/guard.h"
#include "capi/handles.h"

namespace drawlens::capi {

inline drawlens_box to_c(const Box& b) {
  return {b.x, b.y, b.width, b.height};
}

// Validates result and page index; on success sets *page.
inline drawlens_status find_page(const drawlens_result* result, std::size_t index, const char* fn,
                                 const PageAnalysis** page) {
  drawlens_status status = DRAWLENS_OK;
  if (is_null(result, fn, "result", status)) return status;
  const auto& pages = result->analysis.pages;
  if (index >= pages.size()) return out_of_range(fn, "page", index, pages.size());
  *page = &pages[index];
  return DRAWLENS_OK;
}

// A stage's result on a page, or an empty one when the stage did not run: the C view then lists
// nothing for it.
inline const layout::Layout& layout_of(const PageAnalysis& page) {
  static const layout::Layout none;
  return page.layout ? *page.layout : none;
}
inline const annotate::PageAnnotations& annotations_of(const PageAnalysis& page) {
  static const annotate::PageAnnotations none;
  return page.annotations ? *page.annotations : none;
}

}  // namespace drawlens::capi
