// What the tests of the pipeline's model stages share: a generated drawing of a series no training
// program drew, and a pipeline on the committed models (DRAWLENS_SOURCE_MODELS_DIR).
#pragma once

#include <cstdint>
#include <string>

#include "pipeline/pipeline.h"
#include "synth.h"

namespace drawlens::stage_tests {

inline constexpr std::uint64_t kUnseenSeed = 20261206;

inline synth::Drawing unseen_drawing(int index, int dpi, bool with_pdf = false) {
  synth::DrawingOptions options;
  options.seed = kUnseenSeed;
  options.dpi = dpi;
  options.outputs.pdf = with_pdf;
  return synth::generate_drawing(options, index);
}

// Two workers, the models of the source tree unless `models` names another directory.
inline Result<Pipeline> committed_pipeline(PipelineOptions options,
                                           const std::string& models = DRAWLENS_SOURCE_MODELS_DIR) {
  options.model_directory = models;
  options.threads = 2;
  return Pipeline::create(options);
}

}  // namespace drawlens::stage_tests
