// The generator options the synth tests use: 150 dpi (fast, still legible), a seed, a style, a
// degradation and the outputs to make.
#pragma once

#include <cstdint>
#include <string>

#include "synth.h"

namespace drawlens::synth {

inline DrawingOptions test_drawing_options(std::uint64_t seed, SheetStyle style = SheetStyle::iso,
                                           Degradation degradation = Degradation::none,
                                           const std::string& outputs = "png,json") {
  DrawingOptions o;
  o.seed = seed;
  o.dpi = 150;
  o.style = style;
  o.degradation = degradation;
  o.outputs = parse_output_list(outputs);
  return o;
}

}  // namespace drawlens::synth
