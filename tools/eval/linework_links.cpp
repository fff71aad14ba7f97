// Scores dimension-to-linework links (linework_links.h): both sides' linked segments sampled along
// their paths and compared by distance.
#include "linework_links.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "eval.h"
#include "item_pairing.h"
#include "page_items.h"
#include "segment_raster.h"

namespace drawlens::eval {
namespace {

using nlohmann::json;
using Points = std::vector<cv::Point2d>;

constexpr double kMinimumShare = 0.5;
constexpr int kMostSamples = 400;  // per segment

// Points along a segment's path, at most a pixel apart or kMostSamples in all.
Points samples_of(const json& segment) {
  const Points path = segment_path(segment);
  double total = 0;
  for (std::size_t i = 1; i < path.size(); ++i) total += cv::norm(path[i] - path[i - 1]);
  return points_along(path, std::max(1.0, total / kMostSamples));
}

// The samples of each listed segment of the page.
std::vector<Points> linked(const json& item, const char* which, const json& segments) {
  std::vector<Points> out;
  const json& list = item["linework"][which];
  if (!list.is_array()) throw std::runtime_error(std::string("linework.") + which + " that is not an array");
  for (const json& index : list) {
    if (!index.is_number_integer() || index.get<long long>() < 0 || index.get<unsigned long long>() >= segments.size())
      throw std::runtime_error(std::string("linework.") + which + " index outside the page's segments");
    out.push_back(samples_of(segments[index.get<std::size_t>()]));
  }
  return out;
}

Points joined(const std::vector<Points>& pieces) {
  Points out;
  for (const Points& p : pieces) out.insert(out.end(), p.begin(), p.end());
  return out;
}

bool near_any(const cv::Point2d& p, const Points& others, double tolerance) {
  return std::any_of(others.begin(), others.end(), [&](const cv::Point2d& q) { return cv::norm(p - q) <= tolerance; });
}

// The share of `points` within `tolerance` of `others`; 0 when there are no points.
double share_near(const Points& points, const Points& others, double tolerance) {
  if (points.empty()) return 0;
  const auto near =
      std::count_if(points.begin(), points.end(), [&](const cv::Point2d& p) { return near_any(p, others, tolerance); });
  return static_cast<double>(near) / static_cast<double>(points.size());
}

// The truth feature's segments grouped where they touch: one group per place the dimension meets it.
std::vector<Points> touching_groups(const std::vector<Points>& pieces, double tolerance) {
  std::vector<int> group(pieces.size());
  std::iota(group.begin(), group.end(), 0);
  const auto root = [&](int i) {
    while (group[i] != i) i = group[i];
    return i;
  };
  for (std::size_t a = 0; a < pieces.size(); ++a)
    for (std::size_t b = a + 1; b < pieces.size(); ++b) {
      const bool touch = std::any_of(pieces[a].begin(), pieces[a].end(),
                                     [&](const cv::Point2d& p) { return near_any(p, pieces[b], tolerance); });
      if (touch) group[root(static_cast<int>(a))] = root(static_cast<int>(b));
    }
  std::vector<Points> out;
  std::vector<int> slot(pieces.size(), -1);
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const int r = root(static_cast<int>(i));
    if (slot[r] < 0) {
      slot[r] = static_cast<int>(out.size());
      out.emplace_back();
    }
    out[slot[r]].insert(out[slot[r]].end(), pieces[i].begin(), pieces[i].end());
  }
  return out;
}

LinkCounts score_page(const json& truth_page, const json& predicted_page) {
  LinkCounts counts;
  const json truth = page_items(&truth_page, "dimensions");
  const json predicted = page_items(&predicted_page, "dimensions");
  std::vector<std::optional<Box>> truth_boxes, predicted_boxes;
  for (const json& item : truth) truth_boxes.push_back(item_box(item));
  for (const json& item : predicted) predicted_boxes.push_back(item_box(item));
  const Pairing partner = pair_one_to_one(overlap_matrix(truth_boxes, predicted_boxes), predicted.size(), kStrictIou);
  const json no_segments = json::array();
  const json& truth_segments = truth_page.contains("segments") ? truth_page["segments"] : no_segments;
  const json& predicted_segments = predicted_page.contains("segments") ? predicted_page["segments"] : no_segments;
  const double tolerance = linework_tolerance(truth_page.value("dpi", 0.0));
  for (std::size_t t = 0; t < truth.size(); ++t) {
    if (partner[t] < 0 || !truth[t].contains("linework")) continue;
    const json& match = predicted[static_cast<std::size_t>(partner[t])];
    ++counts.dimensions;
    const std::vector<Points> truth_feature = linked(truth[t], "feature", truth_segments);
    counts.features += truth_feature.empty() ? 0 : 1;
    if (!match.contains("linework")) continue;
    ++counts.linked;
    const Points truth_lines = joined(linked(truth[t], "lines", truth_segments));
    const Points predicted_lines = joined(linked(match, "lines", predicted_segments));
    counts.lines_right += share_near(truth_lines, predicted_lines, tolerance) >= kMinimumShare &&
                          share_near(predicted_lines, truth_lines, tolerance) >= kMinimumShare;
    if (truth_feature.empty()) continue;
    const Points predicted_feature = joined(linked(match, "feature", predicted_segments));
    const std::vector<Points> places = touching_groups(truth_feature, tolerance);
    const bool every_place = std::all_of(places.begin(), places.end(), [&](const Points& place) {
      return std::any_of(predicted_feature.begin(), predicted_feature.end(),
                         [&](const cv::Point2d& p) { return near_any(p, place, tolerance); });
    });
    counts.feature_right +=
        every_place && share_near(predicted_feature, joined(truth_feature), tolerance) >= kMinimumShare;
  }
  return counts;
}

}  // namespace

LinkCounts& LinkCounts::operator+=(const LinkCounts& other) {
  dimensions += other.dimensions;
  linked += other.linked;
  lines_right += other.lines_right;
  features += other.features;
  feature_right += other.feature_right;
  return *this;
}

std::optional<double> LinkCounts::lines_accuracy() const {
  if (dimensions == 0) return std::nullopt;
  return static_cast<double>(lines_right) / static_cast<double>(dimensions);
}

std::optional<double> LinkCounts::feature_accuracy() const {
  if (features == 0) return std::nullopt;
  return static_cast<double>(feature_right) / static_cast<double>(features);
}

LinkCounts evaluate_links(const json& truth, const json& prediction) {
  LinkCounts counts;
  for (const auto& [truth_page, predicted_page] : paired_pages(truth, prediction)) {
    if (truth_page == nullptr || predicted_page == nullptr) continue;
    counts += score_page(*truth_page, *predicted_page);
  }
  return counts;
}

}  // namespace drawlens::eval
