// The detect stage: finds the annotation regions of a raster page (dimensions with their
// tolerances, GD&T frames, datum features, surface-finish symbols, notes) as oriented boxes, with a
// trained network (models/detector.dlmodel, docs/detector.md). Torch-free: the network lives behind
// Detector's implementation.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include "core/status.h"
#include "model/model.h"

namespace drawlens::detect {

// What a region holds. The order is the network's output channel order and the model file's.
enum class Category { dimension, gdt_frame, datum_feature, surface_finish, note };
inline constexpr int kCategoryCount = 5;
inline constexpr std::array<Category, kCategoryCount> kCategories = {
    Category::dimension, Category::gdt_frame, Category::datum_feature, Category::surface_finish, Category::note};

// "dimension", "gdt_frame", "datum_feature", "surface_finish", "note" (the generator's kinds).
const char* category_name(Category category);
std::optional<Category> category_from_name(std::string_view name);

// A rotated rectangle in page pixels. angle: the reading direction, degrees counter-clockwise from
// the +x axis as displayed (y grows downwards), in (-180, 180]; width runs along it.
struct OrientedBox {
  double centre_x = 0, centre_y = 0;
  double width = 0, height = 0;
  double angle_degrees = 0;
};

// Corners in reading order: bottom-left, bottom-right, top-right, top-left (the truth's order).
std::array<cv::Point2d, 4> corners(const OrientedBox& box);
// The box of four corners in that order (the mean of opposite sides).
OrientedBox box_from_corners(const std::array<cv::Point2d, 4>& corners);
// The axis-aligned bounds of the box.
cv::Rect2d axis_bounds(const OrientedBox& box);
// Intersection over union of two oriented boxes; 0 when either has no area.
double rotated_iou(const OrientedBox& a, const OrientedBox& b);

// The network is trained to mark a region's kernel, the box inset on every side by a quarter of its
// shorter side, and to predict that shorter side in every kernel cell (a kernel is a few cells
// across, too coarse to measure it). Decoding grows a found kernel back with the predicted side.
// Both directions live here so they agree.
OrientedBox kernel_of(const OrientedBox& region);
OrientedBox region_of(const OrientedBox& kernel, double short_side);
// The short side as the network predicts it (a log scale), and back; pixels at its resolution.
double short_side_code(double short_side);
double short_side_from_code(double code);

// Marks (sets to 1) the cells of `cells` (CV_8UC1, one cell per `stride` pixels, cell (0, 0) at
// `origin`) whose centres lie inside the region's kernel, or the cell under the region's centre
// when none does; returns the marked cells as a CV_8UC1 mask of cells' size. The training targets
// are painted with it, and decoding assumes it.
cv::Mat kernel_cells(const OrientedBox& region, cv::Size cells, int stride, cv::Point2d origin);

struct Detection {
  Category category = Category::dimension;
  OrientedBox box;
  double score = 0;  // mean probability of the region's kernel, 0..1
};

// Greedy non-maximum suppression over all categories: a box overlapping a higher-scored one by
// rotated IoU above `iou` is dropped. Only the kMaxCandidates best are considered (a page holds a
// few hundred annotations; an untrained or confused network must not make this quadratic step
// slow). Returns the kept ones, highest score first.
inline constexpr std::size_t kMaxCandidates = 2000;
std::vector<Detection> suppress_overlaps(std::vector<Detection> detections, double iou);

struct DetectorOptions {
  int threads = 0;               // LibTorch intra-op threads; 0 leaves torch's setting
  double score_threshold = 0.5;  // a cell belongs to a category's kernel above this probability
  double min_score = 0.3;        // regions whose mean probability is below this are dropped
  int max_tile = 2048;           // pages larger than this (at the network's resolution) are tiled
  int batch = 4;                 // tiles per forward pass
  int cuda_device = -1;          // a CUDA ordinal runs the network there in float16; -1 the CPU (float32)
};

// A loaded detector. detect() may be called from several threads: calls on one Detector take turns
// (each forward pass already uses LibTorch's intra-op threads), so the C ABI's promise holds.
class Detector {
 public:
  // Reads <models_directory>/detector.dlmodel: MODEL (naming the file) when it is missing, damaged,
  // another model, or its weights do not fit the network described in its header; GPU when
  // options.cuda_device names a device LibTorch cannot use.
  static Result<Detector> load(const std::string& models_directory, const DetectorOptions& options = {});
  // From the bytes of a .dlmodel file; label names it in messages.
  static Result<Detector> from_bytes(const std::uint8_t* data, std::size_t size, const std::string& label,
                                     const DetectorOptions& options = {});

  Detector(Detector&&) noexcept;
  Detector& operator=(Detector&&) noexcept;
  ~Detector();

  // gray: CV_8UC1, dark ink on light paper; dpi its resolution (> 0). INVALID_ARGUMENT for another
  // type, an empty image or a bad dpi. Boxes are in gray's pixels, highest score first.
  Result<std::vector<Detection>> detect(const cv::Mat& gray, double dpi) const;

  double network_dpi() const;  // the resolution the network reads pages at

 private:
  struct Impl;
  explicit Detector(std::unique_ptr<Impl> impl);
  static Result<Detector> from_model_file(const model::ModelFile& file, const std::string& label,
                                          const DetectorOptions& options);
  std::unique_ptr<Impl> impl_;
};

}  // namespace drawlens::detect
