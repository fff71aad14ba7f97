// Normalizes decoded images of any depth and channel count to the 8-bit gray pages every stage reads.
#include <opencv2/imgproc.hpp>

#include "load/decoders.h"

namespace drawlens::load {
namespace {

cv::Mat to_depth8(const cv::Mat& image) {
  if (image.depth() == CV_8U) return image;
  cv::Mat out;
  const double scale = image.depth() == CV_16U ? 1.0 / 257.0 : 1.0;
  image.convertTo(out, CV_8U, scale);
  return out;
}

// CAD exports often draw black lines on a transparent background: transparent means paper.
cv::Mat composite_on_white(const cv::Mat& gray, const cv::Mat& alpha) {
  cv::Mat out(gray.size(), CV_8UC1);
  for (int y = 0; y < gray.rows; ++y) {
    const auto* g = gray.ptr<std::uint8_t>(y);
    const auto* a = alpha.ptr<std::uint8_t>(y);
    auto* o = out.ptr<std::uint8_t>(y);
    for (int x = 0; x < gray.cols; ++x)
      o[x] = static_cast<std::uint8_t>((g[x] * a[x] + 255 * (255 - a[x]) + 127) / 255);
  }
  return out;
}

}  // namespace

cv::Mat to_gray8(const cv::Mat& image) {
  const cv::Mat image8 = to_depth8(image);
  switch (image8.channels()) {
    case 1: return image8;
    case 2: {
      cv::Mat gray, alpha;
      cv::extractChannel(image8, gray, 0);
      cv::extractChannel(image8, alpha, 1);
      return composite_on_white(gray, alpha);
    }
    case 3: {
      cv::Mat gray;
      cv::cvtColor(image8, gray, cv::COLOR_BGR2GRAY);
      return gray;
    }
    case 4: {
      cv::Mat gray, alpha;
      cv::cvtColor(image8, gray, cv::COLOR_BGRA2GRAY);
      cv::extractChannel(image8, alpha, 3);
      return composite_on_white(gray, alpha);
    }
    default: {
      cv::Mat first;
      cv::extractChannel(image8, first, 0);
      return first;
    }
  }
}

}  // namespace drawlens::load
