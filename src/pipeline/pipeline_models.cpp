// Loading the models of the selected stages (pipeline_models.h).
#include "pipeline/pipeline_models.h"

#include <utility>

#include "model/model.h"

namespace drawlens {

namespace {

// Loads a model for the pipeline's device, or for the CPU (saying why) when that device cannot be used.
template <typename Model, typename Options>
Result<Model> load_on_device(const std::string& directory, Options options, int cuda_ordinal,
                             std::string& on_cpu_because) {
  options.cuda_device = cuda_ordinal;
  auto loaded = Model::load(directory, options);
  if (!loaded && cuda_ordinal >= 0 && loaded.error().status == Status::gpu) {
    on_cpu_because = loaded.error().message;
    options.cuda_device = -1;
    loaded = Model::load(directory, options);
  }
  return loaded;
}

}  // namespace

Result<PipelineModels> load_pipeline_models(const PipelineOptions& options, int cuda_ordinal, int intra_op_threads) {
  PipelineModels models;
  const StageSet& stages = options.stages;
  if (!stages.contains(Stage::detect) && !stages.contains(Stage::tolerance) && !stages.contains(Stage::segment))
    return models;
  auto directory = model::find_models_directory(options.model_directory);
  if (!directory) return directory.error();
  if (stages.contains(Stage::tolerance)) {
    auto skin = tolerance::SkinModel::load(directory.value());
    if (!skin) return skin.error();
    models.skin_model.emplace(std::move(skin).value());
  }
  if (stages.contains(Stage::detect)) {
    detect::DetectorOptions detector_options;
    detector_options.threads = intra_op_threads;
    auto detector =
        load_on_device<detect::Detector>(directory.value(), detector_options, cuda_ordinal, models.on_cpu_because);
    if (!detector) return detector.error();
    models.detector.emplace(std::move(detector).value());
  }
  if (stages.contains(Stage::segment)) {
    segment::EdgNetOptions edgnet_options;
    edgnet_options.threads = intra_op_threads;
    auto edgnet =
        load_on_device<segment::EdgNet>(directory.value(), edgnet_options, cuda_ordinal, models.on_cpu_because);
    if (!edgnet) return edgnet.error();
    models.edgnet.emplace(std::move(edgnet).value());
  }
  return models;
}

}  // namespace drawlens
