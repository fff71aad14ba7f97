// Entry points of the loading stage: reads files safely, validates options, dispatches on the
// sniffed format, wraps caller pixels, and decodes whole documents for callers that want them.
#include "load/load.h"

#include <climits>

#include "core/regular_file.h"
#include "load/decoders.h"
#include "load/format_sniffing.h"
#include "load/sheet_resolution.h"

#include <opencv2/imgproc.hpp>

namespace drawlens::load {
namespace {

constexpr double kMinDpi = 36.0;
constexpr double kMaxDpi = 1200.0;

std::string file_label(const std::string& path) {
  return "'" + path + "'";
}

// A decoded single-image input as an opened one.
Result<OpenedInput> single_page(Result<Document> decoded) {
  if (!decoded) return decoded.error();
  Document& doc = decoded.value();
  return OpenedInput{doc.format, doc.page_count, PageRange{0, 0},
                     std::make_unique<DecodedPage>(std::move(doc.pages.front()))};
}

// Every selected page, decoded in order.
Result<Document> decode_all(Result<OpenedDocument> opened, const StopToken& stop) {
  if (!opened) return opened.error();
  const OpenedDocument& source = opened.value();
  Document doc;
  doc.name = source.name();
  doc.format = source.format();
  doc.bytes = source.bytes();
  doc.page_count = source.page_count();
  for (int i = 0; i < source.selected_count(); ++i) {
    if (auto stopped = stop.check("decoding page " + std::to_string(source.source_index(i) + 1))) return *stopped;
    auto page = source.decode_page(i);
    if (!page) return page.error();
    doc.pages.push_back(std::move(page).value());
  }
  return doc;
}

}  // namespace

Result<bool> validate(const Options& o) {
  auto bad = [](const std::string& what) { return make_error(Status::invalid_argument, "invalid option: " + what); };
  if (!(o.pdf_dpi >= kMinDpi && o.pdf_dpi <= kMaxDpi)) return bad("pdf_dpi must be within 36..1200");
  if (!(o.assumed_dpi >= kMinDpi && o.assumed_dpi <= kMaxDpi)) return bad("assumed_dpi must be within 36..1200");
  if (o.first_page < 1) return bad("first_page must be >= 1 (pages are numbered from 1)");
  if (o.last_page < 0) return bad("last_page must be >= 0 (0 means the last page)");
  if (o.last_page != 0 && o.last_page < o.first_page) return bad("last_page must be >= first_page");
  if (!(o.limits.max_megapixels > 0)) return bad("max_megapixels must be > 0");
  if (o.limits.max_pages < 1) return bad("max_pages must be >= 1");
  if (o.limits.max_file_bytes < 1) return bad("max_file_bytes must be >= 1");
  return true;
}

namespace {

Result<OpenedInput> open_format(Format format, const DecodeInput& input, const Options& options) {
  switch (format) {
    case Format::pdf: return open_pdf(input, options);
    case Format::tiff: return open_tiff(input, options);
    default: return single_page(decode_raster(format, input, options));
  }
}

// The format checks and the decoder for bytes that outlive `state`'s use (the caller's buffer or
// state->owned_bytes).
Result<OpenedDocument> open_bytes(std::unique_ptr<OpenedDocument::State> state, const std::uint8_t* data,
                                  std::size_t size, const Options& options, const std::string& label) {
  if (data == nullptr && size > 0) return make_error(Status::invalid_argument, label + ": data is NULL");
  if (size == 0) return make_error(Status::empty_input, label + " is empty (0 bytes)");
  if (size > options.limits.max_file_bytes) {
    return make_error(Status::limit_exceeded, label + " is " + std::to_string(size) + " bytes, over the limit of " +
                                                  std::to_string(options.limits.max_file_bytes) + " (max_file_bytes)");
  }
  if (size > static_cast<std::size_t>(INT_MAX)) {
    return make_error(Status::limit_exceeded, label + " is over 2 GiB, more than the decoders accept");
  }
  const auto format = sniff_format(data, size);
  if (!format) {
    return make_error(Status::unsupported_format,
                      label + " is not a PNG, JPEG, TIFF, BMP, WebP or PDF file (unrecognized leading bytes)");
  }
  Result<OpenedInput> opened = open_format(*format, DecodeInput{data, size, label}, options);
  if (!opened) return opened.error();
  state->bytes = size;
  state->input = std::move(opened).value();
  return OpenedDocument(std::move(state));
}

}  // namespace

Result<OpenedDocument> open_memory(const std::uint8_t* data, std::size_t size, const Options& options,
                                   const std::string& name) {
  auto state = std::make_unique<OpenedDocument::State>();
  state->name = name;
  return open_bytes(std::move(state), data, size, options,
                    name.empty() ? std::string("memory input") : file_label(name));
}

Result<OpenedDocument> open_file(const std::string& path, const Options& options) {
  auto bytes = read_regular_file(path, options.limits.max_file_bytes, "max_file_bytes");
  if (!bytes) return bytes.error();
  auto state = std::make_unique<OpenedDocument::State>();
  state->name = path;
  state->owned_bytes = std::move(bytes).value();
  const std::uint8_t* data = state->owned_bytes.data();
  const std::size_t size = state->owned_bytes.size();
  return open_bytes(std::move(state), data, size, options, file_label(path));
}

Result<OpenedDocument> open_pixels(const std::uint8_t* pixels, int width, int height, PixelFormat format,
                                   std::size_t stride, double dpi, const Options& options) {
  const int channels = static_cast<int>(format);
  if (pixels == nullptr) return make_error(Status::invalid_argument, "pixel input: pixels is NULL");
  if (channels != 1 && channels != 3 && channels != 4) {
    return make_error(Status::invalid_argument, "pixel input: format must be gray8 (1), rgb8 (3) or rgba8 (4)");
  }
  if (width <= 0 || height <= 0) {
    return make_error(Status::invalid_argument, "pixel input: width and height must be > 0");
  }
  if (stride < static_cast<std::size_t>(width) * channels) {
    return make_error(Status::invalid_argument, "pixel input: stride " + std::to_string(stride) +
                                                    " is smaller than width x channels (" +
                                                    std::to_string(static_cast<long long>(width) * channels) + ")");
  }
  if (dpi < 0 || dpi > kMaxDpi) return make_error(Status::invalid_argument, "pixel input: dpi must be within 0..1200");
  auto size_ok = check_page_size(width, height, 0, options, "pixel input");
  if (!size_ok) return size_ok.error();
  auto range = select_pages(1, options, "pixel input");
  if (!range) return range.error();

  const cv::Mat view(height, width, CV_8UC(channels), const_cast<std::uint8_t*>(pixels), stride);
  cv::Mat bgr_order = view;
  if (format == PixelFormat::rgb8) cv::cvtColor(view, bgr_order, cv::COLOR_RGB2BGR);
  if (format == PixelFormat::rgba8) cv::cvtColor(view, bgr_order, cv::COLOR_RGBA2BGRA);
  Page page;
  page.gray = format == PixelFormat::gray8 ? view.clone() : to_gray8(bgr_order);
  if (dpi > 0) {  // the caller's word is taken
    page.dpi = dpi;
    page.dpi_source = DpiSource::caller;
  } else {
    set_raster_resolution(page, 0, options.assumed_dpi);
  }
  auto state = std::make_unique<OpenedDocument::State>();
  state->bytes = static_cast<std::uint64_t>(stride) * height;
  state->input.format = Format::pixels;
  state->input.page_count = 1;
  state->input.range = range.value();
  state->input.decoder = std::make_unique<DecodedPage>(std::move(page));
  return OpenedDocument(std::move(state));
}

Result<Document> load_memory(const std::uint8_t* data, std::size_t size, const Options& options,
                             const std::string& name, const StopToken& stop) {
  return decode_all(open_memory(data, size, options, name), stop);
}

Result<Document> load_file(const std::string& path, const Options& options, const StopToken& stop) {
  return decode_all(open_file(path, options), stop);
}

Result<Document> load_pixels(const std::uint8_t* pixels, int width, int height, PixelFormat format, std::size_t stride,
                             double dpi, const Options& options) {
  return decode_all(open_pixels(pixels, width, height, format, stride, dpi, options), {});
}

}  // namespace drawlens::load
