// Decodes PNG with libpng directly, so that its errors and warnings become values instead of the
// "libpng error: ..." lines libpng's default handlers print to the host's stderr.
#include <png.h>

#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "load/decoders.h"

namespace drawlens::load {
namespace {

// What the callbacks share; plain data only, because libpng longjmps over the frames that fill it.
struct PngSource {
  const std::uint8_t* data = nullptr;
  std::size_t size = 0;
  std::size_t pos = 0;
  char error[256] = {};
};

void read_from_memory(png_structp png, png_bytep out, png_size_t count) {
  auto* source = static_cast<PngSource*>(png_get_io_ptr(png));
  if (count > source->size - source->pos) png_error(png, "the file ends inside the image data");
  std::memcpy(out, source->data + source->pos, count);
  source->pos += count;
}

[[noreturn]] void store_error(png_structp png, png_const_charp message) {
  auto* source = static_cast<PngSource*>(png_get_error_ptr(png));
  std::snprintf(source->error, sizeof source->error, "%s", message);
  png_longjmp(png, 1);
}

// libpng's warnings (and its "benign" errors, warnings when reading) concern ancillary chunks
// (colour profiles, text, extra data after the image), never the pixels, so they are dropped.
void drop_warning(png_structp, png_const_charp) {}

class PngReadStruct {
 public:
  explicit PngReadStruct(PngSource& source)
      : png_(png_create_read_struct(PNG_LIBPNG_VER_STRING, &source, store_error, drop_warning)),
        info_(png_ ? png_create_info_struct(png_) : nullptr) {
    if (png_) png_set_read_fn(png_, &source, read_from_memory);
  }
  ~PngReadStruct() { png_destroy_read_struct(&png_, info_ ? &info_ : nullptr, nullptr); }
  PngReadStruct(const PngReadStruct&) = delete;
  PngReadStruct& operator=(const PngReadStruct&) = delete;

  bool created() const { return png_ != nullptr && info_ != nullptr; }
  png_structp png() const { return png_; }
  png_infop info() const { return info_; }

 private:
  png_structp png_;
  png_infop info_;
};

struct PngLayout {
  png_uint_32 width = 0;
  png_uint_32 height = 0;
  int channels = 0;
  int bit_depth = 0;
  png_size_t row_bytes = 0;
};

// Asks libpng for what cv::imdecode(IMREAD_UNCHANGED) gives, at 8 bits: gray stays gray (a tRNS
// colour is ignored), gray+alpha stays two channels, palette and RGB become BGR, or BGRA when
// tRNS gives them transparency; 16-bit samples are scaled to 8 with rounding, as to_gray8 does.
void request_layout(png_structp png, png_infop info) {
  const int color_type = png_get_color_type(png, info);
  const int bit_depth = png_get_bit_depth(png, info);
  const bool color = (color_type & PNG_COLOR_MASK_COLOR) != 0;
  if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (color && png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
  if (!color && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (bit_depth == 16) png_set_scale_16(png);
  if (color) png_set_bgr(png);
  png_set_interlace_handling(png);
}

// The two functions below hold only trivially destructible locals: libpng leaves them by longjmp.
bool read_layout(const PngReadStruct& reader, PngLayout& layout) {
  if (setjmp(png_jmpbuf(reader.png()))) return false;
  png_read_info(reader.png(), reader.info());
  request_layout(reader.png(), reader.info());
  png_read_update_info(reader.png(), reader.info());
  layout.width = png_get_image_width(reader.png(), reader.info());
  layout.height = png_get_image_height(reader.png(), reader.info());
  layout.channels = png_get_channels(reader.png(), reader.info());
  layout.bit_depth = png_get_bit_depth(reader.png(), reader.info());
  layout.row_bytes = png_get_rowbytes(reader.png(), reader.info());
  return true;
}

bool read_rows(const PngReadStruct& reader, png_bytepp rows) {
  if (setjmp(png_jmpbuf(reader.png()))) return false;
  png_read_image(reader.png(), rows);
  png_read_end(reader.png(), nullptr);  // checks the chunks after the image data, as OpenCV does
  return true;
}

}  // namespace

Result<DecodedPixels> decode_png_pixels(const std::uint8_t* data, std::size_t size) {
  PngSource source;
  source.data = data;
  source.size = size;
  PngReadStruct reader(source);
  if (!reader.created()) return make_error(Status::out_of_memory, "libpng could not allocate its decoder");
  PngLayout layout;
  if (!read_layout(reader, layout)) return make_error(Status::decode, source.error);
  if (layout.width > INT32_MAX || layout.height > INT32_MAX || layout.channels < 1 || layout.channels > 4 ||
      layout.bit_depth != 8 || layout.row_bytes != static_cast<png_size_t>(layout.width) * layout.channels) {
    return make_error(Status::decode, "libpng reported an unusable image layout");
  }

  DecodedPixels decoded;
  decoded.image.create(static_cast<int>(layout.height), static_cast<int>(layout.width), CV_8UC(layout.channels));
  std::vector<png_bytep> rows(layout.height);
  for (png_uint_32 y = 0; y < layout.height; ++y) rows[y] = decoded.image.ptr<png_byte>(static_cast<int>(y));
  if (!read_rows(reader, rows.data())) return make_error(Status::decode, source.error);
  return decoded;
}

}  // namespace drawlens::load
