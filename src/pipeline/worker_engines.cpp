// WorkerEngines: lazy creation of each worker's engines.
#include "pipeline/worker_engines.h"

namespace drawlens {

prepare::GpuWorkspace* WorkerEngines::gpu(int cuda_ordinal, std::string& why) {
  if (gpu_) return &*gpu_;
  if (gpu_failed_) return nullptr;
  auto created = prepare::GpuWorkspace::create(cuda_ordinal);
  if (!created) {
    gpu_failed_ = true;
    why = created.error().message;
    return nullptr;
  }
  gpu_.emplace(std::move(created).value());
  return &*gpu_;
}

}  // namespace drawlens
