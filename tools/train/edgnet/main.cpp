// drawlens-train-edgnet: trains the linework classifier on generated drawings, on the CPU or CUDA,
// with checkpoints a later run resumes and the .dlmodel export (docs/segment.md).
#include <CLI/CLI.hpp>
#include <iostream>

#include "edgnet_trainer.h"
#include "page_scoring.h"

int main(int argc, char** argv) {
  drawlens::train::TrainerOptions options;
  CLI::App app{"Trains drawlens's EdgNet (linework classes)"};
  app.add_option("--out", options.directory,
                 "checkpoint and graph-cache directory (resumed when it holds a checkpoint)");
  app.add_option("--seed", options.seed, "drawing series and initialisation seed");
  app.add_option("--drawings", options.drawings, "training drawings")->check(CLI::Range(1, 100000));
  app.add_option("--eval-drawings", options.eval_drawings, "held-out drawings")->check(CLI::Range(1, 10000));
  app.add_option("--epochs", options.epochs, "epochs (the cosine schedule's length)")->check(CLI::Range(1, 10000));
  app.add_option("--patience", options.patience, "epochs without improvement before stopping")
      ->check(CLI::Range(1, 10000));
  app.add_option("--lr", options.learning_rate, "peak learning rate (AdamW)")->check(CLI::Range(1e-6, 1.0));
  app.add_option("--hidden", options.hidden, "hidden width")->check(CLI::Range(4, 1024));
  app.add_option("--layers", options.layers, "GraphSAGE layers")->check(CLI::Range(1, 16));
  app.add_option("--threads", options.threads, "LibTorch and generation threads")->check(CLI::Range(1, 256));
  app.add_option("--max-minutes", options.max_minutes, "stop (with a checkpoint) after the epoch that passes this")
      ->check(CLI::Range(0.1, 100000.0));
  app.add_option("--device", options.device, "cpu or cuda")->check(CLI::IsMember({"cpu", "cuda"}));
  app.add_option("--export", options.export_path, "write the best weights as a .dlmodel file here");
  std::string score_directory, score_model;
  double score_dpi = 300;
  app.add_option("--score", score_directory,
                 "instead of training, score --model on every NAME.png + NAME.mask.png of this directory and exit");
  app.add_option("--model", score_model, "the .dlmodel file --score uses");
  app.add_option("--dpi", score_dpi, "the resolution of the pages --score reads")->check(CLI::Range(25.0, 2400.0));
  app.callback([&] {
    if (score_directory.empty() && options.directory.empty()) throw CLI::RequiredError("--out");
    if (!score_directory.empty() && score_model.empty()) throw CLI::RequiredError("--model (with --score)");
  });
  CLI11_PARSE(app, argc, argv);
  if (!score_directory.empty()) {
    try {
      return drawlens::train::score_pages(score_directory, score_model, score_dpi, options.threads);
    } catch (const std::exception& e) {
      std::cerr << "drawlens-train-edgnet: " << e.what() << "\n";
      return 1;
    }
  }
  for (int i = 0; i < argc; ++i) options.command += (i ? " " : "") + std::string(argv[i]);
  try {
    return drawlens::train::train_edgnet(options);
  } catch (const std::exception& e) {
    std::cerr << "drawlens-train-edgnet: " << e.what() << "\n";
    return 1;
  }
}
