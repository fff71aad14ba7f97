// The crop's affine map sends the box's bottom-left, bottom-right and top-left corners to an upright
// rectangle; OpenCV's pixel-centre convention is applied on both sides (truth pixel i spans [i, i+1)).
#include "text_crops.h"

#include <cmath>
#include <cstdio>

#include <opencv2/imgproc.hpp>

#include "png_encoding.h"

namespace drawlens::synth {
namespace {

// Margin around the ink: a sixth of the text height, at least two pixels.
constexpr double kMarginOfHeight = 1.0 / 6.0;
constexpr double kMinMarginPixels = 2.0;

cv::Mat upright_crop(const Quad& quad, const cv::Mat& page) {
  const Point bottom_left = quad[0], bottom_right = quad[1], top_left = quad[3];
  const double width = length(bottom_right - bottom_left);
  const double height = length(top_left - bottom_left);
  const double margin = std::max(kMinMarginPixels, std::round(height * kMarginOfHeight));
  const cv::Size size(static_cast<int>(std::ceil(width + 2 * margin)),
                      static_cast<int>(std::ceil(height + 2 * margin)));
  const auto centre_based = [](double x, double y) {
    return cv::Point2f(static_cast<float>(x - 0.5), static_cast<float>(y - 0.5));
  };
  const cv::Point2f from[] = {centre_based(bottom_left.x, bottom_left.y), centre_based(bottom_right.x, bottom_right.y),
                              centre_based(top_left.x, top_left.y)};
  const cv::Point2f to[] = {centre_based(margin, margin + height), centre_based(margin + width, margin + height),
                            centre_based(margin, margin)};
  cv::Mat crop;
  cv::warpAffine(page, crop, cv::getAffineTransform(from, to), size, cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                 cv::Scalar(255));
  return crop;
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
