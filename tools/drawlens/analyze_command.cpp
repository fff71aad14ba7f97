// `drawlens analyze FILE...`: runs the pipeline on each file, prints a summary of what it found
// (analysis_summary.cpp), and writes JSON and overlay pictures on request.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "analysis_summary.h"
#include "commands.h"
#include "drawlens/drawlens.hpp"
#include "page_range.h"
#include "progress_bar.h"

namespace drawlens::cli {
namespace {

namespace fs = std::filesystem;

struct AnalyzeArgs {
  std::vector<std::string> files;
  std::string json_out;
  std::string overlay_out;
  std::string pages;
  int dpi = 300;
  std::string device = "auto";
  bool quiet = false;
  bool verbose = false;
  bool segment = false;
};

// For a batch, OUT is a directory; for one file it is the file itself.
fs::path output_path(const std::string& out, const std::string& input, bool batch, const std::string& extension) {
  if (!batch) return out;
  return fs::path(out) / (fs::path(input).stem().string() + extension);
}

// Page N > 1 of a document gets "-pN" before the extension.
fs::path page_path(const fs::path& base, std::size_t page) {
  if (page == 0) return base;
  return base.parent_path() / (base.stem().string() + "-p" + std::to_string(page + 1) + base.extension().string());
}

void write_file(const fs::path& path, const void* data, std::size_t size) {
  std::ofstream out(path, std::ios::binary);
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
  if (!out) throw std::runtime_error("cannot write '" + path.string() + "'");
}

void analyze_one(const Pipeline& pipeline, const AnalyzeArgs& args, const std::string& file, bool batch) {
  const Result result = pipeline.analyze(Document::file(file));
  if (!args.quiet) print_analysis_summary(std::cout, file, result, args.verbose);
  if (!args.json_out.empty()) {
    const std::string json = result.json();
    write_file(output_path(args.json_out, file, batch, ".json"), json.data(), json.size());
  }
  if (!args.overlay_out.empty()) {
    const fs::path base = output_path(args.overlay_out, file, batch, ".png");
    for (std::size_t page = 0; page < result.page_count(); ++page) {
      const auto png = result.overlay_png(page);
      write_file(page_path(base, page), png.data(), png.size());
    }
  }
}

int run(const AnalyzeArgs& args) {
  const auto range = parse_page_range(args.pages.empty() ? "1-" : args.pages);
  if (!range) {
    std::cerr << "drawlens analyze: --pages '" << args.pages << "' is not a page range (e.g. 2, 1-3, 2-)\n";
    return 2;
  }
  const bool batch = args.files.size() > 1;
  for (const std::string* out : {&args.json_out, &args.overlay_out}) {
    if (batch && !out->empty()) fs::create_directories(*out);
  }
  Options options;
  options.pdf_dpi(args.dpi).pages(range->first, range->last).device(args.device);
  options.keep_page_images(!args.overlay_out.empty());
  if (args.segment) options.stages(DRAWLENS_STAGE_DEFAULT | DRAWLENS_STAGE_SEGMENT);
  const Pipeline pipeline(options);

  int failures = 0;
  ProgressBar progress(args.files.size());
  for (const std::string& file : args.files) {
    progress.step(file);
    try {
      analyze_one(pipeline, args, file, batch);
    } catch (const Error& e) {
      std::cerr << "drawlens: " << e.status_name() << ": " << e.what() << "\n";
      ++failures;
    }
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace

std::function<int()> add_analyze_command(CLI::App& app) {
  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* cmd = app.add_subcommand("analyze", "Analyse drawings (PNG, JPEG, TIFF, BMP, WebP, PDF)");
  cmd->add_option("files", args->files, "Drawing files")->required();
  cmd->add_option("--json", args->json_out, "Write the result JSON here (a directory for several files)");
  cmd->add_option("--overlay", args->overlay_out,
                  "Write an overlay PNG here (a directory for several files; page N>1 gets -pN)");
  cmd->add_option("--pages", args->pages, "Pages to analyse: 2, 1-3 or 2- (default: all)");
  cmd->add_option("--dpi", args->dpi, "PDF rendering resolution")->check(CLI::Range(36, 1200));
  cmd->add_option("--device", args->device, "auto, cpu, cuda or cuda:N");
  cmd->add_flag("--segment", args->segment,
                "Also classify the linework (contour, hidden, centre, hatch, dimension, text, GD&T, border, title "
                "block) with EdgNet: segments in the JSON, coloured in the overlay");
  cmd->add_flag("--quiet,-q", args->quiet, "Print no summary");
  cmd->add_flag("--verbose,-v", args->verbose, "List every dimension, frame and table cell in the summary");
  return [cmd, args] { return cmd->parsed() ? run(*args) : 0; };
}

}  // namespace drawlens::cli
