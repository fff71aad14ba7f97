// write_drawings: the chosen files of a series in one directory: NNNNN.png, .json, .pdf, .mask.png,
// .boxes.txt and the folder NNNNN.crops/ (crop PNGs and labels.tsv).
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "synth.h"

namespace drawlens::synth {
namespace {

void make_directory(const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::create_directories(path, error);
  if (error) throw std::runtime_error("cannot create directory " + path.string() + ": " + error.message());
}

void write_file(const std::filesystem::path& path, const void* data, std::size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

void write_drawings(const DrawingOptions& options, int count, const std::string& directory,
                    const std::function<void(int)>& progress) {
  if (const std::string problem = options_problem(options); !problem.empty()) throw std::invalid_argument(problem);
  if (count < 1) throw std::invalid_argument("count must be at least 1");
  const std::filesystem::path root(directory);
  make_directory(root);
  const OutputSet& chosen = options.outputs;
  for (int i = 0; i < count; ++i) {
    const Drawing drawing = generate_drawing(options, i);
    const std::string stem = drawing_stem(i);
    if (chosen.png) write_file(root / (stem + ".png"), drawing.png.data(), drawing.png.size());
    if (chosen.json) write_file(root / (stem + ".json"), drawing.truth_json.data(), drawing.truth_json.size());
    if (chosen.pdf) write_file(root / (stem + ".pdf"), drawing.pdf.data(), drawing.pdf.size());
    if (chosen.mask) write_file(root / (stem + ".mask.png"), drawing.mask.data(), drawing.mask.size());
    if (chosen.boxes) write_file(root / (stem + ".boxes.txt"), drawing.boxes.data(), drawing.boxes.size());
    if (chosen.crops) {
      const std::filesystem::path folder = root / (stem + ".crops");
      make_directory(folder);
      for (const TextCrop& crop : drawing.crops) write_file(folder / crop.file_name, crop.png.data(), crop.png.size());
      write_file(folder / "labels.tsv", drawing.crop_labels.data(), drawing.crop_labels.size());
    }
    if (progress) progress(i);
  }
}

}  // namespace drawlens::synth
