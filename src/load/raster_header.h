// Reads a raster file's size and resolution from its header, so limits are checked before decoding,
// and tells whether the file ends where its format says it must.
#pragma once

#include <cstddef>
#include <cstdint>

#include "core/document.h"
#include "core/status.h"

namespace drawlens::load {

struct RasterHeader {
  int width = 0;
  int height = 0;
  double dpi = 0;  // 0 when the file states no resolution
};

// For PNG, JPEG, BMP and WebP. The error is truncated when the header itself is cut off, decode
// when it is malformed; the message is completed by the caller.
Result<RasterHeader> read_raster_header(Format format, const std::uint8_t* data, std::size_t size);

// For BMP, which OpenCV decodes: refuses a file whose colour table, pixel rows or run-length codes
// would make OpenCV read past its end, which it reports by printing to stderr. The message continues
// the input's name, e.g. " is truncated: ..." or ": BMP compression type 4 is not supported".
Result<bool> check_bmp_layout(const std::uint8_t* data, std::size_t size);

// True when a PNG lacks its IEND chunk or a JPEG its end-of-image marker.
bool is_truncated(Format format, const std::uint8_t* data, std::size_t size);

}  // namespace drawlens::load
