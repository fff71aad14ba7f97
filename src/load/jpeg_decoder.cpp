// Decodes JPEG with libjpeg(-turbo) directly, so that its errors and warnings become values instead
// of the lines ("Corrupt JPEG data: ...") libjpeg's default handlers print to the host's stderr.
#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <vector>

#include <jpeglib.h>

#include "load/decoders.h"

#if !defined(JCS_EXTENSIONS) || !defined(MEM_SRCDST_SUPPORTED)
#error "drawlens decodes JPEG with libjpeg-turbo (JCS_EXT_BGR output and jpeg_mem_src)"
#endif

namespace drawlens::load {
namespace {

// libjpeg hands the callbacks a pointer to `manager`, the first member, to find the rest.
struct JpegMessages {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
  char error[JMSG_LENGTH_MAX];
  char first_warning[JMSG_LENGTH_MAX];
};

JpegMessages& messages_of(j_common_ptr info) {
  return *reinterpret_cast<JpegMessages*>(info->err);
}

[[noreturn]] void store_error_and_jump(j_common_ptr info) {
  JpegMessages& messages = messages_of(info);
  messages.manager.format_message(info, messages.error);
  std::longjmp(messages.jump, 1);
}

// The only way libjpeg's messages reach text: keeps the first warning, never prints.
void store_first_warning(j_common_ptr info) {
  JpegMessages& messages = messages_of(info);
  if (messages.first_warning[0] == '\0') messages.manager.format_message(info, messages.first_warning);
}

// Level -1 is a warning (corrupt data libjpeg worked around); levels >= 0 are trace messages.
void emit_message(j_common_ptr info, int level) {
  if (level >= 0) return;
  store_first_warning(info);
  ++info->err->num_warnings;
}

class JpegDecompress {
 public:
  JpegDecompress() {
    info_.err = jpeg_std_error(&messages_.manager);
    messages_.manager.error_exit = store_error_and_jump;
    messages_.manager.emit_message = emit_message;
    messages_.manager.output_message = store_first_warning;
  }
  // Safe after a failed or skipped jpeg_create_decompress: the struct starts zeroed.
  ~JpegDecompress() { jpeg_destroy_decompress(&info_); }
  JpegDecompress(const JpegDecompress&) = delete;
  JpegDecompress& operator=(const JpegDecompress&) = delete;

  jpeg_decompress_struct& info() { return info_; }
  JpegMessages& messages() { return messages_; }

 private:
  jpeg_decompress_struct info_{};
  JpegMessages messages_{};
};

// CMYK and YCCK (libjpeg converts YCCK to CMYK) are stored inverted by Adobe, the writer of nearly
// all of them; this is OpenCV's conversion of such a row to BGR, kept so that pages stay the same.
void inverted_cmyk_to_bgr(const std::uint8_t* cmyk, std::uint8_t* bgr, int width) {
  for (int x = 0; x < width; ++x, cmyk += 4, bgr += 3) {
    const int k = cmyk[3];
    bgr[0] = static_cast<std::uint8_t>(k - ((255 - cmyk[2]) * k >> 8));
    bgr[1] = static_cast<std::uint8_t>(k - ((255 - cmyk[1]) * k >> 8));
    bgr[2] = static_cast<std::uint8_t>(k - ((255 - cmyk[0]) * k >> 8));
  }
}

// The three functions below hold only trivially destructible locals: libjpeg leaves them by longjmp.

// Reads the header and starts decompression to gray (1 component), BGR (3) or CMYK (4), which is
// what cv::imdecode(IMREAD_UNCHANGED) asks libjpeg for.
bool start(JpegDecompress& jpeg, const std::uint8_t* data, std::size_t size) {
  jpeg_decompress_struct& info = jpeg.info();
  if (setjmp(jpeg.messages().jump)) return false;
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, data, static_cast<unsigned long>(size));
  jpeg_read_header(&info, TRUE);
  info.out_color_space = info.num_components == 1 ? JCS_GRAYSCALE : info.num_components == 4 ? JCS_CMYK : JCS_EXT_BGR;
  jpeg_start_decompress(&info);
  return true;
}

bool read_rows(JpegDecompress& jpeg, cv::Mat& out, std::uint8_t* cmyk_row) {
  jpeg_decompress_struct& info = jpeg.info();
  if (setjmp(jpeg.messages().jump)) return false;
  while (info.output_scanline < info.output_height) {
    const int y = static_cast<int>(info.output_scanline);
    JSAMPROW row = cmyk_row != nullptr ? cmyk_row : out.ptr<std::uint8_t>(y);
    if (jpeg_read_scanlines(&info, &row, 1) != 1) return false;
    if (cmyk_row != nullptr) inverted_cmyk_to_bgr(cmyk_row, out.ptr<std::uint8_t>(y), out.cols);
  }
  return true;
}

// Reads the markers after the last scan; every pixel has arrived, so a failure here only warns.
bool finish(JpegDecompress& jpeg) {
  if (setjmp(jpeg.messages().jump)) return false;
  jpeg_finish_decompress(&jpeg.info());
  return true;
}

}  // namespace

Result<DecodedPixels> decode_jpeg_pixels(const std::uint8_t* data, std::size_t size) {
  JpegDecompress jpeg;
  if (!start(jpeg, data, size)) return make_error(Status::decode, jpeg.messages().error);
  const jpeg_decompress_struct& info = jpeg.info();
  const int components = info.output_components;
  if (components != 1 && components != 3 && components != 4) {
    return make_error(Status::decode, "libjpeg gave " + std::to_string(components) + " components per pixel");
  }
  const int width = static_cast<int>(info.output_width);
  DecodedPixels decoded;
  decoded.image.create(static_cast<int>(info.output_height), width, components == 1 ? CV_8UC1 : CV_8UC3);
  std::vector<std::uint8_t> cmyk_row(components == 4 ? static_cast<std::size_t>(width) * 4 : 0);
  if (!read_rows(jpeg, decoded.image, cmyk_row.empty() ? nullptr : cmyk_row.data())) {
    return make_error(Status::decode,
                      jpeg.messages().error[0] != '\0' ? jpeg.messages().error : "libjpeg stopped before the last row");
  }
  const bool finished = finish(jpeg);
  const JpegMessages& messages = jpeg.messages();
  if (messages.first_warning[0] != '\0') {
    decoded.warning = messages.first_warning;
  } else if (!finished) {
    decoded.warning = messages.error;
  }
  return decoded;
}

}  // namespace drawlens::load
