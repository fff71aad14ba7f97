// C entry points that create pipelines and run analyses, translating drawlens_options into
// PipelineOptions.
#include <cstring>
#include <memory>

#include "capi/guard.h"
#include "capi/handles.h"
#include "core/progress.h"

namespace {

using drawlens::capi::fail;
using drawlens::capi::guard;
using drawlens::capi::is_null;

// The stages a host can ask for by bit. A value with every bit this library does not know set
// (DRAWLENS_STAGE_ALL, DRAWLENS_STAGE_DEFAULT) asks for every stage of the library it runs against
// whose bit is set or unknown to the host, so stages added after the host was built run too.
struct StageBit {
  unsigned int bit;
  drawlens::Stage stage;
};
constexpr StageBit kStageBits[] = {
    {DRAWLENS_STAGE_LAYOUT, drawlens::Stage::layout},   {DRAWLENS_STAGE_ANNOTATE, drawlens::Stage::annotate},
    {DRAWLENS_STAGE_DETECT, drawlens::Stage::detect},   {DRAWLENS_STAGE_TOLERANCE, drawlens::Stage::tolerance},
    {DRAWLENS_STAGE_SEGMENT, drawlens::Stage::segment}, {DRAWLENS_STAGE_READ, drawlens::Stage::read},
};

unsigned int known_stage_bits() {
  unsigned int bits = 0;
  for (const StageBit& b : kStageBits) bits |= b.bit;
  return bits;
}

bool asks_for_later_stages(unsigned int bits) {
  return (bits | known_stage_bits()) == DRAWLENS_STAGE_ALL;
}

drawlens::StageSet to_stage_set(unsigned int bits) {
  drawlens::StageSet stages = asks_for_later_stages(bits) ? drawlens::StageSet::all() : drawlens::StageSet();
  for (const StageBit& b : kStageBits) {
    stages = (bits & b.bit) != 0 ? stages.with(b.stage) : stages.without(b.stage);
  }
  return stages;
}

drawlens::PipelineOptions to_pipeline_options(const drawlens_options& o) {
  drawlens::PipelineOptions p;
  p.device = o.device != nullptr ? o.device : "auto";
  p.load.pdf_dpi = o.pdf_dpi;
  p.load.assumed_dpi = o.assumed_dpi;
  p.load.first_page = o.first_page;
  p.load.last_page = o.last_page;
  p.load.limits.max_megapixels = o.max_megapixels;
  p.load.limits.max_pages = o.max_pages;
  p.load.limits.max_file_bytes = o.max_file_bytes;
  p.stages = to_stage_set(o.stages);
  p.keep_page_images = o.keep_page_images != 0;
  p.threads = o.threads;
  p.model_directory = o.model_directory != nullptr ? o.model_directory : "";
  // check_options has accepted the names.
  if (o.process != nullptr) p.process = drawlens::tolerance::parse_process(o.process).value();
  if (o.material != nullptr) p.material = drawlens::tolerance::parse_material(o.material).value();
  return p;
}

drawlens_options default_options() {
  auto options = drawlens::capi::zeroed_struct<drawlens_options>();
  const drawlens::PipelineOptions defaults;
  options.device = "auto";
  options.pdf_dpi = static_cast<int>(defaults.load.pdf_dpi);
  options.assumed_dpi = static_cast<int>(defaults.load.assumed_dpi);
  options.first_page = defaults.load.first_page;
  options.last_page = defaults.load.last_page;
  options.threads = defaults.threads;
  options.max_megapixels = defaults.load.limits.max_megapixels;
  options.max_pages = defaults.load.limits.max_pages;
  options.max_file_bytes = defaults.load.limits.max_file_bytes;
  options.stages = DRAWLENS_STAGE_DEFAULT;
  options.keep_page_images = defaults.keep_page_images ? 1 : 0;
  options.model_directory = nullptr;
  options.process = nullptr;
  options.material = nullptr;
  return options;
}

drawlens_run_options default_run_options() {
  return drawlens::capi::zeroed_struct<drawlens_run_options>();
}

drawlens_status check_options(const drawlens_options& o) {
  const char* fn = "drawlens_pipeline_create";
  if (!asks_for_later_stages(o.stages) && (o.stages & ~known_stage_bits()) != 0) {
    return fail(DRAWLENS_INVALID_ARGUMENT, std::string(fn) + ": invalid option: stages has bits this drawlens " +
                                               DRAWLENS_VERSION_STRING + " does not know");
  }
  if (o.keep_page_images != 0 && o.keep_page_images != 1) {
    return fail(DRAWLENS_INVALID_ARGUMENT, std::string(fn) + ": invalid option: keep_page_images must be 0 or 1");
  }
  if (o.process != nullptr) {
    if (auto process = drawlens::tolerance::parse_process(o.process); !process) {
      return fail(DRAWLENS_INVALID_ARGUMENT, std::string(fn) + ": invalid option: " + process.error().message);
    }
  }
  if (o.material != nullptr) {
    if (auto material = drawlens::tolerance::parse_material(o.material); !material) {
      return fail(DRAWLENS_INVALID_ARGUMENT, std::string(fn) + ": invalid option: " + material.error().message);
    }
  }
  return DRAWLENS_OK;
}

drawlens_status finish(drawlens::Result<drawlens::Analysis> analysis, drawlens_result** out) {
  if (!analysis) return fail(analysis.error());
  auto result = std::make_unique<drawlens_result>();
  result->analysis = std::move(analysis).value();
  *out = result.release();
  return DRAWLENS_OK;
}

// The host's progress callback, for the duration of one call.
struct HostProgress {
  void (*callback)(const drawlens_progress*, void*) = nullptr;
  void* user_data = nullptr;

  static void relay(const drawlens::ProgressStep& step, void* self) {
    const auto* host = static_cast<const HostProgress*>(self);
    drawlens_progress progress = drawlens::capi::zeroed_struct<drawlens_progress>();
    progress.stage = step.stage;
    progress.page = step.page;
    progress.page_count = step.page_count;
    progress.steps_done = step.steps_done;
    progress.steps_total = step.steps_total;
    host->callback(&progress, host->user_data);
  }
};

// What the run options ask of one call: when to stop, and whom to tell how far it got.
struct RunControl {
  drawlens::StopToken stop;
  HostProgress host_progress;
  drawlens::ProgressReporter progress() {
    if (host_progress.callback == nullptr) return {};
    return {&HostProgress::relay, &host_progress};
  }
};

// The run options as a RunControl, or a status when they are malformed. The deadline counts from now.
drawlens_status read_run_options(const drawlens_run_options* run, const char* fn, RunControl& control) {
  if (run == nullptr) return DRAWLENS_OK;
  drawlens_run_options effective = default_run_options();
  const drawlens_status status = drawlens::capi::read_in(run, fn, "run", effective);
  if (status != DRAWLENS_OK) return status;
  run = &effective;
  if (!(run->timeout_ms >= 0)) {
    return fail(DRAWLENS_INVALID_ARGUMENT,
                std::string(fn) + ": invalid run option: timeout_ms must be >= 0 (0 = none)");
  }
  control.stop = drawlens::StopToken::after(run->timeout_ms, run->cancel, run->user_data);
  control.host_progress = {run->progress, run->progress_user_data};
  return DRAWLENS_OK;
}

// Checks the arguments every analysis shares, clearing *out first.
drawlens_status check_analysis_call(const drawlens_pipeline* pipeline, drawlens_result** out, const char* fn) {
  drawlens_status status = DRAWLENS_OK;
  if (is_null(out, fn, "out", status)) return status;
  *out = nullptr;
  is_null(pipeline, fn, "pipeline", status);
  return status;
}

drawlens_status analyze_file(const drawlens_pipeline* pipeline, const char* path, const drawlens_run_options* run,
                             drawlens_result** out, const char* fn) {
  return guard(fn, [&] {
    drawlens_status status = check_analysis_call(pipeline, out, fn);
    if (status != DRAWLENS_OK || is_null(path, fn, "path", status)) return status;
    RunControl control;
    if ((status = read_run_options(run, fn, control)) != DRAWLENS_OK) return status;
    return finish(pipeline->pipeline.analyze_file(path, control.stop, control.progress()), out);
  });
}

drawlens_status analyze_memory(const drawlens_pipeline* pipeline, const void* data, size_t size,
                               const drawlens_run_options* run, drawlens_result** out, const char* fn) {
  return guard(fn, [&] {
    drawlens_status status = check_analysis_call(pipeline, out, fn);
    if (status != DRAWLENS_OK || (size > 0 && is_null(data, fn, "data", status))) return status;
    RunControl control;
    if ((status = read_run_options(run, fn, control)) != DRAWLENS_OK) return status;
    return finish(pipeline->pipeline.analyze_memory(static_cast<const std::uint8_t*>(data), size, control.stop,
                                                    control.progress()),
                  out);
  });
}

struct PixelInput {
  const void* pixels;
  int width, height;
  drawlens_pixel_format format;
  size_t stride;
  double dpi;
};

drawlens_status analyze_pixels(const drawlens_pipeline* pipeline, const PixelInput& in, const drawlens_run_options* run,
                               drawlens_result** out, const char* fn) {
  return guard(fn, [&] {
    drawlens_status status = check_analysis_call(pipeline, out, fn);
    if (status != DRAWLENS_OK || is_null(in.pixels, fn, "pixels", status)) return status;
    RunControl control;
    if ((status = read_run_options(run, fn, control)) != DRAWLENS_OK) return status;
    return finish(pipeline->pipeline.analyze_pixels(static_cast<const std::uint8_t*>(in.pixels), in.width, in.height,
                                                    static_cast<drawlens::load::PixelFormat>(in.format), in.stride,
                                                    in.dpi, control.stop, control.progress()),
                  out);
  });
}

}  // namespace

extern "C" {

DRAWLENS_API void drawlens_options_default_sized(drawlens_options* options, size_t size) {
  drawlens::capi::write_defaults(default_options(), options, size);
}

DRAWLENS_API void(drawlens_options_default)(drawlens_options* options) {
  drawlens::capi::write_defaults(default_options(), options, drawlens::capi::FirstPublished<drawlens_options>::size);
}

DRAWLENS_API drawlens_status drawlens_pipeline_create(const drawlens_options* options, drawlens_pipeline** out) {
  return guard("drawlens_pipeline_create", [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(out, "drawlens_pipeline_create", "out", status)) return status;
    *out = nullptr;
    drawlens_options effective = default_options();
    if ((status = drawlens::capi::read_in(options, "drawlens_pipeline_create", "options", effective)) != DRAWLENS_OK ||
        (status = check_options(effective)) != DRAWLENS_OK)
      return status;
    auto pipeline = drawlens::Pipeline::create(to_pipeline_options(effective));
    if (!pipeline) {
      const auto& e = pipeline.error();
      return fail(static_cast<drawlens_status>(e.status), "drawlens_pipeline_create: " + e.message);
    }
    *out = std::make_unique<drawlens_pipeline>(drawlens_pipeline{std::move(pipeline).value()}).release();
    return DRAWLENS_OK;
  });
}

DRAWLENS_API void drawlens_pipeline_free(drawlens_pipeline* pipeline) {
  delete pipeline;
}

DRAWLENS_API const char* drawlens_pipeline_device(const drawlens_pipeline* pipeline) {
  return pipeline != nullptr ? pipeline->pipeline.device().c_str() : "";
}

DRAWLENS_API void drawlens_run_options_default_sized(drawlens_run_options* run, size_t size) {
  drawlens::capi::write_defaults(default_run_options(), run, size);
}

DRAWLENS_API void(drawlens_run_options_default)(drawlens_run_options* run) {
  drawlens::capi::write_defaults(default_run_options(), run,
                                 drawlens::capi::FirstPublished<drawlens_run_options>::size);
}

DRAWLENS_API drawlens_status drawlens_analyze_file_v2(const drawlens_pipeline* pipeline, const char* path,
                                                      const drawlens_run_options* run, drawlens_result** out) {
  return analyze_file(pipeline, path, run, out, "drawlens_analyze_file_v2");
}

DRAWLENS_API drawlens_status drawlens_analyze_file(const drawlens_pipeline* pipeline, const char* path,
                                                   drawlens_result** out) {
  return analyze_file(pipeline, path, nullptr, out, "drawlens_analyze_file");
}

DRAWLENS_API drawlens_status drawlens_analyze_memory_v2(const drawlens_pipeline* pipeline, const void* data,
                                                        size_t size, const drawlens_run_options* run,
                                                        drawlens_result** out) {
  return analyze_memory(pipeline, data, size, run, out, "drawlens_analyze_memory_v2");
}

DRAWLENS_API drawlens_status drawlens_analyze_memory(const drawlens_pipeline* pipeline, const void* data, size_t size,
                                                     drawlens_result** out) {
  return analyze_memory(pipeline, data, size, nullptr, out, "drawlens_analyze_memory");
}

DRAWLENS_API drawlens_status drawlens_analyze_pixels_v2(const drawlens_pipeline* pipeline, const void* pixels,
                                                        int width, int height, drawlens_pixel_format format,
                                                        size_t stride, double dpi, const drawlens_run_options* run,
                                                        drawlens_result** out) {
  return analyze_pixels(pipeline, PixelInput{pixels, width, height, format, stride, dpi}, run, out,
                        "drawlens_analyze_pixels_v2");
}

DRAWLENS_API drawlens_status drawlens_analyze_pixels(const drawlens_pipeline* pipeline, const void* pixels, int width,
                                                     int height, drawlens_pixel_format format, size_t stride,
                                                     double dpi, drawlens_result** out) {
  return analyze_pixels(pipeline, PixelInput{pixels, width, height, format, stride, dpi}, nullptr, out,
                        "drawlens_analyze_pixels");
}

DRAWLENS_API void drawlens_result_free(drawlens_result* result) {
  delete result;
}

}  // extern "C"
