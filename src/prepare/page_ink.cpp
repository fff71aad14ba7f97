// The prepare stage's page on the CPU: the paper level from a histogram, then one threshold.
#include <array>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "prepare/prepare.h"

namespace drawlens::prepare {
namespace {

// Share of the paper level below which a pixel is ink (see PreparedPage).
constexpr double kInkFractionOfPaper = 0.85;
// Paper is the brightest dominant tone; below this it is not a page of dark ink on light paper.
constexpr int kMinPaperLevel = 128;
// Every k-th row is enough to find the paper tone.
constexpr int kHistogramRowStep = 4;

}  // namespace

int paper_level(const cv::Mat& gray) {
  if (gray.empty() || gray.type() != CV_8UC1) return -1;
  std::array<long long, 256> hist{};
  long long total = 0;
  for (int y = 0; y < gray.rows; y += kHistogramRowStep) {
    const unsigned char* row = gray.ptr<unsigned char>(y);
    for (int x = 0; x < gray.cols; ++x) ++hist[row[x]];
    total += gray.cols;
  }
  long long bright = 0;
  int best = -1;
  for (int v = kMinPaperLevel; v < 256; ++v) {
    bright += hist[v];
    if (best < 0 || hist[v] > hist[best]) best = v;
  }
  return 2 * bright >= total ? best : -1;
}

int ink_threshold(int paper_level) {
  return static_cast<int>(std::floor(paper_level * kInkFractionOfPaper)) - 1;
}

PreparedPage prepare_page(const cv::Mat& gray, double dpi) {
  PreparedPage page;
  page.gray = gray;
  page.dpi = dpi;
  page.paper_level = paper_level(gray);
  if (page.paper_level < 0) return page;
  // THRESH_BINARY_INV marks values <= the threshold.
  cv::threshold(gray, page.ink, ink_threshold(page.paper_level), 255, cv::THRESH_BINARY_INV);
  return page;
}

}  // namespace drawlens::prepare
