// EdgNet's training loop: cached generated graphs, weighted cross-entropy, AdamW with a cosine
// schedule, evaluation on held-out drawings each epoch, early stopping on macro F1, checkpoint and
// resume, and the export of the best weights as models/edgnet.dlmodel.
#pragma once

#include <cstdint>
#include <string>

namespace drawlens::train {

struct TrainerOptions {
  std::string directory;  // checkpoints, graph cache, evaluation.json
  std::uint64_t seed = 19;
  int drawings = 120;      // training drawings (series `seed`)
  int eval_drawings = 24;  // held-out drawings (series seed + 1000003)
  int epochs = 30;
  int patience = 5;  // epochs without a better held-out macro F1 before stopping
  double learning_rate = 3e-3;
  int hidden = 64;
  int layers = 5;
  int threads = 2;
  double max_minutes = 0;  // 0: no limit; otherwise stop (with a checkpoint) after an epoch past it
  std::string device = "cpu";
  std::string export_path;  // the best weights as a .dlmodel file
  std::string command;
};

// Returns the process exit status.
int train_edgnet(const TrainerOptions& options);

}  // namespace drawlens::train
