// Generated drawings turned into augmented training crops and their targets (training_samples.h).
#include "training_samples.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "annotation_objects.h"
#include "degradation.h"
#include "detect/detector_network.h"
#include "prepare/prepare.h"
#include "synth.h"

namespace drawlens::train {
namespace {

using Quad = std::array<cv::Point2d, 4>;

struct PageObject {
  detect::Category category;
  Quad quad;
};

struct Page {
  cv::Mat gray;
  double dpi = 0;
  nlohmann::json truth;
  std::vector<PageObject> objects;
};

// splitmix64: independent streams for (seed, drawing).
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

double uniform(std::mt19937_64& rng, double lo, double hi) {
  return lo + (hi - lo) * (static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0));
}
bool chance(std::mt19937_64& rng, double p) {
  return uniform(rng, 0, 1) < p;
}

synth::DrawingOptions drawing_options(std::uint64_t seed, std::mt19937_64& rng) {
  synth::DrawingOptions o;
  o.seed = seed;
  o.dpi = chance(rng, 0.7) ? 150 : 200;
  o.style = chance(rng, 0.3) ? synth::SheetStyle::asme : synth::SheetStyle::iso;
  const double d = uniform(rng, 0, 1);
  o.degradation = d < 0.4 ? synth::Degradation::none : d < 0.8 ? synth::Degradation::scan : synth::Degradation::heavy;
  o.outputs = synth::OutputSet{};
  return o;
}

Page generated_page(const synth::DrawingOptions& options, int index) {
  const auto drawing = synth::generate_drawing(options, index);
  Page page;
  page.gray = cv::imdecode(drawing.png, cv::IMREAD_GRAYSCALE);
  page.truth = nlohmann::json::parse(drawing.truth_json);
  page.dpi = page.truth.at("pages").at(0).at("dpi").get<double>();
  for (const auto& object : synth::annotation_objects(page.truth)) {
    const auto category = detect::category_from_name(object.kind);
    if (!category) continue;
    Quad quad;
    for (std::size_t k = 0; k < 4; ++k) quad[k] = cv::Point2d(object.quad[k].x, object.quad[k].y);
    page.objects.push_back({*category, quad});
  }
  return page;
}

// Quarter turns clockwise as displayed; points follow (continuous coordinates, pixel i spans [i, i+1)).
void turn(Page& page, int quarter_turns) {
  const double width = page.gray.cols, height = page.gray.rows;
  static constexpr cv::RotateFlags kFlags[] = {cv::ROTATE_90_CLOCKWISE, cv::ROTATE_180, cv::ROTATE_90_COUNTERCLOCKWISE};
  cv::rotate(page.gray, page.gray, kFlags[quarter_turns - 1]);
  for (auto& object : page.objects)
    for (auto& p : object.quad) {
      if (quarter_turns == 1)
        p = {height - p.y, p.x};
      else if (quarter_turns == 2)
        p = {width - p.x, height - p.y};
      else
        p = {p.y, width - p.x};
    }
}

// Turns the page by `degrees` (counter-clockwise as displayed) on a canvas grown to hold all of it,
// so that no region is cut by the page's new edges.
void rotate(Page& page, double degrees, int paper) {
  cv::Mat no_mask;
  const synth::Affine map = synth::skew(page.gray, no_mask, degrees, static_cast<std::uint8_t>(paper));
  for (auto& object : page.objects)
    for (auto& p : object.quad) {
      const synth::Point q = map.apply({p.x, p.y});
      p = {q.x, q.y};
    }
}

// The page at `scale` times its size, ink thickened or thinned, turned: what a crop is cut from.
void augment_page(Page& page, double scale, std::mt19937_64& rng) {
  const int paper = std::max(prepare::paper_level(page.gray), 1);
  const double width_change = uniform(rng, 0, 1);
  const cv::Mat square = cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2, 2));
  if (width_change < 0.15)
    cv::erode(page.gray, page.gray, square);  // darker minimum: thicker ink
  else if (width_change < 0.3)
    cv::dilate(page.gray, page.gray, square);
  cv::resize(page.gray, page.gray, cv::Size(), scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
  for (auto& object : page.objects)
    for (auto& p : object.quad) p *= scale;
  const double turn_draw = uniform(rng, 0, 1);
  if (turn_draw < 0.1)
    turn(page, 1);
  else if (turn_draw < 0.17)
    turn(page, 2);
  else if (turn_draw < 0.27)
    turn(page, 3);
  // Callouts along leaders and aligned dimensions stand at any angle on real drawings (SolidWorks
  // writes "4X Ø6.60" along its 45° leader): a fifth of the pages turn by any angle, others slightly.
  const double angle_draw = uniform(rng, 0, 1);
  if (angle_draw < 0.2)
    rotate(page, uniform(rng, -45, 45), paper);
  else if (angle_draw < 0.5)
    rotate(page, uniform(rng, -4, 4), paper);
}

// An object of the page, its category drawn first among those the page has: a sheet holds dozens
// of dimensions to one surface-finish symbol, and crops centred on objects drawn evenly would
// seldom show the rare kinds.
const PageObject& object_of_a_category(const Page& page, std::mt19937_64& rng) {
  std::array<std::vector<std::size_t>, detect::kCategoryCount> by_category;
  for (std::size_t i = 0; i < page.objects.size(); ++i)
    by_category[static_cast<std::size_t>(page.objects[i].category)].push_back(i);
  std::vector<const std::vector<std::size_t>*> present;
  for (const auto& indices : by_category)
    if (!indices.empty()) present.push_back(&indices);
  const auto& chosen = *present[rng() % present.size()];
  return page.objects[chosen[rng() % chosen.size()]];
}

void write_crop(const Page& page, const cv::Mat& input, cv::Point origin, int crop, std::mt19937_64& rng, Batch& batch,
                long slot) {
  cv::Mat patch(crop, crop, CV_32F, cv::Scalar(0));  // paper beyond the page
  const cv::Rect wanted(origin.x, origin.y, crop, crop);
  const cv::Rect inside = wanted & cv::Rect(0, 0, input.cols, input.rows);
  if (!inside.empty()) input(inside).copyTo(patch(inside - origin));
  // Contrast, blur and noise on top of the generator's own scan degradations.
  patch *= uniform(rng, 0.6, 1.15);
  if (chance(rng, 0.15)) cv::GaussianBlur(patch, patch, cv::Size(3, 3), uniform(rng, 0.4, 0.9));
  if (chance(rng, 0.3)) {
    cv::Mat noise(patch.size(), CV_32F);
    cv::randn(noise, 0.0, uniform(rng, 0.02, 0.08));
    patch += noise;
  }
  cv::min(cv::max(patch, 0.0), 1.0, patch);
  std::memcpy(batch.inputs[slot].data_ptr<float>(), patch.ptr<float>(), sizeof(float) * crop * crop);

  const int cells = crop / detect::kOutputStride;
  cv::Mat cosine(cells, cells, CV_32F, cv::Scalar(0)), sine(cells, cells, CV_32F, cv::Scalar(0));
  cv::Mat short_side(cells, cells, CV_32F, cv::Scalar(0));
  cv::Mat any(cells, cells, CV_8U, cv::Scalar(0));
  std::array<cv::Mat, detect::kCategoryCount> kernels;
  for (auto& k : kernels) k = cv::Mat(cells, cells, CV_8U, cv::Scalar(0));
  for (const auto& object : page.objects) {
    const auto box = detect::box_from_corners(object.quad);
    const cv::Mat one = detect::kernel_cells(box, cv::Size(cells, cells), detect::kOutputStride, cv::Point2d(origin));
    kernels[static_cast<std::size_t>(object.category)].setTo(1, one);
    any.setTo(1, one);
    cosine.setTo(std::cos(box.angle_degrees * CV_PI / 180), one);
    sine.setTo(std::sin(box.angle_degrees * CV_PI / 180), one);
    short_side.setTo(detect::short_side_code(std::min(box.width, box.height)), one);
  }
  for (int c = 0; c < detect::kCategoryCount; ++c) {
    cv::Mat as_float;
    kernels[static_cast<std::size_t>(c)].convertTo(as_float, CV_32F);
    std::memcpy(batch.kernels[slot][c].data_ptr<float>(), as_float.ptr<float>(), sizeof(float) * cells * cells);
  }
  cv::Mat weight;
  any.convertTo(weight, CV_32F);
  std::memcpy(batch.geometry[slot][0].data_ptr<float>(), cosine.ptr<float>(), sizeof(float) * cells * cells);
  std::memcpy(batch.geometry[slot][1].data_ptr<float>(), sine.ptr<float>(), sizeof(float) * cells * cells);
  std::memcpy(batch.geometry[slot][2].data_ptr<float>(), short_side.ptr<float>(), sizeof(float) * cells * cells);
  std::memcpy(batch.geometry_weight[slot][0].data_ptr<float>(), weight.ptr<float>(), sizeof(float) * cells * cells);
}

}  // namespace

Batch make_batch(const SampleOptions& options, std::int64_t first_drawing, int drawing_count) {
  const long n = static_cast<long>(drawing_count) * options.crops_per_drawing;
  const int crop = options.crop, cells = crop / detect::kOutputStride;
  Batch batch{torch::zeros({n, 1, crop, crop}), torch::zeros({n, detect::kCategoryCount, cells, cells}),
              torch::zeros({n, 3, cells, cells}), torch::zeros({n, 1, cells, cells})};
  long slot = 0;
  for (int d = 0; d < drawing_count; ++d) {
    const std::int64_t index = first_drawing + d;
    std::mt19937_64 rng(mix(options.seed ^ mix(static_cast<std::uint64_t>(index))));
    const auto drawing = drawing_options(options.seed, rng);
    Page page = generated_page(drawing, static_cast<int>(index % 1000000));
    const double scale = options.network_dpi / page.dpi * std::exp(uniform(rng, std::log(0.7), std::log(1.4)));
    augment_page(page, scale, rng);
    const cv::Mat input = detect::network_input(page.gray, prepare::paper_level(page.gray));
    for (int c = 0; c < options.crops_per_drawing; ++c, ++slot) {
      cv::Point2d centre(uniform(rng, 0, input.cols), uniform(rng, 0, input.rows));
      if (!page.objects.empty() && chance(rng, 0.75)) {
        const auto& object = object_of_a_category(page, rng);
        const auto box = detect::box_from_corners(object.quad);
        centre = {box.centre_x + uniform(rng, -crop / 3.0, crop / 3.0),
                  box.centre_y + uniform(rng, -crop / 3.0, crop / 3.0)};
      }
      const cv::Point origin(static_cast<int>(centre.x) - crop / 2, static_cast<int>(centre.y) - crop / 2);
      write_crop(page, input, origin, crop, rng, batch, slot);
    }
  }
  return batch;
}

EvaluationPage evaluation_page(std::uint64_t seed, int index) {
  std::mt19937_64 rng(mix(seed ^ mix(static_cast<std::uint64_t>(index))));
  const auto options = drawing_options(seed, rng);
  Page page = generated_page(options, index);
  return {page.gray, page.dpi, page.truth};
}

}  // namespace drawlens::train
