// Draws what the stages found over the page, for people checking results by eye.
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "output/output.h"

namespace drawlens::output {
namespace {

// BGR colours by class.
const cv::Scalar kBorder(200, 80, 0);
const cv::Scalar kTitleBlock(0, 160, 0);
const cv::Scalar kTable(0, 140, 255);
const cv::Scalar kWord(150, 150, 150);

cv::Rect rect(const Box& b) {
  return {b.x, b.y, b.width, b.height};
}

void draw_table(cv::Mat& canvas, const layout::Table& table, const cv::Scalar& colour, int thick) {
  for (const auto& cell : table.cells) cv::rectangle(canvas, rect(cell.box), colour, std::max(1, thick / 3));
  cv::rectangle(canvas, rect(table.box), colour, thick);
}

}  // namespace

cv::Mat render_overlay(const PageAnalysis& page) {
  if (page.image.empty()) return {};
  cv::Mat canvas;
  cv::cvtColor(page.image, canvas, cv::COLOR_GRAY2BGR);
  // Line weights scale with the page so the overlay reads the same at any resolution.
  const int thick = std::max(2, std::max(canvas.cols, canvas.rows) / 800);
  for (const auto& w : page.words) cv::rectangle(canvas, rect(w.box), kWord, 1);
  if (page.layout) {
    if (page.layout->border) cv::rectangle(canvas, rect(*page.layout->border), kBorder, thick);
    for (const auto& t : page.layout->tables) draw_table(canvas, t, kTable, thick);
    if (page.layout->title_block) draw_table(canvas, *page.layout->title_block, kTitleBlock, thick);
  }
  return canvas;
}

std::vector<std::uint8_t> encode_png(const cv::Mat& image) {
  std::vector<std::uint8_t> bytes;
  if (!image.empty()) cv::imencode(".png", image, bytes);
  return bytes;
}

}  // namespace drawlens::output
