// JSON answers of the REST routes (route_answers.h).
#include "route_answers.h"

#include <algorithm>
#include <cmath>

namespace drawlens::serve {
namespace {

struct Found {
  drawlens_detection_category category;
  double confidence;
  Box box;
  nlohmann::json value;  // the text read, or null
  int page;
};

Box bounding_box(const Detection& detection) {
  double low_x = detection.corners[0], high_x = low_x, low_y = detection.corners[1], high_y = low_y;
  for (std::size_t i = 2; i < detection.corners.size(); i += 2) {
    low_x = std::min(low_x, detection.corners[i]);
    high_x = std::max(high_x, detection.corners[i]);
    low_y = std::min(low_y, detection.corners[i + 1]);
    high_y = std::max(high_y, detection.corners[i + 1]);
  }
  const int x = static_cast<int>(std::floor(low_x)), y = static_cast<int>(std::floor(low_y));
  return {x, y, static_cast<int>(std::ceil(high_x)) - x, static_cast<int>(std::ceil(high_y)) - y};
}

// A raster page's detector regions with what the read stage read in them (null when it did not
// run); a page read from its text layer has no regions, and lists the items read from it.
std::vector<Found> found_on(const Page& page) {
  std::vector<Found> out;
  for (const Detection& d : page.detections) {
    out.push_back({d.category, d.score, bounding_box(d), d.text ? nlohmann::json(*d.text) : nullptr, page.index + 1});
  }
  if (!page.detections.empty()) return out;
  for (const Dimension& d : page.dimensions) {
    out.push_back({DRAWLENS_DETECTION_DIMENSION, d.confidence, d.box, d.text, page.index + 1});
  }
  for (const GdtFrame& f : page.gdt_frames) {
    out.push_back({DRAWLENS_DETECTION_GDT_FRAME, f.confidence, f.box, f.text, page.index + 1});
  }
  for (const SurfaceFinish& s : page.surface_finishes) {
    out.push_back({DRAWLENS_DETECTION_SURFACE_FINISH, s.confidence, s.box, s.text, page.index + 1});
  }
  for (const Note& n : page.notes) {
    out.push_back({DRAWLENS_DETECTION_NOTE, n.confidence, n.box, n.text, page.index + 1});
  }
  return out;
}

// Greedy suppression per page and class, best first, as YOLO's iou_threshold does.
std::vector<Found> suppressed(std::vector<Found> found, double iou_threshold) {
  std::stable_sort(found.begin(), found.end(),
                   [](const Found& a, const Found& b) { return a.confidence > b.confidence; });
  std::vector<Found> kept;
  for (Found& candidate : found) {
    const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const Found& k) {
      return k.page == candidate.page && k.category == candidate.category &&
             box_iou(k.box, candidate.box) > iou_threshold;
    });
    if (!overlaps) kept.push_back(std::move(candidate));
  }
  return kept;
}

nlohmann::json summary_counts(const nlohmann::json& result) {
  std::size_t dimensions = 0, frames = 0, fields = 0, tolerances = 0;
  for (const auto& page : result.value("pages", nlohmann::json::array())) {
    dimensions += page.value("dimensions", nlohmann::json::array()).size();
    frames += page.value("gdt_frames", nlohmann::json::array()).size();
    fields += page.value("title_fields", nlohmann::json::array()).size();
    if (const auto t = page.find("tolerances"); t != page.end()) {
      tolerances += t->value("features", nlohmann::json::array()).size();
    }
  }
  return {{"dimensions", dimensions}, {"gdt_frames", frames}, {"title_fields", fields}, {"tolerances", tolerances}};
}

}  // namespace

double box_iou(const Box& a, const Box& b) {
  const double width = std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x);
  const double height = std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y);
  if (width <= 0 || height <= 0) return 0;
  const double both = width * height;
  const double either = double(a.width) * a.height + double(b.width) * b.height - both;
  return either > 0 ? both / either : 0;
}

nlohmann::json detect_answer(const std::vector<Page>& pages, const AnalysisFacts& facts, const DetectFilter& filter) {
  std::vector<Found> found;
  bool detector_used = false;
  for (const Page& page : pages) {
    detector_used = detector_used || !page.detections.empty();
    for (Found& f : found_on(page)) {
      if (f.confidence >= filter.confidence_threshold) found.push_back(std::move(f));
    }
  }
  found = suppressed(std::move(found), filter.iou_threshold);
  nlohmann::json detections = nlohmann::json::array();
  for (const Found& f : found) {
    detections.push_back({{"class_id", static_cast<int>(f.category)},
                          {"class_name", drawlens_detection_category_name(f.category)},
                          {"confidence", f.confidence},
                          {"bbox", {{"x", f.box.x}, {"y", f.box.y}, {"width", f.box.width}, {"height", f.box.height}}},
                          {"value", f.value},
                          {"page", f.page}});
  }
  nlohmann::json size = nullptr;
  if (!pages.empty()) size = {{"width", pages.front().width}, {"height", pages.front().height}};
  return {
      {"status", "success"},
      {"file_id", facts.file_id},
      {"detections", detections},
      {"total_detections", detections.size()},
      {"processing_time", facts.processing_seconds},
      {"model_used", std::string("drawlens ") + drawlens::version() + (detector_used ? " detector" : " text layer")},
      {"image_size", size}};
}

nlohmann::json segment_answer(const nlohmann::json& result, const AnalysisFacts& facts) {
  nlohmann::json segments = nlohmann::json::array();
  nlohmann::json counts = nlohmann::json::object();
  nlohmann::json size = nullptr;
  for (const auto& page : result.value("pages", nlohmann::json::array())) {
    if (size.is_null()) size = {{"width", page.value("width", 0)}, {"height", page.value("height", 0)}};
    for (nlohmann::json segment : page.value("segments", nlohmann::json::array())) {
      const std::string line_class = segment.value("class", "");
      counts[line_class] = counts.value(line_class, 0) + 1;
      segment["page"] = page.value("index", 0) + 1;
      segments.push_back(std::move(segment));
    }
  }
  return {{"status", "success"},
          {"file_id", facts.file_id},
          {"segments", segments},
          {"class_counts", counts},
          {"total_segments", segments.size()},
          {"processing_time", facts.processing_seconds},
          {"model_used", std::string("drawlens ") + drawlens::version() + " EdgNet"},
          {"image_size", size}};
}

nlohmann::json process_answer(const nlohmann::json& result, const AnalysisFacts& facts, std::size_t overlay_count) {
  const std::string base = "/api/v1/download/" + facts.file_id;
  nlohmann::json overlays = nlohmann::json::array();
  for (std::size_t page = 1; page <= overlay_count; ++page) {
    overlays.push_back(base + "?format=png&page=" + std::to_string(page));
  }
  return {{"status", "success"},
          {"file_id", facts.file_id},
          {"filename", facts.filename},
          {"processing_time", facts.processing_seconds},
          {"page_count", result.value("pages", nlohmann::json::array()).size()},
          {"counts", summary_counts(result)},
          {"result", result},
          {"downloads", {{"json", base + "?format=json"}, {"overlays", overlays}}}};
}

nlohmann::json tolerance_answer(const nlohmann::json& result, const AnalysisFacts& facts, const std::string& process,
                                const std::string& material) {
  nlohmann::json pages = nlohmann::json::array();
  for (const auto& page : result.value("pages", nlohmann::json::array())) {
    pages.push_back(
        {{"page", page.value("index", 0) + 1}, {"tolerances", page.value("tolerances", nlohmann::json::object())}});
  }
  return {{"status", "success"},
          {"file_id", facts.file_id},
          {"process", process},
          {"material", material},
          {"processing_time", facts.processing_seconds},
          {"pages", pages}};
}

}  // namespace drawlens::serve
