// drawlens_contact_sheet: renders synthetic drawings (drawlens synth) and loads real ones, shuffles them
// with a fixed seed into one numbered grid, writes the PNG and prints which tiles are real.
#include <algorithm>
#include <cstdint>
#include <iostream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <opencv2/imgcodecs.hpp>

#include "load/load.h"
#include "synth.h"
#include "tile_grid.h"

namespace {

struct Tile {
  std::string origin;  // "synthetic 00003 (iso)" or the real file's path
  cv::Mat page;
};

std::vector<Tile> synthetic_tiles(std::uint64_t seed, int count, int dpi) {
  std::vector<Tile> tiles;
  for (int i = 0; i < count; ++i) {
    drawlens::synth::DrawingOptions options;
    options.seed = seed;
    options.dpi = dpi;
    options.sheet = drawlens::synth::SheetSize::a3;
    // One in four ASME-style, like a mixed shop's drawing archive.
    options.style = i % 4 == 3 ? drawlens::synth::SheetStyle::asme : drawlens::synth::SheetStyle::iso;
    const drawlens::synth::Drawing drawing = drawlens::synth::generate_drawing(options, i);
    tiles.push_back({"synthetic " + drawlens::synth::drawing_stem(i) +
                         (options.style == drawlens::synth::SheetStyle::asme ? " (asme)" : " (iso)"),
                     cv::imdecode(drawing.png, cv::IMREAD_GRAYSCALE)});
  }
  return tiles;
}

Tile real_tile(const std::string& path, int dpi) {
  drawlens::load::Options options;
  options.pdf_dpi = dpi;
  options.last_page = 1;
  drawlens::Result<drawlens::Document> document = drawlens::load::load_file(path, options);
  if (!document) throw std::runtime_error(path + ": " + document.error().message);
  return {path, std::move(document.value().pages.front().gray)};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Sets synthetic drawings beside real ones on one numbered sheet (docs/contact-sheet.png)."};
  std::uint64_t seed = 2026;
  int synthetic = 16;
  int dpi = 150;
  std::string out;
  std::vector<std::string> real;
  app.add_option("--seed", seed, "synthetic series and shuffle seed");
  app.add_option("--synthetic", synthetic, "how many synthetic drawings")->check(CLI::Range(1, 100));
  app.add_option("--dpi", dpi, "rendering resolution")
      ->check(CLI::Range(drawlens::synth::kMinDpi, drawlens::synth::kMaxDpi));
  app.add_option("--out", out, "PNG to write")->required();
  app.add_option("real", real, "real drawings (first page of each)")->required()->check(CLI::ExistingFile);
  CLI11_PARSE(app, argc, argv);

  try {
    std::vector<Tile> tiles = synthetic_tiles(seed, synthetic, dpi);
    for (const std::string& path : real) tiles.push_back(real_tile(path, dpi));
    std::mt19937_64 shuffle(seed);
    std::shuffle(tiles.begin(), tiles.end(), shuffle);

    std::vector<cv::Mat> pages;
    for (std::size_t i = 0; i < tiles.size(); ++i) {
      pages.push_back(tiles[i].page);
      std::cout << "tile " << i + 1 << ": " << tiles[i].origin << '\n';
    }
    if (!cv::imwrite(out, drawlens::contact_sheet::tile_grid(pages, {}))) {
      std::cerr << "drawlens_contact_sheet: cannot write " << out << '\n';
      return 1;
    }
  } catch (const std::exception& error) {
    std::cerr << "drawlens_contact_sheet: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
