// Image preparation on the CPU against known answers: the shared pixel rules (which the CUDA
// kernels run) reproduce OpenCV's gray, median and CLAHE exactly; Sauvola recovers ink under uneven
// light; skew estimation finds known rotations; the chain checks its options.
#include <gtest/gtest.h>

#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "prepare/pixel_rules.h"
#include "prepare/prepare.h"
#include "text_page.h"

namespace drawlens::prepare {
namespace {

cv::Mat noise(int width, int height, int type, unsigned seed) {
  cv::Mat image(height, width, type);
  cv::RNG rng(seed);
  rng.fill(image, cv::RNG::UNIFORM, 0, 256);
  return image;
}

// CLAHE computed by the rules alone, in the order the CUDA kernels use them.
cv::Mat clahe_by_rules(const cv::Mat& gray, const ClaheOptions& o) {
  const rules::ClaheGrid grid = rules::clahe_grid(gray.cols, gray.rows, o.tiles_x, o.tiles_y);
  const int area = grid.tile_width * grid.tile_height;
  std::vector<std::uint8_t> luts(256 * o.tiles_x * o.tiles_y);
  for (int tile = 0; tile < o.tiles_x * o.tiles_y; ++tile) {
    int hist[256] = {};
    for (int i = 0; i < area; ++i) {
      const int x = rules::reflect101_index((tile % o.tiles_x) * grid.tile_width + i % grid.tile_width, gray.cols);
      const int y = rules::reflect101_index((tile / o.tiles_x) * grid.tile_height + i / grid.tile_width, gray.rows);
      ++hist[gray.at<std::uint8_t>(y, x)];
    }
    rules::clahe_tile_lut(hist, rules::clahe_clip_count(o.clip_limit, area), area, &luts[256 * tile]);
  }
  cv::Mat out(gray.size(), CV_8UC1);
  for (int y = 0; y < gray.rows; ++y) {
    const rules::ClaheAxis ay = rules::clahe_axis(y, grid.tile_height, o.tiles_y);
    for (int x = 0; x < gray.cols; ++x) {
      const rules::ClaheAxis ax = rules::clahe_axis(x, grid.tile_width, o.tiles_x);
      const int v = gray.at<std::uint8_t>(y, x);
      const auto lut = [&](int ty, int tx) { return luts[256 * (ty * o.tiles_x + tx) + v]; };
      out.at<std::uint8_t>(y, x) = rules::clahe_blend(lut(ay.tile1, ax.tile1), lut(ay.tile1, ax.tile2),
                                                      lut(ay.tile2, ax.tile1), lut(ay.tile2, ax.tile2), ax, ay);
    }
  }
  return out;
}

int differing_pixels(const cv::Mat& a, const cv::Mat& b) {
  return cv::countNonZero(a != b);
}

// Share of the true ink found, and share of the found ink that is true.
struct InkScore {
  double recall, precision;
};

InkScore score_ink(const cv::Mat& found, const cv::Mat& truth) {
  const double hits = cv::countNonZero(found & truth);
  return {hits / cv::countNonZero(truth), hits / std::max(1, cv::countNonZero(found))};
}

TEST(PrepareRules, GrayMatchesOpenCv) {
  const cv::Mat rgb = noise(301, 203, CV_8UC3, 1);
  const cv::Mat gray = gray_from_rgb(rgb);
  for (int y = 0; y < rgb.rows; ++y) {
    for (int x = 0; x < rgb.cols; ++x) {
      const cv::Vec3b p = rgb.at<cv::Vec3b>(y, x);
      ASSERT_EQ(gray.at<std::uint8_t>(y, x), rules::gray_from_rgb(p[0], p[1], p[2])) << x << "," << y;
    }
  }
}

TEST(PrepareRules, MedianMatchesOpenCv) {
  const cv::Mat gray = noise(257, 131, CV_8UC1, 2);
  const cv::Mat median = median3(gray);
  for (int y = 0; y < gray.rows; ++y) {
    for (int x = 0; x < gray.cols; ++x) {
      int p[9], k = 0;
      for (int dy = -1; dy <= 1; ++dy) {
        for (int dx = -1; dx <= 1; ++dx) {
          p[k++] = gray.at<std::uint8_t>(rules::clamp_index(y + dy, gray.rows), rules::clamp_index(x + dx, gray.cols));
        }
      }
      ASSERT_EQ(median.at<std::uint8_t>(y, x), rules::median9(p)) << x << "," << y;
    }
  }
}

TEST(PrepareRules, ClaheMatchesOpenCvExactly) {
  const cv::Mat smooth = [] {
    cv::Mat m = noise(640, 480, CV_8UC1, 3);
    cv::GaussianBlur(m, m, {0, 0}, 6);
    return m;
  }();
  const cv::Mat page = testing::make_text_page(997, 701);
  for (const ClaheOptions& o : {ClaheOptions{}, ClaheOptions{4.0, 3, 5}, ClaheOptions{0, 8, 8}}) {
    for (const cv::Mat* image : {&smooth, &page}) {
      EXPECT_EQ(differing_pixels(clahe(*image, o), clahe_by_rules(*image, o)), 0)
          << "clip " << o.clip_limit << ", tiles " << o.tiles_x << "x" << o.tiles_y << ", " << image->cols << "x"
          << image->rows;
    }
  }
}

TEST(PrepareRules, ReflectIndexFollowsOpenCv) {
  for (int n : {1, 2, 5}) {
    for (int i = -7; i < n + 7; ++i) {
      EXPECT_EQ(rules::reflect101_index(i, n), cv::borderInterpolate(i, n, cv::BORDER_REFLECT_101)) << i << "/" << n;
    }
  }
}

// Dark text on paper lit from one side: the right edge gets a third of the light of the left.
struct LitPage {
  cv::Mat gray, ink_truth;
};

LitPage gradient_lit_page() {
  const cv::Mat page = testing::make_text_page(1400, 900);
  cv::Mat light(page.size(), CV_32F);
  for (int x = 0; x < page.cols; ++x) light.col(x).setTo(1.0 - 0.65 * x / page.cols);
  cv::Mat reflectance, lit;
  page.convertTo(reflectance, CV_32F, 200.0 / 255.0, 30.0);  // ink 30, paper 230
  cv::multiply(reflectance, light, lit);
  LitPage out;
  lit.convertTo(out.gray, CV_8U);
  out.ink_truth = page < 128;
  return out;
}

TEST(PrepareCpu, SauvolaRecoversInkUnderUnevenLight) {
  const LitPage lit = gradient_lit_page();
  cv::Mat global;
  cv::threshold(lit.gray, global, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  const InkScore otsu = score_ink(global, lit.ink_truth);
  EXPECT_LT(otsu.precision, 0.5) << "the page must defeat a global threshold for this test to mean anything";
  const InkScore sauvola = score_ink(prepare::sauvola(lit.gray, {}), lit.ink_truth);
  EXPECT_GT(sauvola.recall, 0.95);
  EXPECT_GT(sauvola.precision, 0.95);
}

TEST(PrepareCpu, MeanCRecoversInkUnderUnevenLight) {
  const LitPage lit = gradient_lit_page();
  const InkScore mean_c = score_ink(prepare::mean_c(lit.gray, {}), lit.ink_truth);
  EXPECT_GT(mean_c.recall, 0.9);
  EXPECT_GT(mean_c.precision, 0.9);
}

TEST(PrepareCpu, BlankPaperHasNoInk) {
  const cv::Mat paper(300, 400, CV_8UC1, cv::Scalar(240));
  EXPECT_EQ(cv::countNonZero(prepare::sauvola(paper, {})), 0);
  EXPECT_EQ(cv::countNonZero(prepare::mean_c(paper, {})), 0);
  EXPECT_DOUBLE_EQ(estimate_skew(prepare::sauvola(paper, {}), {}), 0.0);
}

TEST(PrepareCpu, SkewEstimateFindsKnownRotations) {
  for (double degrees : {1.5, -2.3, 0.0, 4.2}) {
    const cv::Mat page = testing::make_text_page(2480, 1754, degrees);
    EXPECT_NEAR(estimate_skew(prepare::sauvola(page, {}), {}), degrees, 0.1) << degrees << " degrees";
  }
}

TEST(PrepareCpu, ChainRunsEveryStepOnRgb) {
  cv::Mat rgb;
  cv::cvtColor(testing::make_text_page(1754, 1240, 1.5), rgb, cv::COLOR_GRAY2RGB);
  auto out = run_chain(rgb, {});
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(out.value().gray.type(), CV_8UC1);
  EXPECT_EQ(out.value().ink.size(), rgb.size());
  EXPECT_GT(cv::countNonZero(out.value().ink), 0);
  EXPECT_NEAR(out.value().skew_degrees, 1.5, 0.1);
}

TEST(PreparePage, LightGrayRulingsAreInkAndPaperIsNot) {
  cv::Mat page(200, 300, CV_8UC1, cv::Scalar(240));
  cv::line(page, {10, 50}, {290, 50}, cv::Scalar(180), 1);  // 75% of paper: a CAD export's gray ruling
  cv::line(page, {10, 100}, {290, 100}, cv::Scalar(0), 2);
  page.at<unsigned char>(150, 150) = 220;  // faint background noise stays paper
  const PreparedPage prepared = prepare_page(page, 150);
  EXPECT_EQ(prepared.paper_level, 240);
  EXPECT_EQ(prepared.dpi, 150);
  ASSERT_EQ(prepared.ink.size(), page.size());
  EXPECT_EQ(prepared.ink.at<unsigned char>(50, 100), 255);
  EXPECT_EQ(prepared.ink.at<unsigned char>(100, 100), 255);
  EXPECT_EQ(prepared.ink.at<unsigned char>(150, 150), 0);
  EXPECT_EQ(prepared.ink.at<unsigned char>(10, 10), 0);
  EXPECT_EQ(prepared.gray.data, page.data);  // shared, not copied
}

TEST(PreparePage, ADarkPageOrAWrongTypeHasNoInkMask) {
  EXPECT_TRUE(prepare_page(cv::Mat(100, 100, CV_8UC1, cv::Scalar(30)), 300).ink.empty());
  EXPECT_EQ(prepare_page(cv::Mat(100, 100, CV_8UC1, cv::Scalar(30)), 300).paper_level, -1);
  EXPECT_TRUE(prepare_page(cv::Mat(100, 100, CV_16UC1, cv::Scalar(200)), 300).ink.empty());
  EXPECT_TRUE(prepare_page(cv::Mat(), 300).ink.empty());
}

TEST(PrepareCpu, ChainChecksItsInputAndOptions) {
  ChainOptions even_window;
  even_window.sauvola.window = 40;
  auto bad_window = run_chain(cv::Mat(10, 10, CV_8UC1, cv::Scalar(255)), even_window);
  ASSERT_FALSE(bad_window.ok());
  EXPECT_EQ(bad_window.error().status, Status::invalid_argument);
  ChainOptions wide_skew;
  wide_skew.skew.max_degrees = 30;
  EXPECT_FALSE(run_chain(cv::Mat(10, 10, CV_8UC1, cv::Scalar(255)), wide_skew).ok());
  auto empty = run_chain(cv::Mat(), {});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().status, Status::invalid_argument);
  EXPECT_FALSE(run_chain(cv::Mat(10, 10, CV_16UC1), {}).ok());
}

}  // namespace
}  // namespace drawlens::prepare
