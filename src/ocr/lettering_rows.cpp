// The rows of a crop that hold its lettering (lettering_rows.h).
#include "ocr/lettering_rows.h"

#include <algorithm>

#include <opencv2/core.hpp>

#include "core/upright_crop.h"
#include "ocr/gray_levels.h"

namespace drawlens::ocr {
namespace {

constexpr double kRuleRowShare = 0.6;     // a row inked over this share of the width is a line
constexpr double kRuleColumnShare = 0.8;  // a column inked over this share of the height is a line
constexpr double kSmallerBand = 0.9;      // a band at least this share of the crop is left whole

}  // namespace

cv::Rect lettering_rows(const cv::Mat& gray) {
  const cv::Rect whole(0, 0, gray.cols, gray.rows);
  if (gray.empty() || gray.type() != CV_8UC1) return whole;
  const int paper = gray_level_at(gray, 0.8), ink_level = gray_level_at(gray, 0.02);  // as network_input
  if (paper - ink_level < kMinInkContrast) return whole;
  cv::Mat ink;
  cv::compare(gray, (paper + ink_level) / 2, ink, cv::CMP_LT);
  cv::Mat row_ink, column_ink;
  cv::reduce(ink / 255, row_ink, 1, cv::REDUCE_SUM, CV_32S);
  cv::reduce(ink / 255, column_ink, 0, cv::REDUCE_SUM, CV_32S);
  for (int x = 0; x < ink.cols; ++x)
    if (column_ink.at<int>(0, x) > kRuleColumnShare * ink.rows) ink.col(x).setTo(0);
  int top = -1, bottom = -1;
  for (int y = 0; y < ink.rows; ++y) {
    if (row_ink.at<int>(y, 0) > kRuleRowShare * ink.cols || cv::countNonZero(ink.row(y)) == 0) continue;
    if (top < 0) top = y;
    bottom = y;
  }
  if (top < 0) return whole;
  const int margin = static_cast<int>(upright_crop_margin(bottom - top + 1));
  const int from = std::max(0, top - margin), to = std::min(gray.rows, bottom + 1 + margin);
  if (to - from >= kSmallerBand * gray.rows) return whole;
  return {0, from, gray.cols, to - from};
}

}  // namespace drawlens::ocr
