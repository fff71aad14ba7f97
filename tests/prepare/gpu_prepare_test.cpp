// The CUDA preparation path against the CPU path (label gpu): gray, median, Sauvola, mean-C and
// skew are exact; CLAHE within 1 gray level on at most 0.01% of pixels (docs/gpu.md). Without a
// CUDA device the comparisons skip with the reason and the workspace must refuse cleanly.
#include <gtest/gtest.h>

#include <functional>
#include <optional>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "gpu/cuda_devices.h"
#include "prepare/prepare.h"
#include "text_page.h"

namespace drawlens::prepare {
namespace {

constexpr double kClaheMaxDifferingShare = 1e-4;

double differing_share(const cv::Mat& a, const cv::Mat& b) {
  return static_cast<double>(cv::countNonZero(a != b)) / static_cast<double>(a.total());
}

double max_difference(const cv::Mat& a, const cv::Mat& b) {
  cv::Mat difference;
  cv::absdiff(a, b, difference);
  double most = 0;
  cv::minMaxLoc(difference, nullptr, &most);
  return most;
}

cv::Mat as_rgb(const cv::Mat& gray) {
  cv::Mat rgb;
  cv::cvtColor(gray, rgb, cv::COLOR_GRAY2RGB);
  // Tint the channels apart so the weights of R, G and B all matter.
  cv::Mat channels[3];
  cv::split(rgb, channels);
  channels[0] = channels[0] * 0.9;
  channels[2] = channels[2] * 0.7 + 40;
  cv::merge(channels, 3, rgb);
  return rgb;
}

class GpuPrepare : public ::testing::Test {
 protected:
  void SetUp() override {
    const gpu::CudaInventory inventory = gpu::query_cuda_devices();
    if (inventory.devices.empty()) GTEST_SKIP() << inventory.reason;
    auto created = GpuWorkspace::create(0);
    ASSERT_TRUE(created.ok()) << created.error().message;
    workspace_.emplace(std::move(created).value());
  }

  GpuWorkspace& gpu() { return *workspace_; }

  cv::Mat gray_after(const cv::Mat& input, const std::function<Result<bool>(GpuWorkspace&)>& op) {
    EXPECT_TRUE(gpu().upload(input).ok());
    EXPECT_TRUE(gpu().to_gray().ok());
    const Result<bool> done = op(gpu());
    EXPECT_TRUE(done.ok()) << done.error().message;
    auto out = gpu().download_gray();
    EXPECT_TRUE(out.ok()) << out.error().message;
    return out.ok() ? out.value() : cv::Mat();
  }

  cv::Mat ink_after(const cv::Mat& gray, const std::function<Result<bool>(GpuWorkspace&)>& binarize) {
    EXPECT_TRUE(gpu().upload(gray).ok());
    const Result<bool> done = binarize(gpu());
    EXPECT_TRUE(done.ok()) << done.error().message;
    auto out = gpu().download_ink();
    EXPECT_TRUE(out.ok()) << out.error().message;
    return out.ok() ? out.value() : cv::Mat();
  }

  std::optional<GpuWorkspace> workspace_;
};

const auto nothing = [](GpuWorkspace&) { return Result<bool>(true); };

TEST_F(GpuPrepare, GrayFromRgbIsExact) {
  const cv::Mat rgb = as_rgb(testing::make_text_page(1201, 803, 2.0));
  EXPECT_EQ(differing_share(gray_after(rgb, nothing), gray_from_rgb(rgb)), 0.0);
}

TEST_F(GpuPrepare, MedianIsExact) {
  cv::Mat page = testing::make_text_page(1201, 803);
  cv::randn(page, 180, 50);  // noise makes every median decision count
  const cv::Mat gpu_median = gray_after(page, [](GpuWorkspace& w) { return w.median3(); });
  EXPECT_EQ(differing_share(gpu_median, median3(page)), 0.0);
}

TEST_F(GpuPrepare, ClaheMatchesCpuWithinTolerance) {
  const cv::Mat page = testing::make_text_page(2480, 1754, 1.0);
  for (const ClaheOptions& o : {ClaheOptions{}, ClaheOptions{4.0, 3, 5}}) {
    const cv::Mat gpu_clahe = gray_after(page, [&](GpuWorkspace& w) { return w.clahe(o); });
    const cv::Mat cpu_clahe = clahe(page, o);
    EXPECT_LE(max_difference(gpu_clahe, cpu_clahe), 1.0);
    EXPECT_LE(differing_share(gpu_clahe, cpu_clahe), kClaheMaxDifferingShare);
  }
}

TEST_F(GpuPrepare, ThresholdsAreExact) {
  cv::Mat page = testing::make_text_page(2480, 1754);
  cv::GaussianBlur(page, page, {5, 5}, 0);  // grays at every stroke edge
  const SauvolaOptions sauvola_options;
  const MeanCOptions mean_c_options;
  EXPECT_EQ(differing_share(ink_after(page, [&](GpuWorkspace& w) { return w.sauvola(sauvola_options); }),
                            sauvola(page, sauvola_options)),
            0.0);
  EXPECT_EQ(differing_share(ink_after(page, [&](GpuWorkspace& w) { return w.mean_c(mean_c_options); }),
                            mean_c(page, mean_c_options)),
            0.0);
}

TEST_F(GpuPrepare, SkewEstimateIsExact) {
  const cv::Mat page = testing::make_text_page(2480, 1754, -1.7);
  ASSERT_TRUE(gpu().upload(page).ok());
  ASSERT_TRUE(gpu().sauvola({}).ok());
  auto angle = gpu().estimate_skew({});
  ASSERT_TRUE(angle.ok()) << angle.error().message;
  EXPECT_DOUBLE_EQ(angle.value(), estimate_skew(sauvola(page, {}), {}));
}

TEST_F(GpuPrepare, PreparedPageIsExact) {
  cv::Mat page = testing::make_text_page(2480, 1754);
  cv::GaussianBlur(page, page, {5, 5}, 0);  // grays at every stroke edge
  auto on_gpu = gpu().prepare_page(page, 300);
  ASSERT_TRUE(on_gpu.ok()) << on_gpu.error().message;
  const PreparedPage on_cpu = prepare_page(page, 300);
  EXPECT_EQ(on_gpu.value().paper_level, on_cpu.paper_level);
  EXPECT_EQ(differing_share(on_gpu.value().ink, on_cpu.ink), 0.0);
}

TEST_F(GpuPrepare, ChainMatchesCpuAcrossPageSizes) {
  for (const auto& size : {cv::Size(4960, 3508), cv::Size(1240, 877)}) {
    const cv::Mat rgb = as_rgb(testing::make_text_page(size.width, size.height, 1.5));
    auto on_gpu = gpu().run_chain(rgb, {});
    ASSERT_TRUE(on_gpu.ok()) << on_gpu.error().message;
    auto on_cpu = run_chain(rgb, {});
    ASSERT_TRUE(on_cpu.ok());
    EXPECT_LE(max_difference(on_gpu.value().gray, on_cpu.value().gray), 1.0);
    // A CLAHE level of difference can move a pixel across the threshold; no more than that.
    EXPECT_LE(differing_share(on_gpu.value().ink, on_cpu.value().ink), kClaheMaxDifferingShare);
    EXPECT_NEAR(on_gpu.value().skew_degrees, on_cpu.value().skew_degrees, 0.01);
  }
  EXPECT_GT(gpu().peak_device_bytes(), 4960u * 3508u * 16u);  // the two 64-bit integral images
  EXPECT_LE(gpu().device_bytes(), gpu().peak_device_bytes());
}

TEST_F(GpuPrepare, OpsBeforeUploadAreRefused) {
  auto fresh = GpuWorkspace::create(0);
  ASSERT_TRUE(fresh.ok());
  auto early = fresh.value().clahe({});
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().status, Status::invalid_argument);
  EXPECT_FALSE(fresh.value().download_ink().ok());
}

TEST(GpuPrepareWithoutDevice, WorkspaceSaysWhy) {
  const gpu::CudaInventory inventory = gpu::query_cuda_devices();
  if (!inventory.devices.empty()) GTEST_SKIP() << "a CUDA device is present";
  auto created = GpuWorkspace::create(0);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().status, Status::gpu);
  EXPECT_FALSE(created.error().message.empty());
}

}  // namespace
}  // namespace drawlens::prepare
