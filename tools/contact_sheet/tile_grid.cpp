// Numbered tile grid of page images (see tile_grid.h).
#include "tile_grid.h"

#include <algorithm>
#include <string>

#include <opencv2/imgproc.hpp>

namespace drawlens::contact_sheet {
namespace {

// Area interpolation keeps thin lines visible when a 5000-pixel page shrinks to a 640-pixel tile.
cv::Mat fitted(const cv::Mat& page, int width, int height) {
  const double scale = std::min(static_cast<double>(width) / page.cols, static_cast<double>(height) / page.rows);
  cv::Mat resized;
  cv::resize(
      page, resized,
      cv::Size(std::max(1, static_cast<int>(page.cols * scale)), std::max(1, static_cast<int>(page.rows * scale))), 0,
      0, cv::INTER_AREA);
  return resized;
}

void draw_number(cv::Mat& sheet, cv::Point corner, int number) {
  const std::string label = std::to_string(number);
  int baseline = 0;
  const cv::Size size = cv::getTextSize(label, cv::FONT_HERSHEY_SIMPLEX, 0.8, 2, &baseline);
  const cv::Rect badge(corner, cv::Size(size.width + 12, size.height + baseline + 10));
  cv::rectangle(sheet, badge, cv::Scalar(40), cv::FILLED);
  cv::putText(sheet, label, cv::Point(corner.x + 6, corner.y + size.height + 5), cv::FONT_HERSHEY_SIMPLEX, 0.8,
              cv::Scalar(255), 2, cv::LINE_AA);
}

}  // namespace

cv::Mat tile_grid(const std::vector<cv::Mat>& pages, const GridShape& shape) {
  const int count = static_cast<int>(pages.size());
  const int rows = (count + shape.columns - 1) / shape.columns;
  const int width = shape.columns * shape.tile_width + (shape.columns + 1) * shape.gap;
  const int height = rows * shape.tile_height + (rows + 1) * shape.gap;
  cv::Mat sheet(height, width, CV_8UC1, cv::Scalar(215));
  for (int i = 0; i < count; ++i) {
    const cv::Point origin(shape.gap + (i % shape.columns) * (shape.tile_width + shape.gap),
                           shape.gap + (i / shape.columns) * (shape.tile_height + shape.gap));
    const cv::Rect tile(origin, cv::Size(shape.tile_width, shape.tile_height));
    sheet(tile).setTo(cv::Scalar(255));
    const cv::Mat page = fitted(pages[static_cast<std::size_t>(i)], shape.tile_width, shape.tile_height);
    const cv::Point offset((shape.tile_width - page.cols) / 2, (shape.tile_height - page.rows) / 2);
    page.copyTo(sheet(cv::Rect(origin + offset, page.size())));
    cv::rectangle(sheet, tile, cv::Scalar(120), 1);
    draw_number(sheet, origin, i + 1);
  }
  return sheet;
}

}  // namespace drawlens::contact_sheet
