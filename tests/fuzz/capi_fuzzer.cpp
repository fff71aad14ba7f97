// libFuzzer target for the C ABI's analyse-from-memory path with every stage, followed by every
// result accessor a host would call: JSON, pages, words, tables, cells, dimensions, frames, title
// fields. The pipeline is made once, as a host would.
#include <cstddef>
#include <cstdint>

#include "drawlens/drawlens.h"

namespace {

const drawlens_pipeline* pipeline() {
  static drawlens_pipeline* made = [] {
    drawlens_options options;
    drawlens_options_default(&options);
    options.pdf_dpi = 36;
    options.max_megapixels = 2;
    options.max_pages = 2;
    options.threads = 1;
    drawlens_pipeline* p = nullptr;
    if (drawlens_pipeline_create(&options, &p) != DRAWLENS_OK) __builtin_trap();
    return p;
  }();
  return made;
}

void read_everything(const drawlens_result* result) {
  const char* json = nullptr;
  if (drawlens_result_json(result, &json) != DRAWLENS_OK || json == nullptr) __builtin_trap();
  size_t pages = 0;
  drawlens_result_page_count(result, &pages);
  for (size_t p = 0; p < pages; ++p) {
    drawlens_page page{};
    page.struct_size = sizeof page;
    drawlens_result_page(result, p, &page);
    for (size_t w = 0; w < page.word_count; ++w) {
      drawlens_word word{};
      word.struct_size = sizeof word;
      drawlens_result_word(result, p, w, &word);
    }
    for (size_t t = 0; t < page.table_count; ++t) {
      drawlens_table table{};
      table.struct_size = sizeof table;
      drawlens_result_table(result, p, t, &table);
      for (size_t c = 0; c < table.cell_count; ++c) {
        drawlens_cell cell{};
        cell.struct_size = sizeof cell;
        drawlens_result_cell(result, p, t, c, &cell);
      }
    }
    size_t count = 0;
    drawlens_result_dimension_count(result, p, &count);
    for (size_t i = 0; i < count; ++i) {
      drawlens_dimension dimension{};
      dimension.struct_size = sizeof dimension;
      drawlens_result_dimension(result, p, i, &dimension);
    }
    drawlens_result_gdt_frame_count(result, p, &count);
    for (size_t i = 0; i < count; ++i) {
      drawlens_gdt_frame frame{};
      frame.struct_size = sizeof frame;
      drawlens_result_gdt_frame(result, p, i, &frame);
    }
    drawlens_result_title_field_count(result, p, &count);
    for (size_t i = 0; i < count; ++i) {
      drawlens_title_field field{};
      field.struct_size = sizeof field;
      drawlens_result_title_field(result, p, i, &field);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  drawlens_result* result = nullptr;
  const drawlens_status status = drawlens_analyze_memory(pipeline(), data, size, &result);
  if ((status == DRAWLENS_OK) != (result != nullptr)) __builtin_trap();
  if (status == DRAWLENS_INTERNAL) __builtin_trap();  // a bug in drawlens, by definition
  if (result != nullptr) read_everything(result);
  drawlens_result_free(result);
  return 0;
}
