// C entry points of the detector on its own: options, creation from the models directory, detection
// on caller pixels, and the owned list of detections.
#include <memory>
#include <string>

#include "capi/detection_view.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "load/load.h"
#include "model/model.h"

namespace {

using drawlens::capi::bad_out_struct;
using drawlens::capi::fail;
using drawlens::capi::guard;
using drawlens::capi::is_null;
using drawlens::capi::out_of_range;
using drawlens::capi::write_out_struct;
using drawlens::capi::zeroed_struct;
namespace detect = drawlens::detect;

drawlens_detector_options default_detector_options() {
  auto options = zeroed_struct<drawlens_detector_options>();
  const detect::DetectorOptions defaults;
  options.model_directory = nullptr;
  options.threads = defaults.threads;
  options.score_threshold = defaults.score_threshold;
  options.cuda_device = defaults.cuda_device;
  return options;
}

drawlens_status failed(const char* fn, const drawlens::Error& e) {
  return fail(static_cast<drawlens_status>(e.status), std::string(fn) + ": " + e.message);
}

}  // namespace

extern "C" {

DRAWLENS_API void drawlens_detector_options_default_sized(drawlens_detector_options* options, size_t size) {
  drawlens::capi::write_defaults(default_detector_options(), options, size);
}

DRAWLENS_API drawlens_status drawlens_detector_create(const drawlens_detector_options* options,
                                                      drawlens_detector** out) {
  return guard("drawlens_detector_create", [&] {
    const char* fn = "drawlens_detector_create";
    drawlens_status status = DRAWLENS_OK;
    if (is_null(out, fn, "out", status)) return status;
    *out = nullptr;
    drawlens_detector_options o = default_detector_options();
    if ((status = drawlens::capi::read_in(options, fn, "options", o)) != DRAWLENS_OK) return status;
    detect::DetectorOptions effective;
    effective.threads = o.threads;
    effective.score_threshold = o.score_threshold;
    effective.cuda_device = o.cuda_device;
    auto directory = drawlens::model::find_models_directory(o.model_directory ? o.model_directory : "");
    if (!directory) return failed(fn, directory.error());
    auto detector = detect::Detector::load(directory.value(), effective);
    if (!detector) return failed(fn, detector.error());
    *out = std::make_unique<drawlens_detector>(drawlens_detector{std::move(detector).value()}).release();
    return DRAWLENS_OK;
  });
}

DRAWLENS_API void drawlens_detector_free(drawlens_detector* detector) {
  delete detector;
}

DRAWLENS_API const char* drawlens_detection_category_name(drawlens_detection_category category) {
  const auto c = static_cast<int>(category);
  return c >= 0 && c < detect::kCategoryCount ? detect::category_name(static_cast<detect::Category>(c)) : "unknown";
}

DRAWLENS_API drawlens_status drawlens_detector_detect(const drawlens_detector* detector, const void* pixels, int width,
                                                      int height, drawlens_pixel_format format, size_t stride,
                                                      double dpi, drawlens_detections** out) {
  return guard("drawlens_detector_detect", [&] {
    const char* fn = "drawlens_detector_detect";
    drawlens_status status = DRAWLENS_OK;
    if (is_null(out, fn, "out", status)) return status;
    *out = nullptr;
    if (is_null(detector, fn, "detector", status) || is_null(pixels, fn, "pixels", status)) return status;
    if (!(dpi > 0)) return fail(DRAWLENS_INVALID_ARGUMENT, std::string(fn) + ": dpi must be > 0");
    auto page = drawlens::load::load_pixels(static_cast<const std::uint8_t*>(pixels), width, height,
                                            static_cast<drawlens::load::PixelFormat>(format), stride, dpi, {});
    if (!page) return failed(fn, page.error());
    auto found = detector->detector.detect(page.value().pages.front().gray, dpi);
    if (!found) return failed(fn, found.error());
    *out = std::make_unique<drawlens_detections>(drawlens_detections{std::move(found).value()}).release();
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_detections_count(const drawlens_detections* detections, size_t* out) {
  return guard("drawlens_detections_count", [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(detections, "drawlens_detections_count", "detections", status) ||
        is_null(out, "drawlens_detections_count", "out", status))
      return status;
    *out = detections->found.size();
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_detections_get(const drawlens_detections* detections, size_t index,
                                                     drawlens_detection* out) {
  return guard("drawlens_detections_get", [&] {
    const char* fn = "drawlens_detections_get";
    drawlens_status status = DRAWLENS_OK;
    if (is_null(detections, fn, "detections", status) || bad_out_struct(out, fn, status)) return status;
    if (index >= detections->found.size()) return out_of_range(fn, "detection", index, detections->found.size());
    const drawlens_detection view = drawlens::capi::detection_view(detections->found[index]);
    write_out_struct(view, out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API void drawlens_detections_free(drawlens_detections* detections) {
  delete detections;
}

}  // extern "C"
