// drawlens-detector-check: the detector on real drawings without hand labels. Each vector PDF is
// rendered (poppler, through the pipeline) at several resolutions, clean and with the generator's
// scan degradation; what the text layer reads there (dimensions, GD&T frames, surface finishes,
// notes, with their boxes) is the truth for the pixels. A text-layer box is the font's box, with
// its ascender and descender room, not the ink, so coverage counts the ink pixels of the truth box:
// a truth dimension is found when one `dimension` detection holds at least 70 % of its ink; a
// `dimension` detection is right when it holds half of some truth item's ink (any kind). Reports
// recall and precision per drawing, resolution and condition, as a table and as JSON, and with
// --overlays the renderings with both drawn (docs/detector.md, docs/accuracy.md). The folder's
// raster drawings that have LabelMe truth (eDOCr2's, in --truth) are scored the same way, each at
// the resolution the pipeline loads it with, against their hand-drawn boxes.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "detect/detect.h"
#include "labelme_truth.h"
#include "model/model.h"
#include "pipeline/pipeline.h"
#include "prepare/prepare.h"
#include "rendered_pdfs.h"

namespace {

namespace fs = std::filesystem;
using namespace drawlens;

constexpr double kCoverToFind = 0.7;
constexpr double kCoverToBeRight = 0.5;

struct TruthItem {
  std::vector<cv::Point2f> quad;  // page pixels
  bool dimension = false;
  std::vector<cv::Point2f> ink;  // centres of the ink pixels inside quad on the scored image
};

std::vector<cv::Point2f> box_quad(const Box& b) {
  return {{static_cast<float>(b.x), static_cast<float>(b.y)},
          {static_cast<float>(b.right()), static_cast<float>(b.y)},
          {static_cast<float>(b.right()), static_cast<float>(b.bottom())},
          {static_cast<float>(b.x), static_cast<float>(b.bottom())}};
}

// Share of the item's ink inside the convex polygon `cover`; of its area when it has no ink.
double coverage(const std::vector<cv::Point2f>& cover, const TruthItem& item) {
  if (item.ink.empty()) {
    const double area = cv::contourArea(item.quad);
    if (area <= 0) return 0;
    std::vector<cv::Point2f> shared;
    return std::max(0.0, static_cast<double>(cv::intersectConvexConvex(cover, item.quad, shared, true))) / area;
  }
  const auto inside = std::count_if(item.ink.begin(), item.ink.end(),
                                    [&](const cv::Point2f& p) { return cv::pointPolygonTest(cover, p, false) >= 0; });
  return static_cast<double>(inside) / static_cast<double>(item.ink.size());
}

// Fills each item's ink from the image it is scored on (ink: prepare's threshold of the paper).
void find_ink(std::vector<TruthItem>& items, const cv::Mat& gray) {
  const int paper = prepare::paper_level(gray);
  const int threshold = paper > 0 ? prepare::ink_threshold(paper) : 128;
  for (auto& item : items) {
    item.ink.clear();
    const cv::Rect bounds = cv::boundingRect(item.quad) & cv::Rect(0, 0, gray.cols, gray.rows);
    for (int y = bounds.y; y < bounds.y + bounds.height; ++y)
      for (int x = bounds.x; x < bounds.x + bounds.width; ++x) {
        const cv::Point2f centre(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f);
        if (gray.at<std::uint8_t>(y, x) <= threshold && cv::pointPolygonTest(item.quad, centre, false) >= 0)
          item.ink.push_back(centre);
      }
  }
}

std::vector<cv::Point2f> detection_quad(const detect::Detection& d) {
  std::vector<cv::Point2f> quad;
  for (const auto& p : detect::corners(d.box)) quad.emplace_back(static_cast<float>(p.x), static_cast<float>(p.y));
  return quad;
}

std::vector<TruthItem> truth_items(const annotate::PageAnnotations& a) {
  std::vector<TruthItem> items;
  for (const auto& d : a.dimensions) items.push_back({box_quad(d.box), true, {}});
  for (const auto& f : a.gdt_frames) items.push_back({box_quad(f.box), false, {}});
  for (const auto& s : a.surface_finishes) items.push_back({box_quad(s.box), false, {}});
  for (const auto& n : a.notes) items.push_back({box_quad(n.box), false, {}});
  return items;
}

// The hand-labelled boxes of a LabelMe file (rectangles by two corners, polygons by their points);
// every label but other_info is a dimension.
std::vector<TruthItem> labelled_items(const nlohmann::json& annotation) {
  std::vector<TruthItem> items;
  for (const auto& shape : annotation.at("shapes")) {
    std::vector<cv::Point2f> points;
    for (const auto& p : shape.at("points")) points.emplace_back(p.at(0).get<float>(), p.at(1).get<float>());
    if (shape.value("shape_type", "polygon") == "rectangle" && points.size() == 2) {
      const cv::Rect2f r(points[0], points[1]);
      points = {r.tl(), {r.x + r.width, r.y}, r.br(), {r.x, r.y + r.height}};
    }
    if (points.size() < 3) continue;
    items.push_back({points, shape.value("label", "") != labelme::kOtherInfo, {}});
  }
  return items;
}

// The raster drawings of `data` with a LabelMe file of the same stem in `truth_folder`, sorted.
std::vector<std::pair<fs::path, fs::path>> labelled_rasters(const std::string& data, const std::string& truth_folder) {
  std::vector<std::pair<fs::path, fs::path>> found;
  if (!fs::is_directory(truth_folder)) return found;
  for (const auto& entry : fs::directory_iterator(data)) {
    std::string ext = entry.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    const fs::path truth = fs::path(truth_folder) / (entry.path().stem().string() + ".json");
    if ((ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".tif" || ext == ".tiff") && fs::exists(truth))
      found.emplace_back(entry.path(), truth);
  }
  std::sort(found.begin(), found.end());
  return found;
}

struct Counts {
  int truth = 0, found = 0, detections = 0, right = 0;
  nlohmann::json json() const {
    return {{"truth_dimensions", truth},
            {"found", found},
            {"dimension_detections", detections},
            {"right", right},
            {"recall", truth ? static_cast<double>(found) / truth : 1.0},
            {"precision", detections ? static_cast<double>(right) / detections : 1.0}};
  }
  void add(const Counts& o) { truth += o.truth, found += o.found, detections += o.detections, right += o.right; }
};

Counts score(const std::vector<TruthItem>& truth, const std::vector<detect::Detection>& found) {
  Counts c;
  std::vector<std::vector<cv::Point2f>> dimension_quads;
  for (const auto& d : found)
    if (d.category == detect::Category::dimension) dimension_quads.push_back(detection_quad(d));
  c.detections = static_cast<int>(dimension_quads.size());
  for (const auto& t : truth) {
    if (!t.dimension) continue;
    ++c.truth;
    c.found += std::any_of(dimension_quads.begin(), dimension_quads.end(),
                           [&](const auto& q) { return coverage(q, t) >= kCoverToFind; });
  }
  for (const auto& q : dimension_quads)
    c.right +=
        std::any_of(truth.begin(), truth.end(), [&](const TruthItem& t) { return coverage(q, t) >= kCoverToBeRight; });
  return c;
}

// The page in gray with the truth items in green (dimensions thick) and the detections in red
// (dimensions) or blue (other categories): what to look at when a figure is low.
void write_overlay(const fs::path& file, const cv::Mat& gray, const std::vector<TruthItem>& truth,
                   const std::vector<detect::Detection>& found) {
  cv::Mat canvas;
  cv::cvtColor(gray, canvas, cv::COLOR_GRAY2BGR);
  auto draw = [&](const std::vector<cv::Point2f>& quad, const cv::Scalar& colour, int thickness) {
    std::vector<cv::Point> points;
    for (const auto& p : quad) points.emplace_back(cvRound(p.x), cvRound(p.y));
    cv::polylines(canvas, points, true, colour, thickness);
  };
  for (const auto& t : truth) draw(t.quad, cv::Scalar(0, 170, 0), t.dimension ? 3 : 1);
  for (const auto& d : found)
    draw(detection_quad(d), d.category == detect::Category::dimension ? cv::Scalar(0, 0, 255) : cv::Scalar(255, 0, 0),
         1);
  cv::imwrite(file.string(), canvas);
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = "../shared/data/drawings", truth_folder, models, json_out, overlays;
  std::vector<int> resolutions = {150, 200, 300};
  bool degraded = true;
  CLI::App app{"The detector on rendered vector PDFs, scored against their text layer"};
  app.add_option("--data", data, "folder of drawings (its *.pdf / *.PDF are used)");
  app.add_option("--truth", truth_folder,
                 "folder of LabelMe truth for the rasters (default: ground_truth beside --data)");
  app.add_option("--models", models, "models directory (default: the search of docs/models.md)");
  app.add_option("--dpi", resolutions, "rendering resolutions")->delimiter(',');
  app.add_flag("!--clean-only", degraded, "skip the scan-degraded renderings");
  app.add_option("--json", json_out, "also write the figures here");
  app.add_option("--overlays", overlays, "also write each rendering with truth and detections drawn, as PNG, here");
  CLI11_PARSE(app, argc, argv);
  if (truth_folder.empty()) truth_folder = (fs::path(data).parent_path() / "ground_truth").string();

  auto directory = model::find_models_directory(models);
  if (!directory) {
    std::cerr << directory.error().message << "\n";
    return 1;
  }
  detect::DetectorOptions detector_options;
  detector_options.threads = 2;
  auto detector = detect::Detector::load(directory.value(), detector_options);
  if (!detector) {
    std::cerr << detector.error().message << "\n";
    return 1;
  }
  nlohmann::json report = nlohmann::json::array();
  std::map<std::string, Counts> totals;
  std::cout << std::left << std::setw(40) << "drawing" << std::setw(6) << "dpi" << std::setw(7) << "scan"
            << "truth found recall  dets right precision\n";
  PipelineOptions options;
  options.stages = StageSet().with(Stage::layout).with(Stage::annotate);
  // Scores one image: a row of its own, added to each of the sums named.
  const auto check = [&](const std::string& drawing, const std::string& stem, const std::string& resolution, bool scan,
                         const cv::Mat& image, double image_dpi, std::vector<TruthItem> truth,
                         const std::vector<std::string>& sums) {
    find_ink(truth, image);
    auto found = detector.value().detect(image, image_dpi);
    if (!found) {
      std::cerr << drawing << ": " << found.error().message << "\n";
      return;
    }
    const Counts c = score(truth, found.value());
    if (!overlays.empty()) {
      fs::create_directories(overlays);
      write_overlay(fs::path(overlays) / (stem + ".png"), image, truth, found.value());
    }
    std::cout << std::left << std::setw(40) << drawing << std::setw(6) << resolution << std::setw(7)
              << (scan ? "yes" : "no") << std::right << std::setw(5) << c.truth << std::setw(6) << c.found
              << std::setw(7) << std::fixed << std::setprecision(3) << c.json()["recall"].get<double>() << std::setw(6)
              << c.detections << std::setw(6) << c.right << std::setw(9) << c.json()["precision"].get<double>()
              << std::left << "\n";
    auto row = c.json();
    row["drawing"] = drawing;
    row["dpi"] = resolution;
    row["scan"] = scan;
    report.push_back(row);
    for (const auto& key : sums) totals[key].add(c);
  };
  tools::for_each_rendering(tools::vector_pdfs(data), resolutions, degraded, options, [&](const tools::Rendering& r) {
    std::vector<TruthItem> truth = truth_items(*r.page->annotations);
    for (auto& t : truth)
      for (auto& p : t.quad) {
        const cv::Point2d q = r.to_image({p.x, p.y});
        p = cv::Point2f(static_cast<float>(q.x), static_cast<float>(q.y));
      }
    check(r.drawing, r.stem, std::to_string(r.dpi), r.scan, r.image, r.image_dpi, truth,
          {std::to_string(r.dpi) + (r.scan ? " scan" : " clean"), "all"});
  });
  // The labelled rasters, each as the pipeline loads it (its own resolution).
  PipelineOptions load_only;
  load_only.stages = StageSet();
  load_only.keep_page_images = true;
  auto loader = Pipeline::create(load_only);
  for (const auto& [image_path, truth_path] : labelled_rasters(data, truth_folder)) {
    auto loaded = loader ? loader.value().analyze_file(image_path.string()) : Result<Analysis>(loader.error());
    if (!loaded || loaded.value().pages.empty() || loaded.value().pages.front().image.empty()) {
      std::cerr << image_path.filename().string() << ": " << (loaded ? "no page" : loaded.error().message) << "\n";
      continue;
    }
    const PageAnalysis& page = loaded.value().pages.front();
    std::vector<TruthItem> truth;
    try {
      const nlohmann::json annotation = labelme::read_annotation(truth_path);  // its errors name the file
      try {
        truth = labelled_items(annotation);
      } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error(truth_path.string() + ": a shape without numeric points: " + e.what());
      }
    } catch (const std::exception& e) {
      std::cerr << e.what() << "\n";
      continue;
    }
    check(image_path.filename().string(), image_path.stem().string() + "_raster",
          std::to_string(static_cast<int>(std::lround(page.dpi))), false, page.image, page.dpi, std::move(truth),
          {"labelled rasters"});
  }
  nlohmann::json summary = nlohmann::json::object();
  for (const auto& [key, c] : totals) {
    summary[key] = c.json();
    std::cout << "total " << std::setw(12) << key << " recall " << c.json()["recall"].get<double>() << " (" << c.found
              << "/" << c.truth << "), precision " << c.json()["precision"].get<double>() << " (" << c.right << "/"
              << c.detections << ")\n";
  }
  if (!json_out.empty())
    std::ofstream(json_out) << nlohmann::json{{"rows", report}, {"totals", summary}}.dump(2) << "\n";
  return 0;
}
