// Reduces the prepare stage's ink mask to the working resolution at which all layout analysis
// runs, so that the cost stays bounded for large sheets and thresholds can be stated in millimetres.
#include "layout/working_page.h"

#include <algorithm>
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
// A working pixel is ink when at least this share of the page pixels it covers is ink: one thin
// line across a 2x2 block still counts, isolated JPEG speckles do not.
constexpr double kMinInkCoverage = 0.25;
// A page smaller than this in working pixels has no room for a frame or a table.
constexpr int kMinWorkingSide = 32;

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

std::optional<WorkingPage> make_working_page(const prepare::PreparedPage& prepared) {
  const cv::Mat& gray = prepared.gray;
  if (gray.empty() || gray.type() != CV_8UC1) return std::nullopt;
  double dpi = prepared.dpi;
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

  if (prepared.ink.empty() || prepared.ink.size() != gray.size()) return std::nullopt;
  // Cropping to a multiple of the factor lets INTER_AREA use its exact integer-block path.
  const cv::Mat cropped = prepared.ink(cv::Rect(0, 0, gray.cols - gray.cols % k, gray.rows - gray.rows % k));
  if (k == 1) {
    page.ink = cropped.clone();  // layout works on its own copy: later stages read the shared mask
    return page;
  }
  cv::Mat reduced;
  cv::resize(cropped, reduced, cv::Size(cropped.cols / k, cropped.rows / k), 0, 0, cv::INTER_AREA);
  cv::threshold(reduced, page.ink, 255 * kMinInkCoverage - 1.0, 255, cv::THRESH_BINARY);
  return page;
}

}  // namespace drawlens::layout::detail
