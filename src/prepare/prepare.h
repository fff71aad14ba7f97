// Image preparation before layout, detection and OCR: the prepare stage's page (gray and one ink
// mask, computed once and shared by the later stages), and the chain for scans: gray from RGB,
// CLAHE, a 3x3 median, adaptive thresholds (Sauvola, mean-C) via integral images, skew estimation.
// The CPU path uses OpenCV; GpuWorkspace runs the same arithmetic as CUDA kernels (docs/gpu.md).
#pragma once

#include <cstddef>
#include <memory>

#include <opencv2/core/mat.hpp>

#include "core/status.h"

namespace drawlens::prepare {

struct ClaheOptions {
  double clip_limit = 2.0;  // as cv::createCLAHE: times the mean bin height
  int tiles_x = 8;
  int tiles_y = 8;
};

// Window sizes suit 300 dpi drawings: a window spans a few characters of 3.5 mm text.
struct SauvolaOptions {
  int window = 41;  // odd, pixels
  double k = 0.2;
  double dynamic_range = 128;  // R, the standard deviation of a high-contrast window
};

struct MeanCOptions {
  int window = 41;  // odd, pixels
  double c = 10;    // gray levels below the window mean that count as ink
};

// Candidate angles -max_degrees .. +max_degrees in steps of step_degrees, on the ink reduced by
// `reduction` (a cell is ink when any of its pixels is); a longer side over 4096 cells raises it.
struct SkewOptions {
  double max_degrees = 5;
  double step_degrees = 0.1;
  int reduction = 4;
};

enum class Binarization { sauvola, mean_c };

struct ChainOptions {
  bool clahe = true;
  ClaheOptions clahe_options;
  bool denoise = true;  // 3x3 median
  Binarization binarization = Binarization::sauvola;
  SauvolaOptions sauvola;
  MeanCOptions mean_c;
  bool estimate_skew = true;
  SkewOptions skew;
};

struct ChainOutput {
  cv::Mat gray;             // CV_8UC1 after CLAHE and denoising
  cv::Mat ink;              // CV_8UC1: 255 ink, 0 paper
  double skew_degrees = 0;  // content rotation, counter-clockwise as displayed; 0 when not estimated
};

// ---- The prepare stage's page ------------------------------------------------------------------

// What every later stage of a page reads: its gray pixels and its ink, computed once per page.
// Ink is everything clearly darker than the paper: CAD exports draw rulings in light gray (about
// 75% of paper brightness), so a fixed share of the paper level separates them from paper while
// JPEG noise and faint scan background stay paper.
struct PreparedPage {
  cv::Mat gray;          // CV_8UC1 as loaded (shares the page's pixels)
  cv::Mat ink;           // CV_8UC1 of gray's size, 255 ink, 0 paper; empty when the page is not ink on paper
  int paper_level = -1;  // the paper's gray level; -1 when most of the page is dark
  double dpi = 0;        // the page's resolution, 0 when unknown
};

// The most common bright tone (sampled every 4th row), or -1 when most of the page is dark.
int paper_level(const cv::Mat& gray);
// Gray levels at or below this are ink on paper of `paper_level`.
int ink_threshold(int paper_level);
// The stage on the CPU. gray: CV_8UC1 (anything else gives an empty ink mask).
PreparedPage prepare_page(const cv::Mat& gray, double dpi);

// Option checks shared by both paths: odd windows >= 3, tiles 1..64, angles within 0 < step <= max <= 15.
Result<bool> validate(const ChainOptions& options);

// ---- CPU (OpenCV) ------------------------------------------------------------------------------
// Inputs are 8-bit; gray_from_rgb takes R, G, B channel order (CV_8UC3), the others CV_8UC1.
cv::Mat gray_from_rgb(const cv::Mat& rgb);
cv::Mat clahe(const cv::Mat& gray, const ClaheOptions& options);
cv::Mat median3(const cv::Mat& gray);
cv::Mat sauvola(const cv::Mat& gray, const SauvolaOptions& options);
cv::Mat mean_c(const cv::Mat& gray, const MeanCOptions& options);
double estimate_skew(const cv::Mat& ink, const SkewOptions& options);

// The chain on the CPU; image is CV_8UC1 gray or CV_8UC3 RGB.
Result<ChainOutput> run_chain(const cv::Mat& image, const ChainOptions& options);

// ---- CUDA ----------------------------------------------------------------------------------------

// One page at a time on one CUDA device. Device buffers are kept between pages (a batch allocates
// once) and counted, so peak_device_bytes() is the stage's measured GPU memory need. Upload, the
// ops and download are separate calls so transfers can be timed apart; each op reads the page left
// by the previous one. Not thread-safe: one workspace per thread.
class GpuWorkspace {
 public:
  // Status::gpu when drawlens was built without CUDA or the device is unusable.
  static Result<GpuWorkspace> create(int device_ordinal);
  GpuWorkspace(GpuWorkspace&&) noexcept;
  GpuWorkspace& operator=(GpuWorkspace&&) noexcept;
  ~GpuWorkspace();

  Result<bool> upload(const cv::Mat& image);  // CV_8UC1 gray or CV_8UC3 RGB
  Result<bool> to_gray();                     // gray from the RGB upload (again); nothing for a gray one
  Result<bool> clahe(const ClaheOptions& options);
  Result<bool> median3();
  Result<bool> sauvola(const SauvolaOptions& options);
  Result<bool> mean_c(const MeanCOptions& options);
  Result<double> estimate_skew(const SkewOptions& options);
  Result<cv::Mat> download_gray();
  Result<cv::Mat> download_ink();
  Result<bool> synchronize();  // waits for the queued work, for timing

  // Upload, chain, download.
  Result<ChainOutput> run_chain(const cv::Mat& image, const ChainOptions& options);
  // The prepare stage on this device: the same PreparedPage as prepare_page, the ink thresholded
  // by a kernel (the paper level is a host histogram of every 4th row).
  Result<PreparedPage> prepare_page(const cv::Mat& gray, double dpi);

  std::size_t device_bytes() const;       // held now
  std::size_t peak_device_bytes() const;  // most held at once since create

 private:
  struct State;
  explicit GpuWorkspace(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace drawlens::prepare
