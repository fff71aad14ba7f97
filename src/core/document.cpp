// Names of the document enums, as used in JSON output and messages.
#include "core/document.h"

namespace drawlens {

const char* format_name(Format format) {
  switch (format) {
    case Format::png: return "png";
    case Format::jpeg: return "jpeg";
    case Format::tiff: return "tiff";
    case Format::bmp: return "bmp";
    case Format::webp: return "webp";
    case Format::pdf: return "pdf";
    case Format::pixels: return "pixels";
  }
  return "unknown";
}

const char* dpi_source_name(DpiSource source) {
  switch (source) {
    case DpiSource::render: return "render";
    case DpiSource::file: return "file";
    case DpiSource::caller: return "caller";
    case DpiSource::assumed: return "assumed";
  }
  return "unknown";
}

}  // namespace drawlens
