// Each step draws its strength from the drawing's random stream; the skew canvas grows to hold
// the turned page, so nothing of the sheet (and none of its truth) is cut off.
#include "degradation.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace drawlens::synth {
namespace {

struct Strength {
  double scale_low, scale_high;  // resolution kept
  double fade_low;               // weakest ink left by fading
  double skew;                   // degrees, either way
  double blur_low, blur_high;    // Gaussian sigma, pixels
  double noise_low, noise_high;  // gray levels
  double speckles_per_megapixel;
  int jpeg_low, jpeg_high;  // quality
};

constexpr Strength kScan{0.8, 1.0, 0.65, 1.0, 0.3, 0.7, 3.0, 7.0, 20.0, 70, 92};
constexpr Strength kHeavy{0.55, 0.8, 0.35, 3.0, 0.7, 1.3, 8.0, 16.0, 120.0, 30, 60};

void fade(cv::Mat& gray, double weakest, RandomSource& random) {
  cv::Mat field(6, 8, CV_32F);
  for (int y = 0; y < field.rows; ++y) {
    for (int x = 0; x < field.cols; ++x) field.at<float>(y, x) = static_cast<float>(random.uniform_real(weakest, 1.0));
  }
  cv::resize(field, field, gray.size(), 0, 0, cv::INTER_CUBIC);
  cv::Mat ink;
  cv::subtract(cv::Scalar(255), gray, ink);
  ink.convertTo(ink, CV_32F);
  cv::multiply(ink, field, ink);
  ink.convertTo(ink, CV_8U);
  cv::subtract(cv::Scalar(255), ink, gray);
}

// Gaussian-like noise from the sum of four random bytes (Irwin-Hall), two values per draw.
void add_noise(cv::Mat& gray, double sigma, RandomSource& random) {
  constexpr double kSumSpread = 147.8;  // standard deviation of a sum of four uniform bytes
  const double gain = sigma / kSumSpread;
  for (int y = 0; y < gray.rows; ++y) {
    auto* row = gray.ptr<std::uint8_t>(y);
    for (int x = 0; x < gray.cols; x += 2) {
      std::uint64_t bits = random.next_bits();
      for (int k = 0; k < 2 && x + k < gray.cols; ++k) {
        int sum = 0;
        for (int b = 0; b < 4; ++b, bits >>= 8) sum += static_cast<int>(bits & 0xFF);
        const double value = row[x + k] + (sum - 510) * gain;
        row[x + k] = static_cast<std::uint8_t>(std::clamp(std::lround(value), 0L, 255L));
      }
    }
  }
}

void speckle(cv::Mat& gray, double per_megapixel, RandomSource& random) {
  const int count = static_cast<int>(per_megapixel * gray.total() / 1e6);
  for (int i = 0; i < count; ++i) {
    const cv::Point at(random.uniform_int(0, gray.cols - 1), random.uniform_int(0, gray.rows - 1));
    const bool dark = random.chance(0.7);
    cv::circle(gray, at, random.uniform_int(0, 2), cv::Scalar(dark ? random.uniform_int(0, 90) : 255), cv::FILLED);
  }
}

}  // namespace

Affine skew(cv::Mat& gray, cv::Mat& mask, double degrees, std::uint8_t paper) {
  const cv::Point2f centre(gray.cols / 2.0f, gray.rows / 2.0f);
  cv::Mat rotation = cv::getRotationMatrix2D(centre, degrees, 1.0);
  const cv::Rect2f turned = cv::RotatedRect(centre, gray.size(), static_cast<float>(degrees)).boundingRect2f();
  rotation.at<double>(0, 2) += turned.width / 2.0 - centre.x;
  rotation.at<double>(1, 2) += turned.height / 2.0 - centre.y;
  cv::Mat out;
  cv::warpAffine(gray, out, rotation,
                 cv::Size(static_cast<int>(std::ceil(turned.width)), static_cast<int>(std::ceil(turned.height))),
                 cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(paper));
  gray = out;
  if (!mask.empty()) {
    cv::Mat turned_mask;
    cv::warpAffine(mask, turned_mask, rotation, gray.size(), cv::INTER_NEAREST, cv::BORDER_CONSTANT, cv::Scalar(0));
    mask = turned_mask;
  }
  const auto m = [&](int r, int c) { return rotation.at<double>(r, c); };
  // OpenCV maps pixel centres (integers); the truth's coordinates put pixel i's centre at i + 0.5.
  return Affine{m(0, 0), m(0, 1), m(0, 2) + 0.5 - 0.5 * (m(0, 0) + m(0, 1)),
                m(1, 0), m(1, 1), m(1, 2) + 0.5 - 0.5 * (m(1, 0) + m(1, 1))};
}

DegradedPage degrade_page(const cv::Mat& gray, const cv::Mat& mask, double dpi, Degradation level,
                          RandomSource& random) {
  DegradedPage out{gray.clone(), mask, Affine{}, dpi};
  if (level == Degradation::none) return out;
  const Strength& s = level == Degradation::heavy ? kHeavy : kScan;
  const double scale = random.uniform_real(s.scale_low, s.scale_high);
  cv::resize(out.image, out.image, cv::Size(), scale, scale, cv::INTER_AREA);
  // Class labels are not averaged: the nearest (pixel-centre exact) source pixel of the same map.
  if (!mask.empty()) cv::resize(mask, out.mask, out.image.size(), 0, 0, cv::INTER_NEAREST_EXACT);
  // INTER_AREA maps pixel edges to pixel edges: the map is a pure scale.
  out.transform = Affine{out.image.cols / static_cast<double>(gray.cols), 0, 0, 0,
                         out.image.rows / static_cast<double>(gray.rows), 0};
  out.dpi = dpi * scale;
  fade(out.image, s.fade_low, random);
  const double angle = random.uniform_real(-s.skew, s.skew);
  out.transform = skew(out.image, out.mask, angle, 255).after(out.transform);
  cv::GaussianBlur(out.image, out.image, cv::Size(0, 0), random.uniform_real(s.blur_low, s.blur_high));
  add_noise(out.image, random.uniform_real(s.noise_low, s.noise_high), random);
  speckle(out.image, s.speckles_per_megapixel, random);
  std::vector<std::uint8_t> jpeg;
  cv::imencode(".jpg", out.image, jpeg, {cv::IMWRITE_JPEG_QUALITY, random.uniform_int(s.jpeg_low, s.jpeg_high)});
  out.image = cv::imdecode(jpeg, cv::IMREAD_GRAYSCALE);
  if (out.image.empty()) throw std::runtime_error("JPEG round trip failed");
  return out;
}

}  // namespace drawlens::synth
