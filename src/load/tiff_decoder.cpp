// Decodes the pages of a TIFF from memory with libtiff, one directory at a time, reading each
// directory's size before its pixels so that over-limit pages (TIFF bombs) are refused undecoded.
#include <tiffio.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include <opencv2/core.hpp>

#include "load/decoders.h"
#include "load/sheet_resolution.h"

namespace drawlens::load {
namespace {

struct MemoryFile {
  const std::uint8_t* data;
  toff_t size;
  toff_t pos = 0;
  std::string last_error;
};

tmsize_t read_proc(thandle_t h, void* buf, tmsize_t n) {
  auto* f = static_cast<MemoryFile*>(h);
  if (n < 0 || f->pos >= f->size) return 0;
  const toff_t count = std::min<toff_t>(static_cast<toff_t>(n), f->size - f->pos);
  std::memcpy(buf, f->data + f->pos, count);
  f->pos += count;
  return static_cast<tmsize_t>(count);
}
tmsize_t write_proc(thandle_t, void*, tmsize_t) {
  return 0;
}
toff_t seek_proc(thandle_t h, toff_t off, int whence) {
  auto* f = static_cast<MemoryFile*>(h);
  toff_t base = whence == SEEK_CUR ? f->pos : whence == SEEK_END ? f->size : 0;
  f->pos = base + off;
  return f->pos;
}
int close_proc(thandle_t) {
  return 0;
}
toff_t size_proc(thandle_t h) {
  return static_cast<MemoryFile*>(h)->size;
}
int map_proc(thandle_t, tdata_t*, toff_t*) {
  return 0;
}
void unmap_proc(thandle_t, tdata_t, toff_t) {}

// Per-handle handlers (libtiff >= 4.5) keep messages out of the host's stderr and global state.
int error_handler(TIFF*, void* user, const char* module, const char* fmt, va_list ap) {
  char text[512];
  std::vsnprintf(text, sizeof text, fmt, ap);
  static_cast<MemoryFile*>(user)->last_error = std::string(module ? module : "libtiff") + ": " + text;
  return 1;
}
int warning_handler(TIFF*, void*, const char*, const char*, va_list) {
  return 1;
}

struct TiffCloser {
  void operator()(TIFF* t) const { TIFFClose(t); }
};
using TiffHandle = std::unique_ptr<TIFF, TiffCloser>;

double resolution_dpi(TIFF* tif) {
  float x_resolution = 0;
  std::uint16_t unit = RESUNIT_INCH;
  if (!TIFFGetField(tif, TIFFTAG_XRESOLUTION, &x_resolution) || x_resolution <= 0) return 0;
  TIFFGetFieldDefaulted(tif, TIFFTAG_RESOLUTIONUNIT, &unit);
  if (unit == RESUNIT_CENTIMETER) return x_resolution * 2.54;
  if (unit == RESUNIT_INCH) return x_resolution;
  return 0;  // RESUNIT_NONE: an aspect ratio, not a resolution
}

// TIFFReadRGBAImage packs pixels as ABGR words; transparency is composited onto white.
cv::Mat rgba_words_to_gray(const std::vector<std::uint32_t>& raster, int width, int height) {
  cv::Mat bgra(height, width, CV_8UC4);
  for (int y = 0; y < height; ++y) {
    auto* row = bgra.ptr<std::uint8_t>(y);
    const std::uint32_t* src = raster.data() + static_cast<std::size_t>(y) * width;
    for (int x = 0; x < width; ++x) {
      row[4 * x + 0] = static_cast<std::uint8_t>(TIFFGetB(src[x]));
      row[4 * x + 1] = static_cast<std::uint8_t>(TIFFGetG(src[x]));
      row[4 * x + 2] = static_cast<std::uint8_t>(TIFFGetR(src[x]));
      row[4 * x + 3] = static_cast<std::uint8_t>(TIFFGetA(src[x]));
    }
  }
  return to_gray8(bgra);
}

// The first directory's offset lies in the 8-byte header (TIFF 6.0, section 2).
bool first_directory_beyond_end(const std::uint8_t* data, std::size_t size) {
  if (size < 8) return true;
  const bool little = data[0] == 'I';
  std::uint32_t offset = 0;
  for (int i = 0; i < 4; ++i) offset |= std::uint32_t{data[4 + (little ? i : 3 - i)]} << (little ? 8 * i : 8 * (3 - i));
  return std::uint64_t{offset} + 2 > size;
}

// True when a strip or tile of the current directory extends past the end of the data.
bool pixel_data_beyond_end(TIFF* tif, toff_t size) {
  const std::uint32_t striles = TIFFNumberOfStrips(tif) + (TIFFIsTiled(tif) ? TIFFNumberOfTiles(tif) : 0);
  for (std::uint32_t i = 0; i < striles; ++i) {
    const std::uint64_t offset = TIFFGetStrileOffset(tif, i), count = TIFFGetStrileByteCount(tif, i);
    if (offset + count > size) return true;
  }
  return false;
}

tmsize_t max_single_allocation(const Options& options) {
  constexpr double kBytesPerPixel = 4 * 2;
  constexpr double kFloorBytes = 1 << 20;  // directories and small images
  return static_cast<tmsize_t>(std::max(kFloorBytes, options.limits.max_megapixels * 1e6 * kBytesPerPixel));
}

using OpenOptionsHandle = std::unique_ptr<TIFFOpenOptions, decltype(&TIFFOpenOptionsFree)>;

// Decodes one directory per call. The handle reads `file`, which lives here at a fixed address
// because libtiff keeps a pointer to it.
class TiffPages final : public PageDecoder {
 public:
  TiffPages(const DecodeInput& input, const Options& options)
      : file_{input.data, static_cast<toff_t>(input.size), 0, {}}, options_(options), label_(input.label) {}
  TiffPages(const TiffPages&) = delete;
  TiffPages& operator=(const TiffPages&) = delete;

  // Opens the handle; returns libtiff's reason when it cannot.
  Result<bool> open() {
    OpenOptionsHandle open_options(TIFFOpenOptionsAlloc(), &TIFFOpenOptionsFree);
    TIFFOpenOptionsSetErrorHandlerExtR(open_options.get(), error_handler, &file_);
    TIFFOpenOptionsSetWarningHandlerExtR(open_options.get(), warning_handler, &file_);
    // A few hundred bytes of directory can ask libtiff for gigabytes of strip buffer (fuzzer
    // finding); no single buffer of a page within the limit needs more than its pixels at four
    // 16-bit samples.
    TIFFOpenOptionsSetMaxSingleMemAlloc(open_options.get(), max_single_allocation(options_));
    tif_.reset(TIFFClientOpenExt("memory", "rm", &file_, read_proc, write_proc, seek_proc, close_proc, size_proc,
                                 map_proc, unmap_proc, open_options.get()));
    if (tif_) return true;
    const std::string what = label_ + " (tiff)";
    if (first_directory_beyond_end(file_.data, static_cast<std::size_t>(file_.size))) {
      return make_error(Status::truncated, what + " is truncated: its first directory lies past the end of the data");
    }
    return make_error(Status::decode, what + " could not be opened: " + file_.last_error);
  }

  int directory_count() { return TIFFNumberOfDirectories(tif_.get()); }

  Result<Page> decode(int index) override {
    TIFF* tif = tif_.get();
    const std::string page_label = label_ + " (tiff) page " + std::to_string(index + 1);
    if (!TIFFSetDirectory(tif, static_cast<tdir_t>(index))) {
      return make_error(Status::truncated, page_label + " cannot be read: " + file_.last_error);
    }
    std::uint32_t width = 0, height = 0;
    TIFFGetField(tif, TIFFTAG_IMAGEWIDTH, &width);
    TIFFGetField(tif, TIFFTAG_IMAGELENGTH, &height);
    auto size_ok = check_page_size(width, height, index, options_, label_);
    if (!size_ok) return size_ok.error();

    if (pixel_data_beyond_end(tif, file_.size)) {
      return make_error(Status::truncated, page_label + " is truncated: its pixel data runs past the end of the data");
    }
    std::vector<std::uint32_t> raster(static_cast<std::size_t>(width) * height);
    if (!TIFFReadRGBAImageOriented(tif, width, height, raster.data(), ORIENTATION_TOPLEFT, 0)) {
      return make_error(Status::decode, page_label + " could not be decoded: " + file_.last_error);
    }
    Page page;
    page.index = index;
    page.gray = rgba_words_to_gray(raster, static_cast<int>(width), static_cast<int>(height));
    set_raster_resolution(page, resolution_dpi(tif), options_.assumed_dpi);
    return page;
  }

 private:
  MemoryFile file_;
  Options options_;
  std::string label_;
  TiffHandle tif_;
};

}  // namespace

Result<OpenedInput> open_tiff(const DecodeInput& input, const Options& options) {
  auto pages = std::make_unique<TiffPages>(input, options);
  auto opened_ok = pages->open();
  if (!opened_ok) return opened_ok.error();
  const int page_count = pages->directory_count();
  auto range = select_pages(page_count, options, input.label);
  if (!range) return range.error();
  return OpenedInput{Format::tiff, page_count, range.value(), std::move(pages)};
}

}  // namespace drawlens::load
