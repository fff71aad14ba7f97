// Renders a scene with cairo: onto an 8-bit gray raster (black ink on white), or as a vector PDF
// page with the same content and a real text layer.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "fonts.h"
#include "scene.h"

namespace drawlens::synth {

// Pixels are sheet millimetres times pixels_per_mm; the raster is rounded up to whole pixels.
cv::Mat render_gray(const Scene& scene, const FontBook& fonts, double pixels_per_mm);

// A one-page PDF. creation_date ("YYYY-MM-DDTHH:MM:SS") is fixed so the bytes are reproducible.
std::vector<std::uint8_t> render_pdf(const Scene& scene, const FontBook& fonts, const std::string& creation_date);

}  // namespace drawlens::synth
