// Linework segmentation scores: each page's `segments` rasterised into a class-label mask of the
// page size, truth against prediction in a confusion matrix, per-class IoU and F1, pixel accuracy.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <opencv2/core/types.hpp>

#include <nlohmann/json.hpp>

namespace drawlens::eval {

// Mask labels: 0 is background, then the schema's segment classes in its order.
inline constexpr std::array<const char*, 11> kSegmentLabels = {
    "background", "contour", "hidden", "centre", "hatch", "dimension", "text", "gdt", "border", "title_block", "other"};
inline constexpr int kStrokeWidth = 3;  // pixels: 1-pixel paths dilated by a square of this side

struct SegmentationCounts {
  std::size_t pages = 0;  // pages scored (those whose truth has a "segments" array)
  // confusion[t][p]: pixels labelled t in the truth mask and p in the predicted one.
  std::array<std::array<std::uint64_t, kSegmentLabels.size()>, kSegmentLabels.size()> confusion{};

  SegmentationCounts& operator+=(const SegmentationCounts& other);
  std::uint64_t truth_pixels(std::size_t label) const;      // row sum
  std::uint64_t predicted_pixels(std::size_t label) const;  // column sum
  // TP / (TP + FP + FN) and 2 TP / (2 TP + FP + FN); nullopt when the label is in neither mask.
  std::optional<double> iou(std::size_t label) const;
  std::optional<double> f1(std::size_t label) const;
  // Mean IoU over the non-background labels present in either mask; nullopt when there is none.
  std::optional<double> mean_iou() const;
  // Correct pixels / all pixels; nullopt with no pixels.
  std::optional<double> pixel_accuracy() const;
  // Correct pixels / pixels that are not background in both masks; nullopt with none.
  std::optional<double> foreground_accuracy() const;
};

inline constexpr long long kMaxPagePixels = 1LL << 28;  // a page mask larger than this is refused

// "page N" for messages.
std::string page_name(const nlohmann::json& page);
// The truth page's width and height for its masks. Throws std::runtime_error naming `where` when
// either is not a positive integer or the page has more than kMaxPagePixels.
cv::Size page_size(const nlohmann::json& page, const std::string& where);

// Scores every page whose truth has "segments" (pages paired by index; a missing prediction page or
// "segments" is an empty mask). Throws std::runtime_error naming the page on a truth page without a
// usable width/height, an unknown class or a segment without at least two numeric points.
SegmentationCounts evaluate_segmentation(const nlohmann::json& truth, const nlohmann::json& prediction);

}  // namespace drawlens::eval
