// The trained models the pipeline's selected stages use, loaded once by Pipeline::create and shared
// by every worker (a model's calls take turns; each call uses LibTorch's intra-op threads).
#pragma once

#include <optional>
#include <string>

#include "core/status.h"
#include "detect/detect.h"
#include "ocr/ocr.h"
#include "pipeline/pipeline.h"
#include "segment/segment.h"
#include "tolerance/tolerance.h"

namespace drawlens {

struct PipelineModels {
  std::optional<detect::Detector> detector;                // Stage::detect
  std::optional<ocr::Engine> ocr_engine;                   // Stage::read
  std::optional<ocr::SymbolClassifier> symbol_classifier;  // Stage::read: symbols drawn as lines
  std::optional<tolerance::SkinModel> skin_model;          // Stage::tolerance
  std::optional<segment::EdgNet> edgnet;                   // Stage::segment
  // Why a model meant for the pipeline's CUDA device runs on the CPU instead; empty when it does not.
  std::string on_cpu_because;
};

// Loads the model of each stage in options.stages (already resolved: with_needed_stages) from the
// models directory options.model_directory selects.
// cuda_ordinal >= 0 puts them on that device, or on the CPU (saying why) when it cannot be used.
// `intra_op_threads` is LibTorch's thread count for them. MODEL naming the file when one is
// missing, damaged or of another kind.
Result<PipelineModels> load_pipeline_models(const PipelineOptions& options, int cuda_ordinal, int intra_op_threads);

}  // namespace drawlens
