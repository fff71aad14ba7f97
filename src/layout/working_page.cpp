// Binarizes the page and reduces it to the working resolution at which all layout analysis runs,
// so that the cost stays bounded for large sheets and thresholds can be stated in millimetres.
#include "layout/working_page.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace drawlens::layout::detail {
namespace {

// Rulings are 0.25-0.7 mm wide; at 150 dpi they are still 1.5-4 px, enough to find them, while an
// A3 sheet shrinks to about 4 Mpx.
constexpr double kWorkingDpi = 150.0;
// Caps the work on very large sheets (A0 and up) whatever their dpi.
constexpr int kMaxWorkingSide = 3000;
// With no dpi, the long side is taken to be between an A4 (297 mm) and an A3 (420 mm) sheet, the
// most common drawing sizes, so mm thresholds are off by at most about 20% on those.
constexpr double kAssumedLongSideMm = 360.0;
// A dpi that makes the sheet smaller than this or larger than this is wrong metadata.
constexpr double kMinPlausibleLongSideMm = 80.0;
constexpr double kMaxPlausibleLongSideMm = 2500.0;
constexpr double kMmPerInch = 25.4;
// CAD exports often draw frames and title-block rulings in light gray (about 75% of paper
// brightness), so everything clearly darker than the paper counts as ink. Light shading that
// also passes is removed later as too thick to be a ruling.
constexpr double kInkFractionOfPaper = 0.85;
// Paper is the brightest dominant tone; below this it is not a page of dark ink on light paper.
constexpr int kMinPaperLevel = 128;
// A working pixel is ink when at least this share of the page pixels it covers is ink: one thin
// line across a 2x2 block still counts, isolated JPEG speckles do not.
constexpr double kMinInkCoverage = 0.25;
// A page smaller than this in working pixels has no room for a frame or a table.
constexpr int kMinWorkingSide = 32;
// Every k-th row is enough to find the paper tone.
constexpr int kHistogramRowStep = 4;

// The most common bright tone, or -1 when most of the page is dark.
int paper_level(const cv::Mat& gray) {
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

}  // namespace

int WorkingPage::px(double mm) const {
  return std::max(1, static_cast<int>(std::lround(mm * px_per_mm)));
}

Box WorkingPage::to_page(const cv::Rect& r) const {
  const int x0 = std::clamp(r.x * factor, 0, page_size.width);
  const int y0 = std::clamp(r.y * factor, 0, page_size.height);
  const int x1 = std::clamp((r.x + r.width) * factor, 0, page_size.width);
  const int y1 = std::clamp((r.y + r.height) * factor, 0, page_size.height);
  return {x0, y0, x1 - x0, y1 - y0};
}

std::optional<WorkingPage> make_working_page(const cv::Mat& gray, double dpi) {
  if (gray.empty() || gray.type() != CV_8UC1) return std::nullopt;
  const int long_side = std::max(gray.cols, gray.rows);
  const double long_side_mm = dpi > 0 ? long_side * kMmPerInch / dpi : 0.0;
  if (!(long_side_mm >= kMinPlausibleLongSideMm && long_side_mm <= kMaxPlausibleLongSideMm)) {
    dpi = long_side * kMmPerInch / kAssumedLongSideMm;
  }

  WorkingPage page;
  page.page_size = gray.size();
  page.factor = std::max(1, static_cast<int>(std::lround(dpi / kWorkingDpi)));
  page.factor = std::max(page.factor, (long_side + kMaxWorkingSide - 1) / kMaxWorkingSide);
  const int k = page.factor;
  if (gray.cols / k < kMinWorkingSide || gray.rows / k < kMinWorkingSide) return std::nullopt;
  page.px_per_mm = dpi / kMmPerInch / k;

  const int paper = paper_level(gray);
  if (paper < 0) return std::nullopt;
  // THRESH_BINARY_INV keeps values <= thresh, so this marks gray < paper * fraction.
  const double ink_below = std::floor(paper * kInkFractionOfPaper) - 1.0;
  // Cropping to a multiple of the factor lets INTER_AREA use its exact integer-block path.
  const cv::Mat cropped = gray(cv::Rect(0, 0, gray.cols - gray.cols % k, gray.rows - gray.rows % k));
  cv::Mat ink;
  cv::threshold(cropped, ink, ink_below, 255, cv::THRESH_BINARY_INV);
  if (k > 1) {
    cv::Mat reduced;
    cv::resize(ink, reduced, cv::Size(cropped.cols / k, cropped.rows / k), 0, 0, cv::INTER_AREA);
    cv::threshold(reduced, ink, 255 * kMinInkCoverage - 1.0, 255, cv::THRESH_BINARY);
  }
  page.ink = ink;
  return page;
}

}  // namespace drawlens::layout::detail
