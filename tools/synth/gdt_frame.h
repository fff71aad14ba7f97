// Feature control frames (ISO 1101 / ASME Y14.5): compartments drawn as a ruled frame, the
// characteristic as a vector symbol, modifiers as circled letters, 0 to 3 datum compartments.
#pragma once

#include <string>
#include <vector>

#include "drawing_plan.h"
#include "scene.h"

namespace drawlens::synth {

struct FrameSpec {
  parse::Characteristic characteristic = parse::Characteristic::position;
  bool diameter_zone = false;
  double tolerance = 0.1;
  int decimals = 2;
  std::vector<char> modifiers;  // circled letters after the value: 'M', 'L', 'P', 'F', 'T', 'E'
  std::vector<std::string> datums;
  std::vector<char> datum_modifiers;  // per datum: 0, 'M' or 'L'
};

struct FrameLabel {
  TextItem item;  // origin at the frame's bottom-left corner
  std::string text;
  parse::GdtFrame value;
};

// A frame for `characteristic` that the standards allow: form tolerances without datums, the
// orientation, runout, concentricity and symmetry ones with; Ⓜ/Ⓛ only on features of size.
FrameSpec choose_frame(RandomSource& random, parse::Characteristic characteristic, bool feature_of_size,
                       const std::vector<std::string>& datums);

// Draws the frame, parses its text and checks it reads back unrepaired; throws std::logic_error
// naming the text otherwise.
FrameLabel draw_gdt_frame(const FrameSpec& spec, const FontBook& fonts, const DrawingPlan& plan);

}  // namespace drawlens::synth
