// The CPU image preparation ops: OpenCV for color conversion, CLAHE, the median and the integral
// images; the threshold rules themselves come from pixel_rules.h, which the CUDA kernels share.
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "prepare/pixel_rules.h"
#include "prepare/prepare.h"

namespace drawlens::prepare {
namespace {

// Applies `is_ink(pixel, sum, sum_sq, count)` over every pixel's clipped window, rows in parallel;
// sum_sq is 0 unless with_squares. The integral images are CV_64F: their sums are exact integers,
// as in the CUDA path's 64-bit ones.
template <typename InkRule>
cv::Mat threshold_by_window(const cv::Mat& gray, int window, bool with_squares, InkRule is_ink) {
  cv::Mat sum, sum_sq;
  if (with_squares) {
    cv::integral(gray, sum, sum_sq, CV_64F, CV_64F);
  } else {
    cv::integral(gray, sum, CV_64F);
  }
  cv::Mat ink(gray.size(), CV_8UC1);
  cv::parallel_for_(cv::Range(0, gray.rows), [&](const cv::Range& rows) {
    for (int y = rows.start; y < rows.end; ++y) {
      const rules::WindowSpan ys = rules::window_span(y, window, gray.rows);
      const double* s0 = sum.ptr<double>(ys.first);
      const double* s1 = sum.ptr<double>(ys.last);
      const double* q0 = with_squares ? sum_sq.ptr<double>(ys.first) : nullptr;
      const double* q1 = with_squares ? sum_sq.ptr<double>(ys.last) : nullptr;
      const std::uint8_t* in = gray.ptr<std::uint8_t>(y);
      std::uint8_t* out = ink.ptr<std::uint8_t>(y);
      for (int x = 0; x < gray.cols; ++x) {
        const rules::WindowSpan xs = rules::window_span(x, window, gray.cols);
        const double window_sum = s1[xs.last] - s0[xs.last] - s1[xs.first] + s0[xs.first];
        const double window_sq = with_squares ? q1[xs.last] - q0[xs.last] - q1[xs.first] + q0[xs.first] : 0;
        const double count = static_cast<double>(xs.last - xs.first) * (ys.last - ys.first);
        out[x] = is_ink(in[x], window_sum, window_sq, count) ? 255 : 0;
      }
    }
  });
  return ink;
}

bool odd_window(int window) {
  return window >= 3 && window % 2 == 1;
}

}  // namespace

Result<bool> validate(const ChainOptions& o) {
  const auto bad = [](const std::string& what) { return make_error(Status::invalid_argument, "prepare: " + what); };
  if (o.clahe_options.tiles_x < 1 || o.clahe_options.tiles_x > 64 || o.clahe_options.tiles_y < 1 ||
      o.clahe_options.tiles_y > 64) {
    return bad("CLAHE tiles must be 1..64 per side");
  }
  if (!odd_window(o.sauvola.window) || !odd_window(o.mean_c.window)) return bad("windows must be odd and >= 3");
  if (o.sauvola.dynamic_range <= 0) return bad("Sauvola dynamic range must be positive");
  const SkewOptions& s = o.skew;
  if (!(s.step_degrees > 0 && s.step_degrees <= s.max_degrees && s.max_degrees <= 15) || s.reduction < 1) {
    return bad("skew search needs 0 < step <= max <= 15 degrees and reduction >= 1");
  }
  return true;
}

cv::Mat gray_from_rgb(const cv::Mat& rgb) {
  cv::Mat gray;
  cv::cvtColor(rgb, gray, cv::COLOR_RGB2GRAY);
  return gray;
}

cv::Mat clahe(const cv::Mat& gray, const ClaheOptions& options) {
  cv::Mat out;
  cv::createCLAHE(options.clip_limit, cv::Size(options.tiles_x, options.tiles_y))->apply(gray, out);
  return out;
}

cv::Mat median3(const cv::Mat& gray) {
  cv::Mat out;
  cv::medianBlur(gray, out, 3);
  return out;
}

cv::Mat sauvola(const cv::Mat& gray, const SauvolaOptions& options) {
  return threshold_by_window(gray, options.window, true, [&](int pixel, double sum, double sum_sq, double count) {
    return rules::sauvola_ink(pixel, sum, sum_sq, count, options.k, options.dynamic_range);
  });
}

cv::Mat mean_c(const cv::Mat& gray, const MeanCOptions& options) {
  return threshold_by_window(gray, options.window, false, [&](int pixel, double sum, double, double count) {
    return rules::mean_c_ink(pixel, sum, count, options.c);
  });
}

}  // namespace drawlens::prepare
