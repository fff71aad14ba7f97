// generate_drawing: compose, render (and the class mask), degrade, encode, write the truth for the
// final pixels, and cut the detector boxes and text crops from that truth.
#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>

#include "annotation_objects.h"
#include "canvas.h"
#include "degradation.h"
#include "drawing_composer.h"
#include "png_encoding.h"
#include "sheet_wear.h"
#include "synth.h"
#include "text_crops.h"
#include "truth_json.h"

namespace drawlens::synth {
namespace {

// Font faces and their measuring context cost milliseconds to set up: one book per thread and scale.
const FontBook& font_book(double pixels_per_mm) {
  thread_local std::map<double, std::unique_ptr<FontBook>> books;
  auto& book = books[pixels_per_mm];
  if (!book) book = std::make_unique<FontBook>(pixels_per_mm);
  return *book;
}

const char* style_name(SheetStyle style) {
  return style == SheetStyle::asme ? "asme" : "iso";
}

const char* degradation_name(Degradation degradation) {
  return degradation == Degradation::heavy ? "heavy" : degradation == Degradation::scan ? "scan" : "none";
}

// Separate streams: the drawing's content does not change when the degradation does, and the raster
// steps do not change with the wear of the lines and the marks on the paper.
constexpr std::uint64_t kDegradationStream = 0x5CA9ull << 40;
constexpr std::uint64_t kWearStream = 0x3EA7ull << 40;

}  // namespace

std::string options_problem(const DrawingOptions& options) {
  if (options.dpi < kMinDpi || options.dpi > kMaxDpi) {
    return "dpi " + std::to_string(options.dpi) + " is outside " + std::to_string(kMinDpi) + ".." +
           std::to_string(kMaxDpi);
  }
  return "";
}

std::string drawing_stem(int index) {
  char stem[16];
  std::snprintf(stem, sizeof stem, "%05d", index);
  return stem;
}

Drawing generate_drawing(const DrawingOptions& options, int index) {
  if (const std::string problem = options_problem(options); !problem.empty()) throw std::invalid_argument(problem);
  if (index < 0) throw std::invalid_argument("drawing index must not be negative");
  const double pixels_per_mm = options.dpi / 25.4;
  const FontBook& fonts = font_book(pixels_per_mm);
  RandomSource random(options.seed, static_cast<std::uint64_t>(index));
  const Scene scene = compose_drawing(options.style, options.sheet, fonts, random);

  Drawing drawing;
  RandomSource wear_random(options.seed, kWearStream + static_cast<std::uint64_t>(index));
  const SheetWear wear = wear_sheet(scene, fonts, options.degradation, wear_random);
  const cv::Mat mask = options.outputs.mask ? render_mask(scene, fonts, pixels_per_mm, wear) : cv::Mat();
  RandomSource degradation_random(options.seed, kDegradationStream + static_cast<std::uint64_t>(index));
  const DegradedPage page = degrade_page(render_gray(scene, fonts, pixels_per_mm, wear), mask, options.dpi,
                                         options.degradation, degradation_random);
  drawing.png = encode_png_with_dpi(page.image, page.dpi);
  if (options.outputs.mask) drawing.mask = encode_png_with_dpi(page.mask, page.dpi);
  if (options.outputs.pdf) drawing.pdf = render_pdf(scene, fonts, "2024-01-01T00:00:00");

  TruthPage truth;
  truth.width = page.image.cols;
  truth.height = page.image.rows;
  truth.dpi = page.dpi;
  truth.sheet_to_pixels = page.transform.after(Affine::scale(pixels_per_mm));
  truth.file_name = drawing_stem(index) + ".png";
  truth.file_bytes = drawing.png.size();
  truth.description = "drawlens synth: seed " + std::to_string(options.seed) + ", drawing " + std::to_string(index) +
                      ", style " + style_name(options.style) + ", degrade " + degradation_name(options.degradation) +
                      ", " + std::to_string(options.dpi) + " dpi, " + scene.content;
  const nlohmann::json document = truth_document(scene, truth);
  drawing.truth_json = truth_json(document);
  if (options.outputs.boxes || options.outputs.crops) {
    const std::vector<AnnotationObject> objects = annotation_objects(document);
    if (options.outputs.boxes) drawing.boxes = detector_boxes(objects);
    if (options.outputs.crops) {
      drawing.crops = text_crops(objects, page.image, page.dpi);
      drawing.crop_labels = crop_labels_tsv(drawing.crops);
    }
  }
  return drawing;
}

}  // namespace drawlens::synth
