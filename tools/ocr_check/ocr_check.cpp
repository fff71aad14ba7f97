// drawlens-ocr-check: the recognizer on crops of real drawings, without hand labels (issue 17's
// real-drawing check). Each vector PDF is rendered (poppler, through the pipeline) at several
// resolutions, clean and with the generator's scan degradation; every dimension and GD&T frame the
// pipeline reads from the text layer (with the symbols and frames drawn as lines, read stage) is
// cut from the pixels as the detector would cut it: the ink inside its text-layer box, upright
// (core/upright_crop.h), mapped through the degradation. The recognizer and Tesseract read the same
// crops; each reading is compared with the text layer's string, spaces and line breaks left out
// (a stacked tolerance is read as two lines, printed as words side by side). Reports exact-string
// accuracy and the character error rate per drawing, per rendering and per kind, as a table and as
// JSON; with --crops, the crops that were misread as PNG (docs/ocr.md, docs/accuracy.md).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/upright_crop.h"
#include "detect/detect.h"
#include "model/model.h"
#include "ocr/ocr.h"
#include "prepare/prepare.h"
#include "rendered_pdfs.h"
#include "text_distance.h"

namespace {

namespace fs = std::filesystem;
using namespace drawlens;

// What a reading is compared on: the drawing alphabet's spellings ("⌀" is "Ø", "−" is "-"), without
// spaces and line breaks.
std::string compared_text(const std::string& text) {
  std::string out;
  for (const auto& c : ocr::utf8_characters(text))
    if (c != " " && c != "\n") out += c;
  return out;
}

struct Item {
  std::string kind;  // "dimension" or "gdt_frame"
  std::string truth;
  std::array<cv::Point2d, 4> corners;  // in the scored image, reading order
};

// The ink pixels inside `box` of the clean rendering, as points.
std::vector<cv::Point> ink_points(const cv::Mat& gray, int threshold, const Box& box) {
  const cv::Rect area = cv::Rect(box.x, box.y, box.width, box.height) & cv::Rect(0, 0, gray.cols, gray.rows);
  std::vector<cv::Point> points;
  if (area.empty()) return points;
  cv::Mat ink;
  cv::compare(gray(area), threshold, ink, cv::CMP_LE);
  cv::findNonZero(ink, points);
  for (auto& p : points) p += area.tl();
  return points;
}

// The region a detector would cut for an item read in `rotation` (0, 90, 180, 270) whose ink is
// `points`: the ink's bounds, or, for text set at a slant the quarter turn leaves out (a radius along
// its leader, text in an isometric view), the ink's tightest rectangle along that slant. Mapped to
// the scored image.
std::array<cv::Point2d, 4> region_corners(const std::vector<cv::Point>& points, int rotation,
                                          const tools::Rendering& r) {
  detect::OrientedBox region;
  const cv::Rect bounds = cv::boundingRect(points);
  region.centre_x = bounds.x + bounds.width / 2.0;
  region.centre_y = bounds.y + bounds.height / 2.0;
  const bool turned = rotation == 90 || rotation == 270;
  region.width = turned ? bounds.height : bounds.width;
  region.height = turned ? bounds.width : bounds.height;
  region.angle_degrees = rotation;
  const cv::RotatedRect tight = cv::minAreaRect(points);
  cv::Point2f p[4];
  tight.points(p);
  const cv::Point2f along = cv::norm(p[1] - p[0]) >= cv::norm(p[2] - p[1]) ? p[1] - p[0] : p[2] - p[1];
  const double slant = std::atan2(-along.y, along.x) * 180 / CV_PI;
  // The ink's direction that reads closest to the text layer's quarter turn, and how far off it is.
  const auto apart = [](double a, double b) { return std::abs(std::remainder(a - b, 360.0)); };
  const double reading = apart(slant, rotation) <= apart(slant + 180, rotation) ? slant : slant + 180;
  const double off = apart(reading, rotation);
  if (off > 4 && off < 60) {
    region.centre_x = tight.center.x;
    region.centre_y = tight.center.y;
    region.width = std::max(tight.size.width, tight.size.height);
    region.height = std::min(tight.size.width, tight.size.height);
    region.angle_degrees = reading;
  }
  auto corners = detect::corners(region);
  for (auto& c : corners) c = r.to_image(c);
  return corners;
}

// What is not scored: text outside the drawing alphabet, and items the read stage read from pixels
// (a frame compartment the text layer leaves empty is read by the recognizer itself).
struct Unscored {
  std::size_t outside_alphabet = 0;
  std::size_t read_from_pixels = 0;
};

std::vector<Item> items_of(const tools::Rendering& r, Unscored& unscored) {
  const cv::Mat& clean = r.page->image;
  const int paper = prepare::paper_level(clean);
  const int threshold = paper > 0 ? prepare::ink_threshold(paper) : 128;
  std::vector<Item> items;
  auto add = [&](const char* kind, const auto& placed) {
    const std::string& text = placed.text;
    const Box& box = placed.box;
    const int rotation = placed.rotation;
    if (placed.source != annotate::TextSource::text_layer) {
      ++unscored.read_from_pixels;
      return;
    }
    if (!ocr::normalized(text)) {
      ++unscored.outside_alphabet;
      return;
    }
    const auto points = ink_points(clean, threshold, box);
    if (!points.empty()) items.push_back({kind, text, region_corners(points, rotation, r)});
  };
  const auto& a = *r.page->annotations;
  for (const auto& d : a.dimensions) add("dimension", d);
  for (const auto& f : a.gdt_frames) add("gdt_frame", f);
  return items;
}

// The text layer lists a stacked pair in the order the CAD system wrote it (SolidWorks: the lower
// deviation first, or the lower limit); when the recognizer read a stack (upper line first), the truth's last two words
// are compared in the order that matches the reading better.
std::string truth_in_reading_order(const std::string& truth, const std::string& read) {
  const std::string as_listed = compared_text(truth);
  const auto last = truth.rfind(' ');
  if (read.find('\n') == std::string::npos || last == std::string::npos) return as_listed;
  const auto before = truth.rfind(' ', last - 1);
  const std::size_t start = before == std::string::npos ? 0 : before + 1;
  // A limit pair's lead ("R" of "R11.20 11.30") stays in front.
  const std::size_t lead = truth.find_first_of("0123456789+-.,", start);
  const std::size_t first = lead == std::string::npos || lead > last ? start : lead;
  const std::string swapped =
      compared_text(truth.substr(0, first) + truth.substr(last + 1) + " " + truth.substr(first, last - first));
  const std::string reading = compared_text(read);
  return eval::edit_distance(swapped, reading) < eval::edit_distance(as_listed, reading) ? swapped : as_listed;
}

struct Score {
  int crops = 0, exact = 0;
  std::size_t errors = 0, characters = 0;
  void add(const std::string& truth, const std::string& read) {
    const std::string t = truth_in_reading_order(truth, read), g = compared_text(read);
    ++crops;
    exact += t == g;
    errors += eval::edit_distance(t, g);
    characters += eval::code_points(t).size();
  }
  void add(const Score& o) { crops += o.crops, exact += o.exact, errors += o.errors, characters += o.characters; }
  double exact_share() const { return crops ? static_cast<double>(exact) / crops : 0; }
  double cer() const { return characters ? static_cast<double>(errors) / static_cast<double>(characters) : 0; }
  nlohmann::json json() const {
    return {{"crops", crops}, {"exact", exact}, {"exact_share", exact_share()}, {"cer", cer()}};
  }
};

struct Tally {
  Score recognizer, tesseract;
  void add(const Tally& o) { recognizer.add(o.recognizer), tesseract.add(o.tesseract); }
  nlohmann::json json() const { return {{"recognizer", recognizer.json()}, {"tesseract", tesseract.json()}}; }
};

void print_row(const std::string& name, const Tally& t) {
  std::cout << std::left << std::setw(48) << name << std::right << std::setw(6) << t.recognizer.crops << std::fixed
            << std::setprecision(3) << std::setw(9) << t.recognizer.exact_share() << std::setw(8)
            << std::setprecision(2) << 100 * t.recognizer.cer() << "%";
  if (t.tesseract.crops > 0)  // left out by --no-tesseract
    std::cout << std::setprecision(3) << std::setw(9) << t.tesseract.exact_share() << std::setw(8)
              << std::setprecision(2) << 100 * t.tesseract.cer() << "%";
  std::cout << "\n";
}

std::string file_safe(std::string text) {
  for (char& c : text)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '+') c = '_';
  return text.substr(0, 40);
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = "../shared/data/drawings", models, json_out, crops_out;
  std::vector<int> resolutions = {150, 200, 300};
  bool degraded = true, with_tesseract = true;
  CLI::App app{"The recognizer and Tesseract on crops of rendered vector PDFs, scored against their text layer"};
  app.add_option("--data", data, "folder of drawings (its *.pdf / *.PDF are used)");
  app.add_option("--models", models, "models directory (default: the search of docs/models.md)");
  app.add_option("--dpi", resolutions, "rendering resolutions")->delimiter(',');
  app.add_flag("!--clean-only", degraded, "skip the scan-degraded renderings");
  app.add_flag("!--no-tesseract", with_tesseract, "read with the recognizer only");
  app.add_option("--json", json_out, "also write the figures and every misreading here");
  app.add_option("--crops", crops_out, "also write each misread crop as PNG here");
  CLI11_PARSE(app, argc, argv);

  auto directory = model::find_models_directory(models);
  if (!directory) {
    std::cerr << directory.error().message << "\n";
    return 1;
  }
  ocr::EngineOptions engine_options;
  engine_options.recognizer.threads = 2;
  if (!with_tesseract) engine_options.tesseract_languages.clear();
  auto engine = ocr::Engine::create(directory.value(), engine_options);
  if (!engine) {
    std::cerr << engine.error().message << "\n";
    return 1;
  }
  if (!crops_out.empty()) fs::create_directories(crops_out);

  PipelineOptions options;
  options.model_directory = directory.value();
  options.stages = StageSet().with(Stage::layout).with(Stage::read).with(Stage::annotate);
  std::map<std::string, Tally> by_drawing, by_rendering, by_kind;
  Tally total;
  Unscored unscored;
  nlohmann::json misread = nlohmann::json::array();
  int crop_number = 0;
  tools::for_each_rendering(tools::vector_pdfs(data), resolutions, degraded, options, [&](const tools::Rendering& r) {
    std::vector<Item> items;
    std::vector<cv::Mat> crops;
    for (auto& item : items_of(r, unscored)) {
      cv::Mat crop = upright_crop(r.image, item.corners);
      if (crop.empty()) continue;  // ink of no length or height: a dot
      items.push_back(std::move(item));
      crops.push_back(std::move(crop));
    }
    if (items.empty()) return;
    auto recognized = engine.value().read(crops, ocr::ReadMode::recognizer, r.image_dpi);
    auto tesseract = with_tesseract ? engine.value().read(crops, ocr::ReadMode::tesseract, r.image_dpi)
                                    : Result<std::vector<ocr::Reading>>(std::vector<ocr::Reading>(crops.size()));
    if (!recognized || !tesseract) {
      std::cerr << r.drawing << ": " << (recognized ? tesseract.error() : recognized.error()).message << "\n";
      return;
    }
    const std::string rendering = std::to_string(r.dpi) + (r.scan ? " dpi scan" : " dpi clean");
    for (std::size_t i = 0; i < items.size(); ++i) {
      Tally t;
      const std::string& read = recognized.value()[i].text;
      t.recognizer.add(items[i].truth, read);
      if (with_tesseract) t.tesseract.add(items[i].truth, tesseract.value()[i].text);
      by_drawing[r.drawing].add(t);
      by_rendering[rendering].add(t);
      by_kind[items[i].kind].add(t);
      total.add(t);
      if (t.recognizer.exact) continue;
      misread.push_back({{"drawing", r.drawing},
                         {"rendering", rendering},
                         {"kind", items[i].kind},
                         {"truth", items[i].truth},
                         {"read", read},
                         {"confidence", recognized.value()[i].confidence}});
      if (!crops_out.empty())
        cv::imwrite((fs::path(crops_out) /
                     (std::to_string(crop_number++) + "_" + r.stem + "_" + file_safe(items[i].truth) + ".png"))
                        .string(),
                    crops[i]);
    }
  });

  std::cout << std::left << std::setw(48) << "" << std::right << std::setw(6) << "crops" << std::setw(9) << "exact"
            << std::setw(9) << "CER" << std::setw(9) << "tess ex" << std::setw(9) << "tess CER"
            << "\n";
  nlohmann::json report = {{"outside_alphabet", unscored.outside_alphabet},
                           {"read_from_pixels", unscored.read_from_pixels},
                           {"misread", misread}};
  for (auto* group : {&by_drawing, &by_rendering, &by_kind}) {
    for (const auto& [name, t] : *group) {
      print_row(name, t);
      report[group == &by_drawing ? "drawings" : group == &by_rendering ? "renderings" : "kinds"][name] = t.json();
    }
    std::cout << "\n";
  }
  print_row("all", total);
  report["all"] = total.json();
  std::cout << "not scored: " << unscored.outside_alphabet << " items whose text leaves the drawing alphabet, "
            << unscored.read_from_pixels << " read from pixels by the read stage\n";
  if (!json_out.empty()) std::ofstream(json_out) << report.dump(2) << "\n";
  return 0;
}
