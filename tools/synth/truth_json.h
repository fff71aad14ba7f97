// The ground truth of a drawing as the SDK's result JSON (docs/schema/result.schema.json): every
// annotation with its parsed values and its box, the layout, and every primitive as a segment.
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "geometry.h"
#include "scene.h"

namespace drawlens::synth {

struct TruthPage {
  int width = 0;  // pixels
  int height = 0;
  double dpi = 0.0;
  Affine sheet_to_pixels;  // sheet millimetres to the pixels of the delivered image
  std::string file_name;
  std::size_t file_bytes = 0;
  std::string description;  // how the drawing was made, as an info diagnostic
};

nlohmann::json truth_document(const Scene& scene, const TruthPage& page);
// The document as written to NNNNN.json.
std::string truth_json(const nlohmann::json& document);

}  // namespace drawlens::synth
