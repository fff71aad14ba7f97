// drawlens-train-recognizer: trains the text recognizer on generated-drawing crops and rendered
// strings, on the CPU or CUDA, with checkpoints a later run resumes and the .dlmodel export
// (docs/ocr.md).
#include <CLI/CLI.hpp>
#include <iostream>

#include "recognizer_trainer.h"

int main(int argc, char** argv) {
  drawlens::train::TrainerOptions options;
  CLI::App app{"Trains the drawlens text recognizer"};
  app.add_option("--out", options.directory, "checkpoint directory (resumed when it holds a checkpoint)")->required();
  app.add_option("--seed", options.seed, "training series and initialisation seed");
  app.add_option("--steps", options.steps, "total optimiser steps (the cosine schedule's length)")
      ->check(CLI::Range(1, 10000000));
  app.add_option("--batch", options.batch, "crops per step")->check(CLI::Range(1, 1024));
  app.add_option("--rendered-share", options.rendered_share, "share of rendered strings in a batch")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--lr", options.learning_rate, "peak learning rate (AdamW)")->check(CLI::Range(1e-6, 1.0));
  app.add_option("--threads", options.threads, "LibTorch intra-op threads")->check(CLI::Range(1, 256));
  app.add_option("--eval-every", options.eval_every, "steps between held-out evaluations")
      ->check(CLI::Range(1, 10000000));
  app.add_option("--eval-drawings", options.eval_drawings, "held-out generated drawings")->check(CLI::Range(1, 10000));
  app.add_option("--eval-rendered", options.eval_rendered, "held-out rendered strings per typeface group")
      ->check(CLI::Range(1, 100000));
  app.add_option("--pool", options.pool_crops, "generated-drawing crops kept for sampling")
      ->check(CLI::Range(100, 10000000));
  app.add_option("--max-minutes", options.max_minutes, "stop (with a checkpoint) after this wall time")
      ->check(CLI::Range(0.1, 100000.0));
  app.add_option("--device", options.device, "cpu or cuda")->check(CLI::IsMember({"cpu", "cuda"}));
  app.add_option("--export", options.export_path, "write the EMA weights as a .dlmodel file here at each evaluation");
  app.add_option("--init", options.init_path,
                 "start a new run from this recognizer .dlmodel's weights (ignored when resuming)");
  std::string samples, evaluate;
  app.add_option("--evaluate", evaluate,
                 "print the held-out evaluation of this recognizer .dlmodel (sets from --seed) as JSON and exit");
  app.add_option("--samples", samples,
                 "write 64 training crops as they are batched (PNG and labels.tsv) into this directory and exit");
  CLI11_PARSE(app, argc, argv);
  if (!samples.empty()) {
    try {
      drawlens::train::write_training_samples(options, samples, 64);
      return 0;
    } catch (const std::exception& e) {
      std::cerr << "drawlens-train-recognizer: " << e.what() << "\n";
      return 1;
    }
  }
  if (!evaluate.empty()) {
    try {
      std::cout << drawlens::train::evaluate_model_file(options, evaluate).dump(2) << "\n";
      return 0;
    } catch (const std::exception& e) {
      std::cerr << "drawlens-train-recognizer: " << e.what() << "\n";
      return 1;
    }
  }
  for (int i = 0; i < argc; ++i) options.command += (i ? " " : "") + std::string(argv[i]);
  try {
    return drawlens::train::train_recognizer(options);
  } catch (const std::exception& e) {
    std::cerr << "drawlens-train-recognizer: " << e.what() << "\n";
    return 1;
  }
}
