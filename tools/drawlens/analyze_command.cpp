// `drawlens analyze FILE...`: runs the pipeline on each file, prints a summary, and writes JSON
// and overlay pictures on request.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

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
};

std::string box_text(const Box& b) {
  std::ostringstream s;
  s << b.x << "," << b.y << " " << b.width << "x" << b.height;
  return s.str();
}

const char* dpi_source_text(drawlens_dpi_source s) {
  switch (s) {
    case DRAWLENS_DPI_RENDER: return "rendered";
    case DRAWLENS_DPI_FILE: return "from file";
    case DRAWLENS_DPI_CALLER: return "given";
    default: return "assumed";
  }
}

void print_table(const char* what, const Table& t) {
  std::cout << "    " << what << ": " << box_text(t.box) << ", " << t.rows << " rows x " << t.cols << " cols, "
            << t.cells.size() << " cells\n";
  int shown = 0;
  for (const Cell& c : t.cells) {
    if (c.text.empty()) continue;
    if (shown++ == 8) {
      std::cout << "      ...\n";
      break;
    }
    std::cout << "      [" << c.row << "," << c.col << "] " << c.text << "\n";
  }
}

void print_summary(const std::string& file, const Result& result) {
  std::cout << file << ": " << result.page_count() << " page(s) analysed\n";
  for (const Page& p : result.pages()) {
    std::cout << "  page " << p.index + 1 << ": " << p.width << "x" << p.height << " px at " << p.dpi << " dpi ("
              << dpi_source_text(p.dpi_source) << "), " << p.words.size() << " text-layer words\n";
    std::cout << "    border: " << (p.border ? box_text(*p.border) : std::string("none found")) << "\n";
    if (p.title_block) {
      print_table("title block", *p.title_block);
    } else {
      std::cout << "    title block: none found\n";
    }
    for (const Table& t : p.tables) print_table("table", t);
  }
}

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
  if (!args.quiet) print_summary(file, result);
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
  cmd->add_flag("--quiet,-q", args->quiet, "Print no summary");
  return [cmd, args] { return cmd->parsed() ? run(*args) : 0; };
}

}  // namespace drawlens::cli
