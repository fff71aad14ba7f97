// Scores vectorization (vectorization.h): the truth's primitives drawn into an index raster and the
// prediction's into a distance map, each predicted primitive's points looked up in the first, each
// truth point in the second.
#include "vectorization.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <opencv2/imgproc.hpp>

#include "page_items.h"
#include "segment_raster.h"
#include "segmentation.h"

namespace drawlens::eval {
namespace {

using nlohmann::json;
using Path = std::vector<cv::Point2d>;

constexpr double kOnTruth = 0.5;       // share of a predicted primitive's points on the truth
constexpr double kSecondShare = 0.25;  // share on a second truth primitive that makes it span two

std::vector<cv::Point> pixel_path(const Path& path) {
  std::vector<cv::Point> out;
  for (const cv::Point2d& p : path) out.emplace_back(cvRound(p.x), cvRound(p.y));
  return out;
}

bool inside(const cv::Mat& image, const cv::Point2d& p) {
  const int x = cvRound(p.x), y = cvRound(p.y);
  return x >= 0 && y >= 0 && x < image.cols && y < image.rows;
}

VectorizationCounts score_page(const json& truth_page, const json* predicted_page) {
  const std::string where = page_name(truth_page);
  const cv::Size size = page_size(truth_page, where);
  const double tolerance = linework_tolerance(truth_page.value("dpi", 0.0));
  const int reach = static_cast<int>(std::ceil(tolerance));
  std::vector<Path> truth, predicted;
  try {
    for (const json& s : page_items(&truth_page, "segments"))
      if (s.value("class", "") != "text") truth.push_back(segment_path(s));
    for (const json& s : page_items(predicted_page, "segments")) predicted.push_back(segment_path(s));
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(where + ": " + e.what());
  }
  // Truth index + 1 wherever a truth primitive passes within the tolerance (the later one where two
  // do); the distance from every pixel to the nearest predicted path.
  cv::Mat owner(size, CV_32SC1, cv::Scalar(0));
  for (std::size_t t = 0; t < truth.size(); ++t)
    cv::polylines(owner, pixel_path(truth[t]), false, cv::Scalar(static_cast<double>(t + 1)), 2 * reach + 1);
  cv::Mat paper(size, CV_8UC1, cv::Scalar(255));
  for (const Path& p : predicted) cv::polylines(paper, pixel_path(p), false, cv::Scalar(0), 1);
  cv::Mat distance;
  cv::distanceTransform(paper, distance, cv::DIST_L2, cv::DIST_MASK_PRECISE);

  VectorizationCounts counts;
  counts.pages = 1;
  for (const Path& t : truth)
    for (const cv::Point2d& p : points_along(t, 1.0)) {
      if (!inside(distance, p)) continue;
      ++counts.truth_samples;
      counts.covered_samples += distance.at<float>(cvRound(p.y), cvRound(p.x)) <= tolerance ? 1 : 0;
    }
  std::vector<std::size_t> pieces_on(truth.size(), 0);
  for (const Path& p : predicted) {
    std::map<int, std::size_t> votes;
    std::size_t points = 0;
    for (const cv::Point2d& q : points_along(p, 1.0)) {
      if (!inside(owner, q)) continue;
      ++points;
      if (const int t = owner.at<int>(cvRound(q.y), cvRound(q.x)); t > 0) ++votes[t - 1];
    }
    std::size_t on_truth = 0;
    std::vector<std::pair<std::size_t, int>> ranked;
    for (const auto& [t, n] : votes) {
      on_truth += n;
      ranked.emplace_back(n, t);
    }
    if (points == 0 || static_cast<double>(on_truth) < kOnTruth * static_cast<double>(points)) continue;
    std::sort(ranked.rbegin(), ranked.rend());
    ++counts.predicted_on_truth;
    ++pieces_on[static_cast<std::size_t>(ranked[0].second)];
    counts.spanning +=
        ranked.size() > 1 && static_cast<double>(ranked[1].first) >= kSecondShare * static_cast<double>(points) ? 1 : 0;
  }
  for (std::size_t n : pieces_on) {
    if (n == 0) continue;
    ++counts.truth_primitives;
    counts.pieces += n;
    counts.split_primitives += n > 1 ? 1 : 0;
  }
  return counts;
}

std::optional<double> ratio(std::size_t part, std::size_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

VectorizationCounts& VectorizationCounts::operator+=(const VectorizationCounts& other) {
  pages += other.pages;
  truth_samples += other.truth_samples;
  covered_samples += other.covered_samples;
  truth_primitives += other.truth_primitives;
  pieces += other.pieces;
  split_primitives += other.split_primitives;
  predicted_on_truth += other.predicted_on_truth;
  spanning += other.spanning;
  return *this;
}

std::optional<double> VectorizationCounts::coverage() const {
  return ratio(covered_samples, truth_samples);
}
std::optional<double> VectorizationCounts::pieces_per_primitive() const {
  return ratio(pieces, truth_primitives);
}
std::optional<double> VectorizationCounts::over_segmented() const {
  return ratio(split_primitives, truth_primitives);
}
std::optional<double> VectorizationCounts::under_segmented() const {
  return ratio(spanning, predicted_on_truth);
}

VectorizationCounts evaluate_vectorization(const json& truth, const json& prediction) {
  VectorizationCounts counts;
  for (const auto& [truth_page, predicted_page] : paired_pages(truth, prediction)) {
    if (truth_page == nullptr || !truth_page->contains("segments")) continue;
    counts += score_page(*truth_page, predicted_page);
  }
  return counts;
}

}  // namespace drawlens::eval
