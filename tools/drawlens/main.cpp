// Entry point of the `drawlens` command.
#include <iostream>

#include "commands.h"
#include "drawlens/drawlens.hpp"

int main(int argc, char** argv) {
  CLI::App app{"drawlens " + drawlens::version() + ": reads mechanical engineering drawings"};
  app.set_version_flag("--version", "drawlens " + drawlens::version());
  app.require_subcommand(1);
  auto run_analyze = drawlens::cli::add_analyze_command(app);
  CLI11_PARSE(app, argc, argv);
  try {
    return run_analyze();
  } catch (const std::exception& e) {
    std::cerr << "drawlens: " << e.what() << "\n";
    return 1;
  }
}
