// Reduces the prepare stage's ink mask to the working resolution at which all layout analysis
// runs, so that the cost stays bounded for large sheets and thresholds can be stated in millimetres.
#include "layout/working_page.h"

#include <algorithm>
#include <cmath>
#include <limits>

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

// A turn below this leaves rulings whole enough at the working resolution (a step of one pixel
// every 190 working pixels); scans of the generator's "scan" degradation turn by up to 0.8°.
constexpr double kMinStraightenedDegrees = 0.2;
// Sheets are scanned within a few degrees of straight; more is a page turned on purpose.
constexpr double kMaxStraightenedDegrees = 3.0;

// Turns the working ink straight when it lies turned by a few tenths of a degree or more.
void straighten(WorkingPage& page) {
  prepare::SkewOptions options;
  options.max_degrees = kMaxStraightenedDegrees;
  options.step_degrees = 0.1;
  options.reduction = 2;
  const double skew = prepare::estimate_skew(page.ink, options);
  if (!(std::abs(skew) >= kMinStraightenedDegrees && std::abs(skew) < kMaxStraightenedDegrees)) return;
  const double radians = skew * CV_PI / 180.0;
  page.margin = static_cast<int>(std::ceil(std::abs(std::sin(radians)) * std::max(page.ink.cols, page.ink.rows))) + 2;
  cv::Mat grown;
  cv::copyMakeBorder(page.ink, grown, page.margin, page.margin, page.margin, page.margin, cv::BORDER_CONSTANT,
                     cv::Scalar(0));
  const cv::Point2f centre(static_cast<float>(grown.cols / 2.0), static_cast<float>(grown.rows / 2.0));
  // The content lies turned counter-clockwise by `skew`: turn it back clockwise.
  cv::warpAffine(grown, page.ink, cv::getRotationMatrix2D(centre, -skew, 1.0), grown.size(), cv::INTER_NEAREST,
                 cv::BORDER_CONSTANT, cv::Scalar(0));
  page.straightened_degrees = -skew;
}

}  // namespace

int WorkingPage::px(double mm) const {
  return std::max(1, static_cast<int>(std::lround(mm * px_per_mm)));
}

Box WorkingPage::to_page(const cv::Rect& r) const {
  double left = r.x, top = r.y, right = r.x + r.width, bottom = r.y + r.height;
  if (straightened_degrees != 0.0 || margin != 0) {
    // Back from the straightened canvas to the reduced page: the inverse of make_working_page's turn.
    const cv::Point2d centre(page_size.width / factor / 2.0 + margin, page_size.height / factor / 2.0 + margin);
    const double radians = straightened_degrees * CV_PI / 180.0;
    const double c = std::cos(radians), s = std::sin(radians);
    left = top = std::numeric_limits<double>::max();
    right = bottom = std::numeric_limits<double>::lowest();
    for (const cv::Point2d p : {cv::Point2d(r.x, r.y), cv::Point2d(r.x + r.width, r.y),
                                cv::Point2d(r.x, r.y + r.height), cv::Point2d(r.x + r.width, r.y + r.height)}) {
      // The canvas was turned counter-clockwise as displayed (y down): undo it clockwise.
      const cv::Point2d d = p - centre;
      const cv::Point2d q(centre.x + c * d.x - s * d.y - margin, centre.y + s * d.x + c * d.y - margin);
      left = std::min(left, q.x), right = std::max(right, q.x);
      top = std::min(top, q.y), bottom = std::max(bottom, q.y);
    }
  }
  const int x0 = std::clamp(static_cast<int>(std::floor(left * factor)), 0, page_size.width);
  const int y0 = std::clamp(static_cast<int>(std::floor(top * factor)), 0, page_size.height);
  const int x1 = std::clamp(static_cast<int>(std::ceil(right * factor)), 0, page_size.width);
  const int y1 = std::clamp(static_cast<int>(std::ceil(bottom * factor)), 0, page_size.height);
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
    straighten(page);
    return page;
  }
  cv::Mat reduced;
  cv::resize(cropped, reduced, cv::Size(cropped.cols / k, cropped.rows / k), 0, 0, cv::INTER_AREA);
  cv::threshold(reduced, page.ink, 255 * kMinInkCoverage - 1.0, 255, cv::THRESH_BINARY);
  straighten(page);
  return page;
}

}  // namespace drawlens::layout::detail
