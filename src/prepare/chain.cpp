// The preparation chain, the same sequence on either device: gray, CLAHE, median, binarization,
// skew. The GPU version keeps the page on the device between ops and transfers it twice.
#include "prepare/prepare.h"

namespace drawlens::prepare {
namespace {

Result<bool> check_input(const cv::Mat& image) {
  if (image.empty() || (image.type() != CV_8UC1 && image.type() != CV_8UC3)) {
    return make_error(Status::invalid_argument, "prepare: the page must be a non-empty 8-bit gray or RGB image");
  }
  return true;
}

}  // namespace

Result<ChainOutput> run_chain(const cv::Mat& image, const ChainOptions& options) {
  if (auto valid = validate(options); !valid) return valid.error();
  if (auto input = check_input(image); !input) return input.error();
  ChainOutput out;
  out.gray = image.channels() == 3 ? gray_from_rgb(image) : image;
  if (options.clahe) out.gray = clahe(out.gray, options.clahe_options);
  if (options.denoise) out.gray = median3(out.gray);
  out.ink = options.binarization == Binarization::sauvola ? sauvola(out.gray, options.sauvola)
                                                          : mean_c(out.gray, options.mean_c);
  if (options.estimate_skew) out.skew_degrees = estimate_skew(out.ink, options.skew);
  return out;
}

Result<ChainOutput> GpuWorkspace::run_chain(const cv::Mat& image, const ChainOptions& options) {
  if (auto valid = validate(options); !valid) return valid.error();
  if (auto input = check_input(image); !input) return input.error();
  Result<bool> step = upload(image);
  if (step) step = to_gray();
  if (step && options.clahe) step = clahe(options.clahe_options);
  if (step && options.denoise) step = median3();
  if (step) {
    step = options.binarization == Binarization::sauvola ? sauvola(options.sauvola) : mean_c(options.mean_c);
  }
  if (!step) return step.error();
  ChainOutput out;
  if (options.estimate_skew) {
    Result<double> angle = estimate_skew(options.skew);
    if (!angle) return angle.error();
    out.skew_degrees = angle.value();
  }
  Result<cv::Mat> gray = download_gray();
  if (!gray) return gray.error();
  Result<cv::Mat> ink = download_ink();
  if (!ink) return ink.error();
  out.gray = std::move(gray).value();
  out.ink = std::move(ink).value();
  return out;
}

}  // namespace drawlens::prepare
