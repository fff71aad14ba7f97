// Training and evaluation crops for the recognizer: text crops of generated drawings (the
// generator's own lettering, symbols drawn as geometry, stacked tolerances and frames) and
// dimension-grammar strings rendered in many typefaces, both degraded as a detector's crop of a
// scan would be (rotation and crop jitter, neighbouring lines, blur, noise, JPEG, ink weight).
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

namespace drawlens::train {

struct LabelledCrop {
  cv::Mat gray;      // CV_8UC1, upright
  std::string text;  // normalized (ocr::normalized)
  std::string kind;  // the generator's kind, or "rendered"
};

// Crops of generated drawing `index` of the series `seed` whose text the alphabet can spell.
std::vector<LabelledCrop> drawing_crops(std::uint64_t seed, int index);

// Typefaces the renderer trains on, and those kept out to measure generalization.
const std::vector<std::string>& training_typefaces();
const std::vector<std::string>& held_out_typefaces();

// A dimension-grammar string (values, tolerances, fits, threads, counts, stacked deviations and
// limits, short words) rendered in `typeface` at a random size.
LabelledCrop rendered_crop(std::mt19937_64& random, const std::string& typeface);

// The crop as a detector would cut it from a scan (in place).
void degrade(cv::Mat& gray, std::mt19937_64& random);

}  // namespace drawlens::train
