// Decodes single-image formats (PNG, JPEG, BMP, WebP) with OpenCV after the header checks.
#include <opencv2/imgcodecs.hpp>

#include "load/decoders.h"
#include "load/raster_header.h"

namespace drawlens::load {

Result<Document> decode_raster(Format format, const DecodeInput& input, const Options& options) {
  const std::string what = input.label + " (" + format_name(format) + ")";
  auto header = read_raster_header(format, input.data, input.size);
  if (!header) return make_error(header.error().status, what + ": " + header.error().message);
  auto size_ok = check_page_size(header.value().width, header.value().height, 0, options, input.label);
  if (!size_ok) return size_ok.error();
  auto range = select_pages(1, options, input.label);
  if (!range) return range.error();
  if (is_truncated(format, input.data, input.size)) {
    return make_error(Status::truncated, what + " is truncated: the file ends before its end marker");
  }

  // imdecode only reads the buffer; the Mat header needs a non-const pointer.
  const cv::Mat encoded(1, static_cast<int>(input.size), CV_8UC1, const_cast<std::uint8_t*>(input.data));
  const cv::Mat decoded = cv::imdecode(encoded, cv::IMREAD_UNCHANGED);
  if (decoded.empty()) return make_error(Status::decode, what + " could not be decoded: the image data is corrupt");
  if (decoded.cols != header.value().width || decoded.rows != header.value().height) {
    return make_error(Status::decode, what + ": decoded size differs from the header's; the file is corrupt");
  }

  Document doc;
  doc.format = format;
  doc.page_count = 1;
  Page page;
  page.index = 0;
  page.gray = to_gray8(decoded);
  page.dpi = header.value().dpi > 0 ? header.value().dpi : options.assumed_dpi;
  page.dpi_source = header.value().dpi > 0 ? DpiSource::file : DpiSource::assumed;
  doc.pages.push_back(std::move(page));
  return doc;
}

}  // namespace drawlens::load
