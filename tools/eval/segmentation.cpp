// Segmentation figures from a confusion matrix of mask labels, and the per-page comparison of the
// truth's and the prediction's rasterised segments.
#include "segmentation.h"

#include <stdexcept>
#include <string>

#include <opencv2/core.hpp>

#include "page_items.h"
#include "segment_raster.h"

namespace drawlens::eval {
namespace {

using nlohmann::json;

std::optional<double> ratio(double part, double whole) {
  return whole == 0.0 ? std::nullopt : std::optional<double>(part / whole);
}

int page_extent(const json& page, const char* key, const std::string& where) {
  const auto found = page.find(key);
  if (found == page.end() || !found->is_number_integer() || found->get<long long>() <= 0 ||
      found->get<long long>() > kMaxPagePixels) {
    throw std::runtime_error(where + ": segments need a positive integer \"" + key + "\"");
  }
  return static_cast<int>(found->get<long long>());
}

void add_page(SegmentationCounts& counts, const json& truth_page, const json* predicted_page) {
  const std::string where = page_name(truth_page);
  const cv::Size size = page_size(truth_page, where);
  const int width = size.width, height = size.height;
  try {
    const cv::Mat truth = segment_mask(page_items(&truth_page, "segments"), width, height);
    const cv::Mat predicted = segment_mask(page_items(predicted_page, "segments"), width, height);
    for (int y = 0; y < height; ++y) {
      const std::uint8_t* t = truth.ptr<std::uint8_t>(y);
      const std::uint8_t* p = predicted.ptr<std::uint8_t>(y);
      for (int x = 0; x < width; ++x) ++counts.confusion[t[x]][p[x]];
    }
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(where + ": " + e.what());
  }
  ++counts.pages;
}

}  // namespace

std::string page_name(const json& page) {
  return "page " + (page.contains("index") ? page["index"].dump() : std::string("?"));
}

cv::Size page_size(const json& page, const std::string& where) {
  const int width = page_extent(page, "width", where);
  const int height = page_extent(page, "height", where);
  if (static_cast<long long>(width) * height > kMaxPagePixels) {
    throw std::runtime_error(where + ": " + std::to_string(width) + "x" + std::to_string(height) +
                             " is too large to rasterise");
  }
  return {width, height};
}

namespace {

double correct_pixels(const SegmentationCounts& counts) {
  double correct = 0.0;
  for (std::size_t t = 0; t < counts.confusion.size(); ++t) correct += static_cast<double>(counts.confusion[t][t]);
  return correct;
}

double all_pixels(const SegmentationCounts& counts) {
  double all = 0.0;
  for (const auto& row : counts.confusion) {
    for (std::uint64_t n : row) all += static_cast<double>(n);
  }
  return all;
}

}  // namespace

SegmentationCounts& SegmentationCounts::operator+=(const SegmentationCounts& other) {
  pages += other.pages;
  for (std::size_t t = 0; t < confusion.size(); ++t) {
    for (std::size_t p = 0; p < confusion.size(); ++p) confusion[t][p] += other.confusion[t][p];
  }
  return *this;
}

std::uint64_t SegmentationCounts::truth_pixels(std::size_t label) const {
  std::uint64_t sum = 0;
  for (std::uint64_t n : confusion[label]) sum += n;
  return sum;
}

std::uint64_t SegmentationCounts::predicted_pixels(std::size_t label) const {
  std::uint64_t sum = 0;
  for (const auto& row : confusion) sum += row[label];
  return sum;
}

std::optional<double> SegmentationCounts::iou(std::size_t label) const {
  const double hit = static_cast<double>(confusion[label][label]);
  return ratio(hit, static_cast<double>(truth_pixels(label) + predicted_pixels(label)) - hit);
}

std::optional<double> SegmentationCounts::f1(std::size_t label) const {
  const double hit = static_cast<double>(confusion[label][label]);
  return ratio(2.0 * hit, static_cast<double>(truth_pixels(label) + predicted_pixels(label)));
}

std::optional<double> SegmentationCounts::mean_iou() const {
  double sum = 0.0;
  std::size_t present = 0;
  for (std::size_t label = 1; label < kSegmentLabels.size(); ++label) {
    if (const auto value = iou(label)) {
      sum += *value;
      ++present;
    }
  }
  return ratio(sum, static_cast<double>(present));
}

std::optional<double> SegmentationCounts::pixel_accuracy() const {
  return ratio(correct_pixels(*this), all_pixels(*this));
}

std::optional<double> SegmentationCounts::foreground_accuracy() const {
  const double background = static_cast<double>(confusion[0][0]);
  return ratio(correct_pixels(*this) - background, all_pixels(*this) - background);
}

SegmentationCounts evaluate_segmentation(const json& truth, const json& prediction) {
  SegmentationCounts counts;
  for (const auto& [truth_page, predicted_page] : paired_pages(truth, prediction)) {
    if (truth_page == nullptr || !truth_page->is_object() || !truth_page->contains("segments")) continue;
    add_page(counts, *truth_page, predicted_page);
  }
  return counts;
}

}  // namespace drawlens::eval
