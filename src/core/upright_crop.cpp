// Upright crops of rotated regions (upright_crop.h). OpenCV's pixel-centre convention is applied on
// both sides of the affine map.
#include "core/upright_crop.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace drawlens {
namespace {

constexpr double kMarginOfHeight = 1.0 / 6.0;
constexpr double kMinMarginPixels = 2.0;

cv::Point2f centre_based(double x, double y) {
  return {static_cast<float>(x - 0.5), static_cast<float>(y - 0.5)};
}

}  // namespace

double upright_crop_margin(double region_height) {
  return std::max(kMinMarginPixels, std::round(region_height * kMarginOfHeight));
}

cv::Mat upright_crop(const cv::Mat& page, const std::array<cv::Point2d, 4>& corners) {
  const cv::Point2d bottom_left = corners[0], bottom_right = corners[1], top_left = corners[3];
  const double width = cv::norm(bottom_right - bottom_left);
  const double height = cv::norm(top_left - bottom_left);
  if (!(width >= 1) || !(height >= 1)) return {};
  const double margin = upright_crop_margin(height);
  const cv::Size size(static_cast<int>(std::ceil(width + 2 * margin)),
                      static_cast<int>(std::ceil(height + 2 * margin)));
  const cv::Point2f from[] = {centre_based(bottom_left.x, bottom_left.y), centre_based(bottom_right.x, bottom_right.y),
                              centre_based(top_left.x, top_left.y)};
  const cv::Point2f to[] = {centre_based(margin, margin + height), centre_based(margin + width, margin + height),
                            centre_based(margin, margin)};
  cv::Mat crop;
  cv::warpAffine(page, crop, cv::getAffineTransform(from, to), size, cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                 cv::Scalar(255));
  return crop;
}

}  // namespace drawlens
