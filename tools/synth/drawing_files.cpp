// write_drawings: the files of a series, NNNNN.png / .json / .pdf in one directory.
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "synth.h"

namespace drawlens::synth {
namespace {

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
  std::error_code error;
  std::filesystem::create_directories(root, error);
  if (error) throw std::runtime_error("cannot create directory " + directory + ": " + error.message());
  for (int i = 0; i < count; ++i) {
    const Drawing drawing = generate_drawing(options, i);
    const std::string stem = drawing_stem(i);
    write_file(root / (stem + ".png"), drawing.png.data(), drawing.png.size());
    write_file(root / (stem + ".json"), drawing.truth_json.data(), drawing.truth_json.size());
    if (options.pdf) write_file(root / (stem + ".pdf"), drawing.pdf.data(), drawing.pdf.size());
    if (progress) progress(i);
  }
}

}  // namespace drawlens::synth
