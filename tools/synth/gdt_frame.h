// Feature control frames (ISO 1101 / ASME Y14.5): compartments drawn as a ruled frame, the
// characteristic as a vector symbol, modifiers as circled letters, 0 to 3 datum compartments;
// composite frames (one symbol for two rows) and stacked frames (two frames one under another).
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
  // After the value: circled letters 'M', 'L', 'P' (with projected_height), 'F', 'T', 'E', 'U'
  // (with unequal_offset); 'S' the statistical symbol (ST in a hexagon), 'C' the word CF.
  std::vector<char> modifiers;
  double projected_height = 0.0;
  double unequal_offset = 0.0;
  std::vector<std::string> datums;
  std::vector<char> datum_modifiers;  // per datum: 0, 'M' or 'L'
  // Rows under this one: with `composite`, rows that share this row's symbol (no symbol of their
  // own, characteristic ignored); otherwise stacked frames, each with its own characteristic.
  std::vector<FrameSpec> lower_rows;
  bool composite = false;
};

struct FrameLabel {
  TextItem item;  // origin at the frame's bottom-left corner
  std::string text;
  parse::GdtFrame value;
};

// A frame for `characteristic` that the standards allow: form tolerances without datums, the
// orientation, runout, concentricity and symmetry ones with; Ⓜ/Ⓛ only on features of size;
// now and then a rarer modifier where it applies (Ⓣ on orientation of surfaces, Ⓤ on profiles,
// Ⓕ on form, CF on form and ST on position, profile and runout).
FrameSpec choose_frame(RandomSource& random, parse::Characteristic characteristic, bool feature_of_size,
                       const std::vector<std::string>& datums);

// A composite position frame for a pattern of holes: the upper row locates the pattern to all
// datums, the lower row refines the holes to each other with a smaller zone and the first datums.
FrameSpec composite_position(RandomSource& random, const std::vector<std::string>& datums);

// Stacks a second frame of `lower` under `upper` (e.g. perpendicularity under position).
FrameSpec stacked(FrameSpec upper, FrameSpec lower);

// Draws the frame, parses its text and checks it reads back unrepaired; throws std::logic_error
// naming the text otherwise.
FrameLabel draw_gdt_frame(const FrameSpec& spec, const FontBook& fonts, const DrawingPlan& plan);

}  // namespace drawlens::synth
