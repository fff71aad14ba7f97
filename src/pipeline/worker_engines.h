// What one pipeline worker thread keeps between pages and calls: its CUDA workspace for the stages
// placed on the pipeline's device (and, as the model stages land, its model sessions and OCR
// instances). Created on the worker's first page, reused by every later one; a worker slot is
// used by one thread at a time, so engines need no locking.
#pragma once

#include <optional>
#include <string>

#include "core/status.h"
#include "prepare/prepare.h"

namespace drawlens {

class WorkerEngines {
 public:
  // The workspace on `cuda_ordinal`, created on first use. nullptr when it cannot be created: the
  // caller runs on the CPU, and `why` says why (once per worker; empty later).
  prepare::GpuWorkspace* gpu(int cuda_ordinal, std::string& why);

 private:
  std::optional<prepare::GpuWorkspace> gpu_;
  bool gpu_failed_ = false;
};

}  // namespace drawlens
