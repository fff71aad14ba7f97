// Text crops cut along the truth's quads with the library's upright crop (core/upright_crop.h), the
// convention the pipeline's reading of detected regions uses too.
#include "text_crops.h"

#include <array>
#include <cstdio>

#include "core/upright_crop.h"

#include "png_encoding.h"

namespace drawlens::synth {
namespace {

cv::Mat upright_crop(const Quad& quad, const cv::Mat& page) {
  std::array<cv::Point2d, 4> corners;
  for (std::size_t i = 0; i < corners.size(); ++i) corners[i] = {quad[i].x, quad[i].y};
  return drawlens::upright_crop(page, corners);
}

std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::vector<TextCrop> text_crops(const std::vector<AnnotationObject>& objects, const cv::Mat& page, double dpi) {
  std::vector<TextCrop> crops;
  char name[32];
  for (const AnnotationObject& object : objects) {
    if (object.text.empty()) continue;
    std::snprintf(name, sizeof name, "%04zu.png", crops.size());
    crops.push_back({name, encode_png_with_dpi(upright_crop(object.quad, page), dpi), object.text, object.kind});
  }
  return crops;
}

std::string crop_labels_tsv(const std::vector<TextCrop>& crops) {
  std::string out = "file\ttext\tkind\n";
  for (const TextCrop& crop : crops) out += crop.file_name + "\t" + escaped(crop.text) + "\t" + crop.kind + "\n";
  return out;
}

}  // namespace drawlens::synth
