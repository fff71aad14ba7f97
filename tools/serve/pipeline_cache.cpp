// Pipelines per (process, material), created on first use (pipeline_cache.h).
#include "pipeline_cache.h"

namespace drawlens::serve {
namespace {

// Every process × material pair fits (11 × 7), with room for synonyms; past it the oldest
// entries go (requests holding one keep it alive).
constexpr std::size_t kMostPipelines = 96;

}  // namespace

PipelineCache::PipelineCache(const ServerOptions& options) : options_(options), default_(create("", "", false)) {}

std::shared_ptr<const Pipeline> PipelineCache::create(const std::string& process, const std::string& material,
                                                      bool segment) const {
  Options options;
  options.device(options_.device)
      .model_directory(options_.model_directory)
      .threads(options_.workers)
      .keep_page_images(true)
      .process(process)
      .material(material);
  if (segment) options.stages(DRAWLENS_STAGE_DEFAULT | DRAWLENS_STAGE_SEGMENT);
  return std::make_shared<const Pipeline>(options);
}

std::shared_ptr<const Pipeline> PipelineCache::get(const std::string& process, const std::string& material,
                                                   bool segment) {
  if (process.empty() && material.empty() && !segment) return default_;
  const std::lock_guard lock(mutex_);
  const auto key = std::make_tuple(process, material, segment);
  if (const auto found = pipelines_.find(key); found != pipelines_.end()) return found->second;
  if (pipelines_.size() >= kMostPipelines) pipelines_.erase(pipelines_.begin());
  auto pipeline = create(process, material, segment);
  pipelines_.emplace(key, pipeline);
  return pipeline;
}

std::string PipelineCache::device() const {
  return default_->device();
}

}  // namespace drawlens::serve
