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

// The OCR engine's recognizer on the pipeline's device, or on the CPU (saying why) as load_on_device.
Result<ocr::Engine> load_ocr_engine(const std::string& directory, int cuda_ordinal, int intra_op_threads,
                                    std::string& on_cpu_because) {
  ocr::EngineOptions options;
  options.recognizer.threads = intra_op_threads;
  options.recognizer.cuda_device = cuda_ordinal;
  auto engine = ocr::Engine::create(directory, options);
  if (!engine && cuda_ordinal >= 0 && engine.error().status == Status::gpu) {
    on_cpu_because = engine.error().message;
    options.recognizer.cuda_device = -1;
    engine = ocr::Engine::create(directory, options);
  }
  return engine;
}

}  // namespace

Result<PipelineModels> load_pipeline_models(const PipelineOptions& options, int cuda_ordinal, int intra_op_threads) {
  PipelineModels models;
  const StageSet& stages = options.stages;
  if (!stages.contains(Stage::detect) && !stages.contains(Stage::read) && !stages.contains(Stage::tolerance) &&
      !stages.contains(Stage::segment)) {
    return models;
  }
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
  if (stages.contains(Stage::read)) {
    auto engine = load_ocr_engine(directory.value(), cuda_ordinal, intra_op_threads, models.on_cpu_because);
    if (!engine) return engine.error();
    models.ocr_engine.emplace(std::move(engine).value());
    ocr::RecognizerOptions symbol_options;
    symbol_options.threads = intra_op_threads;
    auto classifier =
        load_on_device<ocr::SymbolClassifier>(directory.value(), symbol_options, cuda_ordinal, models.on_cpu_because);
    if (!classifier) return classifier.error();
    models.symbol_classifier.emplace(std::move(classifier).value());
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
