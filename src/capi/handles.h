// What the C ABI's opaque handles hold.
#pragma once

#include <mutex>
#include <string>

#include "pipeline/pipeline.h"

struct drawlens_pipeline {
  drawlens::Pipeline pipeline;
};

struct drawlens_result {
  drawlens::Analysis analysis;
  // The JSON text is made on first request; results are shared across threads, hence the once_flag.
  mutable std::once_flag json_once;
  mutable std::string json;
};
