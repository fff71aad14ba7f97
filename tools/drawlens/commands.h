// The drawlens command's subcommands, each registering itself on the CLI11 app.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace drawlens::cli {

// Each registers its subcommand; the returned function runs it and gives the process exit code.
// main runs the one CLI11 parsed.
std::function<int()> add_analyze_command(CLI::App& app);
std::function<int()> add_parse_command(CLI::App& app);
std::function<int()> add_gpu_command(CLI::App& app);
std::function<int()> add_synth_command(CLI::App& app);
std::function<int()> add_eval_command(CLI::App& app);
std::function<int()> add_import_labelme_command(CLI::App& app);
std::function<int()> add_tolerance_command(CLI::App& app);
std::function<int()> add_train_skin_command(CLI::App& app);
std::function<int()> add_serve_command(CLI::App& app);

}  // namespace drawlens::cli
