// The segmentation section of the reports: per-label pixels, IoU and F1, the accuracies, mean IoU
// and the confusion matrix (truth rows, predicted columns).
#include "report_sections.h"

namespace drawlens::eval {

void write_segmentation(std::ostream& out, const SegmentationCounts& counts) {
  if (counts.pages == 0) {
    out << "Not scored: no truth page has `segments`.\n";
    return;
  }
  out << "Pages: " << counts.pages << ", stroke width " << kStrokeWidth << " px\n\n"
      << "| class | truth px | predicted px | IoU | F1 |\n|---|--:|--:|--:|--:|\n";
  for (std::size_t label = 0; label < kSegmentLabels.size(); ++label) {
    out << "| " << kSegmentLabels[label] << " | " << counts.truth_pixels(label) << " | "
        << counts.predicted_pixels(label) << " | " << figure(counts.iou(label)) << " | " << figure(counts.f1(label))
        << " |\n";
  }
  out << "\npixel accuracy: " << figure(counts.pixel_accuracy())
      << ", foreground accuracy: " << figure(counts.foreground_accuracy())
      << ", mean IoU (classes present, background excluded): " << figure(counts.mean_iou())
      << "\n\nConfusion matrix (pixels; rows truth, columns prediction):\n\n| truth \\ predicted |";
  for (const char* name : kSegmentLabels) out << " " << name << " |";
  out << "\n|---|";
  for (std::size_t i = 0; i < kSegmentLabels.size(); ++i) out << "--:|";
  out << "\n";
  for (std::size_t t = 0; t < kSegmentLabels.size(); ++t) {
    out << "| " << kSegmentLabels[t] << " |";
    for (std::uint64_t n : counts.confusion[t]) out << " " << n << " |";
    out << "\n";
  }
}

nlohmann::json segmentation_json(const SegmentationCounts& counts) {
  nlohmann::json classes = nlohmann::json::object();
  for (std::size_t label = 0; label < kSegmentLabels.size(); ++label) {
    classes[kSegmentLabels[label]] = {{"truth_pixels", counts.truth_pixels(label)},
                                      {"predicted_pixels", counts.predicted_pixels(label)},
                                      {"iou", optional_json(counts.iou(label))},
                                      {"f1", optional_json(counts.f1(label))}};
  }
  return {{"pages", counts.pages},
          {"stroke_width", kStrokeWidth},
          {"labels", kSegmentLabels},
          {"classes", classes},
          {"pixel_accuracy", optional_json(counts.pixel_accuracy())},
          {"foreground_accuracy", optional_json(counts.foreground_accuracy())},
          {"mean_iou", optional_json(counts.mean_iou())},
          {"confusion", counts.confusion}};
}

}  // namespace drawlens::eval
