// The drawlens command's subcommands, each registering itself on the CLI11 app.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace drawlens::cli {

// Registers `analyze`; the returned function runs it and gives the process exit code.
std::function<int()> add_analyze_command(CLI::App& app);

}  // namespace drawlens::cli
