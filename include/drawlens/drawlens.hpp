// drawlens C++ facade: header-only, move-only RAII wrappers over the C ABI in drawlens.h, with
// value types for results. A failed call throws drawlens::Error carrying the status and message.
//
//   drawlens::Pipeline pipeline;                       // default options
//   drawlens::Result result = pipeline.analyze(drawlens::Document::file("part.pdf"));
//   for (const drawlens::Page& page : result.pages()) { ... page.title_block ... }
//   std::string json = result.json();
#ifndef DRAWLENS_DRAWLENS_HPP
#define DRAWLENS_DRAWLENS_HPP

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "drawlens/drawlens.h"

namespace drawlens {

class Error : public std::runtime_error {
 public:
  Error(drawlens_status status, const std::string& message) : std::runtime_error(message), status_(status) {}
  drawlens_status status() const noexcept { return status_; }
  const char* status_name() const noexcept { return drawlens_status_name(status_); }

 private:
  drawlens_status status_;
};

inline void check(drawlens_status status) {
  if (status != DRAWLENS_OK) throw Error(status, drawlens_last_error());
}

inline std::string version() {
  return drawlens_version();
}
inline std::string build_info() {
  return drawlens_build_info();
}

struct Box {
  int x = 0, y = 0, width = 0, height = 0;
};

struct Word {
  std::string text;
  Box box;
  int rotation = 0;
};

struct Cell {
  Box box;
  int row = 0, col = 0, row_span = 1, col_span = 1;
  std::string text;
};

struct Table {
  bool is_title_block = false;
  Box box;
  int rows = 0, cols = 0;
  std::vector<Cell> cells;
};

struct Page {
  int index = 0;
  int width = 0, height = 0;
  double dpi = 0;
  drawlens_dpi_source dpi_source = DRAWLENS_DPI_ASSUMED;
  std::vector<Word> words;
  std::optional<Box> border;
  std::optional<Table> title_block;
  std::vector<Table> tables;  // ruled tables other than the title block
};

// Options with defaults from drawlens_options_default; setters return *this for chaining.
class Options {
 public:
  Options() { drawlens_options_default(&raw_); }
  Options& device(std::string d) {
    device_ = std::move(d);
    return *this;
  }
  Options& pdf_dpi(int dpi) {
    raw_.pdf_dpi = dpi;
    return *this;
  }
  Options& assumed_dpi(int dpi) {
    raw_.assumed_dpi = dpi;
    return *this;
  }
  Options& pages(int first, int last = 0) {
    raw_.first_page = first;
    raw_.last_page = last;
    return *this;
  }
  Options& threads(int n) {
    raw_.threads = n;
    return *this;
  }
  Options& max_megapixels(double mp) {
    raw_.max_megapixels = mp;
    return *this;
  }
  Options& max_pages(int n) {
    raw_.max_pages = n;
    return *this;
  }
  Options& max_file_bytes(unsigned long long n) {
    raw_.max_file_bytes = n;
    return *this;
  }
  Options& stages(unsigned int bits) {
    raw_.stages = bits;
    return *this;
  }
  Options& keep_page_images(bool keep) {
    raw_.keep_page_images = keep ? 1 : 0;
    return *this;
  }

  // The C struct; its device pointer borrows from this object.
  const drawlens_options& raw() const {
    raw_.device = device_.c_str();
    return raw_;
  }

 private:
  mutable drawlens_options raw_{};
  std::string device_ = "auto";
};

// What to analyse: a file, an encoded file in memory, or pixels. Borrows the caller's memory.
class Document {
 public:
  static Document file(std::string path) {
    Document d;
    d.path_ = std::move(path);
    return d;
  }
  static Document memory(const void* data, std::size_t size) {
    Document d;
    d.data_ = data;
    d.size_ = size;
    return d;
  }
  static Document pixels(const void* pixels, int width, int height, drawlens_pixel_format format, std::size_t stride,
                         double dpi = 0) {
    Document d;
    d.data_ = pixels;
    d.width_ = width;
    d.height_ = height;
    d.format_ = format;
    d.stride_ = stride;
    d.dpi_ = dpi;
    d.is_pixels_ = true;
    return d;
  }

 private:
  friend class Pipeline;
  Document() = default;
  std::optional<std::string> path_;
  const void* data_ = nullptr;
  std::size_t size_ = 0;
  bool is_pixels_ = false;
  int width_ = 0, height_ = 0;
  drawlens_pixel_format format_ = DRAWLENS_PIXELS_GRAY8;
  std::size_t stride_ = 0;
  double dpi_ = 0;
};

class Result {
 public:
  explicit Result(drawlens_result* handle) : handle_(handle, &drawlens_result_free) {}

  std::size_t page_count() const {
    std::size_t n = 0;
    check(drawlens_result_page_count(get(), &n));
    return n;
  }

  std::vector<Page> pages() const {
    std::vector<Page> out;
    for (std::size_t i = 0, n = page_count(); i < n; ++i) out.push_back(page(i));
    return out;
  }

  Page page(std::size_t index) const {
    drawlens_page raw{};
    raw.struct_size = sizeof raw;
    check(drawlens_result_page(get(), index, &raw));
    Page p;
    p.index = raw.index;
    p.width = raw.width;
    p.height = raw.height;
    p.dpi = raw.dpi;
    p.dpi_source = raw.dpi_source;
    if (raw.has_border) p.border = to_box(raw.border);
    for (std::size_t w = 0; w < raw.word_count; ++w) {
      drawlens_word word{};
      word.struct_size = sizeof word;
      check(drawlens_result_word(get(), index, w, &word));
      p.words.push_back({word.text, to_box(word.box), word.rotation});
    }
    for (std::size_t t = 0; t < raw.table_count; ++t) {
      Table table = read_table(index, t);
      if (table.is_title_block) {
        p.title_block = std::move(table);
      } else {
        p.tables.push_back(std::move(table));
      }
    }
    return p;
  }

  std::string json() const {
    const char* text = nullptr;
    check(drawlens_result_json(get(), &text));
    return text;
  }

  // PNG bytes of the page with the findings drawn over it (needs keep_page_images).
  std::vector<std::uint8_t> overlay_png(std::size_t page) const {
    unsigned char* png = nullptr;
    std::size_t size = 0;
    check(drawlens_result_overlay_png(get(), page, &png, &size));
    std::unique_ptr<unsigned char, decltype(&drawlens_free)> owned(png, &drawlens_free);
    return std::vector<std::uint8_t>(png, png + size);
  }

  drawlens_result* get() const noexcept { return handle_.get(); }

 private:
  static Box to_box(const drawlens_box& b) { return {b.x, b.y, b.width, b.height}; }

  Table read_table(std::size_t page, std::size_t index) const {
    drawlens_table raw{};
    raw.struct_size = sizeof raw;
    check(drawlens_result_table(get(), page, index, &raw));
    Table t;
    t.is_title_block = raw.kind == DRAWLENS_TABLE_TITLE_BLOCK;
    t.box = to_box(raw.box);
    t.rows = raw.rows;
    t.cols = raw.cols;
    for (std::size_t c = 0; c < raw.cell_count; ++c) {
      drawlens_cell cell{};
      cell.struct_size = sizeof cell;
      check(drawlens_result_cell(get(), page, index, c, &cell));
      t.cells.push_back({to_box(cell.box), cell.row, cell.col, cell.row_span, cell.col_span, cell.text});
    }
    return t;
  }

  std::unique_ptr<drawlens_result, decltype(&drawlens_result_free)> handle_{nullptr, &drawlens_result_free};
};

class Pipeline {
 public:
  explicit Pipeline(const Options& options = Options()) {
    drawlens_pipeline* raw = nullptr;
    check(drawlens_pipeline_create(&options.raw(), &raw));
    handle_.reset(raw);
  }

  Result analyze(const Document& doc) const {
    drawlens_result* raw = nullptr;
    if (doc.path_) {
      check(drawlens_analyze_file(get(), doc.path_->c_str(), &raw));
    } else if (doc.is_pixels_) {
      check(
          drawlens_analyze_pixels(get(), doc.data_, doc.width_, doc.height_, doc.format_, doc.stride_, doc.dpi_, &raw));
    } else {
      check(drawlens_analyze_memory(get(), doc.data_, doc.size_, &raw));
    }
    return Result(raw);
  }

  std::string device() const { return drawlens_pipeline_device(get()); }
  drawlens_pipeline* get() const noexcept { return handle_.get(); }

 private:
  std::unique_ptr<drawlens_pipeline, decltype(&drawlens_pipeline_free)> handle_{nullptr, &drawlens_pipeline_free};
};

}  // namespace drawlens

#endif  // DRAWLENS_DRAWLENS_HPP
