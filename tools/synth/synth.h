// drawlens synth: synthetic mechanical drawings with exact ground truth. Each drawing is a PNG
// (and optionally a PDF with the same vector content) plus its truth in the SDK's result schema.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace drawlens::synth {

enum class SheetStyle { iso, asme };
enum class Degradation { none, scan, heavy };
enum class SheetSize { mixed, a4, a3 };  // mixed: A3 about two times in three

inline constexpr int kMinDpi = 150;
inline constexpr int kMaxDpi = 400;

struct DrawingOptions {
  std::uint64_t seed = 1;
  int dpi = 200;
  SheetStyle style = SheetStyle::iso;
  Degradation degradation = Degradation::none;
  SheetSize sheet = SheetSize::mixed;
  bool pdf = false;
};

struct Drawing {
  std::vector<std::uint8_t> png;  // 8-bit gray, with its dpi in a pHYs chunk
  std::vector<std::uint8_t> pdf;  // empty unless DrawingOptions::pdf
  std::string truth_json;         // docs/schema/result.schema.json, one page, coordinates in PNG pixels
};

// Why the options cannot be used, or "" when they can.
std::string options_problem(const DrawingOptions& options);

// Drawing `index` of the series `options.seed`: the same bytes whatever other drawings are made.
// Throws std::invalid_argument for bad options.
Drawing generate_drawing(const DrawingOptions& options, int index);

// The file stem of drawing `index`: "00042".
std::string drawing_stem(int index);

// Writes DIRECTORY/NNNNN.png, .json (and .pdf) for indices 0 .. count-1, creating the directory;
// `progress` (may be empty) is told each finished index. Throws std::runtime_error naming the
// file on I/O failure, std::invalid_argument for bad options.
void write_drawings(const DrawingOptions& options, int count, const std::string& directory,
                    const std::function<void(int)>& progress);

}  // namespace drawlens::synth
