// The per-format decoders behind open_memory, and what they share: page selection, naming the
// input in messages, and the page-at-a-time decoding interface.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "core/document.h"
#include "core/status.h"
#include "core/stop_token.h"
#include "load/load.h"

namespace drawlens::load {

struct DecodeInput {
  const std::uint8_t* data = nullptr;
  std::size_t size = 0;
  std::string label;  // how messages name the input, e.g. "'part.pdf'" or "memory input"
};

// 0-based, inclusive page numbers to decode.
struct PageRange {
  int first = 0;
  int last = -1;
  int count() const { return last - first + 1; }
};

// Applies the options' page range and the page-count limit to a document of page_count pages.
Result<PageRange> select_pages(int page_count, const Options& options, const std::string& label);

// Refuses a page over the megapixel limit; called with header sizes, before any decoding.
Result<bool> check_page_size(double width, double height, int page, const Options& options, const std::string& label);

// True when `marker` occurs within the last `window` bytes: how truncation is told for formats that
// end with a marker (PNG IEND, JPEG EOI, PDF %%EOF).
bool has_end_marker(const std::uint8_t* data, std::size_t size, std::string_view marker, std::size_t window);

// Any 8-bit/16-bit image (gray, gray+alpha, BGR, BGRA) to 8-bit gray; transparency is composited onto
// white paper.
cv::Mat to_gray8(const cv::Mat& image);

// Decodes the pages of one opened document, one page per call. Callers serialize the calls
// (OpenedDocument holds a mutex); the input bytes outlive the decoder.
class PageDecoder {
 public:
  virtual ~PageDecoder() = default;
  virtual Result<Page> decode(int index) = 0;  // 0-based page of the source, within the selected range
};

// What opening a document learns before decoding any page, and the decoder for its pages.
struct OpenedInput {
  Format format = Format::pixels;
  int page_count = 0;  // pages in the source
  PageRange range;     // the pages the options select
  std::unique_ptr<PageDecoder> decoder;
};

// Single-image inputs are decoded whole when opened; this hands their one page out (sharing its pixels).
class DecodedPage final : public PageDecoder {
 public:
  explicit DecodedPage(Page page) : page_(std::move(page)) {}
  Result<Page> decode(int) override { return page_; }

 private:
  Page page_;
};

// What an OpenedDocument holds.
struct OpenedDocument::State {
  std::string name;
  std::uint64_t bytes = 0;
  std::vector<std::uint8_t> owned_bytes;  // the file's contents when opened from a path
  OpenedInput input;
  std::mutex decoding;  // one page at a time per document
};

// 8-bit pixels from libpng or libjpeg in OpenCV's channel order (gray, gray+alpha, BGR, BGRA), and
// the decoder's first warning about damaged data it worked around (empty when there was none).
struct DecodedPixels {
  cv::Mat image;
  std::string warning;
};

// Neither prints anything; an error's message is the library's reason, without the input's name.
Result<DecodedPixels> decode_png_pixels(const std::uint8_t* data, std::size_t size);
Result<DecodedPixels> decode_jpeg_pixels(const std::uint8_t* data, std::size_t size);

Result<Document> decode_raster(Format format, const DecodeInput& input, const Options& options);
Result<OpenedInput> open_tiff(const DecodeInput& input, const Options& options);
Result<OpenedInput> open_pdf(const DecodeInput& input, const Options& options);

}  // namespace drawlens::load
