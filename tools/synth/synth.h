// drawlens synth: synthetic mechanical drawings with exact ground truth. Each drawing is a PNG
// plus its truth in the SDK's result schema, and on request a PDF, a class mask, detector boxes
// and text crops for training.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace drawlens::synth {

enum class SheetStyle { iso, asme };
enum class Degradation { none, scan, heavy };
enum class SheetSize { mixed, a4, a3 };  // mixed: A3 about two times in three

inline constexpr int kMinDpi = 150;
inline constexpr int kMaxDpi = 400;

// Which files a drawing gives (docs/synth.md, "Outputs for training").
struct OutputSet {
  bool png = true;     // NNNNN.png
  bool json = true;    // NNNNN.json, the truth
  bool pdf = false;    // NNNNN.pdf
  bool mask = false;   // NNNNN.mask.png, class index per pixel
  bool boxes = false;  // NNNNN.boxes.txt, oriented boxes of the annotation objects (DOTA lines)
  bool crops = false;  // NNNNN.crops/: one upright PNG per text, and labels.tsv
};

// A comma-separated list of output names ("png,json,mask"). Throws std::invalid_argument naming a
// bad or repeated name and the allowed ones, or an empty list.
OutputSet parse_output_list(std::string_view list);

struct DrawingOptions {
  std::uint64_t seed = 1;
  int dpi = 200;
  SheetStyle style = SheetStyle::iso;
  Degradation degradation = Degradation::none;
  SheetSize sheet = SheetSize::mixed;
  OutputSet outputs;
};

// One text cut out along its oriented box and turned upright, for a recogniser.
struct TextCrop {
  std::string file_name;          // "007.png" inside NNNNN.crops/
  std::vector<std::uint8_t> png;  // 8-bit gray
  std::string text;               // exactly as drawn, lines joined by '\n'
  std::string kind;               // dimension, gdt_frame, datum_feature, surface_finish, note, title_label, title_field
};

struct Drawing {
  std::vector<std::uint8_t> png;   // 8-bit gray, with its dpi in a pHYs chunk (always made)
  std::string truth_json;          // docs/schema/result.schema.json, one page, coordinates in PNG pixels (always)
  std::vector<std::uint8_t> pdf;   // the outputs below are empty unless chosen in DrawingOptions::outputs
  std::vector<std::uint8_t> mask;  // 8-bit PNG, the size of `png`, class indices (docs/synth.md)
  std::string boxes;               // DOTA lines: x1 y1 x2 y2 x3 y3 x4 y4 class 0
  std::vector<TextCrop> crops;
  std::string crop_labels;  // labels.tsv: file, text and kind of every crop, tab-separated
};

// Why the options cannot be used, or "" when they can.
std::string options_problem(const DrawingOptions& options);

// Drawing `index` of the series `options.seed`: the same bytes whatever other drawings are made.
// Throws std::invalid_argument for bad options.
Drawing generate_drawing(const DrawingOptions& options, int index);

// The file stem of drawing `index`: "00042".
std::string drawing_stem(int index);

// Writes the chosen files of drawings 0 .. count-1 into DIRECTORY, creating it;
// `progress` (may be empty) is told each finished index. Throws std::runtime_error naming the
// file on I/O failure, std::invalid_argument for bad options.
void write_drawings(const DrawingOptions& options, int count, const std::string& directory,
                    const std::function<void(int)>& progress);

}  // namespace drawlens::synth
