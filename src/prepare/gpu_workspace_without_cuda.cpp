// GpuWorkspace for builds without CUDA: create() says so, and no workspace can exist, so the other
// members only give the same answer.
#include "prepare/prepare.h"

namespace drawlens::prepare {
namespace {

Error built_without_cuda() {
  return make_error(Status::gpu, "prepare on GPU: drawlens was built without CUDA");
}

}  // namespace

struct GpuWorkspace::State {};

GpuWorkspace::GpuWorkspace(std::unique_ptr<State> state) : state_(std::move(state)) {}
GpuWorkspace::GpuWorkspace(GpuWorkspace&&) noexcept = default;
GpuWorkspace& GpuWorkspace::operator=(GpuWorkspace&&) noexcept = default;
GpuWorkspace::~GpuWorkspace() = default;

Result<GpuWorkspace> GpuWorkspace::create(int) {
  return built_without_cuda();
}
Result<bool> GpuWorkspace::upload(const cv::Mat&) {
  return built_without_cuda();
}
Result<bool> GpuWorkspace::to_gray() {
  return built_without_cuda();
}
Result<bool> GpuWorkspace::clahe(const ClaheOptions&) {
  return built_without_cuda();
}
Result<bool> GpuWorkspace::median3() {
  return built_without_cuda();
}
Result<bool> GpuWorkspace::sauvola(const SauvolaOptions&) {
  return built_without_cuda();
}
Result<bool> GpuWorkspace::mean_c(const MeanCOptions&) {
  return built_without_cuda();
}
Result<double> GpuWorkspace::estimate_skew(const SkewOptions&) {
  return built_without_cuda();
}
Result<cv::Mat> GpuWorkspace::download_gray() {
  return built_without_cuda();
}
Result<cv::Mat> GpuWorkspace::download_ink() {
  return built_without_cuda();
}
Result<PreparedPage> GpuWorkspace::prepare_page(const cv::Mat&, double) {
  return built_without_cuda();
}
Result<bool> GpuWorkspace::synchronize() {
  return built_without_cuda();
}
std::size_t GpuWorkspace::device_bytes() const {
  return 0;
}
std::size_t GpuWorkspace::peak_device_bytes() const {
  return 0;
}

}  // namespace drawlens::prepare
