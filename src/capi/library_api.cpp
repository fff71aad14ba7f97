// Library-wide C entry points: status names, errors, versions, build information, drawlens_free.
#include <cstdlib>
#include <string>

#include <poppler-version.h>
#include <nlohmann/json.hpp>
#include <opencv2/core/version.hpp>

#include "annotate/annotate.h"
#include "capi/guard.h"
#include "gpu/gpu.h"

namespace drawlens::capi {
namespace {
thread_local std::string last_error;
}  // namespace

void set_last_error(const std::string& message) {
  last_error = message;
}
void clear_last_error() {
  last_error.clear();
}

}  // namespace drawlens::capi

namespace {

std::string make_build_info() {
  const drawlens::gpu::CudaInventory cuda = drawlens::gpu::query_cuda_devices();
  nlohmann::json devices = nlohmann::json::array();
  for (const auto& d : cuda.devices) {
    devices.push_back({{"ordinal", d.ordinal},
                       {"name", d.name},
                       {"compute_capability", std::to_string(d.compute_major) + "." + std::to_string(d.compute_minor)},
                       {"multiprocessors", d.multiprocessors},
                       {"total_memory_bytes", d.total_memory_bytes}});
  }
  nlohmann::json software = nlohmann::json::array();
  for (const auto& c : drawlens::gpu::software_components(cuda.built_with_cuda)) {
    software.push_back({{"name", c.name}, {"version", c.version}, {"linked", c.linked}, {"note", c.note}});
  }
  nlohmann::json info = {
      {"drawlens", DRAWLENS_VERSION_STRING},
      {"compiler", __VERSION__},
      {"opencv", CV_VERSION},
      {"poppler", poppler::version_string()},
      {"cuda",
       {{"built_with_cuda", cuda.built_with_cuda},
        {"runtime_version", cuda.runtime_version},
        {"driver_version", cuda.driver_version},
        {"devices", devices},
        {"reason", cuda.reason}}},
      {"software", software},
  };
  return info.dump();
}

}  // namespace

extern "C" {

DRAWLENS_API const char* drawlens_status_name(drawlens_status status) {
  switch (status) {
    case DRAWLENS_OK: return "DRAWLENS_OK";
    case DRAWLENS_INVALID_ARGUMENT: return "DRAWLENS_INVALID_ARGUMENT";
    case DRAWLENS_IO: return "DRAWLENS_IO";
    case DRAWLENS_DECODE: return "DRAWLENS_DECODE";
    case DRAWLENS_UNSUPPORTED_FORMAT: return "DRAWLENS_UNSUPPORTED_FORMAT";
    case DRAWLENS_LIMIT_EXCEEDED: return "DRAWLENS_LIMIT_EXCEEDED";
    case DRAWLENS_MODEL: return "DRAWLENS_MODEL";
    case DRAWLENS_GPU: return "DRAWLENS_GPU";
    case DRAWLENS_OUT_OF_MEMORY: return "DRAWLENS_OUT_OF_MEMORY";
    case DRAWLENS_CANCELLED: return "DRAWLENS_CANCELLED";
    case DRAWLENS_PARSE: return "DRAWLENS_PARSE";
    case DRAWLENS_ABI_MISMATCH: return "DRAWLENS_ABI_MISMATCH";
    case DRAWLENS_EMPTY_INPUT: return "DRAWLENS_EMPTY_INPUT";
    case DRAWLENS_TRUNCATED: return "DRAWLENS_TRUNCATED";
    case DRAWLENS_ENCRYPTED: return "DRAWLENS_ENCRYPTED";
    case DRAWLENS_NO_PAGES: return "DRAWLENS_NO_PAGES";
    case DRAWLENS_INTERNAL: return "DRAWLENS_INTERNAL";
  }
  return "DRAWLENS_UNKNOWN_STATUS";
}

DRAWLENS_API drawlens_category drawlens_status_category(drawlens_status status) {
  switch (status) {
    case DRAWLENS_OK: return DRAWLENS_CATEGORY_OK;
    case DRAWLENS_INVALID_ARGUMENT:
    case DRAWLENS_ABI_MISMATCH: return DRAWLENS_CATEGORY_CALLER;
    case DRAWLENS_DECODE:
    case DRAWLENS_UNSUPPORTED_FORMAT:
    case DRAWLENS_PARSE:
    case DRAWLENS_EMPTY_INPUT:
    case DRAWLENS_TRUNCATED:
    case DRAWLENS_ENCRYPTED:
    case DRAWLENS_NO_PAGES: return DRAWLENS_CATEGORY_INPUT;
    case DRAWLENS_LIMIT_EXCEEDED: return DRAWLENS_CATEGORY_LIMIT;
    case DRAWLENS_IO:
    case DRAWLENS_MODEL:
    case DRAWLENS_GPU: return DRAWLENS_CATEGORY_ENVIRONMENT;
    case DRAWLENS_OUT_OF_MEMORY: return DRAWLENS_CATEGORY_RESOURCE;
    case DRAWLENS_CANCELLED: return DRAWLENS_CATEGORY_CANCELLED;
    case DRAWLENS_INTERNAL: return DRAWLENS_CATEGORY_INTERNAL;
  }
  return DRAWLENS_CATEGORY_INTERNAL;
}

DRAWLENS_API const char* drawlens_category_name(drawlens_category category) {
  switch (category) {
    case DRAWLENS_CATEGORY_OK: return "ok";
    case DRAWLENS_CATEGORY_CALLER: return "caller";
    case DRAWLENS_CATEGORY_INPUT: return "input";
    case DRAWLENS_CATEGORY_LIMIT: return "limit";
    case DRAWLENS_CATEGORY_ENVIRONMENT: return "environment";
    case DRAWLENS_CATEGORY_RESOURCE: return "resource";
    case DRAWLENS_CATEGORY_CANCELLED: return "cancelled";
    case DRAWLENS_CATEGORY_INTERNAL: return "internal";
  }
  return "unknown";
}

DRAWLENS_API const char* drawlens_source_name(drawlens_source source) {
  switch (source) {
    // Pinned equal to annotate::TextSource (enum_pins.cpp), whose names the JSON uses too.
    case DRAWLENS_SOURCE_TEXT_LAYER:
    case DRAWLENS_SOURCE_RECOGNIZER:
    case DRAWLENS_SOURCE_TESSERACT:
      return drawlens::annotate::source_name(static_cast<drawlens::annotate::TextSource>(source));
    case DRAWLENS_SOURCE_CALLER: return "caller";  // text handed to drawlens_parse_*; no internal twin
    case DRAWLENS_SOURCE_MAX_ENUM: break;
  }
  return "unknown";
}

DRAWLENS_API const char* drawlens_last_error(void) {
  return drawlens::capi::last_error.c_str();
}

DRAWLENS_API const char* drawlens_version(void) {
  return DRAWLENS_VERSION_STRING;
}

DRAWLENS_API const char* drawlens_build_info(void) {
  // Built once; if that throws (out of memory), answer with what is certain rather than throw.
  try {
    static const std::string info = make_build_info();
    return info.c_str();
  } catch (...) {
    return "{\"drawlens\":\"" DRAWLENS_VERSION_STRING "\"}";
  }
}

DRAWLENS_API void drawlens_free(void* memory) {
  std::free(memory);
}

}  // extern "C"
