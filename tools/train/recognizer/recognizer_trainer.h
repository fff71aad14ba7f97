// The recognizer's training loop: a pool of generated-drawing crops filled by a second thread,
// batches mixing them with rendered grammar strings (both degraded), CTC loss, AdamW with warm-up
// and cosine decay, EMA weights, checkpoint and resume, held-out evaluation and the model export.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace drawlens::train {

struct TrainerOptions {
  std::string directory;
  std::uint64_t seed = 1;
  std::int64_t steps = 20000;
  int batch = 32;
  double rendered_share = 0.4;  // of each batch, rendered strings; the rest generated-drawing crops
  double learning_rate = 2e-3;
  int threads = 2;
  std::int64_t eval_every = 500;
  int eval_drawings = 12;
  int eval_rendered = 300;
  int pool_crops = 60000;  // generated-drawing crops kept for sampling
  double max_minutes = 0;  // 0: no limit
  std::string device = "cpu";
  std::string export_path;
  std::string init_path;  // a recognizer .dlmodel whose weights a new run starts from (fine-tuning)
  std::string command;
};

// Writes `count` crops as training draws them (half generated-drawing crops, half rendered, both
// degraded as in training) to directory/NNN.png with directory/labels.tsv, to inspect the data.
void write_training_samples(const TrainerOptions& options, const std::string& directory, int count);

// Returns the process exit status.
int train_recognizer(const TrainerOptions& options);

// The held-out evaluation of training (its sets from options.seed, eval_drawings, eval_rendered)
// for a recognizer .dlmodel file, as JSON: what a committed model scores on the sets of a new run.
nlohmann::json evaluate_model_file(const TrainerOptions& options, const std::string& path);

}  // namespace drawlens::train
