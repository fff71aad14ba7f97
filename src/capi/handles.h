// What the C ABI's opaque handles hold.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "capi/parse_views.h"
#include "detect/detect.h"
#include "gpu/gpu.h"
#include "ocr/ocr.h"
#include "pipeline/pipeline.h"
#include "segment/segment.h"
#include "tolerance/tolerance.h"

struct drawlens_pipeline {
  drawlens::Pipeline pipeline;
};

struct drawlens_result {
  drawlens::Analysis analysis;
  // The JSON text is made on first request; results are shared across threads, hence the once_flag.
  mutable std::once_flag json_once;
  mutable std::string json;
  // C views of each page's annotations and detections, made on first request.
  struct PageViews {
    std::vector<drawlens_dimension> dimensions;
    std::vector<drawlens_gdt_frame> gdt_frames;
    std::vector<drawlens_title_field> title_fields;
    std::vector<drawlens_surface_finish> surface_finishes;
    std::vector<drawlens_note> notes;
    std::vector<drawlens_datum_feature> datum_features;
    std::vector<drawlens_detection> detections;
    std::vector<drawlens_tolerance_analysis> tolerances;
    std::vector<drawlens_segment> segments;
    drawlens_general_tolerance general_tolerance;  // found = 0 when the page states none
  };
  mutable std::once_flag views_once;
  mutable std::vector<PageViews> views;
  mutable drawlens::capi::ViewStrings view_strings;
};

struct drawlens_gpu_probe {
  drawlens::gpu::GpuReport report;
  std::string json;  // made at creation; the probe never changes afterwards
};

struct drawlens_detector {
  drawlens::detect::Detector detector;
};

struct drawlens_detections {
  std::vector<drawlens::detect::Detection> found;
};

struct drawlens_edgnet {
  drawlens::segment::EdgNet edgnet;
};

struct drawlens_segments {
  std::vector<drawlens::segment::Segment> found;
};

struct drawlens_ocr_engine {
  drawlens::ocr::Engine engine;
};

struct drawlens_reading {
  drawlens::ocr::Reading reading;
};

struct drawlens_skin_model {
  drawlens::tolerance::SkinModel model;
};

struct drawlens_tolerance_report {
  std::vector<drawlens_tolerance_analysis> views;
  drawlens::capi::ViewStrings strings;  // the views' strings
  std::string json;                     // made at creation; the report never changes afterwards
};
