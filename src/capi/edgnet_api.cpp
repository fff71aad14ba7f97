// C entry points of EdgNet on its own: options, creation from the models directory, segmentation
// of caller pixels, the owned list of segments, and the names of the classes and kinds.
#include <memory>
#include <string>

#include "capi/enum_bits.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "capi/segment_view.h"
#include "load/load.h"
#include "model/model.h"
#include "prepare/prepare.h"

namespace {

using drawlens::capi::bad_out_struct;
using drawlens::capi::fail;
using drawlens::capi::guard;
using drawlens::capi::is_null;
using drawlens::capi::out_of_range;
using drawlens::capi::write_out_struct;
using drawlens::capi::zeroed_struct;
namespace segment = drawlens::segment;

drawlens_edgnet_options default_edgnet_options() {
  auto options = zeroed_struct<drawlens_edgnet_options>();
  const segment::EdgNetOptions defaults;
  options.model_directory = nullptr;
  options.threads = defaults.threads;
  options.cuda_device = defaults.cuda_device;
  return options;
}

drawlens_status failed(const char* fn, const drawlens::Error& e) {
  return fail(static_cast<drawlens_status>(e.status), std::string(fn) + ": " + e.message);
}

}  // namespace

extern "C" {

DRAWLENS_API void drawlens_edgnet_options_default_sized(drawlens_edgnet_options* options, size_t size) {
  drawlens::capi::write_defaults(default_edgnet_options(), options, size);
}

DRAWLENS_API drawlens_status drawlens_edgnet_create(const drawlens_edgnet_options* options, drawlens_edgnet** out) {
  return guard("drawlens_edgnet_create", [&] {
    const char* fn = "drawlens_edgnet_create";
    drawlens_status status = DRAWLENS_OK;
    if (is_null(out, fn, "out", status)) return status;
    *out = nullptr;
    drawlens_edgnet_options o = default_edgnet_options();
    if ((status = drawlens::capi::read_in(options, fn, "options", o)) != DRAWLENS_OK) return status;
    segment::EdgNetOptions effective;
    effective.threads = o.threads;
    effective.cuda_device = o.cuda_device;
    auto directory = drawlens::model::find_models_directory(o.model_directory ? o.model_directory : "");
    if (!directory) return failed(fn, directory.error());
    auto edgnet = segment::EdgNet::load(directory.value(), effective);
    if (!edgnet) return failed(fn, edgnet.error());
    *out = std::make_unique<drawlens_edgnet>(drawlens_edgnet{std::move(edgnet).value()}).release();
    return DRAWLENS_OK;
  });
}

DRAWLENS_API void drawlens_edgnet_free(drawlens_edgnet* edgnet) {
  delete edgnet;
}

DRAWLENS_API drawlens_status drawlens_edgnet_segment(const drawlens_edgnet* edgnet, const void* pixels, int width,
                                                     int height, drawlens_pixel_format format, size_t stride,
                                                     double dpi, drawlens_segments** out) {
  return guard("drawlens_edgnet_segment", [&] {
    const char* fn = "drawlens_edgnet_segment";
    drawlens_status status = DRAWLENS_OK;
    if (is_null(out, fn, "out", status)) return status;
    *out = nullptr;
    if (is_null(edgnet, fn, "edgnet", status) || is_null(pixels, fn, "pixels", status)) return status;
    if (!(dpi > 0)) return fail(DRAWLENS_INVALID_ARGUMENT, std::string(fn) + ": dpi must be > 0");
    auto page = drawlens::load::load_pixels(static_cast<const std::uint8_t*>(pixels), width, height,
                                            static_cast<drawlens::load::PixelFormat>(drawlens::capi::bits_of(format)),
                                            stride, dpi, {});
    if (!page) return failed(fn, page.error());
    const drawlens::prepare::PreparedPage prepared =
        drawlens::prepare::prepare_page(page.value().pages.front().gray, dpi);
    std::vector<segment::Segment> found;
    if (!prepared.ink.empty()) {
      auto classified = edgnet->edgnet.segment(prepared.ink, dpi);
      if (!classified) return failed(fn, classified.error());
      found = std::move(classified).value();
    }
    *out = std::make_unique<drawlens_segments>(drawlens_segments{std::move(found)}).release();
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_segments_count(const drawlens_segments* segments, size_t* out) {
  return guard("drawlens_segments_count", [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(segments, "drawlens_segments_count", "segments", status) ||
        is_null(out, "drawlens_segments_count", "out", status))
      return status;
    *out = segments->found.size();
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_segments_get(const drawlens_segments* segments, size_t index,
                                                   drawlens_segment* out) {
  return guard("drawlens_segments_get", [&] {
    const char* fn = "drawlens_segments_get";
    drawlens_status status = DRAWLENS_OK;
    if (is_null(segments, fn, "segments", status) || bad_out_struct(out, fn, status)) return status;
    if (index >= segments->found.size()) return out_of_range(fn, "segment", index, segments->found.size());
    const drawlens_segment view = drawlens::capi::segment_view(segments->found[index]);
    write_out_struct(view, out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API void drawlens_segments_free(drawlens_segments* segments) {
  delete segments;
}

DRAWLENS_API const char* drawlens_line_class_name(drawlens_line_class line_class) {
  const long long c = drawlens::capi::bits_of(line_class);  // any bit pattern a C caller passes
  return c >= 0 && c < drawlens::segment::kClassCount
             ? drawlens::segment::class_name(static_cast<drawlens::segment::LineClass>(c))
             : "unknown";
}

DRAWLENS_API const char* drawlens_primitive_kind_name(drawlens_primitive_kind kind) {
  const long long k = drawlens::capi::bits_of(kind);
  return k >= 0 && k <= 2 ? drawlens::segment::kind_name(static_cast<drawlens::segment::PrimitiveKind>(k)) : "unknown";
}

}  // extern "C"
