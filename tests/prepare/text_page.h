// Drawing-like test pages for the preparation tests: rows of dimension-style text between rulings
// inside a frame, dark ink on white, optionally rotated about the centre.
#pragma once

#include <string>

#include <opencv2/imgproc.hpp>

namespace drawlens::testing {

inline cv::Mat make_text_page(int width, int height, double rotate_degrees = 0) {
  cv::Mat page(height, width, CV_8UC1, cv::Scalar(255));
  const int margin = width / 25;
  cv::rectangle(page, cv::Rect(margin, margin, width - 2 * margin, height - 2 * margin), 0, 3);
  const char* const texts[] = {"DIA 12.5 +0.02/-0.01", "M8x1.25-6H THRU", "R4 TYP  45 DEG x 1.5", "A3 SCALE 1:2"};
  int line = 0;
  for (int y = margin + 60; y < height - margin - 20; y += 56, ++line) {
    if (line % 6 == 5) {
      cv::line(page, {margin, y - 20}, {width - margin, y - 20}, 0, 2);
      continue;
    }
    for (int x = margin + 20; x < width - margin - 420; x += 480) {
      cv::putText(page, texts[(line + x / 480) % 4], {x, y}, cv::FONT_HERSHEY_SIMPLEX, 0.9, 0, 2, cv::LINE_8);
    }
  }
  if (rotate_degrees == 0) return page;
  const cv::Mat rotation = cv::getRotationMatrix2D({width / 2.0f, height / 2.0f}, rotate_degrees, 1.0);
  cv::Mat rotated;
  cv::warpAffine(page, rotated, rotation, page.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
  return rotated;
}

}  // namespace drawlens::testing
