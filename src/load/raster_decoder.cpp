// Decodes single-image formats after the header checks: PNG and JPEG with libpng and libjpeg
// (png_decoder.cpp, jpeg_decoder.cpp), BMP and WebP with OpenCV: silent for WebP, and for BMP once
// bmp_layout_check.cpp has ruled out the reads past the end that make OpenCV print.
#include <cctype>

#include <opencv2/imgcodecs.hpp>

#include "load/decoders.h"
#include "load/raster_header.h"
#include "load/sheet_resolution.h"

namespace drawlens::load {
namespace {

Result<DecodedPixels> decode_pixels(Format format, const DecodeInput& input) {
  if (format == Format::png) return decode_png_pixels(input.data, input.size);
  if (format == Format::jpeg) return decode_jpeg_pixels(input.data, input.size);
  // imdecode only reads the buffer; the Mat header needs a non-const pointer.
  const cv::Mat encoded(1, static_cast<int>(input.size), CV_8UC1, const_cast<std::uint8_t*>(input.data));
  DecodedPixels decoded;
  decoded.image = cv::imdecode(encoded, cv::IMREAD_UNCHANGED);
  if (decoded.image.empty()) return make_error(Status::decode, "the image data is corrupt");
  return decoded;
}

// libjpeg's warnings read "Corrupt JPEG data: ..." or "Warning: ..."; messages here continue a sentence.
std::string damage_warning(const std::string& what, std::string warning) {
  const std::string prefix = "Warning: ";
  if (warning.rfind(prefix, 0) == 0) warning.erase(0, prefix.size());
  if (!warning.empty()) warning[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(warning[0])));
  return what + ": " + warning + "; the image may be damaged";
}

}  // namespace

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
  if (format == Format::bmp) {
    auto layout = check_bmp_layout(input.data, input.size);
    if (!layout) return make_error(layout.error().status, what + layout.error().message);
  }

  auto decoded = decode_pixels(format, input);
  if (!decoded) return make_error(decoded.error().status, what + " could not be decoded: " + decoded.error().message);
  const cv::Mat& image = decoded.value().image;
  if (image.cols != header.value().width || image.rows != header.value().height) {
    return make_error(Status::decode, what + ": decoded size differs from the header's; the file is corrupt");
  }

  Document doc;
  doc.format = format;
  doc.page_count = 1;
  Page page;
  page.index = 0;
  page.gray = to_gray8(image);
  if (!decoded.value().warning.empty()) page.load_warnings.push_back(damage_warning(what, decoded.value().warning));
  set_raster_resolution(page, header.value().dpi, options.assumed_dpi);
  doc.pages.push_back(std::move(page));
  return doc;
}

}  // namespace drawlens::load
