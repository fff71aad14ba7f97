// GpuWorkspace with CUDA: the page's device buffers, its stream, transfers, and the ops that queue
// the kernels of the .cu files. Built only when drawlens is built with CUDA.
#include <string>
#include <utility>
#include <vector>

#include "prepare/device_buffer.h"
#include "prepare/kernels.h"
#include "prepare/prepare.h"
#include "prepare/skew_search.h"

namespace drawlens::prepare {
namespace {

Error cuda_error(cudaError_t status, const std::string& what) {
  cudaGetLastError();  // clears a non-sticky error so the next call starts clean
  const Status kind = status == cudaErrorMemoryAllocation ? Status::out_of_memory : Status::gpu;
  return make_error(kind, "prepare on GPU: " + what + ": " + cudaGetErrorString(status));
}

Result<bool> check(cudaError_t status, const std::string& what) {
  if (status == cudaSuccess) return true;
  return cuda_error(status, what);
}

class CudaStream {
 public:
  CudaStream() = default;
  CudaStream(const CudaStream&) = delete;
  CudaStream& operator=(const CudaStream&) = delete;
  ~CudaStream() { reset(); }
  cudaError_t create() { return cudaStreamCreateWithFlags(&stream_, cudaStreamNonBlocking); }
  void reset() {
    if (stream_ != nullptr) cudaStreamDestroy(stream_);
    stream_ = nullptr;
  }
  cudaStream_t get() const { return stream_; }

 private:
  cudaStream_t stream_ = nullptr;
};

}  // namespace

struct GpuWorkspace::State {
  struct Buffers {
    DeviceBuffer<std::uint8_t> rgb, gray, scratch, ink, luts, cells;
    DeviceBuffer<unsigned long long> sum, sum_sq, scores;
    DeviceBuffer<double> trig;
    DeviceBuffer<std::uint32_t> profiles;
  };

  explicit State(int ordinal) : ordinal(ordinal) {}
  ~State() {
    const DeviceScope device(ordinal);  // frees on the workspace's device, whatever the caller's is
    b = Buffers();
    stream.reset();
  }

  int ordinal;
  DeviceMemoryCounter counter;  // declared before the buffers: it outlives them
  CudaStream stream;
  Buffers b;
  int width = 0, height = 0;
  bool rgb_upload = false;  // the page came as RGB: to_gray makes (or remakes) the gray page from it
  bool gray_valid = false;  // the gray buffer holds this page
  bool has_ink = false;     // the page has been binarized

  std::size_t pixels() const { return static_cast<std::size_t>(width) * height; }

  Result<bool> activate(const DeviceScope& device, const char* op) const {
    if (auto set = check(device.status(), "cuda:" + std::to_string(ordinal)); !set) return set;
    if (width == 0) {
      return make_error(Status::invalid_argument, std::string("prepare on GPU: ") + op + " before upload");
    }
    return true;
  }

  // activate(), and the page is gray (an RGB upload went through to_gray).
  Result<bool> gray_ready(const DeviceScope& device, const char* op) const {
    if (auto active = activate(device, op); !active) return active;
    if (!gray_valid) return make_error(Status::invalid_argument, std::string("prepare on GPU: to_gray before ") + op);
    return true;
  }

  Result<bool> threshold(const kernels::WindowThreshold& rule, const char* name);
  Result<cv::Mat> download(const DeviceBuffer<std::uint8_t>& buffer, const char* name);
};

GpuWorkspace::GpuWorkspace(std::unique_ptr<State> state) : state_(std::move(state)) {}
GpuWorkspace::GpuWorkspace(GpuWorkspace&&) noexcept = default;
GpuWorkspace& GpuWorkspace::operator=(GpuWorkspace&&) noexcept = default;
GpuWorkspace::~GpuWorkspace() = default;

Result<GpuWorkspace> GpuWorkspace::create(int device_ordinal) {
  const std::string name = "cuda:" + std::to_string(device_ordinal);
  const DeviceScope device(device_ordinal);
  if (auto set = check(device.status(), name); !set) return set.error();
  auto state = std::make_unique<State>(device_ordinal);
  if (auto stream = check(state->stream.create(), name + ": stream"); !stream) return stream.error();
  return GpuWorkspace(std::move(state));
}

Result<bool> GpuWorkspace::upload(const cv::Mat& image) {
  State& s = *state_;
  if (image.empty() || (image.type() != CV_8UC1 && image.type() != CV_8UC3)) {
    return make_error(Status::invalid_argument, "prepare on GPU: the page must be 8-bit gray or RGB");
  }
  const DeviceScope device(s.ordinal);
  s.width = image.cols;
  s.height = image.rows;
  if (auto active = s.activate(device, "upload"); !active) return active;
  s.rgb_upload = image.channels() == 3;
  s.gray_valid = !s.rgb_upload;
  s.has_ink = false;
  DeviceBuffer<std::uint8_t>& target = s.rgb_upload ? s.b.rgb : s.b.gray;
  const std::size_t row_bytes = static_cast<std::size_t>(image.cols) * image.channels();
  cudaError_t status = target.reserve(row_bytes * image.rows, s.counter);
  if (status == cudaSuccess) {
    status = cudaMemcpy2DAsync(target.get(), row_bytes, image.data, image.step, row_bytes, image.rows,
                               cudaMemcpyHostToDevice, s.stream.get());
  }
  return check(status, "upload");
}

Result<bool> GpuWorkspace::to_gray() {
  State& s = *state_;
  const DeviceScope device(s.ordinal);
  if (auto active = s.activate(device, "to_gray"); !active) return active;
  if (!s.rgb_upload) return true;
  cudaError_t status = s.b.gray.reserve(s.pixels(), s.counter);
  if (status == cudaSuccess) {
    status = kernels::gray_from_rgb(s.b.rgb.get(), s.b.gray.get(), s.width, s.height, s.stream.get());
  }
  s.gray_valid = status == cudaSuccess;
  return check(status, "gray from RGB");
}

Result<bool> GpuWorkspace::clahe(const ClaheOptions& options) {
  State& s = *state_;
  const DeviceScope device(s.ordinal);
  if (auto ready = s.gray_ready(device, "clahe"); !ready) return ready;
  cudaError_t status = s.b.scratch.reserve(s.pixels(), s.counter);
  if (status == cudaSuccess) status = s.b.luts.reserve(256u * options.tiles_x * options.tiles_y, s.counter);
  if (status == cudaSuccess) {
    status = kernels::clahe_luts(s.b.gray.get(), s.width, s.height, options.tiles_x, options.tiles_y,
                                 options.clip_limit, s.b.luts.get(), s.stream.get());
  }
  if (status == cudaSuccess) {
    status = kernels::clahe_apply(s.b.gray.get(), s.b.luts.get(), s.b.scratch.get(), s.width, s.height, options.tiles_x,
                                  options.tiles_y, s.stream.get());
  }
  if (status == cudaSuccess) s.b.gray.swap(s.b.scratch);
  return check(status, "CLAHE");
}

Result<bool> GpuWorkspace::median3() {
  State& s = *state_;
  const DeviceScope device(s.ordinal);
  if (auto ready = s.gray_ready(device, "median3"); !ready) return ready;
  cudaError_t status = s.b.scratch.reserve(s.pixels(), s.counter);
  if (status == cudaSuccess) {
    status = kernels::median3(s.b.gray.get(), s.b.scratch.get(), s.width, s.height, s.stream.get());
  }
  if (status == cudaSuccess) s.b.gray.swap(s.b.scratch);
  return check(status, "median");
}

Result<bool> GpuWorkspace::State::threshold(const kernels::WindowThreshold& rule, const char* name) {
  const DeviceScope device(ordinal);
  if (auto ready = gray_ready(device, name); !ready) return ready;
  const std::size_t table = static_cast<std::size_t>(width + 1) * (height + 1);
  cudaError_t status = b.sum.reserve(table, counter);
  if (status == cudaSuccess) status = b.sum_sq.reserve(table, counter);
  if (status == cudaSuccess) status = b.ink.reserve(pixels(), counter);
  if (status == cudaSuccess) {
    status = kernels::integral_images(b.gray.get(), b.sum.get(), b.sum_sq.get(), width, height, stream.get());
  }
  if (status == cudaSuccess) {
    status = kernels::threshold_by_window(b.gray.get(), b.sum.get(), b.sum_sq.get(), b.ink.get(), width, height, rule,
                                          stream.get());
  }
  has_ink = status == cudaSuccess;
  return check(status, name);
}

Result<bool> GpuWorkspace::sauvola(const SauvolaOptions& options) {
  return state_->threshold({options.window, true, options.k, options.dynamic_range, 0}, "Sauvola");
}

Result<bool> GpuWorkspace::mean_c(const MeanCOptions& options) {
  return state_->threshold({options.window, false, 0, 0, options.c}, "mean-C");
}

Result<double> GpuWorkspace::estimate_skew(const SkewOptions& options) {
  State& s = *state_;
  const DeviceScope device(s.ordinal);
  if (auto active = s.activate(device, "estimate_skew"); !active) return active.error();
  if (!s.has_ink) return make_error(Status::invalid_argument, "prepare on GPU: binarize before estimate_skew");
  const SkewSearch search = plan_skew_search(s.width, s.height, options);
  const std::size_t angles = search.angles_degrees.size();
  std::vector<double> trig = search.cosines;
  trig.insert(trig.end(), search.sines.begin(), search.sines.end());
  std::vector<unsigned long long> device_scores(angles);
  cudaError_t status = s.b.trig.reserve(trig.size(), s.counter);
  if (status == cudaSuccess) {
    status = s.b.cells.reserve(static_cast<std::size_t>(search.cells_x) * search.cells_y, s.counter);
  }
  if (status == cudaSuccess) status = s.b.profiles.reserve(angles * search.bins, s.counter);
  if (status == cudaSuccess) status = s.b.scores.reserve(angles, s.counter);
  if (status == cudaSuccess) {
    status = cudaMemcpyAsync(s.b.trig.get(), trig.data(), trig.size() * sizeof(double), cudaMemcpyHostToDevice,
                             s.stream.get());
  }
  if (status == cudaSuccess) {
    const kernels::SkewProfiles plan{search.reduction,        search.cells_x,           search.cells_y, s.b.trig.get(),
                                     s.b.trig.get() + angles, static_cast<int>(angles), search.bins,    search.offset};
    status = kernels::skew_scores(s.b.ink.get(), s.width, s.height, plan, s.b.cells.get(), s.b.profiles.get(),
                                  s.b.scores.get(), s.stream.get());
  }
  if (status == cudaSuccess) {
    status = cudaMemcpyAsync(device_scores.data(), s.b.scores.get(), angles * sizeof(unsigned long long),
                             cudaMemcpyDeviceToHost, s.stream.get());
  }
  if (status == cudaSuccess) status = cudaStreamSynchronize(s.stream.get());
  if (status != cudaSuccess) return cuda_error(status, "skew estimation");
  return best_skew_angle(search, std::vector<std::uint64_t>(device_scores.begin(), device_scores.end()));
}

Result<cv::Mat> GpuWorkspace::State::download(const DeviceBuffer<std::uint8_t>& buffer, const char* name) {
  cv::Mat out(height, width, CV_8UC1);
  cudaError_t status = cudaMemcpyAsync(out.data, buffer.get(), pixels(), cudaMemcpyDeviceToHost, stream.get());
  if (status == cudaSuccess) status = cudaStreamSynchronize(stream.get());
  if (status != cudaSuccess) return cuda_error(status, std::string("download ") + name);
  return out;
}

Result<cv::Mat> GpuWorkspace::download_gray() {
  const DeviceScope device(state_->ordinal);
  if (auto ready = state_->gray_ready(device, "download_gray"); !ready) return ready.error();
  return state_->download(state_->b.gray, "gray page");
}

Result<cv::Mat> GpuWorkspace::download_ink() {
  const DeviceScope device(state_->ordinal);
  if (auto active = state_->activate(device, "download_ink"); !active) return active.error();
  if (!state_->has_ink) return make_error(Status::invalid_argument, "prepare on GPU: binarize before download_ink");
  return state_->download(state_->b.ink, "ink");
}

Result<bool> GpuWorkspace::synchronize() {
  const DeviceScope device(state_->ordinal);
  if (auto active = state_->activate(device, "synchronize"); !active) return active;
  return check(cudaStreamSynchronize(state_->stream.get()), "synchronize");
}

Result<PreparedPage> GpuWorkspace::prepare_page(const cv::Mat& gray, double dpi) {
  PreparedPage page;
  page.gray = gray;
  page.dpi = dpi;
  page.paper_level = paper_level(gray);
  if (page.paper_level < 0) return page;
  if (auto uploaded = upload(gray); !uploaded) return uploaded.error();
  State& s = *state_;
  const DeviceScope device(s.ordinal);
  cudaError_t status = s.b.ink.reserve(s.pixels(), s.counter);
  if (status == cudaSuccess) {
    status = kernels::threshold_at_or_below(s.b.gray.get(), s.b.ink.get(), s.pixels(), ink_threshold(page.paper_level),
                                            s.stream.get());
  }
  s.has_ink = status == cudaSuccess;
  if (auto done = check(status, "page ink"); !done) return done.error();
  Result<cv::Mat> ink = download_ink();
  if (!ink) return ink.error();
  page.ink = std::move(ink).value();
  return page;
}

std::size_t GpuWorkspace::device_bytes() const {
  return state_->counter.current;
}

std::size_t GpuWorkspace::peak_device_bytes() const {
  return state_->counter.peak;
}

}  // namespace drawlens::prepare
