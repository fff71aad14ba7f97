// Loading stage: opens a path, a memory buffer or caller pixels, detecting the format from magic
// bytes and refusing over-limit input before decoding it, then decodes pages one at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/document.h"
#include "core/status.h"
#include "core/stop_token.h"

namespace drawlens::load {

struct Limits {
  double max_megapixels = 150.0;                // per page; A0 at 300 dpi is 139 MP
  int max_pages = 500;                          // pages selected for decoding
  std::uint64_t max_file_bytes = 512ull << 20;  // encoded input size
};

struct Options {
  double pdf_dpi = 300.0;      // PDF rendering resolution
  double assumed_dpi = 300.0;  // reported for raster input without resolution metadata
  int first_page = 1;          // 1-based, inclusive
  int last_page = 0;           // 1-based, inclusive; 0 means the last page
  Limits limits;
};

// Checks every field's range; the message names the offending field and its allowed range.
Result<bool> validate(const Options& options);

// The resolution at which width x height pixels make a standard drawing sheet, among 150, 200,
// 300, 400 and 600 dpi: ISO 216 A0-A4 and ASME Y14.1 A-E, either way up, within 1 %; nullopt when
// none does. Where two do (A4 at 300 dpi is A2 at 150), the commoner resolution is taken: 300,
// 200, 400, 150, 600. A raster whose file states no resolution, or a screen's 72 or 96 dpi, is
// given this one (dpi_source assumed) when there is one (docs/design.md).
struct SheetMatch {
  double dpi = 0;
  std::string sheet;  // "A4", "ANSI B"
};
std::optional<SheetMatch> sheet_resolution(int width, int height);

enum class PixelFormat { gray8 = 1, rgb8 = 3, rgba8 = 4 };

// A document whose format, size, page count and limits have been checked, and whose pages are
// decoded on demand, so that memory holds only the pages being worked on (a 500-page PDF is not
// rendered up front). Move-only.
class OpenedDocument {
 public:
  struct State;
  explicit OpenedDocument(std::unique_ptr<State> state);
  OpenedDocument(OpenedDocument&&) noexcept;
  OpenedDocument& operator=(OpenedDocument&&) noexcept;
  ~OpenedDocument();

  const std::string& name() const;  // file name for path input, empty otherwise
  Format format() const;
  std::uint64_t bytes() const;    // size of the encoded input
  int page_count() const;         // pages in the source
  int selected_count() const;     // pages the options select
  int source_index(int i) const;  // 0-based page of the source that is the i-th selected one

  // Decodes the i-th selected page (0-based within the selection). Safe to call from many threads:
  // decoding one document is serialized, and different documents decode in parallel (PDFs excepted:
  // poppler's shared state serializes them).
  Result<Page> decode_page(int i) const;

 private:
  std::unique_ptr<State> state_;
};

// name appears in messages only (may be empty). The data must outlive the OpenedDocument.
Result<OpenedDocument> open_memory(const std::uint8_t* data, std::size_t size, const Options& options,
                                   const std::string& name = {});
// Reads the file (after checking its size against the limit); the document owns the bytes.
Result<OpenedDocument> open_file(const std::string& path, const Options& options);
// Copies caller pixels (rows `stride` bytes apart) into a one-page document.
Result<OpenedDocument> open_pixels(const std::uint8_t* pixels, int width, int height, PixelFormat format,
                                   std::size_t stride, double dpi, const Options& options);

// Opens and decodes every selected page at once; for callers that want the pixels (tests, tools).
// Polls `stop` before each page and returns CANCELLED when it says so.
Result<Document> load_file(const std::string& path, const Options& options, const StopToken& stop = {});
Result<Document> load_memory(const std::uint8_t* data, std::size_t size, const Options& options,
                             const std::string& name = {}, const StopToken& stop = {});
Result<Document> load_pixels(const std::uint8_t* pixels, int width, int height, PixelFormat format, std::size_t stride,
                             double dpi, const Options& options);

}  // namespace drawlens::load
