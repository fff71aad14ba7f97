// score_pages (page_scoring.h).
#include "page_scoring.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <vector>

#include <opencv2/imgcodecs.hpp>

#include "edgnet_evaluation.h"
#include "load/load.h"
#include "prepare/prepare.h"
#include "segment/segment.h"

namespace drawlens::train {

int score_pages(const std::string& directory, const std::string& model_path, double dpi, int threads) {
  namespace fs = std::filesystem;
  std::ifstream in(model_path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + model_path);
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  segment::EdgNetOptions options;
  options.threads = threads;
  auto edgnet = segment::EdgNet::from_bytes(bytes.data(), bytes.size(), model_path, options);
  if (!edgnet) throw std::runtime_error(edgnet.error().message);
  std::vector<fs::path> pages;
  for (const auto& entry : fs::directory_iterator(directory)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".png" && name.find(".mask.") == std::string::npos) pages.push_back(entry.path());
  }
  std::sort(pages.begin(), pages.end());
  if (pages.empty()) throw std::runtime_error(directory + " holds no NAME.png with NAME.mask.png");
  SegmentScores pooled, pooled_by_length;
  nlohmann::json report = {{"model", model_path}, {"dpi", dpi}, {"pages", nlohmann::json::object()}};
  for (const fs::path& page : pages) {
    const fs::path mask_path = page.parent_path() / (page.stem().string() + ".mask.png");
    // The page's own resolution when its file states one (the generator's do), else `dpi`.
    load::Options load_options;
    load_options.assumed_dpi = dpi;
    auto loaded = load::load_file(page.string(), load_options);
    if (!loaded) throw std::runtime_error(loaded.error().message);
    const cv::Mat gray = loaded.value().pages.at(0).gray;
    const double page_dpi = loaded.value().pages.at(0).dpi;
    const cv::Mat mask = cv::imread(mask_path.string(), cv::IMREAD_GRAYSCALE);
    if (gray.empty() || mask.empty() || gray.size() != mask.size())
      throw std::runtime_error(page.string() + ": page or mask missing, unreadable or of another size");
    auto vectorized = segment::vectorize(prepare::prepare_page(gray, page_dpi).ink, page_dpi);
    if (!vectorized) throw std::runtime_error(page.string() + ": " + vectorized.error().message);
    const auto labels = segment::primitive_labels(vectorized.value(), mask);
    auto probabilities = edgnet.value().classify(segment::build_graph(vectorized.value()));
    if (!probabilities) throw std::runtime_error(page.string() + ": " + probabilities.error().message);
    SegmentScores scores, by_length;
    const double mm = page_dpi / 25.4;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      const float* row = probabilities.value().data() + i * segment::kClassCount;
      const int predicted = static_cast<int>(std::max_element(row, row + segment::kClassCount) - row);
      const double length_mm = vectorized.value().primitives[i].length / mm;
      scores.add(labels[i], predicted);
      by_length.add(labels[i], predicted, length_mm);
      pooled.add(labels[i], predicted);
      pooled_by_length.add(labels[i], predicted, length_mm);
    }
    std::cout << page.filename().string() << ": " << labels.size() << " primitives | by count " << scores.summary()
              << "\n    by length " << by_length.summary() << "\n";
    report["pages"][page.filename().string()] = {{"by_count", scores.to_json()}, {"by_length", by_length.to_json()}};
  }
  std::cout << "pooled by count: " << pooled.summary() << "\npooled by length: " << pooled_by_length.summary() << "\n";
  report["pooled"] = {{"by_count", pooled.to_json()}, {"by_length", pooled_by_length.to_json()}};
  std::ofstream out(fs::path(directory) / "scores.json");
  out << report.dump(2) << "\n";
  return 0;
}

}  // namespace drawlens::train
