// Entry point of the `drawlens` command.
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "commands.h"
#include "drawlens/drawlens.hpp"

int main(int argc, char** argv) {
  CLI::App app{"drawlens " + drawlens::version() + ": reads mechanical engineering drawings"};
  app.set_version_flag("--version", "drawlens " + drawlens::version());
  app.require_subcommand(1);
  const std::vector<std::pair<std::string, std::function<int()>>> commands = {
      {"analyze", drawlens::cli::add_analyze_command(app)},
      {"parse", drawlens::cli::add_parse_command(app)},
      {"gpu", drawlens::cli::add_gpu_command(app)},
      {"synth", drawlens::cli::add_synth_command(app)},
      {"eval", drawlens::cli::add_eval_command(app)},
      {"import-labelme", drawlens::cli::add_import_labelme_command(app)},
      {"tolerance", drawlens::cli::add_tolerance_command(app)},
      {"train-skin", drawlens::cli::add_train_skin_command(app)},
      {"serve", drawlens::cli::add_serve_command(app)},
  };
  CLI11_PARSE(app, argc, argv);
  try {
    for (const auto& [name, run] : commands) {
      if (app.got_subcommand(name)) return run();
    }
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "drawlens: " << e.what() << "\n";
    return 1;
  }
}
