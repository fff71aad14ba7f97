// drawlens-train-detector: trains the region detector on generated drawings, on the CPU or CUDA,
// with a cosine learning rate, an exponential moving average of the weights, held-out evaluation,
// checkpoints that a later run resumes, and the .dlmodel export (docs/detector.md).
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "detector_trainer.h"

int main(int argc, char** argv) {
  drawlens::train::TrainerOptions options;
  CLI::App app{"Trains the drawlens detector on generated drawings"};
  app.add_option("--out", options.directory, "checkpoint directory (resumed when it holds a checkpoint)")->required();
  app.add_option("--seed", options.seed, "training drawing series and initialisation seed");
  app.add_option("--steps", options.steps, "total optimiser steps (the cosine schedule's length)")
      ->check(CLI::Range(1, 10000000));
  app.add_option("--drawings-per-step", options.drawings_per_step, "drawings per batch")->check(CLI::Range(1, 64));
  app.add_option("--crops-per-drawing", options.samples.crops_per_drawing, "crops cut from each drawing")
      ->check(CLI::Range(1, 64));
  app.add_option("--crop", options.samples.crop, "crop side at the network's resolution")->check(CLI::Range(128, 1024));
  app.add_option("--lr", options.learning_rate, "peak learning rate (AdamW)")->check(CLI::Range(1e-6, 1.0));
  app.add_option("--threads", options.threads, "LibTorch intra-op threads")->check(CLI::Range(1, 256));
  app.add_option("--eval-every", options.eval_every, "steps between held-out evaluations")
      ->check(CLI::Range(1, 10000000));
  app.add_option("--eval-drawings", options.eval_drawings, "held-out drawings per evaluation")
      ->check(CLI::Range(1, 10000));
  app.add_option("--max-minutes", options.max_minutes, "stop (with a checkpoint) after this wall time")
      ->check(CLI::Range(0.1, 100000.0));
  app.add_option("--device", options.device, "cpu or cuda")->check(CLI::IsMember({"cpu", "cuda"}));
  app.add_option("--export", options.export_path, "write the EMA weights as a .dlmodel file here at each evaluation");
  app.add_option("--init", options.init_path,
                 "start a new run from the weights of this detector .dlmodel (fine-tuning; ignored on resuming)")
      ->check(CLI::ExistingFile);
  std::string widths;
  app.add_option("--widths", widths,
                 "a new run's network widths as JSON, e.g. "
                 "'{\"stem\":16,\"stages\":[32,64,96,128],\"blocks\":[0,2,2,1],\"pyramid\":32}' (the default); "
                 "fields left out keep the default");
  CLI11_PARSE(app, argc, argv);
  if (!widths.empty()) {
    try {
      options.widths = drawlens::detect::NetworkWidths::from_json(nlohmann::json::parse(widths));
    } catch (const std::exception& e) {
      std::cerr << "--widths: " << e.what() << "\n";
      return 2;
    }
  }
  if (options.samples.crop % 32 != 0) {
    std::cerr << "--crop must be a multiple of 32\n";
    return 2;
  }
  for (int i = 0; i < argc; ++i) options.command += (i ? " " : "") + std::string(argv[i]);
  try {
    return drawlens::train::train_detector(options);
  } catch (const std::exception& e) {
    std::cerr << "drawlens-train-detector: " << e.what() << "\n";
    return 1;
  }
}
