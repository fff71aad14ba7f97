// Loading the models of the selected stages (pipeline_models.h).
#include "pipeline/pipeline_models.h"

#include <utility>

#include "model/model.h"

namespace drawlens {

Result<PipelineModels> load_pipeline_models(const PipelineOptions& options, int cuda_ordinal, int intra_op_threads) {
  PipelineModels models;
  if (!options.stages.contains(Stage::detect) && !options.stages.contains(Stage::tolerance)) return models;
  auto directory = model::find_models_directory(options.model_directory);
  if (!directory) return directory.error();
  if (options.stages.contains(Stage::tolerance)) {
    auto skin = tolerance::SkinModel::load(directory.value());
    if (!skin) return skin.error();
    models.skin_model.emplace(std::move(skin).value());
  }
  if (!options.stages.contains(Stage::detect)) return models;
  detect::DetectorOptions detector_options;
  detector_options.threads = intra_op_threads;
  detector_options.cuda_device = cuda_ordinal;
  auto detector = detect::Detector::load(directory.value(), detector_options);
  if (!detector && cuda_ordinal >= 0 && detector.error().status == Status::gpu) {
    models.on_cpu_because = detector.error().message;
    detector_options.cuda_device = -1;
    detector = detect::Detector::load(directory.value(), detector_options);
  }
  if (!detector) return detector.error();
  models.detector.emplace(std::move(detector).value());
  return models;
}

}  // namespace drawlens
