// C accessors over an immutable drawlens_result: pages, words, tables and cells, JSON, images.
#include <string>

#include <nlohmann/json.hpp>

#include "capi/result_access.h"
#include "output/output.h"

namespace {

using drawlens::capi::bad_out_struct;
using drawlens::capi::fail;
using drawlens::capi::find_page;
using drawlens::capi::guard;
using drawlens::capi::is_null;
using drawlens::capi::out_of_range;
using drawlens::capi::to_c;
using drawlens::capi::write_out_struct;
using drawlens::capi::zeroed_struct;

// The C view lists the title block first, then the other tables.
std::size_t table_count(const drawlens::layout::Layout& layout) {
  return layout.tables.size() + (layout.title_block ? 1 : 0);
}

const drawlens::layout::Table& table_at(const drawlens::layout::Layout& layout, std::size_t index) {
  if (layout.title_block) return index == 0 ? *layout.title_block : layout.tables[index - 1];
  return layout.tables[index];
}

drawlens_status find_table(const drawlens_result* result, std::size_t page_index, std::size_t table_index,
                           const char* fn, const drawlens::layout::Table** table, bool* is_title_block) {
  const drawlens::PageAnalysis* page = nullptr;
  const drawlens_status status = find_page(result, page_index, fn, &page);
  if (status != DRAWLENS_OK) return status;
  const drawlens::layout::Layout& layout = drawlens::capi::layout_of(*page);
  const std::size_t count = table_count(layout);
  if (table_index >= count) return out_of_range(fn, "table", table_index, count);
  *table = &table_at(layout, table_index);
  *is_title_block = layout.title_block && table_index == 0;
  return DRAWLENS_OK;
}

drawlens_status need_image(const drawlens::PageAnalysis& page, const char* fn) {
  if (!page.image.empty()) return DRAWLENS_OK;
  return fail(DRAWLENS_INVALID_ARGUMENT,
              std::string(fn) + ": the result has no page images; create the pipeline with keep_page_images = 1");
}

}  // namespace

extern "C" {

DRAWLENS_API drawlens_status drawlens_result_page_count(const drawlens_result* result, size_t* out) {
  return guard("drawlens_result_page_count", [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(result, "drawlens_result_page_count", "result", status) ||
        is_null(out, "drawlens_result_page_count", "out", status))
      return status;
    *out = result->analysis.pages.size();
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_result_page(const drawlens_result* result, size_t page, drawlens_page* out) {
  return guard("drawlens_result_page", [&] {
    const char* fn = "drawlens_result_page";
    drawlens_status status = DRAWLENS_OK;
    const drawlens::PageAnalysis* p = nullptr;
    if (bad_out_struct(out, fn, status)) return status;
    if ((status = find_page(result, page, fn, &p)) != DRAWLENS_OK) return status;
    auto view = zeroed_struct<drawlens_page>();
    view.index = p->index;
    view.width = p->width;
    view.height = p->height;
    view.dpi = p->dpi;
    view.dpi_source = static_cast<drawlens_dpi_source>(p->dpi_source);
    view.word_count = p->words.size();
    const drawlens::layout::Layout& layout = drawlens::capi::layout_of(*p);
    view.has_border = layout.border ? 1 : 0;
    if (layout.border) view.border = to_c(*layout.border);
    view.table_count = table_count(layout);
    view.title_block_table = layout.title_block ? 0 : -1;
    write_out_struct(view, out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_result_word(const drawlens_result* result, size_t page, size_t word,
                                                  drawlens_word* out) {
  return guard("drawlens_result_word", [&] {
    const char* fn = "drawlens_result_word";
    drawlens_status status = DRAWLENS_OK;
    const drawlens::PageAnalysis* p = nullptr;
    if (bad_out_struct(out, fn, status)) return status;
    if ((status = find_page(result, page, fn, &p)) != DRAWLENS_OK) return status;
    if (word >= p->words.size()) return out_of_range(fn, "word", word, p->words.size());
    const drawlens::Word& w = p->words[word];
    auto view = zeroed_struct<drawlens_word>();
    view.text = w.text.c_str();
    view.box = to_c(w.box);
    view.rotation = w.rotation;
    write_out_struct(view, out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_result_table(const drawlens_result* result, size_t page, size_t table,
                                                   drawlens_table* out) {
  return guard("drawlens_result_table", [&] {
    const char* fn = "drawlens_result_table";
    drawlens_status status = DRAWLENS_OK;
    const drawlens::layout::Table* t = nullptr;
    bool title_block = false;
    if (bad_out_struct(out, fn, status)) return status;
    if ((status = find_table(result, page, table, fn, &t, &title_block)) != DRAWLENS_OK) return status;
    auto view = zeroed_struct<drawlens_table>();
    view.kind = title_block ? DRAWLENS_TABLE_TITLE_BLOCK : DRAWLENS_TABLE_RULED;
    view.box = to_c(t->box);
    view.rows = t->rows;
    view.cols = t->cols;
    view.cell_count = t->cells.size();
    write_out_struct(view, out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_result_cell(const drawlens_result* result, size_t page, size_t table, size_t cell,
                                                  drawlens_cell* out) {
  return guard("drawlens_result_cell", [&] {
    const char* fn = "drawlens_result_cell";
    drawlens_status status = DRAWLENS_OK;
    const drawlens::layout::Table* t = nullptr;
    bool title_block = false;
    if (bad_out_struct(out, fn, status)) return status;
    if ((status = find_table(result, page, table, fn, &t, &title_block)) != DRAWLENS_OK) return status;
    if (cell >= t->cells.size()) return out_of_range(fn, "cell", cell, t->cells.size());
    const drawlens::layout::Cell& c = t->cells[cell];
    auto view = zeroed_struct<drawlens_cell>();
    view.box = to_c(c.box);
    view.row = c.row;
    view.col = c.col;
    view.row_span = c.row_span;
    view.col_span = c.col_span;
    view.text = c.text.c_str();
    write_out_struct(view, out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_result_json(const drawlens_result* result, const char** out) {
  return guard("drawlens_result_json", [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(result, "drawlens_result_json", "result", status) ||
        is_null(out, "drawlens_result_json", "out", status))
      return status;
    std::call_once(result->json_once, [&] { result->json = drawlens::output::to_json(result->analysis).dump(); });
    *out = result->json.c_str();
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_result_page_image(const drawlens_result* result, size_t page,
                                                        drawlens_image* out) {
  return guard("drawlens_result_page_image", [&] {
    const char* fn = "drawlens_result_page_image";
    drawlens_status status = DRAWLENS_OK;
    const drawlens::PageAnalysis* p = nullptr;
    if (bad_out_struct(out, fn, status)) return status;
    if ((status = find_page(result, page, fn, &p)) != DRAWLENS_OK) return status;
    if ((status = need_image(*p, fn)) != DRAWLENS_OK) return status;
    auto view = zeroed_struct<drawlens_image>();
    view.pixels = p->image.data;
    view.width = p->image.cols;
    view.height = p->image.rows;
    view.stride = p->image.step[0];
    write_out_struct(view, out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_result_overlay_png(const drawlens_result* result, size_t page,
                                                         unsigned char** png, size_t* size) {
  return guard("drawlens_result_overlay_png", [&] {
    const char* fn = "drawlens_result_overlay_png";
    drawlens_status status = DRAWLENS_OK;
    const drawlens::PageAnalysis* p = nullptr;
    if (is_null(png, fn, "png", status) || is_null(size, fn, "size", status)) return status;
    *png = nullptr;
    *size = 0;
    if ((status = find_page(result, page, fn, &p)) != DRAWLENS_OK) return status;
    if ((status = need_image(*p, fn)) != DRAWLENS_OK) return status;
    const std::vector<std::uint8_t> bytes = drawlens::output::encode_png(drawlens::output::render_overlay(*p));
    if (bytes.empty()) return fail(DRAWLENS_INTERNAL, std::string(fn) + ": PNG encoding failed");
    if ((status = drawlens::capi::owned_copy(bytes.data(), bytes.size(), fn, png)) != DRAWLENS_OK) return status;
    *size = bytes.size();
    return DRAWLENS_OK;
  });
}

}  // extern "C"
