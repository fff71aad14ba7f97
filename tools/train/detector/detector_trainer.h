// The detector's training loop: batches made ahead on a second thread, loss (binary cross-entropy
// plus dice on the kernels, L1 on the reading direction), AdamW with warm-up and cosine decay, EMA,
// checkpoint and resume, held-out evaluation and the model file export.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "detect/detector_network.h"
#include "training_samples.h"

namespace drawlens::train {

struct TrainerOptions {
  std::string directory;
  std::uint64_t seed = 1;
  std::int64_t steps = 20000;
  int drawings_per_step = 2;
  SampleOptions samples;
  // The network's widths for a new run (a resumed run keeps its own, a fine-tune its file's).
  std::optional<detect::NetworkWidths> widths;
  double learning_rate = 2e-3;
  int threads = 1;
  std::int64_t eval_every = 500;
  int eval_drawings = 24;
  double max_minutes = 0;  // 0: no limit
  std::string device = "cpu";
  std::string export_path;
  std::string init_path;  // a detector .dlmodel whose weights a new run starts from (fine-tuning)
  std::string command;    // this run's command line, recorded in the model file
};

// Returns the process exit status.
int train_detector(const TrainerOptions& options);

}  // namespace drawlens::train
